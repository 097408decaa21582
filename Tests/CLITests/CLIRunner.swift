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
        var candidates: [String] = []
        if let fromEnvironment = ProcessInfo.processInfo.environment["NEWSGRAPH_BIN"] { candidates.append(fromEnvironment) }
        let bundle: URL = Bundle.main.bundleURL
        candidates.append(bundle.deletingLastPathComponent().appendingPathComponent("newsgraph").path)
        candidates.append(bundle.appendingPathComponent("newsgraph").path)
        candidates.append(packageRoot.appendingPathComponent(".build/debug/newsgraph").path)
        guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else { return nil }
        return URL(fileURLWithPath: found)
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
        let outBox = DataBox(), errBox = DataBox()
        let group = DispatchGroup()
        group.enter(); DispatchQueue.global().async { outBox.data = out.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        group.enter(); DispatchQueue.global().async { errBox.data = err.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        let deadline = Date().addingTimeInterval(timeout)
        while p.isRunning && Date() < deadline { usleep(10_000) }
        if p.isRunning { p.terminate(); XCTFail("newsgraph \(arguments) did not finish within \(timeout) s") }
        p.waitUntilExit()
        group.wait()
        let outData = outBox.data, errData = errBox.data
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

/// A pipe's bytes, filled by one reader thread and read after `DispatchGroup.wait()`.
final class DataBox: @unchecked Sendable {
    var data = Data()
}
