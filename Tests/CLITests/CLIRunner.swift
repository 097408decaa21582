import Foundation
import XCTest

/// Runs the built `newsgraph` binary the way a user or a CI job does, capturing exit code and output.
struct CLIResult {
    var status: Int32
    var stdout: String
    var stderr: String
    var uncaughtSignal: Bool
}

enum CLI {
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static var executable: URL? {
        let candidates = [
            ProcessInfo.processInfo.environment["NEWSGRAPH_BIN"],
            Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("newsgraph").path,
            Bundle.main.bundleURL.appendingPathComponent("newsgraph").path,
            packageRoot.appendingPathComponent(".build/debug/newsgraph").path,
        ].compactMap { $0 }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }.map { URL(fileURLWithPath: $0) }
    }

    static func run(_ arguments: [String], stdin: Data? = nil, cwd: URL? = nil, timeout: TimeInterval = 120) throws -> CLIResult {
        guard let exe = executable else { throw XCTSkip("the newsgraph binary is not built (run `swift build` first)") }
        let p = Process()
        p.executableURL = exe
        p.arguments = arguments
        p.currentDirectoryURL = cwd ?? packageRoot
        let out = Pipe(), err = Pipe(), input = Pipe()
        p.standardOutput = out
        p.standardError = err
        p.standardInput = input
        try p.run()
        if let stdin { input.fileHandleForWriting.write(stdin) }
        try? input.fileHandleForWriting.close()
        // Drain both pipes concurrently so a chatty child never blocks.
        var outData = Data(), errData = Data()
        let group = DispatchGroup()
        group.enter(); DispatchQueue.global().async { outData = out.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        group.enter(); DispatchQueue.global().async { errData = err.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        let deadline = Date().addingTimeInterval(timeout)
        while p.isRunning && Date() < deadline { usleep(10_000) }
        if p.isRunning { p.terminate(); XCTFail("newsgraph \(arguments) did not finish within \(timeout) s") }
        p.waitUntilExit()
        group.wait()
        return CLIResult(
            status: p.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self), uncaughtSignal: p.terminationReason == .uncaughtSignal)
    }

    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("newsgraph-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
