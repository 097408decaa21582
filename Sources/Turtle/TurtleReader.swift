import RDF

/// Which grammar a ``TurtleReader`` accepts.
public enum TurtleSyntax: Sendable, Hashable {
    /// W3C Turtle 1.1: triples in the default graph.
    case turtle
    /// W3C TriG 1.1: Turtle plus named graph blocks (`GRAPH <g> { … }`, `<g> { … }`, `{ … }`).
    case trig
}

/// A streaming Turtle 1.1 (and TriG) reader: it parses one statement at a time from input read in blocks,
/// so memory holds one statement's triples, not the document. Every construct of the W3C
/// grammar is supported (prefixes, `@base`/`BASE`, `PREFIX`, collections, blank node property
/// lists, numeric and boolean shorthands, long strings, all escapes), relative IRIs resolve with
/// ``IRIReference/resolve(_:against:)``, and errors are ``SyntaxError``s with line and column.
public struct TurtleReader: QuadSource {
    /// The prefixes declared so far (all of them once the input is exhausted).
    public private(set) var prefixes = PrefixMap()
    /// The current base IRI (changes with `@base`).
    public private(set) var base: String?
    /// Deepest nesting of `[ ]` and `( )` accepted; deeper input is an error, never a stack overflow.
    public var maxDepth = 256
    /// Longest string literal or IRI accepted (64 MiB); a longer one is an error rather than
    /// an unbounded allocation, e.g. for a gigabyte-long unterminated string.
    public var maxTokenLength = 64 << 20

    var cursor: ByteCursor
    var pending: [Quad] = []
    /// Where the subject of each pending quad starts (parallel to `pending`).
    var pendingAt: [TextPosition] = []
    /// Where the subject being parsed starts.
    var subjectAt = TextPosition(line: 1, column: 1)
    /// Where the subject of the quad `next()` last returned starts in the input, so a validator
    /// can point at the statement that describes a node.
    public private(set) var subjectPosition: TextPosition?
    /// The syntax being read: Turtle, or TriG (Turtle plus `GRAPH name { … }` blocks).
    public let syntax: TurtleSyntax
    var inGraph = false
    var graphName: Term?
    var pendingIndex = 0
    var blanks = BlankNodeGenerator()
    var depth = 0
    var failed = false
    var scratch: [UInt8] = []

    public init(source: InputSource, base: String? = nil, syntax: TurtleSyntax = .turtle) {
        self.cursor = ByteCursor(source: source)
        self.base = base
        self.syntax = syntax
    }

    public mutating func next() throws -> Quad? {
        while true {
            if pendingIndex < pending.count {
                defer { pendingIndex += 1 }
                subjectPosition = pendingAt[pendingIndex]
                return pending[pendingIndex]
            }
            if failed { return nil }
            pending.removeAll(keepingCapacity: true)
            pendingAt.removeAll(keepingCapacity: true)
            pendingIndex = 0
            do {
                if try !statement() { return nil }
            } catch let e as SyntaxError {
                failed = true
                throw e.inFile(cursor.source.name)
            }
        }
    }

    // MARK: - Errors and whitespace

    func error(_ message: String) -> SyntaxError {
        SyntaxError(message, at: cursor.position)
    }

    func error(_ message: String, at position: TextPosition) -> SyntaxError {
        SyntaxError(message, at: position)
    }

    /// Skips white space and comments.
    mutating func skip() throws {
        while let b = try cursor.peek() {
            switch b {
            case 0x20, 0x09, 0x0A, 0x0D: cursor.advance()
            case 0x23:
                while let c = try cursor.peek(), c != 0x0A && c != 0x0D { cursor.advance() }
            default: return
            }
        }
    }

    mutating func expect(_ byte: UInt8, _ what: String) throws {
        try skip()
        guard try cursor.peek() == byte else { throw error("expected \(what)") }
        cursor.advance()
    }

    func emit(_ s: Term, _ p: Term, _ o: Term) -> Triple { Triple(s, p, o) }

    // MARK: - Statements

    /// Parses one directive or triples block; false at the end of the input.
    mutating func statement() throws -> Bool {
        try skip()
        if inGraph { return try statementInGraph() }
        guard let b = try cursor.peek() else {
            if let bad = cursor.invalidUTF8 { throw SyntaxError("invalid UTF-8 byte 0x\(String(bad, radix: 16, uppercase: true))", at: cursor.position) }
            return false
        }
        if b == 0x40 {
            let start = cursor.position
            cursor.advance()
            let word = try bareWord()
            if word == "prefix" { try prefixDirective(); try expect(0x2E, "'.' after @prefix"); return true }
            if word == "base" { try baseDirective(); try expect(0x2E, "'.' after @base"); return true }
            throw error("unknown directive '@\(word)' (expected @prefix or @base)", at: start)
        }
        if b == 0x50 || b == 0x70 || b == 0x42 || b == 0x62 {
            if let keyword = try sparqlKeyword(["prefix", "base"]) {
                if keyword == "prefix" { try prefixDirective() } else { try baseDirective() }
                return true
            }
        }
        if syntax == .trig { return try trigBlock(b) }
        try triples()
        try expect(0x2E, "'.' at the end of the statement")
        return true
    }

    // MARK: - TriG

    /// A TriG block at the top level: `{ … }`, `GRAPH name { … }`, `name { … }`, or triples.
    mutating func trigBlock(_ b: UInt8) throws -> Bool {
        if b == 0x7B { cursor.advance(); enterGraph(nil); return true }
        if b == 0x47 || b == 0x67, try sparqlKeyword(["graph"]) != nil {
            try skip()
            let name = try graphLabel()
            try expect(0x7B, "'{' after the graph name")
            enterGraph(name)
            return true
        }
        if b == 0x5B {
            subjectAt = cursor.position
            let (subject, anonymous) = try blankNode()
            try skip()
            if anonymous, try cursor.peek() == 0x7B { cursor.advance(); enterGraph(subject); return true }
            let next = try cursor.peek()
            if anonymous || next != 0x2E { try predicateObjectList(subject) }
            try expect(0x2E, "'.' at the end of the statement")
            return true
        }
        if b == 0x28 {
            try triples()
            try expect(0x2E, "'.' at the end of the statement")
            return true
        }
        subjectAt = cursor.position
        let subject = try subjectTerm()
        try skip()
        if try cursor.peek() == 0x7B { cursor.advance(); enterGraph(subject); return true }
        try predicateObjectList(subject)
        try expect(0x2E, "'.' at the end of the statement")
        return true
    }

    mutating func enterGraph(_ name: Term?) {
        inGraph = true
        graphName = name
    }

    /// An IRI or blank node naming a graph (after `GRAPH`).
    mutating func graphLabel() throws -> Term {
        guard let b = try cursor.peek() else { throw error("expected a graph name") }
        if b == 0x5B {
            let (node, anonymous) = try blankNode()
            guard anonymous else { throw error("a graph name cannot have properties") }
            return node
        }
        if b == 0x28 || b == 0x22 || b == 0x27 { throw error("expected a graph name (an IRI or a blank node)") }
        return try subjectTerm()
    }

    /// Inside `{ … }`: triples separated by '.', the last '.' optional, until '}'.
    mutating func statementInGraph() throws -> Bool {
        guard let b = try cursor.peek() else { throw error("unterminated graph: missing '}'") }
        if b == 0x7D {
            cursor.advance()
            inGraph = false
            graphName = nil
            return true
        }
        try triples()
        try skip()
        if try cursor.peek() == 0x2E {
            cursor.advance()
        } else if try cursor.peek() != 0x7D {
            throw error("expected '.' or '}' after the triples")
        }
        return true
    }

    /// Letters at the cursor (for directive names).
    mutating func bareWord() throws -> String {
        var s = ""
        while let c = try cursor.peek(), (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A {
            s.unicodeScalars.append(Unicode.Scalar(c)); cursor.advance()
        }
        return s
    }

    /// `PREFIX` or `BASE` (any case) when the cursor is on one used as a keyword, not as the
    /// start of a prefixed name like `base:x`.
    mutating func sparqlKeyword(_ words: [String]) throws -> String? {
        for word in words {
            let bytes = Array(word.utf8)
            var match = true
            for (k, w) in bytes.enumerated() {
                guard let c = try cursor.peek(at: k), c | 0x20 == w else { match = false; break }
            }
            guard match else { continue }
            if let after = try cursor.peek(at: bytes.count) {
                if after == 0x3A || after == 0x2D || after == 0x5F || after == 0x2E || (after | 0x20) >= 0x61 && (after | 0x20) <= 0x7A
                    || (after >= 0x30 && after <= 0x39) || after >= 0x80 { continue }
            }
            for _ in bytes { cursor.advance() }
            return word
        }
        return nil
    }

    mutating func prefixDirective() throws {
        try skip()
        let name = try pnPrefix()
        guard try cursor.peek() == 0x3A else { throw error("expected ':' after the prefix name") }
        cursor.advance()
        try skip()
        guard try cursor.peek() == 0x3C else { throw error("expected <IRI> for the prefix") }
        prefixes[name] = try iriRef().value
    }

    mutating func baseDirective() throws {
        try skip()
        guard try cursor.peek() == 0x3C else { throw error("expected <IRI> for the base") }
        base = try iriRef().value
    }

    mutating func triples() throws {
        try skip()
        guard let b = try cursor.peek() else { throw error("unexpected end of input") }
        if b == 0x5B {
            subjectAt = cursor.position
            let (subject, anonymous) = try blankNode()
            try skip()
            // `[ :p :o ] .` is a statement by itself; `[] .` is not.
            if !anonymous, let c = try cursor.peek(), c == 0x2E || (inGraph && c == 0x7D) { return }
            try predicateObjectList(subject)
            return
        }
        subjectAt = cursor.position
        let subject = try subjectTerm()
        try predicateObjectList(subject)
    }

    mutating func subjectTerm() throws -> Term {
        guard let b = try cursor.peek() else { throw error("expected a subject") }
        switch b {
        case 0x3C: return .iri(try iriRef())
        case 0x5F: return .blank(try blankLabel())
        case 0x28: return try collection()
        case 0x22, 0x27: throw error("a literal cannot be the subject")
        default:
            if b == 0x2B || b == 0x2D || b == 0x2E || (b >= 0x30 && b <= 0x39) { throw error("a literal cannot be the subject") }
            let start = cursor.position
            let name = try prefixedNameOrKeyword()
            switch name {
            case let .iri(i): return .iri(i)
            case .keyword(let k): throw error("'\(k)' cannot be the subject", at: start)
            }
        }
    }

    mutating func predicateObjectList(_ subject: Term) throws {
        while true {
            try skip()
            let predicate = try verb()
            try objectList(subject, predicate)
            try skip()
            guard try cursor.peek() == 0x3B else { return }
            while try cursor.peek() == 0x3B { cursor.advance(); try skip() }
            // A trailing ';' is allowed before '.', ']' or the end of a statement.
            if let c = try cursor.peek(), c == 0x2E || c == 0x5D { return }
        }
    }

    mutating func verb() throws -> Term {
        guard let b = try cursor.peek() else { throw error("expected a predicate") }
        if b == 0x3C { return .iri(try iriRef()) }
        if b == 0x61, let next = try cursor.peek(at: 1), !isNameContinuation(next) {
            cursor.advance()
            return .iri(Vocab.rdf.type)
        }
        if b == 0x61, try cursor.peek(at: 1) == nil { cursor.advance(); return .iri(Vocab.rdf.type) }
        if b == 0x5F || b == 0x5B || b == 0x28 || b == 0x22 || b == 0x27 {
            throw error("expected a predicate (an IRI or 'a')")
        }
        let start = cursor.position
        switch try prefixedNameOrKeyword() {
        case let .iri(i): return .iri(i)
        case .keyword(let k): throw error("'\(k)' cannot be a predicate", at: start)
        }
    }

    func isNameContinuation(_ b: UInt8) -> Bool {
        (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A || (b >= 0x30 && b <= 0x39) || b == 0x3A || b == 0x5F || b == 0x2D
            || b >= 0x80
    }

    mutating func objectList(_ subject: Term, _ predicate: Term) throws {
        while true {
            try skip()
            let o = try object()
            pending.append(Quad(subject, predicate, o, graph: graphName))
            pendingAt.append(subjectAt)
            try skip()
            guard try cursor.peek() == 0x2C else { return }
            cursor.advance()
        }
    }

    mutating func object() throws -> Term {
        guard let b = try cursor.peek() else { throw error("expected an object") }
        switch b {
        case 0x3C: return .iri(try iriRef())
        case 0x5F: return .blank(try blankLabel())
        case 0x5B: return try blankNode().0
        case 0x28: return try collection()
        case 0x22, 0x27: return .literal(try rdfLiteral())
        case 0x2B, 0x2D, 0x2E, 0x30...0x39: return .literal(try numeric())
        default:
            let start = cursor.position
            switch try prefixedNameOrKeyword() {
            case let .iri(i): return .iri(i)
            case .keyword("true"): return .literal(Literal("true", datatype: Vocab.xsd.boolean))
            case .keyword("false"): return .literal(Literal("false", datatype: Vocab.xsd.boolean))
            case .keyword(let k): throw error("unexpected '\(k)'", at: start)
            }
        }
    }

    mutating func enter() throws {
        depth += 1
        if depth > maxDepth { throw error("nesting deeper than \(maxDepth) levels") }
    }

    /// `[ ]` or `[ predicateObjectList ]`; returns the blank node and whether it was `[ ]`.
    mutating func blankNode() throws -> (Term, Bool) {
        try enter()
        let outer = subjectAt
        subjectAt = cursor.position
        defer { depth -= 1; subjectAt = outer }
        cursor.advance()
        let node = Term.blank(blanks.fresh())
        try skip()
        if try cursor.peek() == 0x5D { cursor.advance(); return (node, true) }
        try predicateObjectList(node)
        try expect(0x5D, "']' to close the blank node property list")
        return (node, false)
    }

    mutating func collection() throws -> Term {
        try enter()
        defer { depth -= 1 }
        let at = cursor.position
        cursor.advance()
        var head: Term = .iri(Vocab.rdf.nil)
        var last: Term?
        while true {
            try skip()
            guard let b = try cursor.peek() else { throw error("unterminated collection: missing ')'") }
            if b == 0x29 { cursor.advance(); break }
            let item = try object()
            let cell = Term.blank(blanks.fresh())
            if let last {
                pending.append(Quad(last, .iri(Vocab.rdf.rest), cell, graph: graphName))
                pendingAt.append(at)
            } else { head = cell }
            pending.append(Quad(cell, .iri(Vocab.rdf.first), item, graph: graphName))
            pendingAt.append(at)
            last = cell
        }
        if let last {
            pending.append(Quad(last, .iri(Vocab.rdf.rest), .iri(Vocab.rdf.nil), graph: graphName))
            pendingAt.append(at)
        }
        return head
    }

    // MARK: - Terms

    /// Reads `\uXXXX` / `\UXXXXXXXX` with the cursor on `u`/`U`.
    mutating func uchar() throws -> UInt32 {
        let start = cursor.position
        let n = try cursor.peek() == 0x75 ? 4 : 8
        cursor.advance()
        var v: UInt32 = 0
        for _ in 0..<n {
            guard let c = try cursor.peek(), let h = TurtleGrammar.hexValue(c) else {
                throw error("invalid \\\(n == 4 ? "u" : "U") escape: expected \(n) hexadecimal digits", at: start)
            }
            v = v << 4 | h
            cursor.advance()
        }
        if v > 0x10FFFF || (0xD800...0xDFFF).contains(v) { throw error("escape is not a Unicode scalar value", at: start) }
        return v
    }

    mutating func iriRef() throws -> IRI {
        let start = cursor.position
        cursor.advance()
        scratch.removeAll(keepingCapacity: true)
        while true {
            guard let b = try cursor.peek() else { throw error("unterminated IRI: missing '>'", at: start) }
            switch b {
            case 0x3E:
                cursor.advance()
                let text = String(decoding: scratch, as: UTF8.self)
                return try resolve(text, at: start)
            case 0...0x20, 0x3C, 0x22, 0x7B, 0x7D, 0x7C, 0x5E, 0x60:
                throw error("character not allowed in an IRI")
            case 0x5C:
                cursor.advance()
                guard let c = try cursor.peek(), c == 0x75 || c == 0x55 else {
                    throw error("only \\u and \\U escapes are allowed in an IRI")
                }
                let v = try uchar()
                if TurtleGrammar.isForbiddenInIRI(v) { throw error("escape produces a character IRIs forbid", at: start) }
                TurtleGrammar.appendUTF8(v, to: &scratch)
            default:
                if scratch.count >= maxTokenLength { throw error("IRI longer than \(maxTokenLength) bytes", at: start) }
                scratch.append(b)
                cursor.advance()
            }
        }
    }

    func resolve(_ text: String, at position: TextPosition) throws -> IRI {
        if IRIReference.hasScheme(text) {
            return IRI(unchecked: text)
        }
        guard let base else { throw error("relative IRI <\(text)> but no base IRI is set", at: position) }
        return IRI(unchecked: IRIReference.resolve(text, against: base))
    }

    mutating func blankLabel() throws -> BlankNode {
        guard try cursor.peek(at: 1) == 0x3A else { throw error("expected '_:' of a blank node label") }
        cursor.advance(); cursor.advance()
        scratch.removeAll(keepingCapacity: true)
        guard let (c0, l0) = try cursor.peekScalar(at: 0),
              TurtleGrammar.isPNCharsU(c0) || (c0 >= 0x30 && c0 <= 0x39)
        else { throw error("invalid first character of a blank node label") }
        try cursor.take(l0, into: &scratch)
        try nameTail(allowColon: false, allowEscapes: false)
        return blanks.node(for: String(decoding: scratch, as: UTF8.self))
    }

    /// Reads the rest of a name: PN_CHARS and inner dots (a final dot is left for the statement
    /// end); with `allowColon`/`allowEscapes` also `:`, `%HH` and `\`-escapes of PN_LOCAL.
    mutating func nameTail(allowColon: Bool, allowEscapes: Bool) throws {
        while true {
            guard let (c, l) = try cursor.peekScalar(at: 0) else { return }
            if c == 0x2E {
                // Dots belong to the name only when a name character follows them.
                var k = 0
                while try cursor.peek(at: k) == 0x2E { k += 1 }
                guard let (n, _) = try cursor.peekScalar(at: k) else { return }
                let continues = TurtleGrammar.isPNChars(n) || (allowColon && n == 0x3A) || (allowEscapes && (n == 0x25 || n == 0x5C))
                if !continues { return }
                for _ in 0..<k { scratch.append(0x2E); cursor.advance() }
                continue
            }
            if TurtleGrammar.isPNChars(c) || (allowColon && c == 0x3A) {
                try cursor.take(l, into: &scratch)
                continue
            }
            if allowEscapes && c == 0x25 {
                try percent()
                continue
            }
            if allowEscapes && c == 0x5C {
                try localEscape()
                continue
            }
            return
        }
    }

    mutating func percent() throws {
        guard let h1 = try cursor.peek(at: 1), TurtleGrammar.hexValue(h1) != nil,
              let h2 = try cursor.peek(at: 2), TurtleGrammar.hexValue(h2) != nil
        else { throw error("'%' must be followed by two hexadecimal digits") }
        try cursor.take(3, into: &scratch)
    }

    mutating func localEscape() throws {
        guard let c = try cursor.peek(at: 1), TurtleGrammar.isLocalEscapable(UInt32(c)) else {
            throw error("invalid escape in a local name")
        }
        cursor.advance()
        try cursor.take(1, into: &scratch)
    }

    /// PN_PREFIX (possibly empty), cursor left on what follows.
    mutating func pnPrefix() throws -> String {
        scratch.removeAll(keepingCapacity: true)
        if let (c, l) = try cursor.peekScalar(at: 0), TurtleGrammar.isPNCharsBase(c) {
            try cursor.take(l, into: &scratch)
            try nameTail(allowColon: false, allowEscapes: false)
        }
        return String(decoding: scratch, as: UTF8.self)
    }

    enum NameOrKeyword { case iri(IRI), keyword(String) }

    /// A prefixed name, or a bare word (`true`, `false`, `a`) that the caller interprets.
    mutating func prefixedNameOrKeyword() throws -> NameOrKeyword {
        let start = cursor.position
        let prefix = try pnPrefix()
        guard try cursor.peek() == 0x3A else {
            if prefix.isEmpty {
                if let (c, _) = try cursor.peekScalar(at: 0) {
                    throw error("unexpected character '\(Unicode.Scalar(c).map { String(Character($0)) } ?? "?")'")
                }
                throw error("unexpected end of input")
            }
            return .keyword(prefix)
        }
        cursor.advance()
        guard let ns = prefixes[prefix] else { throw error("undefined prefix '\(prefix):'", at: start) }
        scratch.removeAll(keepingCapacity: true)
        if let (c, l) = try cursor.peekScalar(at: 0) {
            if TurtleGrammar.isPNCharsU(c) || c == 0x3A || (c >= 0x30 && c <= 0x39) {
                try cursor.take(l, into: &scratch)
                try nameTail(allowColon: true, allowEscapes: true)
            } else if c == 0x25 {
                try percent()
                try nameTail(allowColon: true, allowEscapes: true)
            } else if c == 0x5C {
                try localEscape()
                try nameTail(allowColon: true, allowEscapes: true)
            }
        }
        let full = ns + String(decoding: scratch, as: UTF8.self)
        return .iri(try resolve(full, at: start))
    }

    mutating func rdfLiteral() throws -> Literal {
        let lexical = try string()
        // LANGTAG and '^^' are tokens of their own; white space may precede them.
        try skip()
        let c = try cursor.peek()
        if c == 0x40 {
            cursor.advance()
            let start = cursor.position
            var tag = ""
            while let b = try cursor.peek(), (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A {
                tag.unicodeScalars.append(Unicode.Scalar(b)); cursor.advance()
            }
            guard !tag.isEmpty else { throw error("empty language tag", at: start) }
            while try cursor.peek() == 0x2D {
                cursor.advance(); tag += "-"
                var n = 0
                while let b = try cursor.peek(), (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A || (b >= 0x30 && b <= 0x39) {
                    tag.unicodeScalars.append(Unicode.Scalar(b)); cursor.advance(); n += 1
                }
                guard n > 0 else { throw error("empty language subtag") }
            }
            return Literal(lexical, language: tag)
        }
        if c == 0x5E {
            guard try cursor.peek(at: 1) == 0x5E else { throw error("expected '^^' before a datatype") }
            cursor.advance(); cursor.advance()
            try skip()
            guard let b = try cursor.peek() else { throw error("expected a datatype IRI") }
            if b == 0x3C { return Literal(lexical, datatype: try iriRef()) }
            let start = cursor.position
            switch try prefixedNameOrKeyword() {
            case let .iri(i): return Literal(lexical, datatype: i)
            case .keyword: throw error("expected a datatype IRI", at: start)
            }
        }
        return Literal(lexical)
    }

    /// Any of the four string forms; returns the unescaped content.
    mutating func string() throws -> String {
        let start = cursor.position
        guard let q = try cursor.peek() else { throw error("expected a string") }
        let long = try cursor.peek(at: 1) == q && (try cursor.peek(at: 2)) == q
        cursor.advance()
        if long { cursor.advance(); cursor.advance() }
        scratch.removeAll(keepingCapacity: true)
        while true {
            guard let b = try cursor.peek() else { throw error("unterminated string", at: start) }
            if b == q {
                if !long { cursor.advance(); break }
                if try cursor.peek(at: 1) == q, try cursor.peek(at: 2) == q {
                    cursor.advance(); cursor.advance(); cursor.advance()
                    break
                }
                scratch.append(b); cursor.advance()
                continue
            }
            if b == 0x5C {
                cursor.advance()
                guard let e = try cursor.peek() else { throw error("unterminated string", at: start) }
                switch e {
                case 0x74: scratch.append(0x09)
                case 0x62: scratch.append(0x08)
                case 0x6E: scratch.append(0x0A)
                case 0x72: scratch.append(0x0D)
                case 0x66: scratch.append(0x0C)
                case 0x22, 0x27, 0x5C: scratch.append(e)
                case 0x75, 0x55:
                    TurtleGrammar.appendUTF8(try uchar(), to: &scratch)
                    continue
                default: throw error("invalid escape sequence '\\\(Character(Unicode.Scalar(e)))'")
                }
                cursor.advance()
                continue
            }
            if !long && (b == 0x0A || b == 0x0D) { throw error("line break in a single-line string (use \"\"\" or \\n)") }
            if scratch.count >= maxTokenLength { throw error("string longer than \(maxTokenLength) bytes", at: start) }
            scratch.append(b)
            cursor.advance()
        }
        return String(decoding: scratch, as: UTF8.self)
    }

    mutating func numeric() throws -> Literal {
        let start = cursor.position
        scratch.removeAll(keepingCapacity: true)
        if let s = try cursor.peek(), s == 0x2B || s == 0x2D { scratch.append(s); cursor.advance() }
        var intDigits = 0
        while let d = try cursor.peek(), d >= 0x30 && d <= 0x39 { scratch.append(d); cursor.advance(); intDigits += 1 }
        var isDecimal = false
        var fracDigits = 0
        if try cursor.peek() == 0x2E {
            let after = try cursor.peek(at: 1)
            let fracFollows = after.map { $0 >= 0x30 && $0 <= 0x39 } ?? false
            var expFollows = false
            if intDigits > 0 && (after == 0x65 || after == 0x45) { expFollows = try exponentAt(2) }
            if fracFollows || expFollows {
                isDecimal = true
                scratch.append(0x2E); cursor.advance()
                while let d = try cursor.peek(), d >= 0x30 && d <= 0x39 { scratch.append(d); cursor.advance(); fracDigits += 1 }
            }
        }
        guard intDigits + fracDigits > 0 else { throw error("expected a number", at: start) }
        if let e = try cursor.peek(), e == 0x65 || e == 0x45 {
            guard try exponentAt(1) else { throw error("malformed exponent") }
            scratch.append(e); cursor.advance()
            if let s = try cursor.peek(), s == 0x2B || s == 0x2D { scratch.append(s); cursor.advance() }
            while let d = try cursor.peek(), d >= 0x30 && d <= 0x39 { scratch.append(d); cursor.advance() }
            return Literal(String(decoding: scratch, as: UTF8.self), datatype: Vocab.xsd.double)
        }
        let text = String(decoding: scratch, as: UTF8.self)
        return Literal(text, datatype: isDecimal ? Vocab.xsd.decimal : Vocab.xsd.integer)
    }

    /// True when an exponent's digits start at lookahead `k` (after `e`, an optional sign).
    mutating func exponentAt(_ k: Int) throws -> Bool {
        var k = k
        if let s = try cursor.peek(at: k), s == 0x2B || s == 0x2D { k += 1 }
        guard let d = try cursor.peek(at: k) else { return false }
        return d >= 0x30 && d <= 0x39
    }
}

/// Input bytes with look-ahead, refilled block by block. Bytes are UTF-8 validated as they arrive;
/// the cursor only exposes the validated prefix, so an invalid byte is reported with the
/// position the cursor has reached when it gets there.
struct ByteCursor {
    let source: InputSource
    var buffer: [UInt8] = []
    var pos = 0
    /// End of the validated bytes; `buffer[limit...]` is waiting for more input or invalid.
    var limit = 0
    var eof = false
    var invalidUTF8: UInt8?
    var line = 1
    var column = 1
    var consumed = 0
    /// Grows from 4 KiB to 64 KiB so that small inputs cost small reads.
    var readSize = 4096

    init(source: InputSource) { self.source = source }

    var position: TextPosition { TextPosition(line: line, column: column, offset: consumed) }

    @inline(__always) mutating func peek() throws -> UInt8? {
        if pos < limit { return buffer[pos] }
        return try slowPeek(0)
    }

    @inline(__always) mutating func peek(at k: Int) throws -> UInt8? {
        if pos + k < limit { return buffer[pos + k] }
        return try slowPeek(k)
    }

    mutating func slowPeek(_ k: Int) throws -> UInt8? {
        while pos + k >= limit {
            if invalidUTF8 != nil || eof {
                if let bad = invalidUTF8, pos + k >= limit, k == 0 {
                    throw SyntaxError("invalid UTF-8 byte 0x\(String(bad, radix: 16, uppercase: true))", at: position)
                }
                return nil
            }
            try refill()
        }
        return buffer[pos + k]
    }

    mutating func refill() throws {
        if pos > 0 && pos >= buffer.count / 2 {
            buffer.removeSubrange(0..<pos)
            limit -= pos
            pos = 0
        }
        let n = try source.read(into: &buffer, max: readSize)
        readSize = min(readSize * 2, 1 << 16)
        if n == 0 { eof = true }
        let (end, invalid) = buffer.withUnsafeBufferPointer {
            TurtleGrammar.validateUTF8($0, from: limit, to: $0.count, atEnd: eof)
        }
        limit = end
        if invalid { invalidUTF8 = buffer[end] }
    }

    @inline(__always) mutating func advance() {
        let b = buffer[pos]
        pos += 1
        consumed += 1
        if b == 0x0A { line += 1; column = 1 } else if b & 0xC0 != 0x80 { column += 1 }
    }

    /// The scalar starting `k` bytes ahead (validated UTF-8), with its byte length.
    mutating func peekScalar(at k: Int) throws -> (UInt32, Int)? {
        guard let b0 = try peek(at: k) else { return nil }
        if b0 < 0x80 { return (UInt32(b0), 1) }
        let len = b0 >= 0xF0 ? 4 : b0 >= 0xE0 ? 3 : 2
        guard try peek(at: k + len - 1) != nil else { return nil }
        return buffer.withUnsafeBufferPointer { TurtleGrammar.decodeScalar($0, pos + k) }
    }

    mutating func take(_ n: Int, into out: inout [UInt8]) throws {
        for _ in 0..<n {
            guard let b = try peek() else { return }
            out.append(b)
            advance()
        }
    }
}
