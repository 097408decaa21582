import RDF

/// A streaming N-Triples / N-Quads writer with canonical escapes (RDF 1.2 canonical N-Triples:
/// `\b \t \n \f \r \" \\`, `\uXXXX` for the other controls and U+007F, UTF-8 for the rest), one
/// statement per line, in the order given — sort first (``Graph/sorted()``) for canonical output.
///
/// In `.nTriples` mode a quad's graph name is dropped, as N-Triples has no place for it; this
/// matches what tools do when flattening a dataset (``Dataset/union``). Statements that no RDF 1.1
/// syntax can hold (a literal subject, a non-IRI predicate, a literal graph name) throw
/// ``RDFError/unrepresentable``.
public struct NTriplesWriter: QuadSink {
    public let output: OutputBuffer
    public let format: NTriplesFormat
    var relabelled: [String: String] = [:]
    var line: [UInt8] = []

    public init(output: OutputBuffer, format: NTriplesFormat = .nTriples) {
        self.output = output
        self.format = format
    }

    public mutating func write(_ quad: Quad) throws {
        try write(quad.subject, quad.predicate, quad.object, graph: format == .nQuads ? quad.graph : nil)
    }

    public mutating func write(_ triple: Triple) throws {
        try write(triple.subject, triple.predicate, triple.object, graph: nil)
    }

    /// Writes every triple of a graph, in its (insertion) order.
    public mutating func write(_ graph: Graph) throws {
        for t in graph { try write(t) }
    }

    /// Writes every quad of a dataset, in its (insertion) order.
    public mutating func write(_ dataset: Dataset) throws {
        for q in dataset { try write(q) }
    }

    /// Flushes the output buffer; the writer holds no other state that needs completing.
    public mutating func finish() throws {
        try output.flush()
    }

    mutating func write(_ s: Term, _ p: Term, _ o: Term, graph: Term?) throws {
        switch s {
        case .iri, .blank: break
        case .literal: throw RDFError.unrepresentable("a literal cannot be the subject of an N-Triples statement: \(s)")
        }
        guard case .iri = p else { throw RDFError.unrepresentable("N-Triples predicates must be IRIs: \(p)") }
        if let graph, graph.isLiteral { throw RDFError.unrepresentable("a literal cannot name a graph: \(graph)") }
        if case let .literal(l) = o, let tag = l.language, !TurtleGrammar.isValidLanguageTag(tag) {
            throw RDFError.unrepresentable("invalid language tag '\(tag)' in \(o)")
        }
        // The statement is built in a local byte array and handed to the output in one call:
        // `OutputBuffer` is a class, and per-byte calls into it cost more than the formatting.
        line.removeAll(keepingCapacity: true)
        term(s)
        line.append(0x20)
        term(p)
        line.append(0x20)
        term(o)
        if let graph {
            line.append(0x20)
            term(graph)
        }
        line.append(0x20)
        line.append(0x2E)
        line.append(0x0A)
        output.append(bytes: line)
    }

    mutating func term(_ t: Term) {
        switch t {
        case let .iri(i):
            line.append(0x3C)
            NTriplesWriter.appendIRI(i.value, to: &line)
            line.append(0x3E)
        case let .blank(b):
            line.append(0x5F)
            line.append(0x3A)
            let l = label(b.id)
            line.append(contentsOf: l.utf8)
        case let .literal(l):
            line.append(0x22)
            NTriplesWriter.appendEscaped(l.lexicalForm, to: &line)
            line.append(0x22)
            if let language = l.language {
                line.append(0x40)
                // Canonical form (RDF 1.2): lower case; tags compare case-insensitively anyway.
                for b in language.utf8 { line.append(b >= 0x41 && b <= 0x5A ? b | 0x20 : b) }
                if let direction = l.direction {
                    line.append(0x2D); line.append(0x2D)
                    line.append(contentsOf: direction.utf8)
                }
            } else if l.datatype != Vocab.xsd.string {
                line.append(0x5E); line.append(0x5E); line.append(0x3C)
                NTriplesWriter.appendIRI(l.datatype.value, to: &line)
                line.append(0x3E)
            }
        }
    }

    static let hexDigits: [UInt8] = Array("0123456789ABCDEF".utf8)

    /// Appends an IRI; characters an IRIREF cannot hold (only possible in unchecked IRIs) become
    /// `\uXXXX` so the output always parses.
    static func appendIRI(_ s: String, to out: inout [UInt8]) {
        var s = s
        s.withUTF8 { p in
            if !containsIRISpecial(p) { out.append(contentsOf: p); return }
            for b in p {
                switch b {
                case 0...0x20, 0x3C, 0x3E, 0x22, 0x7B, 0x7D, 0x7C, 0x5E, 0x60, 0x5C:
                    out.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, hexDigits[Int(b >> 4)], hexDigits[Int(b & 0xF)]])
                default: out.append(b)
                }
            }
        }
    }

    /// Whether any byte of `p` is one ``isIRISpecial(_:)`` flags. Eight bytes at a time: a word is
    /// let through only when it certainly holds none (no byte below 0x21 and none of the nine
    /// others, each found as a zero byte of the word XOR it, pairs folded by clearing one bit);
    /// any other word, and the tail, are checked byte by byte.
    /// IRIs are most of what the writer copies, and the byte-wise test was most of its time.
    static func containsIRISpecial(_ p: UnsafeBufferPointer<UInt8>) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        @inline(__always) func hasZero(_ v: UInt64) -> Bool { (v &- ones) & ~v & highs != 0 }
        @inline(__always) func hasByte(_ x: UInt64, _ c: UInt8) -> Bool { hasZero(x ^ (ones &* UInt64(c))) }
        guard let base = p.baseAddress else { return false }
        let n = p.count
        var i = 0
        while i + 8 <= n {
            let x = UInt64(littleEndian: UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self))
            let bit1 = x & ~(ones &* 0x02)  // < and > fall together, and the backslash and ^
            let bit0 = x & ~ones            // | and }
            let suspicious = (x &- ones &* 0x21) & ~x & highs != 0  // a byte below 0x21
                || hasByte(x, 0x22) || hasByte(x, 0x60) || hasByte(x, 0x7B)
                || hasByte(bit1, 0x3C) || hasByte(bit1, 0x5C) || hasByte(bit0, 0x7C)
            if suspicious {
                for k in i..<i + 8 where p[k] < 0x80 && isIRISpecial(p[k]) { return true }
            }
            i += 8
        }
        while i < n {
            if p[i] < 0x80 && isIRISpecial(p[i]) { return true }
            i += 1
        }
        return false
    }

    /// Bytes an IRIREF cannot hold literally (`0x00–0x20 < > " { } | ^ `` \`), as a 128-bit set:
    /// one shift and mask per byte instead of ten comparisons.
    @inline(__always) static func isIRISpecial(_ b: UInt8) -> Bool {
        let low: UInt64 = 0x5000_0005_FFFF_FFFF  // 0x00–0x20, 0x22, 0x3C, 0x3E
        let high: UInt64 = 0x3800_0001_5000_0000  // 0x5C, 0x5E, 0x60, 0x7B–0x7D (bits relative to 0x40)
        return b < 0x40 ? (low >> UInt64(b)) & 1 == 1 : (high >> UInt64(b - 0x40)) & 1 == 1
    }

    /// Appends a lexical form with canonical escapes: `\b \t \n \f \r \" \\`, `\uXXXX` for other
    /// controls, U+007F and the noncharacters U+FFFE/U+FFFF; everything else as UTF-8.
    static func appendEscaped(_ s: String, to out: inout [UInt8]) {
        var s = s
        s.withUTF8 { p in
            var i = 0
            let n = p.count
            while i < n {
                // Copy the run of bytes that need no escape in one go.
                var j = i
                while j < n {
                    let b = p[j]
                    if b >= 0x20 && b != 0x22 && b != 0x5C && b != 0x7F && b != 0xEF { j += 1 } else { break }
                }
                if j > i { out.append(contentsOf: UnsafeBufferPointer(rebasing: p[i..<j])); i = j; if i == n { break } }
                let b = p[i]
                switch b {
                case 0xEF:
                    if i + 2 < n, p[i + 1] == 0xBF, p[i + 2] == 0xBE || p[i + 2] == 0xBF {
                        out.append(contentsOf: [0x5C, 0x75, 0x46, 0x46, 0x46, p[i + 2] == 0xBE ? 0x45 : 0x46])
                        i += 3
                        continue
                    }
                    out.append(b)
                case 0x08: out.append(0x5C); out.append(0x62)
                case 0x09: out.append(0x5C); out.append(0x74)
                case 0x0A: out.append(0x5C); out.append(0x6E)
                case 0x0C: out.append(0x5C); out.append(0x66)
                case 0x0D: out.append(0x5C); out.append(0x72)
                case 0x22: out.append(0x5C); out.append(0x22)
                case 0x5C: out.append(0x5C); out.append(0x5C)
                default:
                    out.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, hexDigits[Int(b >> 4)], hexDigits[Int(b & 0xF)]])
                }
                i += 1
            }
        }
    }

    /// The label as written: kept when it is a valid BLANK_NODE_LABEL, otherwise replaced by
    /// `u` and the hexadecimal UTF-8 bytes of the original (deterministic and injective).
    mutating func label(_ id: String) -> String {
        if NTriplesWriter.isSimpleLabel(id) { return id }
        if let known = relabelled[id] { return known }
        let replacement: String
        if TurtleGrammar.isValidBlankLabel(id) {
            replacement = id
        } else {
            replacement = "u" + id.utf8.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
        }
        relabelled[id] = replacement
        return replacement
    }

    /// ASCII letters, digits, `_` and inner `-`: valid without a closer look.
    static func isSimpleLabel(_ id: String) -> Bool {
        var first = true
        for b in id.utf8 {
            let ok = (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A || (b >= 0x30 && b <= 0x39) || b == 0x5F || (b == 0x2D && !first)
            if !ok { return false }
            first = false
        }
        return !first
    }
}
