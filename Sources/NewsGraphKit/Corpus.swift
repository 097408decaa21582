import Foundation
import RDF
import Extraction

/// A problem with one input document. The build reports it and, with `--keep-going`, carries on
/// with the other documents, so one bad file never costs the output of the rest.
public struct InputProblem: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var line: Int?
    public var message: String
    public var description: String {
        if let line { return "\(path):\(line): \(message)" }
        return "\(path): \(message)"
    }
}

/// Reads articles from files, directories (recursively, `.txt` and `.jsonl`), JSON Lines
/// (`{"id","text","date","url","title"}` per line) and standard input (`-`).
public struct CorpusReader: Sendable {
    /// Articles larger than this are refused rather than read: nothing in news is that long, and a
    /// stray binary or log file should fail fast instead of exhausting memory.
    public var maximumDocumentBytes: Int = 256 << 20

    public init() {}

    /// The files a list of paths stands for, in a stable order (directories walked recursively,
    /// entries sorted by name; hidden files skipped).
    public func expand(_ paths: [String]) -> (files: [String], problems: [InputProblem]) {
        var files: [String] = [], problems: [InputProblem] = []
        let fm = FileManager.default
        for path in paths {
            if path == "-" { files.append(path); continue }
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDir) else {
                problems.append(InputProblem(path: path, message: "no such file or directory")); continue
            }
            if isDir.boolValue {
                guard let walker = fm.enumerator(atPath: path) else {
                    problems.append(InputProblem(path: path, message: "cannot read the directory")); continue
                }
                var found: [String] = []
                while let rel = walker.nextObject() as? String {
                    let name = (rel as NSString).lastPathComponent
                    if name.hasPrefix(".") { if (walker.fileAttributes?[.type] as? FileAttributeType) == .typeDirectory { walker.skipDescendants() }; continue }
                    let lower = name.lowercased()
                    if lower.hasSuffix(".txt") || lower.hasSuffix(".jsonl") || lower.hasSuffix(".text") {
                        found.append(path.hasSuffix("/") ? path + rel : path + "/" + rel)
                    }
                }
                files.append(contentsOf: found.sorted())
            } else {
                files.append(path)
            }
        }
        return (files, problems)
    }

    /// Reads one file into documents. A `.jsonl` file gives one document per line; any other file
    /// is one plain-text article whose id is the file name without its extension.
    public func read(_ path: String) -> (documents: [Document], problems: [InputProblem]) {
        let bytes: [UInt8]
        do {
            let source = try InputSource(path: path)
            bytes = try source.readAll()
        } catch let e as RDFError {
            return ([], [InputProblem(path: path, message: e.description.replacingOccurrences(of: path + ": ", with: ""))])
        } catch {
            return ([], [InputProblem(path: path, message: "\(error)")])
        }
        if bytes.count > maximumDocumentBytes {
            return ([], [InputProblem(path: path, message: "is \(bytes.count) bytes, larger than the \(maximumDocumentBytes)-byte limit for one input")])
        }
        if path.lowercased().hasSuffix(".jsonl") || (path == "-" && bytes.first == UInt8(ascii: "{")) {
            return readJSONLines(bytes, path: path)
        }
        switch decodeText(bytes) {
        case let .failure(problem):
            return ([], [InputProblem(path: path, line: problem.line, message: problem.message)])
        case let .success(text):
            if text.allSatisfy(\.isWhitespace) {
                return ([], [InputProblem(path: path, message: "is empty: no article text to read")])
            }
            let name = path == "-" ? "stdin" : ((path as NSString).lastPathComponent as NSString).deletingPathExtension
            return ([Document(id: name, text: text, date: nil, url: nil, title: nil)], [])
        }
    }

    struct TextProblem: Error { var line: Int; var message: String }

    /// Strict UTF-8 decoding that names the line of the first bad byte, and refuses binary files
    /// (NUL bytes), which would otherwise become nonsense entities.
    func decodeText(_ bytes: [UInt8]) -> Result<String, TextProblem> {
        var line = 1
        for b in bytes {
            if b == 0 { return .failure(TextProblem(line: line, message: "looks like a binary file (contains NUL bytes), not an article")) }
            if b == 0x0A { line += 1 }
        }
        if let s = String(validating: bytes, as: UTF8.self) {
            return .success(s.hasPrefix("\u{FEFF}") ? String(s.dropFirst()) : s)
        }
        // Find the first invalid sequence to report its line.
        var start = 0
        line = 1
        var i = 0
        while i < bytes.count {
            if bytes[i] == 0x0A { line += 1; start = i + 1 }
            i += 1
            if i - start > 0, String(validating: bytes[start..<i], as: UTF8.self) == nil {
                var j = i
                var fixed = false
                while j < min(bytes.count, i + 3) { j += 1; if String(validating: bytes[start..<j], as: UTF8.self) != nil { fixed = true; break } }
                if !fixed { return .failure(TextProblem(line: line, message: "is not valid UTF-8 (byte 0x\(String(bytes[i - 1], radix: 16)) at offset \(i - 1))")) }
                i = j
            }
        }
        return .failure(TextProblem(line: line, message: "is not valid UTF-8"))
    }

    func readJSONLines(_ bytes: [UInt8], path: String) -> ([Document], [InputProblem]) {
        var docs: [Document] = [], problems: [InputProblem] = []
        var lineNumber = 0
        for slice in bytes.split(separator: 0x0A, omittingEmptySubsequences: false) {
            lineNumber += 1
            if slice.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
            guard let object = try? JSONSerialization.jsonObject(with: Data(slice)) as? [String: Any] else {
                problems.append(InputProblem(path: path, line: lineNumber, message: "not a JSON object")); continue
            }
            guard let text = object["text"] as? String else {
                problems.append(InputProblem(path: path, line: lineNumber, message: "has no \"text\" string")); continue
            }
            let id: String
            if let s = object["id"] as? String { id = s } else if let n = object["id"] as? NSNumber { id = n.stringValue } else {
                id = ((path as NSString).lastPathComponent as NSString).deletingPathExtension + "-\(lineNumber)"
            }
            let date = (object["date"] as? String).flatMap(CorpusReader.isoDate)
            docs.append(Document(id: id, text: text, date: date, url: object["url"] as? String, title: object["title"] as? String))
        }
        return (docs, problems)
    }

    /// The `yyyy-mm-dd` part of a date or timestamp, or nil when it is not one.
    public static func isoDate(_ s: String) -> String? {
        let p = s.prefix(10)
        let u = Array(p.utf8)
        guard u.count == 10, u[4] == UInt8(ascii: "-"), u[7] == UInt8(ascii: "-"),
              u.enumerated().allSatisfy({ $0.offset == 4 || $0.offset == 7 || (48...57).contains($0.element) })
        else { return nil }
        return String(p)
    }
}
