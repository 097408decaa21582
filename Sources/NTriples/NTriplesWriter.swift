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
        term(s)
        output.append(byte: 0x20)
        term(p)
        output.append(byte: 0x20)
        term(o)
        if let graph {
            output.append(byte: 0x20)
            term(graph)
        }
        output.append(byte: 0x20)
        output.append(byte: 0x2E)
        output.append(byte: 0x0A)
    }

    mutating func term(_ t: Term) {
        switch t {
        case let .iri(i):
            output.append(byte: 0x3C)
            output.append(NTriplesEscaping.escapeIRI(i.value))
            output.append(byte: 0x3E)
        case let .blank(b):
            output.append(byte: 0x5F)
            output.append(byte: 0x3A)
            output.append(label(b.id))
        case let .literal(l):
            output.append(byte: 0x22)
            NTriplesWriter.appendEscaped(l.lexicalForm, to: output)
            output.append(byte: 0x22)
            if let language = l.language {
                output.append(byte: 0x40)
                // Canonical form (RDF 1.2): lower case; tags compare case-insensitively anyway.
                output.append(language.utf8.contains { $0 >= 0x41 && $0 <= 0x5A } ? language.lowercased() : language)
                if let direction = l.direction {
                    output.append("--")
                    output.append(direction)
                }
            } else if l.datatype != Vocab.xsd.string {
                output.append("^^<")
                output.append(NTriplesEscaping.escapeIRI(l.datatype.value))
                output.append(byte: 0x3E)
            }
        }
    }

    /// Appends a lexical form with canonical escapes: `\b \t \n \f \r \" \\`, `\uXXXX` for other
    /// controls, U+007F and the noncharacters U+FFFE/U+FFFF; everything else as UTF-8.
    static func appendEscaped(_ s: String, to output: OutputBuffer) {
        var s = s
        s.withUTF8 { p in
            var clean = 0
            var i = 0
            let n = p.count
            func flush(_ upTo: Int) {
                if upTo > clean { output.append(bytes: UnsafeBufferPointer(rebasing: p[clean..<upTo])) }
            }
            while i < n {
                let b = p[i]
                if b >= 0x20 && b != 0x22 && b != 0x5C && b != 0x7F && b != 0xEF { i += 1; continue }
                if b == 0xEF {
                    if i + 2 < n, p[i + 1] == 0xBF, p[i + 2] == 0xBE || p[i + 2] == 0xBF {
                        flush(i)
                        output.append(p[i + 2] == 0xBE ? "\\uFFFE" : "\\uFFFF")
                        i += 3
                        clean = i
                    } else {
                        i += 1
                    }
                    continue
                }
                flush(i)
                switch b {
                case 0x08: output.append("\\b")
                case 0x09: output.append("\\t")
                case 0x0A: output.append("\\n")
                case 0x0C: output.append("\\f")
                case 0x0D: output.append("\\r")
                case 0x22: output.append("\\\"")
                case 0x5C: output.append("\\\\")
                default:
                    let hex: [UInt8] = Array("0123456789ABCDEF".utf8)
                    output.append(bytes: [0x5C, 0x75, 0x30, 0x30, hex[Int(b >> 4)], hex[Int(b & 0xF)]])
                }
                i += 1
                clean = i
            }
            flush(n)
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
