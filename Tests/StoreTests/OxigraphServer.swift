import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import XCTest

/// A real Oxigraph server (`pip install oxigraph` → `oxigraph serve`) on a free loopback port in
/// a temporary folder, started for one test and always stopped by the test's teardown.
final class OxigraphServer: @unchecked Sendable {
    let process: Process
    let directory: URL
    let port: UInt16
    var baseURL: URL { URL(string: "http://127.0.0.1:\(port)")! }

    /// The `oxigraph` executable: `$NEWSGRAPH_OXIGRAPH`, else the first on `PATH` (a pyenv shim is
    /// resolved to the real binary so that stopping the process stops the server).
    static func executable() -> URL? {
        let env = ProcessInfo.processInfo.environment
        if let explicit = env["NEWSGRAPH_OXIGRAPH"], FileManager.default.isExecutableFile(atPath: explicit) {
            return URL(fileURLWithPath: explicit)
        }
        for dir in (env["PATH"] ?? "").split(separator: ":") {
            let candidate = String(dir) + "/oxigraph"
            guard FileManager.default.isExecutableFile(atPath: candidate) else { continue }
            if candidate.contains("/shims/"), let real = resolvePyenvShim() { return URL(fileURLWithPath: real) }
            return URL(fileURLWithPath: candidate)
        }
        return nil
    }

    private static func resolvePyenvShim() -> String? {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["pyenv", "which", "oxigraph"]
        let pipe = Pipe()
        p.standardOutput = pipe
        p.standardError = FileHandle.nullDevice
        do { try p.run() } catch { return nil }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        let path = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return p.terminationStatus == 0 && FileManager.default.isExecutableFile(atPath: path) ? path : nil
    }

    /// Starts the server for `test`, or skips the test (with a message) when Oxigraph is absent.
    static func start(for test: XCTestCase) throws -> OxigraphServer {
        guard let exe = executable() else {
            print("StoreTests: skipping Oxigraph integration test: no `oxigraph` command (pip install oxigraph)")
            throw XCTSkip("oxigraph command not found; install it with `pip install oxigraph`")
        }
        guard let port = unusedLoopbackPort() else { throw XCTSkip("no free loopback port") }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("newsgraph-oxigraph-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let p = Process()
        p.executableURL = exe
        p.arguments = ["serve", "--location", dir.path, "--bind", "127.0.0.1:\(port)"]
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        let server = OxigraphServer(process: p, directory: dir, port: port)
        test.addTeardownBlock { server.stop() }
        try server.waitUntilReady()
        return server
    }

    private init(process: Process, directory: URL, port: UInt16) {
        self.process = process; self.directory = directory; self.port = port
    }

    /// Polls the query service for at most 30 s.
    func waitUntilReady() throws {
        let url = baseURL.appendingPathComponent("query")
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline {
            guard process.isRunning else { throw XCTSkip("oxigraph serve exited at start (status \(process.terminationStatus))") }
            var request = URLRequest(url: url)
            request.httpMethod = "POST"
            request.setValue("application/sparql-query", forHTTPHeaderField: "Content-Type")
            request.httpBody = Data("ASK { }".utf8)
            request.timeoutInterval = 1
            let done = DispatchSemaphore(value: 0)
            final class Flag: @unchecked Sendable { var ok = false }
            let flag = Flag()
            URLSession.shared.dataTask(with: request) { _, response, _ in
                flag.ok = (response as? HTTPURLResponse)?.statusCode == 200
                done.signal()
            }.resume()
            _ = done.wait(timeout: .now() + 3)
            if flag.ok { return }
            Thread.sleep(forTimeInterval: 0.1)
        }
        throw XCTSkip("oxigraph serve did not become ready within 30 s")
    }

    func stop() {
        if process.isRunning {
            process.terminate()
            let deadline = Date().addingTimeInterval(10)
            while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
            if process.isRunning { kill(process.processIdentifier, SIGKILL); process.waitUntilExit() }
        }
        try? FileManager.default.removeItem(at: directory)
    }
}
