import RDF

/// What a checked DOT file contains, for `validate` to report.
public struct DOTSummary: Hashable, Sendable {
    public var graphs = 0
    public var directedGraphs = 0
    public var nodeStatements = 0
    public var edgeStatements = 0
    public var subgraphs = 0
    public var attributeStatements = 0
    public init() {}
}

/// A syntax checker for the DOT language (https://graphviz.org/doc/info/lang.html), so that DOT
/// files can be validated in CI without Graphviz. It follows the grammar Graphviz's own parser
/// implements: `strict`/`graph`/`digraph`, subgraphs (also as edge operands), attribute
/// statements and lists, ports, `->`/`--` matching the graph kind, quoted strings with `\"` and
/// line continuations joined by `+`, HTML strings `<…>` with nesting, numerals, the three comment
/// forms, case-insensitive keywords. The first error is reported with its line and column.
public enum DOTChecker {
    /// Nesting deeper than this (subgraphs inside subgraphs) is refused rather than risking the stack.
    public static let maxDepth = 256

    @discardableResult
    public static func check(_ bytes: [UInt8], file: String? = nil) throws(SyntaxError) -> DOTSummary {
        do {
            var parser = try Parser(bytes)
            return try parser.parseFile()
        } catch {
            throw SyntaxError(error.message, at: position(of: error.offset, in: bytes), file: file)
        }
    }

    @discardableResult
    public static func check(_ text: String, file: String? = nil) throws(SyntaxError) -> DOTSummary {
        try check(Array(text.utf8), file: file)
    }

    /// Line and column (in Unicode scalars) of a byte offset.
    static func position(of offset: Int, in bytes: [UInt8]) -> TextPosition {
        var line = 1, column = 1
        var i = 0
        let end = min(offset, bytes.count)
        while i < end {
            let b = bytes[i]
            if b == 0x0A { line += 1; column = 1 } else if b & 0xC0 != 0x80 { column += 1 }
            i += 1
        }
        return TextPosition(line: line, column: column, offset: offset)
    }

    struct ParseFailure: Error { var message: String; var offset: Int }

    enum Kind: Equatable {
        case id(IDKind), lbrace, rbrace, lbracket, rbracket, semicolon, comma, equals, colon, plus
        case directedEdge, undirectedEdge, eof
        case keyword(Keyword)
    }
    enum IDKind: Equatable { case name, numeral, quoted, html }
    enum Keyword: String { case strict, graph, digraph, subgraph, node, edge }

    struct Token { var kind: Kind; var start: Int; var end: Int }

    struct Lexer {
        let bytes: [UInt8]
        var i = 0
        init(_ bytes: [UInt8]) { self.bytes = bytes }

        static func isNameStart(_ b: UInt8) -> Bool {
            (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || b == 0x5F || b >= 0x80
        }
        static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }

        func peekByte(_ k: Int = 0) -> UInt8? { i + k < bytes.count ? bytes[i + k] : nil }

        mutating func next() throws(ParseFailure) -> Token {
            try skipTrivia()
            guard i < bytes.count else { return Token(kind: .eof, start: i, end: i) }
            let start = i
            let b = bytes[i]
            func single(_ k: Kind) -> Token { i += 1; return Token(kind: k, start: start, end: i) }
            switch b {
            case UInt8(ascii: "{"): return single(.lbrace)
            case UInt8(ascii: "}"): return single(.rbrace)
            case UInt8(ascii: "["): return single(.lbracket)
            case UInt8(ascii: "]"): return single(.rbracket)
            case UInt8(ascii: ";"): return single(.semicolon)
            case UInt8(ascii: ","): return single(.comma)
            case UInt8(ascii: "="): return single(.equals)
            case UInt8(ascii: ":"): return single(.colon)
            case UInt8(ascii: "+"): return single(.plus)
            case UInt8(ascii: "\""): return try quoted()
            case UInt8(ascii: "<"): return try html()
            case UInt8(ascii: "-"):
                if peekByte(1) == UInt8(ascii: ">") { i += 2; return Token(kind: .directedEdge, start: start, end: i) }
                if peekByte(1) == UInt8(ascii: "-") { i += 2; return Token(kind: .undirectedEdge, start: start, end: i) }
                if let n = peekByte(1), Lexer.isDigit(n) || n == UInt8(ascii: ".") { return try numeral() }
                throw ParseFailure(message: "unexpected '-': an edge is '->' or '--', a negative number needs digits", offset: start)
            case UInt8(ascii: "."):
                return try numeral()
            default:
                if Lexer.isDigit(b) { return try numeral() }
                if Lexer.isNameStart(b) {
                    try checkUTF8(at: i)
                    i += 1
                    while i < bytes.count, Lexer.isNameStart(bytes[i]) || Lexer.isDigit(bytes[i]) {
                        if bytes[i] >= 0x80 { try checkUTF8(at: i) }
                        i += 1
                    }
                    if let kw = Lexer.keyword(bytes[start..<i]) { return Token(kind: .keyword(kw), start: start, end: i) }
                    return Token(kind: .id(.name), start: start, end: i)
                }
                let shown = b >= 0x20 && b < 0x7F ? "'\(Character(Unicode.Scalar(b)))'" : "byte 0x" + String(b, radix: 16)
                throw ParseFailure(message: "unexpected character \(shown)", offset: start)
            }
        }

        static func keyword(_ s: ArraySlice<UInt8>) -> Keyword? {
            guard s.count >= 4, s.count <= 8 else { return nil }
            var lower = ""
            for b in s {
                guard b < 0x80 else { return nil }
                lower.unicodeScalars.append(Unicode.Scalar(b >= 0x41 && b <= 0x5A ? b + 32 : b))
            }
            return Keyword(rawValue: lower)
        }

        mutating func skipTrivia() throws(ParseFailure) {
            while i < bytes.count {
                let b = bytes[i]
                if b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == 0x0C || b == 0x0B {
                    i += 1
                } else if b == UInt8(ascii: "#") {
                    // The language reference reserves '#' lines for C-preprocessor output, but
                    // Graphviz's lexer skips '#' to the end of the line wherever it appears.
                    while i < bytes.count && bytes[i] != 0x0A { i += 1 }
                } else if b == UInt8(ascii: "/") && peekByte(1) == UInt8(ascii: "/") {
                    while i < bytes.count && bytes[i] != 0x0A { i += 1 }
                } else if b == UInt8(ascii: "/") && peekByte(1) == UInt8(ascii: "*") {
                    let start = i
                    i += 2
                    while true {
                        guard i + 1 < bytes.count else { throw ParseFailure(message: "unterminated comment '/*'", offset: start) }
                        if bytes[i] == UInt8(ascii: "*") && bytes[i + 1] == UInt8(ascii: "/") { i += 2; break }
                        i += 1
                    }
                } else {
                    return
                }
            }
        }

        mutating func numeral() throws(ParseFailure) -> Token {
            let start = i
            if bytes[i] == UInt8(ascii: "-") { i += 1 }
            var digits = 0
            while i < bytes.count, Lexer.isDigit(bytes[i]) { i += 1; digits += 1 }
            if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
                i += 1
                while i < bytes.count, Lexer.isDigit(bytes[i]) { i += 1; digits += 1 }
            }
            guard digits > 0 else { throw ParseFailure(message: "a number needs at least one digit", offset: start) }
            if i < bytes.count, Lexer.isNameStart(bytes[i]) || bytes[i] == UInt8(ascii: ".") {
                throw ParseFailure(
                    message: "number runs into a name ('\(String(decoding: bytes[start...i], as: UTF8.self))'): Graphviz splits it in two; quote the ID",
                    offset: start)
            }
            return Token(kind: .id(.numeral), start: start, end: i)
        }

        mutating func quoted() throws(ParseFailure) -> Token {
            let start = i
            i += 1
            while i < bytes.count {
                let b = bytes[i]
                if b == UInt8(ascii: "\"") { i += 1; return Token(kind: .id(.quoted), start: start, end: i) }
                if b == UInt8(ascii: "\\") && i + 1 < bytes.count { i += 2; continue }
                if b >= 0x80 { try checkUTF8(at: i) }
                i += 1
            }
            throw ParseFailure(message: "unterminated string (opened here)", offset: start)
        }

        mutating func html() throws(ParseFailure) -> Token {
            let start = i
            var depth = 0
            while i < bytes.count {
                let b = bytes[i]
                if b == UInt8(ascii: "<") { depth += 1 } else if b == UInt8(ascii: ">") {
                    depth -= 1
                    if depth == 0 { i += 1; return Token(kind: .id(.html), start: start, end: i) }
                } else if b >= 0x80 { try checkUTF8(at: i) }
                i += 1
            }
            throw ParseFailure(message: "unterminated HTML string: '<' without its matching '>'", offset: start)
        }

        /// Graphviz reads DOT as UTF-8 by default and rejects malformed sequences in names.
        func checkUTF8(at k: Int) throws(ParseFailure) {
            let b = bytes[k]
            guard b >= 0x80 else { return }
            // Only lead bytes are checked; continuation bytes are skipped by the caller's loop.
            if b & 0xC0 == 0x80 {
                if k > 0, bytes[k - 1] >= 0x80 { return }
                throw ParseFailure(message: "invalid UTF-8 (stray continuation byte)", offset: k)
            }
            let need: Int
            if b >= 0xC2 && b <= 0xDF { need = 1 } else if b >= 0xE0 && b <= 0xEF { need = 2 } else if b >= 0xF0 && b <= 0xF4 { need = 3 } else {
                throw ParseFailure(message: "invalid UTF-8 (byte 0x\(String(b, radix: 16)))", offset: k)
            }
            guard k + need < bytes.count else { throw ParseFailure(message: "invalid UTF-8 (truncated sequence)", offset: k) }
            for j in 1...need where bytes[k + j] & 0xC0 != 0x80 {
                throw ParseFailure(message: "invalid UTF-8 (truncated sequence)", offset: k)
            }
        }
    }

    struct Parser {
        var lexer: Lexer
        var token: Token
        var summary = DOTSummary()
        var directed = false
        var depth = 0

        init(_ bytes: [UInt8]) throws(ParseFailure) {
            lexer = Lexer(bytes)
            token = Token(kind: .eof, start: 0, end: 0)
            token = try lexer.next()
        }

        mutating func advance() throws(ParseFailure) { token = try lexer.next() }

        func describe(_ t: Token) -> String {
            switch t.kind {
            case .eof: return "end of file"
            default:
                var text = String(decoding: lexer.bytes[t.start..<min(t.end, t.start + 30)], as: UTF8.self)
                if t.end - t.start > 30 { text += "…" }
                return "'" + text + "'"
            }
        }

        func fail(_ message: String) -> ParseFailure { ParseFailure(message: message + ", found " + describe(token), offset: token.start) }

        mutating func expect(_ kind: Kind, _ what: String) throws(ParseFailure) {
            guard token.kind == kind else { throw fail("expected " + what) }
            try advance()
        }

        mutating func parseFile() throws(ParseFailure) -> DOTSummary {
            if token.kind == .eof { throw fail("expected 'graph' or 'digraph'") }
            while token.kind != .eof { try parseGraph() }
            return summary
        }

        mutating func parseGraph() throws(ParseFailure) {
            if token.kind == .keyword(.strict) { try advance() }
            switch token.kind {
            case .keyword(.graph): directed = false
            case .keyword(.digraph): directed = true
            default: throw fail("expected 'graph' or 'digraph'")
            }
            try advance()
            if case .id = token.kind { try parseID() }
            try expect(.lbrace, "'{' to open the graph body")
            summary.graphs += 1
            if directed { summary.directedGraphs += 1 }
            try parseStatements()
            try expect(.rbrace, "'}' to close the graph body")
        }

        mutating func parseStatements() throws(ParseFailure) {
            while token.kind != .rbrace {
                if token.kind == .eof { throw fail("expected '}'") }
                try parseStatement()
                if token.kind == .semicolon { try advance() }
            }
        }

        /// An ID, joining `"a" + "b"` concatenations of quoted strings.
        mutating func parseID() throws(ParseFailure) {
            guard case let .id(kind) = token.kind else { throw fail("expected an ID (name, number, quoted string or <HTML>)") }
            try advance()
            if kind == .quoted {
                while token.kind == .plus {
                    try advance()
                    guard token.kind == .id(.quoted) else { throw fail("expected a quoted string after '+'") }
                    try advance()
                }
            } else if token.kind == .plus {
                throw fail("'+' joins only double-quoted strings")
            }
        }

        mutating func parseStatement() throws(ParseFailure) {
            switch token.kind {
            case .keyword(.graph), .keyword(.node), .keyword(.edge):
                try advance()
                guard token.kind == .lbracket else { throw fail("expected '[' after the attribute statement keyword") }
                try parseAttributeLists()
                summary.attributeStatements += 1
            case .keyword(.subgraph), .lbrace:
                try parseSubgraph()
                try parseEdgeTail(firstIsSubgraph: true)
            case .id:
                let isAssignment = try parseIDOrAssignment()
                if isAssignment { summary.attributeStatements += 1; return }
                try parsePort()
                try parseEdgeTail(firstIsSubgraph: false)
            case .keyword(let k):
                throw ParseFailure(message: "'\(k.rawValue)' is a keyword here; quote it (\"\(k.rawValue)\") to use it as a name", offset: token.start)
            default:
                throw fail("expected a statement (node, edge, attribute, subgraph or ID = ID)")
            }
        }

        /// Parses `ID` or `ID = ID`; true for the assignment.
        mutating func parseIDOrAssignment() throws(ParseFailure) -> Bool {
            try parseID()
            guard token.kind == .equals else { return false }
            try advance()
            try parseID()
            return true
        }

        mutating func parsePort() throws(ParseFailure) {
            guard token.kind == .colon else { return }
            try advance()
            try parseID()
            if token.kind == .colon {
                try advance()
                try parseID()
            }
        }

        mutating func parseEdgeTail(firstIsSubgraph: Bool) throws(ParseFailure) {
            var isEdge = false
            while token.kind == .directedEdge || token.kind == .undirectedEdge {
                if token.kind == .directedEdge && !directed {
                    throw fail("'->' in an undirected graph (use '--', or declare 'digraph')")
                }
                if token.kind == .undirectedEdge && directed {
                    throw fail("'--' in a directed graph (use '->', or declare 'graph')")
                }
                try advance()
                isEdge = true
                switch token.kind {
                case .keyword(.subgraph), .lbrace: try parseSubgraph()
                case .id: try parseID(); try parsePort()
                default: throw fail("expected a node ID or subgraph after the edge operator")
                }
            }
            if token.kind == .lbracket { try parseAttributeLists() }
            if isEdge { summary.edgeStatements += 1 } else if !firstIsSubgraph { summary.nodeStatements += 1 }
        }

        mutating func parseSubgraph() throws(ParseFailure) {
            if token.kind == .keyword(.subgraph) {
                try advance()
                if case .id = token.kind { try parseID() }
            }
            guard depth < DOTChecker.maxDepth else { throw fail("subgraphs nested more than \(DOTChecker.maxDepth) deep") }
            try expect(.lbrace, "'{' to open the subgraph body")
            depth += 1
            summary.subgraphs += 1
            try parseStatements()
            try expect(.rbrace, "'}' to close the subgraph body")
            depth -= 1
        }

        mutating func parseAttributeLists() throws(ParseFailure) {
            while token.kind == .lbracket {
                try advance()
                while token.kind != .rbracket {
                    guard case .id = token.kind else { throw fail("expected an attribute name or ']'") }
                    try parseID()
                    guard token.kind == .equals else { throw fail("expected '=' after the attribute name") }
                    try advance()
                    try parseID()
                    if token.kind == .semicolon || token.kind == .comma { try advance() }
                }
                try advance()
            }
        }
    }
}
