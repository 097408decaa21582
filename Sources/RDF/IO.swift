#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Where a writer's bytes go. Writers append to a ``ByteSink`` and never know about files, so the
/// same writer serves stdout, an atomic file and an in-memory test buffer.
public protocol ByteSink: AnyObject {
    func write(_ bytes: UnsafeRawBufferPointer) throws
    func flush() throws
}

/// A buffered output stream over a ``ByteSink``: writers call `append` for every token and the
/// buffer reaches the sink in 256 KiB blocks, which is what makes million-triples-per-second
/// writing possible.
public final class OutputBuffer {
    @usableFromInline var buffer: [UInt8]
    @usableFromInline let sink: ByteSink?
    @usableFromInline let limit: Int
    /// Bytes kept when there is no sink (``OutputBuffer/init()``).
    public var bytes: [UInt8] { buffer }
    public var string: String { String(decoding: buffer, as: UTF8.self) }

    /// Keeps everything in memory.
    public init() { self.buffer = []; self.sink = nil; self.limit = Int.max }

    public init(sink: ByteSink, blockSize: Int = 1 << 18) {
        self.sink = sink; self.limit = blockSize; self.buffer = []; buffer.reserveCapacity(blockSize + 4096)
    }

    @inlinable public func append(_ s: String) {
        var s = s
        s.withUTF8 { buffer.append(contentsOf: $0) }
        if buffer.count >= limit { try? drain() }
    }
    @inlinable public func append(_ s: Substring) { append(String(s)) }
    @inlinable public func append(byte: UInt8) {
        buffer.append(byte)
        if buffer.count >= limit { try? drain() }
    }
    @inlinable public func append<C: Collection>(bytes: C) where C.Element == UInt8 {
        buffer.append(contentsOf: bytes)
        if buffer.count >= limit { try? drain() }
    }

    @usableFromInline var pendingError: (any Error)?

    @usableFromInline func drain() throws {
        guard let sink, !buffer.isEmpty else { return }
        do { try buffer.withUnsafeBytes { try sink.write($0) } } catch { pendingError = error; throw error }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Writes what is buffered and surfaces any error that happened during an earlier `append`.
    public func flush() throws {
        if let pendingError { throw pendingError }
        try drain()
        try sink?.flush()
    }
}

/// Writes to an open file descriptor (stdout by default).
public final class FileDescriptorSink: ByteSink {
    let fd: Int32
    let name: String
    public init(fd: Int32 = 1, name: String = "<stdout>") { self.fd = fd; self.name = name }
    public func write(_ bytes: UnsafeRawBufferPointer) throws {
        var offset = 0
        while offset < bytes.count {
            guard let base = bytes.baseAddress else { return }
            let n = Glibc.write(fd, base + offset, bytes.count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                throw RDFError.io(path: name, message: String(cString: strerror(errno)))
            }
            offset += n
        }
    }
    public func flush() throws {}
}

/// A file written beside its destination under a temporary name and renamed over it on
/// ``commit()``, so a failed or interrupted run never leaves a half-written output.
public final class AtomicFileSink: ByteSink {
    public let path: String
    let temporaryPath: String
    var fd: Int32
    var committed = false

    public init(path: String) throws {
        self.path = path
        let dir: String
        if let slash = path.lastIndex(of: "/") { dir = String(path[..<slash]) } else { dir = "." }
        let base = path.split(separator: "/").last.map(String.init) ?? path
        var template = Array(((dir.isEmpty ? "/" : dir) + "/.\(base).tmp-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw RDFError.io(path: path, message: "cannot create a file here: " + String(cString: strerror(errno))) }
        self.fd = fd
        self.temporaryPath = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        fchmod(fd, 0o644)
    }

    public func write(_ bytes: UnsafeRawBufferPointer) throws {
        try FileDescriptorSink(fd: fd, name: path).write(bytes)
    }
    public func flush() throws {}

    /// Closes the temporary file and renames it to `path`.
    public func commit() throws {
        guard !committed else { return }
        committed = true
        if close(fd) != 0 { unlink(temporaryPath); throw RDFError.io(path: path, message: String(cString: strerror(errno))) }
        fd = -1
        if rename(temporaryPath, path) != 0 {
            let message = String(cString: strerror(errno))
            unlink(temporaryPath)
            throw RDFError.io(path: path, message: message)
        }
    }

    /// Throws the temporary file away.
    public func abandon() {
        guard !committed else { return }
        committed = true
        if fd >= 0 { close(fd) }
        unlink(temporaryPath)
    }

    deinit { abandon() }
}

/// A source of input bytes, read in blocks so that readers can stream files larger than memory.
public final class InputSource {
    public let name: String
    let fd: Int32
    let ownsFD: Bool
    var memory: [UInt8]?
    var memoryOffset = 0

    /// Reads from a file; a directory, a missing file or an unreadable file is an ``RDFError/io``.
    public init(path: String) throws {
        if path == "-" { self.name = "<stdin>"; self.fd = 0; self.ownsFD = false; return }
        self.name = path
        var st = stat()
        guard stat(path, &st) == 0 else { throw RDFError.io(path: path, message: String(cString: strerror(errno))) }
        if (st.st_mode & S_IFMT) == S_IFDIR { throw RDFError.io(path: path, message: "is a directory, not a file") }
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw RDFError.io(path: path, message: String(cString: strerror(errno))) }
        self.fd = fd; self.ownsFD = true
    }

    /// Serves bytes already in memory.
    public init(bytes: [UInt8], name: String = "<memory>") {
        self.name = name; self.fd = -1; self.ownsFD = false; self.memory = bytes
    }
    public convenience init(string: String, name: String = "<memory>") { self.init(bytes: Array(string.utf8), name: name) }

    deinit { if ownsFD { close(fd) } }

    /// Appends up to `max` bytes to `buffer`; returns the number read, 0 at the end.
    public func read(into buffer: inout [UInt8], max: Int = 1 << 20) throws -> Int {
        if let memory {
            let n = Swift.min(max, memory.count - memoryOffset)
            if n > 0 { buffer.append(contentsOf: memory[memoryOffset..<memoryOffset + n]); memoryOffset += n }
            return n
        }
        let got = try withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max) { block -> Int in
            while true {
                let n = Glibc.read(fd, block.baseAddress, max)
                if n < 0 {
                    if errno == EINTR { continue }
                    throw RDFError.io(path: name, message: String(cString: strerror(errno)))
                }
                buffer.append(contentsOf: UnsafeBufferPointer(rebasing: block[0..<n]))
                return n
            }
        }
        return got
    }

    /// Reads everything that is left. For syntaxes that cannot stream (JSON).
    public func readAll() throws -> [UInt8] {
        if let memory { let rest = Array(memory[memoryOffset...]); memoryOffset = memory.count; return rest }
        var all: [UInt8] = []
        while try read(into: &all) > 0 {}
        return all
    }
}
