import RDF

/// A pretty, deterministic Turtle writer. The same graph always gives the same bytes: subjects
/// are sorted (IRIs, then blank nodes), `rdf:type` comes first as `a`, then the other
/// predicates and each predicate's objects in sorted order, grouped with `;` and `,`.
///
/// What makes the output readable without losing anything:
/// - only the prefixes that are used are declared (sorted), and a prefixed name is written only
///   when its local part is a valid PN_LOCAL (reserved characters escaped), otherwise `<IRI>`;
/// - a blank node used once as an object is written inline as `[ … ]`, and a well-formed
///   `rdf:first`/`rdf:rest` list as `( … )`. Blank nodes that would only be reachable through a
///   cycle of such inlinings keep a label, so nothing is ever dropped; nesting deeper than
///   ``maxInlineDepth`` also falls back to labels, so readers with depth limits accept the output;
/// - numbers and booleans are bare only when the lexical form is exactly what the Turtle grammar
///   reads back with that datatype; multi-line strings use `"""`.
/// Reading the output back gives a graph isomorphic to the input.
public struct TurtleWriter {
    public var prefixes: PrefixMap
    public var base: String?
    public var indent = "    "
    /// Deepest `[ ]` / `( )` nesting written inline.
    public var maxInlineDepth = 48

    public init(prefixes: PrefixMap = PrefixMap(Vocab.wellKnown), base: String? = nil) {
        self.prefixes = prefixes
        self.base = base
    }

    /// Writes `graph` as a complete Turtle document. Throws ``RDFError/unrepresentable`` for a
    /// literal subject or a non-IRI predicate, which Turtle cannot express.
    public func write(_ graph: Graph, to output: OutputBuffer) throws {
        var state = try State(graph: graph, writer: self)
        let body = OutputBuffer()
        state.writeBody(to: body)
        if let base {
            output.append("@base <" + NTriplesEscaping.escapeIRI(base) + "> .\n")
        }
        for p in state.usedPrefixes.sorted() {
            guard let ns = prefixes[p] else { continue }
            output.append("@prefix " + p + ": <" + NTriplesEscaping.escapeIRI(ns) + "> .\n")
        }
        if base != nil || !state.usedPrefixes.isEmpty, !graph.isEmpty { output.append("\n") }
        output.append(bytes: body.bytes)
    }

    /// The document as a string (tests, small graphs).
    public func string(_ graph: Graph) throws -> String {
        let out = OutputBuffer()
        try write(graph, to: out)
        return out.string
    }

    struct State {
        let writer: TurtleWriter
        /// subject → predicate → sorted objects; predicates in output order.
        var properties: [Term: [(Term, [Term])]] = [:]
        var subjects: [Term] = []
        var references: [Term: Int] = [:]
        /// Blank nodes written inline where they are referenced.
        var inline: Set<Term> = []
        var written: Set<Term> = []
        var deferred: [Term] = []
        var usedPrefixes: Set<String> = []
        var labels: [String: String] = [:]
        var usedLabels: Set<String> = []
        var rendered: [IRI: String] = [:]

        init(graph: Graph, writer: TurtleWriter) throws {
            self.writer = writer
            var grouped: [Term: [Term: [Term]]] = [:]
            for t in graph {
                if case .literal = t.subject { throw RDFError.unrepresentable("a literal cannot be the subject of a Turtle statement: \(t.subject)") }
                guard case .iri = t.predicate else { throw RDFError.unrepresentable("Turtle predicates must be IRIs: \(t.predicate)") }
                if case let .literal(l) = t.object, let tag = l.language, !TurtleGrammar.isValidLanguageTag(tag) {
                    throw RDFError.unrepresentable("invalid language tag '\(tag)' in \(t.object)")
                }
                grouped[t.subject, default: [:]][t.predicate, default: []].append(t.object)
                if case .blank = t.object, t.object != t.subject { references[t.object, default: 0] += 1 }
                if case .blank = t.object, t.object == t.subject { references[t.object, default: 0] += 2 }
            }
            let type = Term.iri(Vocab.rdf.type)
            for (s, preds) in grouped {
                let order = preds.keys.sorted { a, b in
                    if a == type { return b != type }
                    if b == type { return false }
                    return a < b
                }
                properties[s] = order.map { ($0, preds[$0]!.sorted()) }
            }
            let allSubjects = grouped.keys.sorted()
            // Inline candidates: blank nodes referenced exactly once (never by themselves).
            var candidates = Set(references.filter { $0.value == 1 }.map(\.key))
            // Keep only candidates reachable from a root; otherwise (cycles) the smallest
            // unreached one becomes a root, until everything is reachable.
            var reached: Set<Term> = []
            func visit(_ start: Term, _ reached: inout Set<Term>) {
                var stack = [start]
                while let n = stack.popLast() {
                    for (_, objects) in properties[n] ?? [] {
                        for o in objects where candidates.contains(o) && !reached.contains(o) {
                            reached.insert(o)
                            stack.append(o)
                        }
                    }
                }
            }
            for s in allSubjects where !candidates.contains(s) { visit(s, &reached) }
            var unreached = candidates.subtracting(reached).sorted()
            while let first = unreached.first {
                candidates.remove(first)
                visit(first, &reached)
                unreached = candidates.subtracting(reached).sorted()
            }
            inline = candidates
            subjects = allSubjects.filter { !inline.contains($0) }
        }

        mutating func writeBody(to out: OutputBuffer) {
            var first = true
            var queue = subjects[...]
            while true {
                let s: Term
                if let next = queue.popFirst() { s = next } else if !deferred.isEmpty { s = deferred.removeFirst() } else { break }
                if written.contains(s) { continue }
                written.insert(s)
                if !first { out.append("\n") }
                first = false
                let props = properties[s] ?? []
                if s.isBlank && (references[s] ?? 0) == 0 {
                    // A blank node nobody points to: `[ :p :o ] .`
                    out.append("[")
                    writeProperties(props, depth: 1, to: out)
                    out.append("\n] .\n")
                    continue
                }
                out.append(term(s, depth: 0))
                out.append(" ")
                writePredicateList(props, depth: 1, firstOnSameLine: true, to: out)
                out.append(" .\n")
            }
        }

        /// `pred obj, obj ;\n<indent>pred obj`, with the first predicate after the subject.
        mutating func writePredicateList(_ props: [(Term, [Term])], depth: Int, firstOnSameLine: Bool, to out: OutputBuffer) {
            let pad = String(repeating: writer.indent, count: depth)
            for (k, (p, objects)) in props.enumerated() {
                if k > 0 { out.append(" ;\n" + pad) } else if !firstOnSameLine { out.append(pad) }
                if p == .iri(Vocab.rdf.type) {
                    out.append("a")
                } else if case let .iri(i) = p {
                    out.append(iri(i))
                }
                out.append(" ")
                for (j, o) in objects.enumerated() {
                    if j > 0 { out.append(", ") }
                    out.append(object(o, depth: depth))
                }
            }
        }

        /// The body of `[ … ]`: properties on their own lines at `depth`.
        mutating func writeProperties(_ props: [(Term, [Term])], depth: Int, to out: OutputBuffer) {
            out.append("\n")
            writePredicateList(props, depth: depth, firstOnSameLine: false, to: out)
        }

        mutating func object(_ o: Term, depth: Int) -> String {
            guard inline.contains(o), !written.contains(o) else { return term(o, depth: depth) }
            if depth >= writer.maxInlineDepth {
                // Too deep to nest: give it a label and write it as a subject later.
                inline.remove(o)
                deferred.append(o)
                return term(o, depth: depth)
            }
            if let items = listItems(o) {
                for n in items.nodes { written.insert(n) }
                if items.values.isEmpty { return "()" }
                var parts: [String] = []
                for v in items.values { parts.append(object(v, depth: depth + 1)) }
                return "( " + parts.joined(separator: " ") + " )"
            }
            written.insert(o)
            let props = properties[o] ?? []
            if props.isEmpty { return "[]" }
            if props.count == 1, props[0].1.count == 1, !inline.contains(props[0].1[0]) {
                // One short property: `[ ex:p ex:o ]` on one line.
                let (p, objects) = props[0]
                let verb: String
                if p == .iri(Vocab.rdf.type) { verb = "a" } else if case let .iri(i) = p { verb = iri(i) } else { verb = "" }
                return "[ " + verb + " " + term(objects[0], depth: depth) + " ]"
            }
            let out = OutputBuffer()
            out.append("[")
            writeProperties(props, depth: depth + 1, to: out)
            out.append("\n" + String(repeating: writer.indent, count: depth) + "]")
            return out.string
        }

        /// The list starting at `head` when it is a well-formed list of inline blank nodes, each
        /// with exactly one `rdf:first` and one `rdf:rest` and nothing else, ending in `rdf:nil`.
        func listItems(_ head: Term) -> (nodes: [Term], values: [Term])? {
            var nodes: [Term] = [], values: [Term] = []
            var node = head
            var seen: Set<Term> = []
            let first = Term.iri(Vocab.rdf.first), rest = Term.iri(Vocab.rdf.rest), nilList = Term.iri(Vocab.rdf.nil)
            while node != nilList {
                guard node.isBlank, inline.contains(node), !written.contains(node), seen.insert(node).inserted,
                      let props = properties[node], props.count == 2
                else { return nil }
                var f: Term?, r: Term?
                for (p, objects) in props where objects.count == 1 {
                    if p == first { f = objects[0] } else if p == rest { r = objects[0] }
                }
                guard let f, let r else { return nil }
                nodes.append(node); values.append(f)
                node = r
            }
            return (nodes, values)
        }

        mutating func term(_ t: Term, depth: Int) -> String {
            switch t {
            case let .iri(i):
                if i == Vocab.rdf.nil { return "()" }
                return iri(i)
            case let .blank(b): return "_:" + label(b.id)
            case let .literal(l): return literal(l)
            }
        }

        mutating func iri(_ i: IRI) -> String {
            // Rendering looks at every prefix and rescans the local name; predicates, types and
            // datatypes repeat on almost every line, so remember what each IRI became.
            if let known = rendered[i] { return known }
            let r = render(i)
            if rendered.count < 100_000 { rendered[i] = r }
            return r
        }

        mutating func render(_ i: IRI) -> String {
            if let (p, local) = writer.prefixes.split(i), TurtleGrammar.isValidPrefix(p),
               let escaped = TurtleGrammar.escapeLocalName(local)
            {
                usedPrefixes.insert(p)
                return p + ":" + escaped
            }
            if let base = writer.base, let relative = TurtleWriter.relative(i.value, to: base) {
                return "<" + NTriplesEscaping.escapeIRI(relative) + ">"
            }
            return "<" + NTriplesEscaping.escapeIRI(i.value) + ">"
        }

        mutating func label(_ id: String) -> String {
            if let l = labels[id] { return l }
            var l = TurtleGrammar.isValidBlankLabel(id) ? id : "u" + id.utf8.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
            while usedLabels.contains(l) { l += "_" }
            usedLabels.insert(l)
            labels[id] = l
            return l
        }

        mutating func literal(_ l: Literal) -> String {
            let lex = l.lexicalForm
            if l.language == nil {
                switch l.datatype {
                case Vocab.xsd.integer where TurtleWriter.isInteger(lex): return lex
                case Vocab.xsd.decimal where TurtleWriter.isDecimal(lex): return lex
                case Vocab.xsd.double where TurtleWriter.isDouble(lex): return lex
                case Vocab.xsd.boolean where lex == "true" || lex == "false": return lex
                default: break
                }
            }
            var s = TurtleWriter.quote(lex)
            if let language = l.language {
                s += "@" + language
                if let direction = l.direction { s += "--" + direction }
            } else if l.datatype != Vocab.xsd.string {
                s += "^^" + iri(l.datatype)
            }
            return s
        }
    }

    /// A short or long string literal. Multi-line text uses `"""` with real line breaks; `"`
    /// and `\` are always escaped, so no run of quotes can end the string early.
    static func quote(_ s: String) -> String {
        guard s.contains("\n") else { return "\"" + NTriplesEscaping.escapeString(s) + "\"" }
        var out = "\"\"\""
        for c in s.unicodeScalars {
            switch c {
            case "\n": out += "\n"
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            default:
                if c.value < 0x20 || c.value == 0x7F {
                    let h = String(c.value, radix: 16, uppercase: true)
                    out += "\\u" + String(repeating: "0", count: 4 - h.count) + h
                } else {
                    out.unicodeScalars.append(c)
                }
            }
        }
        return out + "\"\"\""
    }

    static func digits(_ s: Substring) -> Bool { !s.isEmpty && s.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } }
    static func unsigned(_ s: String) -> Substring {
        if let f = s.first, f == "+" || f == "-" { return s.dropFirst() }
        return Substring(s)
    }

    /// INTEGER: `[+-]?[0-9]+`.
    static func isInteger(_ s: String) -> Bool { digits(unsigned(s)) }

    /// DECIMAL: `[+-]?[0-9]*\.[0-9]+`.
    static func isDecimal(_ s: String) -> Bool {
        let u = unsigned(s)
        guard let dot = u.firstIndex(of: ".") else { return false }
        let intPart = u[..<dot], frac = u[u.index(after: dot)...]
        return (intPart.isEmpty || digits(intPart)) && digits(frac)
    }

    /// DOUBLE: `[+-]? ([0-9]+ '.' [0-9]* | '.' [0-9]+ | [0-9]+) [eE] [+-]? [0-9]+`.
    static func isDouble(_ s: String) -> Bool {
        let u = unsigned(s)
        guard let e = u.firstIndex(where: { $0 == "e" || $0 == "E" }) else { return false }
        let mantissa = u[..<e]
        var exponent = u[u.index(after: e)...]
        if let f = exponent.first, f == "+" || f == "-" { exponent = exponent.dropFirst() }
        guard digits(exponent) else { return false }
        if let dot = mantissa.firstIndex(of: ".") {
            let a = mantissa[..<dot], b = mantissa[mantissa.index(after: dot)...]
            if a.isEmpty { return digits(b) }
            return digits(a) && (b.isEmpty || digits(b))
        }
        return digits(mantissa)
    }

    /// A reference relative to `base` that resolves back to exactly `iri`, or nil.
    static func relative(_ iri: String, to base: String) -> String? {
        var candidates: [String] = []
        if iri.hasPrefix(base) { candidates.append(String(iri.dropFirst(base.count))) }
        if let slash = base.lastIndex(of: "/") {
            let dir = String(base[...slash])
            if iri.hasPrefix(dir) { candidates.append(String(iri.dropFirst(dir.count))) }
        }
        for c in candidates where !c.contains(":") || c.hasPrefix("#") {
            if IRIReference.resolve(c, against: base) == iri { return c }
        }
        return nil
    }
}
