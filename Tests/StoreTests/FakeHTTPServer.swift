import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A tiny scripted HTTP/1.1 server on 127.0.0.1 for the fault tests: each accepted request gets
/// the next scripted behaviour (answer, hang, drop). Loopback only, bounded in every loop, and it
/// closes every connection after one answer so each request is observable.
final class FakeHTTPServer: @unchecked Sendable {
    enum Behaviour: Sendable {
        case respond(status: Int, body: String, contentType: String = "text/plain")
        /// Read the request, then say nothing for `seconds` (the client should time out first).
        case hang(seconds: Double)
        /// Read the request and close the connection without answering.
        case drop
    }

    struct Request: Sendable {
        var method: String
        var target: String
        var headers: [String: String]
        var body: Data
    }

    let port: UInt16
    private let listener: Int32
    private let lock = NSLock()
    private var script: [Behaviour]
    private var fallback: Behaviour
    private var _requests: [Request] = []
    private var stopped = false
    private let finished = DispatchSemaphore(value: 0)

    var requests: [Request] { lock.lock(); defer { lock.unlock() }; return _requests }

    /// `script` is consumed request by request; afterwards every request gets `fallback`.
    init(script: [Behaviour], fallback: Behaviour = .respond(status: 200, body: "")) throws {
        self.script = script
        self.fallback = fallback
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw POSIXError(.EIO) }
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_port = 0
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(fd, 16) == 0 else { close(fd); throw POSIXError(.EADDRINUSE) }
        var len = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &len) }
        }
        listener = fd
        port = UInt16(bigEndian: addr.sin_port)
        let thread = Thread { [self] in self.serve() }
        thread.start()
    }

    var baseURL: URL { URL(string: "http://127.0.0.1:\(port)")! }

    func stop() {
        lock.lock(); stopped = true; lock.unlock()
        _ = finished.wait(timeout: .now() + 10)
        close(listener)
    }

    private var isStopped: Bool { lock.lock(); defer { lock.unlock() }; return stopped }

    private func serve() {
        let deadline = Date().addingTimeInterval(60)
        while !isStopped && Date() < deadline {
            var pfd = pollfd(fd: listener, events: Int16(POLLIN), revents: 0)
            guard poll(&pfd, 1, 50) > 0 else { continue }
            let client = accept(listener, nil, nil)
            guard client >= 0 else { continue }
            handle(client)
            close(client)
        }
        finished.signal()
    }

    private func handle(_ fd: Int32) {
        guard let request = readRequest(fd) else { return }
        lock.lock()
        _requests.append(request)
        let behaviour = script.isEmpty ? fallback : script.removeFirst()
        lock.unlock()
        switch behaviour {
        case let .respond(status, body, contentType):
            let bytes = Array(body.utf8)
            let head = "HTTP/1.1 \(status) Status\r\nContent-Type: \(contentType)\r\nContent-Length: \(bytes.count)\r\nConnection: close\r\n\r\n"
            writeAll(fd, Array(head.utf8) + bytes)
        case let .hang(seconds):
            let until = Date().addingTimeInterval(seconds)
            while Date() < until && !isStopped { usleep(20_000) }
        case .drop:
            return
        }
    }

    /// Reads one request (headers, then Content-Length bytes), answering `Expect: 100-continue`.
    private func readRequest(_ fd: Int32) -> Request? {
        var buffer: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        let deadline = Date().addingTimeInterval(10)
        func fill() -> Bool {
            var pfd = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            guard poll(&pfd, 1, 100) > 0 else { return Date() < deadline }
            let n = read(fd, &chunk, chunk.count)
            guard n > 0 else { return false }
            buffer.append(contentsOf: chunk[0..<n])
            return true
        }
        var headerEnd: Int?
        while headerEnd == nil {
            guard fill(), buffer.count < 1 << 20 else { return nil }
            headerEnd = findHeaderEnd(buffer)
        }
        guard let end = headerEnd else { return nil }
        let headText = String(decoding: buffer[0..<end], as: UTF8.self)
        var lines = headText.components(separatedBy: "\r\n")
        let requestLine = lines.removeFirst().split(separator: " ")
        guard requestLine.count >= 2 else { return nil }
        var headers: [String: String] = [:]
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        if headers["expect"]?.lowercased() == "100-continue" { writeAll(fd, Array("HTTP/1.1 100 Continue\r\n\r\n".utf8)) }
        let length = Int(headers["content-length"] ?? "0") ?? 0
        while buffer.count - (end + 4) < length {
            guard fill(), Date() < deadline else { return nil }
        }
        let body = Data(buffer[(end + 4)..<(end + 4 + length)])
        return Request(method: String(requestLine[0]), target: String(requestLine[1]), headers: headers, body: body)
    }

    private func findHeaderEnd(_ b: [UInt8]) -> Int? {
        guard b.count >= 4 else { return nil }
        for i in 0...(b.count - 4) where b[i] == 13 && b[i + 1] == 10 && b[i + 2] == 13 && b[i + 3] == 10 { return i }
        return nil
    }

    private func writeAll(_ fd: Int32, _ bytes: [UInt8]) {
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if n <= 0 { return }
            offset += n
        }
    }
}

/// A loopback port nobody listens on (bound, read, closed), for the "server down" case.
func unusedLoopbackPort() -> UInt16? {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard fd >= 0 else { return nil }
    defer { close(fd) }
    var addr = sockaddr_in()
    addr.sin_family = sa_family_t(AF_INET)
    addr.sin_port = 0
    addr.sin_addr.s_addr = inet_addr("127.0.0.1")
    let bound = withUnsafePointer(to: &addr) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
    }
    guard bound == 0 else { return nil }
    var len = socklen_t(MemoryLayout<sockaddr_in>.size)
    _ = withUnsafeMutablePointer(to: &addr) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &len) }
    }
    return UInt16(bigEndian: addr.sin_port)
}
