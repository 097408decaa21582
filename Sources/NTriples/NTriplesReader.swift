#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import RDF

/// Which of the two line-based syntaxes a reader or writer speaks.
public enum NTriplesFormat: Sendable, Hashable {
    /// RDF 1.1 N-Triples: three terms per line, no graph name.
    case nTriples
    /// RDF 1.1 N-Quads: an optional fourth term names the graph.
    case nQuads
}

/// A streaming N-Triples / N-Quads reader. It reads its input in 64 KiB blocks and parses one line
/// at a time straight from the bytes, so memory stays flat however large the file is, and it is
/// strict (RDF 1.1): absolute IRIs only, valid escapes, well-formed language tags and blank node
/// labels, well-formed UTF-8. Every error is a ``SyntaxError`` with the file name, line and column.
public struct NTriplesReader: QuadSource {
    public let source: InputSource
    public let format: NTriplesFormat
    /// Longest line accepted. A longer line is reported as an error rather than buffered, so a
    /// hostile or corrupt file (a gigabyte without a newline) cannot exhaust memory.
    public var maxLineLength: Int = 64 << 20

    var buffer: [UInt8] = []
    var start = 0
    var eof = false
    var line = 0
    var failed = false
    /// Grows from 4 KiB to 64 KiB so that small inputs cost small reads.
    var readSize = 4096
    var blanks = BlankNodeGenerator()
    var iris = IRICache()

    /// Where the subject of the quad `next()` last returned starts (its line, and the column
    /// after any indentation), so a validator can point at the statement that describes a node.
    public private(set) var subjectPosition: TextPosition?

    public init(source: InputSource, format: NTriplesFormat = .nTriples) {
        self.source = source
        self.format = format
    }

    public mutating func next() throws -> Quad? {
        if failed { return nil }
        do {
            while let (s, e) = try nextLine() {
                if let q = try parseLine(s, e) { return q }
            }
            return nil
        } catch let e as SyntaxError {
            failed = true
            throw e.inFile(source.name)
        }
    }

    /// Finds the next line; returns its byte range in `buffer` and advances past its end of line.
    mutating func nextLine() throws -> (Int, Int)? {
        var scanFrom = start
        while true {
            let count = buffer.count
            var i = scanFrom
            let found: Int? = buffer.withUnsafeBufferPointer { p in
                while i < count {
                    let b = p[i]
                    if b == 0x0A || b == 0x0D { return i }
                    i += 1
                }
                return nil
            }
            if let e = found {
                // A CR at the very end of the block may be the first half of CRLF.
                if buffer[e] == 0x0D && e + 1 == buffer.count && !eof {
                    scanFrom = e - start
                    try refill()
                    scanFrom += start
                    continue
                }
                let s = start
                start = e + 1
                if buffer[e] == 0x0D && start < buffer.count && buffer[start] == 0x0A { start += 1 }
                line += 1
                return (s, e)
            }
            if eof {
                if start >= buffer.count { return nil }
                let s = start
                start = buffer.count
                line += 1
                return (s, buffer.count)
            }
            if buffer.count - start > maxLineLength {
                throw SyntaxError("line is longer than \(maxLineLength) bytes; not N-Triples, or a corrupt file",
                                  at: TextPosition(line: line + 1, column: 1))
            }
            scanFrom = count - start
            try refill()
            scanFrom += start
        }
    }

    /// Drops consumed bytes and appends the next block.
    mutating func refill() throws {
        if start > 0 {
            buffer.removeSubrange(0..<start)
            start = 0
        }
        let n = try source.read(into: &buffer, max: readSize)
        readSize = min(readSize * 2, 1 << 16)
        if n == 0 { eof = true }
    }

    mutating func parseLine(_ s: Int, _ e: Int) throws -> Quad? {
        let lineNo = line
        let fmt = format
        var indent = 0
        while s + indent < e, buffer[s + indent] == 0x20 || buffer[s + indent] == 0x09 { indent += 1 }
        subjectPosition = TextPosition(line: lineNo, column: indent + 1)
        return try buffer.withUnsafeBufferPointer { whole -> Quad? in
            let p = UnsafeBufferPointer(rebasing: whole[s..<e])
            var parser = LineParser(p: p, line: lineNo, format: fmt, cache: iris)
            // Hand the cache over rather than share it, so updating it never copies the array.
            iris.slots = []
            defer { iris = parser.cache }
            return try parser.parse(blanks: &blanks)
        }
    }
}

/// Parses one line of N-Triples / N-Quads.
struct LineParser {
    let p: UnsafeBufferPointer<UInt8>
    let line: Int
    let format: NTriplesFormat
    var i = 0
    var scratch: [UInt8] = []
    var cache: IRICache

    init(p: UnsafeBufferPointer<UInt8>, line: Int, format: NTriplesFormat, cache: IRICache) {
        self.p = p; self.line = line; self.format = format; self.cache = cache
    }

    /// Bytes 0–63 and 64–127 that end an IRIREF or are not allowed in one: 0x00–0x20, `"`, `<`,
    /// `>`; and `\`, `^`, `` ` ``, `{`, `|`, `}`.
    static let iriSpecialLow: UInt64 = 0x5000_0005_FFFF_FFFF
    static let iriSpecialHigh: UInt64 = 0x3800_0001_5000_0000

    func error(_ message: String, at index: Int? = nil) -> SyntaxError {
        let at = min(index ?? i, p.count)
        var column = 1
        for k in 0..<at where p[k] & 0xC0 != 0x80 { column += 1 }
        return SyntaxError(message, at: TextPosition(line: line, column: column))
    }

    mutating func skipSpace() {
        while i < p.count, p[i] == 0x20 || p[i] == 0x09 { i += 1 }
    }

    mutating func parse(blanks: inout BlankNodeGenerator) throws -> Quad? {
        let v = TurtleGrammar.validateUTF8(p, from: 0, to: p.count, atEnd: true)
        if v.invalid { throw error("invalid UTF-8 byte 0x\(String(p[v.end], radix: 16, uppercase: true))", at: v.end) }
        skipSpace()
        if i >= p.count || p[i] == 0x23 { return nil }
        let subject: Term
        switch p[i] {
        case 0x3C: subject = .iri(try iri(IRICache.subject))
        case 0x5F: subject = .blank(try blank(&blanks))
        case 0x22: throw error("a literal cannot be the subject")
        default: throw error("expected a subject (an <IRI> or a _:blank node)")
        }
        skipSpace()
        guard i < p.count, p[i] == 0x3C else { throw error("expected a predicate <IRI>") }
        let predicate = Term.iri(try iri(IRICache.predicate))
        skipSpace()
        guard i < p.count else { throw error("expected an object") }
        let object: Term
        switch p[i] {
        case 0x3C: object = .iri(try iri(IRICache.object))
        case 0x5F: object = .blank(try blank(&blanks))
        case 0x22: object = .literal(try literal())
        default: throw error("expected an object (an <IRI>, a _:blank node or a \"literal\")")
        }
        skipSpace()
        var graph: Term?
        if format == .nQuads, i < p.count, p[i] != 0x2E {
            switch p[i] {
            case 0x3C: graph = .iri(try iri(IRICache.graph))
            case 0x5F: graph = .blank(try blank(&blanks))
            default: throw error("expected a graph name (an <IRI> or a _:blank node) or '.'")
            }
            skipSpace()
        }
        guard i < p.count, p[i] == 0x2E else { throw error("expected '.' at the end of the statement") }
        i += 1
        skipSpace()
        if i < p.count && p[i] != 0x23 { throw error("unexpected text after '.'") }
        return Quad(subject, predicate, object, graph: graph)
    }

    /// Reads `\uXXXX` or `\UXXXXXXXX` at `i` (pointing at `u`/`U`) and returns the scalar value.
    mutating func uchar() throws -> UInt32 {
        let n = p[i] == 0x75 ? 4 : 8
        let at = i - 1
        i += 1
        guard i + n <= p.count else { throw error("incomplete \\\(n == 4 ? "u" : "U") escape", at: at) }
        var v: UInt32 = 0
        for _ in 0..<n {
            guard let h = TurtleGrammar.hexValue(p[i]) else { throw error("invalid hexadecimal digit in escape", at: at) }
            v = v << 4 | h
            i += 1
        }
        if v > 0x10FFFF || (0xD800...0xDFFF).contains(v) { throw error("escape is not a Unicode scalar value", at: at) }
        return v
    }

    mutating func iri(_ region: Int) throws -> IRI {
        let begin = i
        i += 1
        var escaped = false
        let n = p.count
        while i < n {
            let b = p[i]
            // Fast path: bit masks of the bytes that need a closer look (controls, space,
            // `"<>\^`{|}`); everything else, including UTF-8, is part of the IRI.
            let special: UInt64 = b < 64 ? (LineParser.iriSpecialLow >> UInt64(b)) & 1
                : b < 128 ? (LineParser.iriSpecialHigh >> UInt64(b - 64)) & 1 : 0
            if special == 0 { i += 1; continue }
            if b == 0x3E { break }
            switch b {
            case 0...0x20, 0x3C, 0x22, 0x7B, 0x7D, 0x7C, 0x5E, 0x60:
                throw error("character not allowed in an IRI")
            case 0x5C: escaped = true; i += 1
                if i < p.count, p[i] == 0x75 || p[i] == 0x55 { continue }
                throw error("only \\u and \\U escapes are allowed in an IRI", at: i - 1)
            default: i += 1
            }
        }
        guard i < p.count else { throw error("unterminated IRI: missing '>'", at: begin) }
        let end = i
        i += 1
        if !escaped {
            let body = UnsafeBufferPointer(rebasing: p[(begin + 1)..<end])
            let slot = IRICache.slot(body, region)
            if let known = cache.lookup(body, slot) { return known }
            guard TurtleGrammar.hasScheme(body) else { throw error("relative IRI; N-Triples needs absolute IRIs", at: begin) }
            let iri = IRI(unchecked: String(decoding: body, as: UTF8.self))
            cache.slots[slot] = iri
            return iri
        }
        scratch.removeAll(keepingCapacity: true)
        var k = begin + 1
        let save = i
        while k < end {
            if p[k] == 0x5C {
                i = k + 1
                let v = try uchar()
                if TurtleGrammar.isForbiddenInIRI(v) { throw error("escape produces a character IRIs forbid", at: k) }
                TurtleGrammar.appendUTF8(v, to: &scratch)
                k = i
            } else {
                scratch.append(p[k]); k += 1
            }
        }
        i = save
        guard TurtleGrammar.hasScheme(scratch) else { throw error("relative IRI; N-Triples needs absolute IRIs", at: begin) }
        return IRI(unchecked: String(decoding: scratch, as: UTF8.self))
    }

    mutating func blank(_ blanks: inout BlankNodeGenerator) throws -> BlankNode {
        let begin = i
        guard i + 1 < p.count, p[i + 1] == 0x3A else { throw error("expected '_:' of a blank node label") }
        i += 2
        guard i < p.count else { throw error("empty blank node label", at: begin) }
        let (c0, l0) = TurtleGrammar.decodeScalar(p, i)
        guard TurtleGrammar.isPNCharsU(c0) || (c0 >= 0x30 && c0 <= 0x39) else {
            throw error("invalid first character of a blank node label")
        }
        i += l0
        var lastNonDot = i
        while i < p.count {
            let (c, l) = TurtleGrammar.decodeScalar(p, i)
            if c == 0x2E { i += l; continue }
            if !TurtleGrammar.isPNChars(c) { break }
            i += l
            lastNonDot = i
        }
        i = lastNonDot
        let label = String(decoding: UnsafeBufferPointer(rebasing: p[(begin + 2)..<i]), as: UTF8.self)
        return blanks.node(for: label)
    }

    mutating func literal() throws -> Literal {
        let begin = i
        i += 1
        let contentStart = i
        var escaped = false
        while i < p.count {
            let b = p[i]
            if b == 0x22 { break }
            if b == 0x5C { escaped = true; i += 2; continue }
            i += 1
        }
        guard i < p.count else { throw error("unterminated string: missing '\"'", at: begin) }
        let contentEnd = i
        i += 1
        let lexical: String
        if !escaped {
            lexical = String(decoding: UnsafeBufferPointer(rebasing: p[contentStart..<contentEnd]), as: UTF8.self)
        } else {
            scratch.removeAll(keepingCapacity: true)
            let save = i
            var k = contentStart
            while k < contentEnd {
                let b = p[k]
                if b != 0x5C { scratch.append(b); k += 1; continue }
                guard k + 1 < contentEnd else { throw error("incomplete escape", at: k) }
                switch p[k + 1] {
                case 0x74: scratch.append(0x09)
                case 0x62: scratch.append(0x08)
                case 0x6E: scratch.append(0x0A)
                case 0x72: scratch.append(0x0D)
                case 0x66: scratch.append(0x0C)
                case 0x22: scratch.append(0x22)
                case 0x27: scratch.append(0x27)
                case 0x5C: scratch.append(0x5C)
                case 0x75, 0x55:
                    i = k + 1
                    TurtleGrammar.appendUTF8(try uchar(), to: &scratch)
                    k = i
                    continue
                default: throw error("invalid escape sequence", at: k)
                }
                k += 2
            }
            i = save
            lexical = String(decoding: scratch, as: UTF8.self)
        }
        // LANGTAG and '^^' are tokens of their own; white space may precede them.
        let afterString = i
        skipSpace()
        if i < p.count, p[i] == 0x40 {
            let tagStart = i + 1
            i += 1
            while i < p.count, isAlpha(p[i]) { i += 1 }
            guard i > tagStart else { throw error("empty language tag", at: tagStart - 1) }
            while i < p.count, p[i] == 0x2D, !(i + 1 < p.count && p[i + 1] == 0x2D) {
                let partStart = i + 1
                i += 1
                while i < p.count, isAlpha(p[i]) || (p[i] >= 0x30 && p[i] <= 0x39) { i += 1 }
                guard i > partStart else { throw error("empty language subtag", at: partStart - 1) }
            }
            let tag = String(decoding: UnsafeBufferPointer(rebasing: p[tagStart..<i]), as: UTF8.self)
            // RDF 1.2 base direction: `@en--ltr` (never valid RDF 1.1, whose subtags are non-empty).
            if i + 1 < p.count, p[i] == 0x2D, p[i + 1] == 0x2D {
                let dirStart = i + 2
                i += 2
                while i < p.count, isAlpha(p[i]) { i += 1 }
                let direction = String(decoding: UnsafeBufferPointer(rebasing: p[dirStart..<i]), as: UTF8.self)
                guard direction == "ltr" || direction == "rtl" else { throw error("base direction must be ltr or rtl", at: dirStart) }
                return Literal(lexical, language: tag, direction: direction)
            }
            return Literal(lexical, language: tag)
        }
        if i + 1 < p.count, p[i] == 0x5E, p[i + 1] == 0x5E {
            i += 2
            skipSpace()
            guard i < p.count, p[i] == 0x3C else { throw error("expected a datatype <IRI> after '^^'") }
            return Literal(lexical, datatype: try iri(IRICache.predicate))
        }
        if i < p.count, p[i] == 0x5E { throw error("expected '^^' before a datatype") }
        i = afterString
        return Literal(lexical)
    }

    @inline(__always) func isAlpha(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }
}

/// Recently seen IRIs, so that a predicate, type or datatype repeated on every line, or a subject
/// repeated on consecutive lines, is not decoded and allocated again. Direct-mapped: a miss costs
/// one comparison.
struct IRICache {
    static let subject = 0, graph = 1, predicate = 2, object = 18
    var slots: [IRI?] = Array(repeating: nil, count: 26)

    /// The slot for `body` within a region: subjects and graphs use one slot (the last one seen),
    /// predicates and datatypes 16, objects 8.
    @inline(__always) static func slot(_ body: UnsafeBufferPointer<UInt8>, _ region: Int) -> Int {
        if region < predicate { return region }
        let n = body.count
        let h = n &* 31 &+ (n > 0 ? Int(body[n - 1]) &+ Int(body[n / 2]) &* 7 : 0)
        return region + (h & (region == predicate ? 15 : 7))
    }

    @inline(__always) func lookup(_ body: UnsafeBufferPointer<UInt8>, _ slot: Int) -> IRI? {
        guard let known = slots[slot] else { return nil }
        var value = known.value
        let equal = value.withUTF8 { known in
            guard known.count == body.count else { return false }
            guard let a = known.baseAddress, let b = body.baseAddress else { return true }
            return memcmp(a, b, known.count) == 0
        }
        return equal ? known : nil
    }
}
