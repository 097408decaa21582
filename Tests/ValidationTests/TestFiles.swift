import Foundation
import XCTest

/// Paths shared by the validation tests: the package's `Schemas/` folder and a scratch directory.
enum TestFiles {
    /// The package root, found from this source file's location (Tests/ValidationTests/…).
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func schema(_ name: String) -> String { packageRoot.appendingPathComponent("Schemas").appendingPathComponent(name).path }

    /// A fresh directory for one test's files.
    static func scratch(_ name: String = #function) throws -> URL {
        let clean = name.filter { $0.isLetter || $0.isNumber }
        let dir = FileManager.default.temporaryDirectory
            .appendingPathComponent("newsgraph-validation-\(getpid())")
            .appendingPathComponent(clean)
        try? FileManager.default.removeItem(at: dir)
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    @discardableResult
    static func write(_ text: String, to dir: URL, as name: String) throws -> String {
        let url = dir.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    /// 1-based line and column of the first occurrence of `needle` in `text`.
    static func position(of needle: String, in text: String) -> (line: Int, column: Int)? {
        guard let range = text.range(of: needle) else { return nil }
        let before = text[..<range.lowerBound]
        let line = before.filter { $0 == "\n" }.count + 1
        let lineStart = before.lastIndex(of: "\n").map { before.index(after: $0) } ?? before.startIndex
        return (line, before[lineStart...].unicodeScalars.count + 1)
    }

    /// 1-based line of the first occurrence of `needle` in `text`.
    static func line(of needle: String, in text: String) -> Int? { position(of: needle, in: text)?.line }
}

/// Replaces exactly one occurrence of `old` (fails the test when it is absent, so a mutation
/// can never silently become a no-op).
func mutate(_ text: String, _ old: String, _ new: String, file: StaticString = #filePath, line: UInt = #line) -> String {
    guard let r = text.range(of: old) else {
        XCTFail("mutation target not found: \(old)", file: file, line: line)
        return text
    }
    return text.replacingCharacters(in: r, with: new)
}
