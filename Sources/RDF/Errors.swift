/// A place in a text: 1-based line and column (in Unicode scalars), and a 0-based byte offset.
public struct TextPosition: Hashable, Sendable, CustomStringConvertible {
    public var line: Int
    public var column: Int
    public var offset: Int
    public init(line: Int, column: Int, offset: Int = 0) { self.line = line; self.column = column; self.offset = offset }
    public var description: String { "\(line):\(column)" }
}

/// A syntax error in any RDF or schema syntax. Prints as `FILE:LINE:COLUMN: message`, the form
/// compilers use, so editors and CI annotate the right place.
public struct SyntaxError: Error, Hashable, Sendable, CustomStringConvertible {
    public var file: String?
    public var position: TextPosition?
    public var message: String

    public init(_ message: String, at position: TextPosition? = nil, file: String? = nil) {
        self.message = message; self.position = position; self.file = file
    }

    /// The same error, attributed to `file` (readers often do not know the file name).
    public func inFile(_ file: String?) -> SyntaxError { var e = self; if e.file == nil { e.file = file }; return e }

    public var description: String {
        var s = ""
        if let file { s += file + ":" }
        if let position { s += "\(position.line):\(position.column):" }
        return s.isEmpty ? message : s + " " + message
    }
}

/// Failures that are not about syntax: I/O and data that a format cannot hold.
public enum RDFError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A path that does not exist, is a directory, or cannot be read or written.
    case io(path: String, message: String)
    /// A graph that the target syntax cannot express (a literal subject in RDF/XML, say).
    case unrepresentable(String)

    public var description: String {
        switch self {
        case let .io(path, message): return "\(path): \(message)"
        case let .unrepresentable(m): return m
        }
    }
}
