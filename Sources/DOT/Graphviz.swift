import Foundation

/// Picture formats Graphviz renders for `newsgraph render`.
public enum GraphvizFormat: String, CaseIterable, Sendable {
    case svg, png, pdf
}

/// Why rendering failed. `notInstalled` says how to install Graphviz, because that is what the
/// person who sees it needs to do next.
public enum GraphvizError: Error, Hashable, Sendable, CustomStringConvertible {
    case notInstalled
    /// `dot` exited with a failure status; `stderr` is what it said.
    case failed(status: Int32, stderr: String)
    case io(path: String, message: String)

    public var description: String {
        switch self {
        case .notInstalled:
            return """
                Graphviz's `dot` program was not found on PATH (or at $GRAPHVIZ_DOT). Install Graphviz:
                  Debian/Ubuntu: sudo apt-get install graphviz
                  Fedora/RHEL:   sudo dnf install graphviz
                  macOS:         brew install graphviz
                  Windows:       winget install graphviz
                or write DOT instead (`--to dot`) and render it elsewhere.
                """
        case let .failed(status, stderr):
            let said = stderr.trimmingCharacters(in: .whitespacesAndNewlines)
            return "dot failed (exit status \(status))" + (said.isEmpty ? "" : ":\n" + said)
        case let .io(path, message): return "\(path): \(message)"
        }
    }
}

/// Runs Graphviz's `dot` executable. Rendering is delegated rather than reimplemented: Graphviz
/// is the layout engine people trust, and the DOT the writer produces is written for it.
public enum Graphviz {
    /// The `dot` executable: `$GRAPHVIZ_DOT` if set, else the first `dot` on `$PATH`.
    public static func executablePath() -> String? {
        let env = ProcessInfo.processInfo.environment
        let fm = FileManager.default
        if let explicit = env["GRAPHVIZ_DOT"], !explicit.isEmpty {
            return fm.isExecutableFile(atPath: explicit) ? explicit : nil
        }
        let path = env["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for dir in path.split(separator: ":") where !dir.isEmpty {
            let candidate = String(dir) + "/dot"
            if fm.isExecutableFile(atPath: candidate) { return candidate }
        }
        for candidate in ["/opt/homebrew/bin/dot", "/usr/local/bin/dot", "/usr/bin/dot"] where fm.isExecutableFile(atPath: candidate) {
            return candidate
        }
        return nil
    }

    public static var isInstalled: Bool { executablePath() != nil }

    /// Renders DOT text to `path` in `format`. The picture is written beside `path` and renamed
    /// into place only when `dot` succeeds. Returns what `dot` printed on stderr when it
    /// succeeded anyway (warnings; empty when clean), so callers can surface it.
    @discardableResult
    public static func render(dot: [UInt8], format: GraphvizFormat, to path: String, layout: String = "dot") throws(GraphvizError) -> String {
        guard let executable = executablePath() else { throw GraphvizError.notInstalled }
        let fm = FileManager.default
        let tmpDir = fm.temporaryDirectory.path
        let token = UUID().uuidString
        let input = tmpDir + "/newsgraph-\(token).dot"
        let directory = (path as NSString).deletingLastPathComponent
        let base = (path as NSString).lastPathComponent
        let partial = (directory.isEmpty ? "." : directory) + "/.\(base).tmp-\(token)"
        guard fm.createFile(atPath: input, contents: Data(dot)) else {
            throw GraphvizError.io(path: input, message: "cannot write the temporary DOT file")
        }
        defer {
            try? fm.removeItem(atPath: input)
            if fm.fileExists(atPath: partial) { try? fm.removeItem(atPath: partial) }
        }

        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["-K" + layout, "-T" + format.rawValue, "-o", partial, input]
        let errPipe = Pipe()
        process.standardError = errPipe
        process.standardOutput = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch {
            throw GraphvizError.io(path: executable, message: "cannot run: \(error.localizedDescription)")
        }
        let errData = errPipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let stderr = String(decoding: errData, as: UTF8.self).replacingOccurrences(of: input, with: "<input>")
        guard process.terminationReason == .exit, process.terminationStatus == 0 else {
            throw GraphvizError.failed(status: process.terminationStatus, stderr: stderr)
        }
        if fm.fileExists(atPath: path) { try? fm.removeItem(atPath: path) }
        do { try fm.moveItem(atPath: partial, toPath: path) } catch {
            throw GraphvizError.io(path: path, message: "cannot write the picture: \(error.localizedDescription)")
        }
        return stderr
    }

    /// Renders to memory, for writing the picture to stdout. Warnings are dropped; use
    /// ``render(dot:format:to:layout:)`` to see them.
    public static func render(dot: [UInt8], format: GraphvizFormat, layout: String = "dot") throws(GraphvizError) -> [UInt8] {
        let path = FileManager.default.temporaryDirectory.path + "/newsgraph-\(UUID().uuidString).\(format.rawValue)"
        try render(dot: dot, format: format, to: path, layout: layout)
        defer { try? FileManager.default.removeItem(atPath: path) }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw GraphvizError.io(path: path, message: "cannot read the rendered picture")
        }
        return [UInt8](data)
    }

    @discardableResult
    public static func render(dot: String, format: GraphvizFormat, to path: String, layout: String = "dot") throws(GraphvizError) -> String {
        try render(dot: Array(dot.utf8), format: format, to: path, layout: layout)
    }
}
