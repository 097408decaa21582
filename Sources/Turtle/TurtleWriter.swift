import RDF
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

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
///
/// How it stays fast on large graphs: one sort of the triples gives every subject's statements
/// as a contiguous run (predicates and objects already in order), so no per-subject dictionaries
/// or sorts are needed; the body is written as bytes, and prefixed names come from a table of
/// namespaces matched byte by byte, with predicates and datatypes rendered once.
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
        try write(Array(graph), to: output)
    }

    /// Writes a list of triples as one graph (duplicates are written once): what a converter
    /// calls after reading, without building a ``Graph`` first.
    public func write(_ triples: [Triple], to output: OutputBuffer) throws {
        var state = try State(sorted: TripleOrder.sortedUnique(triples), writer: self)
        state.writeBody()
        if let base {
            output.append("@base <" + NTriplesEscaping.escapeIRI(base) + "> .\n")
        }
        for p in state.usedPrefixes.sorted() {
            guard let ns = prefixes[p] else { continue }
            output.append("@prefix " + p + ": <" + NTriplesEscaping.escapeIRI(ns) + "> .\n")
        }
        if base != nil || !state.usedPrefixes.isEmpty, !triples.isEmpty { output.append("\n") }
        output.append(bytes: state.out)
    }

    /// The document as a string (tests, small graphs).
    public func string(_ graph: Graph) throws -> String {
        let out = OutputBuffer()
        try write(graph, to: out)
        return out.string
    }

    /// One subject's statements: `triples[start..<end]`, sorted by predicate then object.
    struct Group { var subject: Term; var start: Int; var end: Int }
    /// The objects of one predicate of a subject: `triples[start..<end]`.
    struct Run { var predicate: Term; var start: Int; var end: Int }
    /// A namespace of the prefix map as bytes, for matching IRIs without building Strings.
    struct Namespace { var prefix: String; var prefixIsValid: Bool; var iri: [UInt8] }

    struct State {
        let writer: TurtleWriter
        let triples: [Triple]
        var groups: [Group] = []
        /// Groups written at top level, in order: every subject that is not inline.
        var roots: [Int] = []
        var groupOfBlank: [BlankNode: Int] = [:]
        var references: [BlankNode: Int] = [:]
        /// Blank nodes written inline where they are referenced.
        var inline: Set<BlankNode> = []
        var written: Set<BlankNode> = []
        var deferred: [BlankNode] = []
        var usedPrefixes: Set<String> = []
        var labels: [String: String] = [:]
        var usedLabels: Set<String> = []
        var rendered: [IRI: [UInt8]] = [:]
        /// Namespaces longest first (ties: the smaller prefix), so the first match is the one
        /// ``PrefixMap/split(_:)`` would choose.
        let namespaces: [Namespace]
        let indentBytes: [UInt8]
        var out: [UInt8] = []
        let typeTerm = Term.iri(Vocab.rdf.type)

        /// - Parameter sorted: the graph's triples in ``Triple`` order, without duplicates.
        init(sorted: [Triple], writer: TurtleWriter) throws {
            self.writer = writer
            self.indentBytes = Array(writer.indent.utf8)
            namespaces = writer.prefixes.sorted
                .sorted { a, b in a.iri.count != b.iri.count ? a.iri.count > b.iri.count : a.prefix < b.prefix }
                .map { Namespace(prefix: $0.prefix, prefixIsValid: TurtleGrammar.isValidPrefix($0.prefix), iri: Array($0.iri.utf8)) }
            triples = sorted
            var i = 0
            while i < triples.count {
                let subject = triples[i].subject
                let start = i
                while i < triples.count, triples[i].subject == subject {
                    let t = triples[i]
                    if case .literal = t.subject { throw RDFError.unrepresentable("a literal cannot be the subject of a Turtle statement: \(t.subject)") }
                    guard case .iri = t.predicate else { throw RDFError.unrepresentable("Turtle predicates must be IRIs: \(t.predicate)") }
                    switch t.object {
                    case let .literal(l):
                        if let tag = l.language, !TurtleGrammar.isValidLanguageTag(tag) {
                            throw RDFError.unrepresentable("invalid language tag '\(tag)' in \(t.object)")
                        }
                    case let .blank(b):
                        references[b, default: 0] += t.object == t.subject ? 2 : 1
                    case .iri: break
                    }
                    i += 1
                }
                if case let .blank(b) = subject { groupOfBlank[b] = groups.count }
                groups.append(Group(subject: subject, start: start, end: i))
            }
            // Inline candidates: blank nodes referenced exactly once (never by themselves).
            var candidates = Set(references.filter { $0.value == 1 }.map(\.key))
            // Keep only candidates reachable from a root; otherwise (cycles) the smallest
            // unreached one becomes a root, until everything is reachable.
            var reached: Set<BlankNode> = []
            func visit(_ start: Int, _ reached: inout Set<BlankNode>) {
                var stack = [start]
                while let g = stack.popLast() {
                    for k in groups[g].start..<groups[g].end {
                        guard case let .blank(o) = triples[k].object, candidates.contains(o), !reached.contains(o) else { continue }
                        reached.insert(o)
                        if let og = groupOfBlank[o] { stack.append(og) }
                    }
                }
            }
            for g in groups.indices {
                if case let .blank(b) = groups[g].subject, candidates.contains(b) { continue }
                visit(g, &reached)
            }
            var unreached = candidates.subtracting(reached).sorted()
            while let first = unreached.first {
                candidates.remove(first)
                if let g = groupOfBlank[first] { visit(g, &reached) }
                unreached = candidates.subtracting(reached).sorted()
            }
            inline = candidates
            roots = groups.indices.filter { g in
                if case let .blank(b) = groups[g].subject { return !candidates.contains(b) }
                return true
            }
        }

        /// The predicates of a subject in output order: `rdf:type` first, then sorted.
        func runs(_ group: Int?) -> [Run] {
            guard let group else { return [] }
            let g = groups[group]
            var result: [Run] = []
            var k = g.start
            while k < g.end {
                let p = triples[k].predicate
                let start = k
                while k < g.end, triples[k].predicate == p { k += 1 }
                let run = Run(predicate: p, start: start, end: k)
                if p == typeTerm { result.insert(run, at: 0) } else { result.append(run) }
            }
            return result
        }

        func group(of t: Term) -> Int? {
            if case let .blank(b) = t { return groupOfBlank[b] }
            return nil
        }

        mutating func writeBody() {
            out.reserveCapacity(triples.count * 64)
            var first = true
            var next = 0
            while true {
                let s: Term
                let g: Int?
                if next < roots.count {
                    g = roots[next]
                    s = groups[roots[next]].subject
                    next += 1
                } else if !deferred.isEmpty {
                    let b = deferred.removeFirst()
                    s = .blank(b)
                    g = groupOfBlank[b]
                } else {
                    break
                }
                if case let .blank(b) = s {
                    if written.contains(b) { continue }
                    written.insert(b)
                }
                if !first { out.append(0x0A) }
                first = false
                let props = runs(g)
                if case let .blank(b) = s, (references[b] ?? 0) == 0 {
                    // A blank node nobody points to: `[ :p :o ] .`
                    out.append(0x5B)
                    writeProperties(props, depth: 1)
                    out.append(contentsOf: [0x0A, 0x5D, 0x20, 0x2E, 0x0A])  // "\n] .\n"
                    continue
                }
                term(s, depth: 0)
                out.append(0x20)
                writePredicateList(props, depth: 1, firstOnSameLine: true)
                out.append(contentsOf: [0x20, 0x2E, 0x0A])  // " .\n"
            }
        }

        mutating func pad(_ depth: Int) {
            for _ in 0..<depth { out.append(contentsOf: indentBytes) }
        }

        /// `pred obj, obj ;\n<indent>pred obj`, with the first predicate after the subject.
        mutating func writePredicateList(_ props: [Run], depth: Int, firstOnSameLine: Bool) {
            for (k, run) in props.enumerated() {
                if k > 0 {
                    out.append(contentsOf: [0x20, 0x3B, 0x0A])  // " ;\n"
                    pad(depth)
                } else if !firstOnSameLine {
                    pad(depth)
                }
                verb(run.predicate)
                out.append(0x20)
                for j in run.start..<run.end {
                    if j > run.start { out.append(0x2C); out.append(0x20) }
                    object(triples[j].object, depth: depth)
                }
            }
        }

        mutating func verb(_ p: Term) {
            if p == typeTerm {
                out.append(0x61)  // "a"
            } else if case let .iri(i) = p {
                cachedIRI(i)
            }
        }

        /// The body of `[ … ]`: properties on their own lines at `depth`.
        mutating func writeProperties(_ props: [Run], depth: Int) {
            out.append(0x0A)
            writePredicateList(props, depth: depth, firstOnSameLine: false)
        }

        mutating func object(_ o: Term, depth: Int) {
            guard case let .blank(b) = o, inline.contains(b), !written.contains(b) else { return term(o, depth: depth) }
            if depth >= writer.maxInlineDepth {
                // Too deep to nest: give it a label and write it as a subject later.
                inline.remove(b)
                deferred.append(b)
                return term(o, depth: depth)
            }
            if let items = listItems(b) {
                for n in items.nodes { written.insert(n) }
                if items.values.isEmpty { out.append(contentsOf: [0x28, 0x29]); return }  // "()"
                out.append(contentsOf: [0x28, 0x20])  // "( "
                for (k, v) in items.values.enumerated() {
                    if k > 0 { out.append(0x20) }
                    object(v, depth: depth + 1)
                }
                out.append(contentsOf: [0x20, 0x29])  // " )"
                return
            }
            written.insert(b)
            let props = runs(groupOfBlank[b])
            if props.isEmpty { out.append(contentsOf: [0x5B, 0x5D]); return }  // "[]"
            if props.count == 1, props[0].end - props[0].start == 1, !isInline(triples[props[0].start].object) {
                // One short property: `[ ex:p ex:o ]` on one line.
                out.append(contentsOf: [0x5B, 0x20])
                verb(props[0].predicate)
                out.append(0x20)
                term(triples[props[0].start].object, depth: depth)
                out.append(contentsOf: [0x20, 0x5D])
                return
            }
            out.append(0x5B)
            writeProperties(props, depth: depth + 1)
            out.append(0x0A)
            pad(depth)
            out.append(0x5D)
        }

        func isInline(_ t: Term) -> Bool {
            if case let .blank(b) = t { return inline.contains(b) }
            return false
        }

        /// The list starting at `head` when it is a well-formed list of inline blank nodes, each
        /// with exactly one `rdf:first` and one `rdf:rest` and nothing else, ending in `rdf:nil`.
        func listItems(_ head: BlankNode) -> (nodes: [BlankNode], values: [Term])? {
            var nodes: [BlankNode] = [], values: [Term] = []
            var node = Term.blank(head)
            var seen: Set<BlankNode> = []
            let first = Term.iri(Vocab.rdf.first), rest = Term.iri(Vocab.rdf.rest), nilList = Term.iri(Vocab.rdf.nil)
            while node != nilList {
                guard case let .blank(b) = node, inline.contains(b), !written.contains(b), seen.insert(b).inserted,
                      let g = groupOfBlank[b], groups[g].end - groups[g].start == 2
                else { return nil }
                let t0 = triples[groups[g].start], t1 = triples[groups[g].start + 1]
                guard t0.predicate != t1.predicate else { return nil }
                var f: Term?, r: Term?
                for t in [t0, t1] {
                    if t.predicate == first { f = t.object } else if t.predicate == rest { r = t.object }
                }
                guard let f, let r else { return nil }
                nodes.append(b); values.append(f)
                node = r
            }
            return (nodes, values)
        }

        mutating func term(_ t: Term, depth: Int) {
            switch t {
            case let .iri(i):
                if i == Vocab.rdf.nil { out.append(contentsOf: [0x28, 0x29]); return }
                renderIRI(i)
            case let .blank(b):
                out.append(0x5F); out.append(0x3A)
                out.append(contentsOf: label(b.id).utf8)
            case let .literal(l): literal(l)
            }
        }

        /// Predicates and datatypes repeat on almost every line: render each once.
        mutating func cachedIRI(_ i: IRI) {
            if let known = rendered[i] { out.append(contentsOf: known); return }
            let mark = out.count
            renderIRI(i)
            if rendered.count < 100_000 { rendered[i] = Array(out[mark...]) }
        }

        /// A prefixed name when a namespace matches and the rest is a valid PN_LOCAL, else a
        /// relative or full IRI reference.
        mutating func renderIRI(_ i: IRI) {
            var value = i.value
            let done: Bool = value.withUTF8 { v in
                for b in v where b >= 0x80 { return false }
                // ASCII: match namespaces by bytes; equal to PrefixMap.split for ASCII text.
                for ns in namespaces where ns.iri.count <= v.count && ns.iri.withUnsafeBufferPointer({ memcmpEqual($0, v) }) {
                    guard ns.prefixIsValid else { return false }
                    let mark = out.count
                    out.append(contentsOf: ns.prefix.utf8)
                    out.append(0x3A)
                    if TurtleWriter.appendLocalName(UnsafeBufferPointer(rebasing: v[ns.iri.count...]), to: &out) {
                        usedPrefixes.insert(ns.prefix)
                        return true
                    }
                    out.removeSubrange(mark...)
                    return false
                }
                return false
            }
            if done { return }
            if !value.utf8.contains(where: { $0 >= 0x80 }) {
                // ASCII without a usable prefix: skip the String-based prefix search.
                return referenceIRI(i)
            }
            if let (p, local) = writer.prefixes.split(i), TurtleGrammar.isValidPrefix(p),
               let escaped = TurtleGrammar.escapeLocalName(local)
            {
                usedPrefixes.insert(p)
                out.append(contentsOf: (p + ":" + escaped).utf8)
                return
            }
            referenceIRI(i)
        }

        mutating func referenceIRI(_ i: IRI) {
            out.append(0x3C)
            if let base = writer.base, let relative = TurtleWriter.relative(i.value, to: base) {
                out.append(contentsOf: NTriplesEscaping.escapeIRI(relative).utf8)
            } else {
                out.append(contentsOf: NTriplesEscaping.escapeIRI(i.value).utf8)
            }
            out.append(0x3E)
        }

        mutating func label(_ id: String) -> String {
            if let l = labels[id] { return l }
            var l = TurtleGrammar.isValidBlankLabel(id) ? id : "u" + id.utf8.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
            while usedLabels.contains(l) { l += "_" }
            usedLabels.insert(l)
            labels[id] = l
            return l
        }

        mutating func literal(_ l: Literal) {
            let lex = l.lexicalForm
            if l.language == nil {
                let bare: Bool
                switch l.datatype {
                case Vocab.xsd.integer: bare = TurtleWriter.isInteger(lex)
                case Vocab.xsd.decimal: bare = TurtleWriter.isDecimal(lex)
                case Vocab.xsd.double: bare = TurtleWriter.isDouble(lex)
                case Vocab.xsd.boolean: bare = lex == "true" || lex == "false"
                default: bare = false
                }
                if bare { out.append(contentsOf: lex.utf8); return }
            }
            TurtleWriter.appendQuoted(lex, to: &out)
            if let language = l.language {
                out.append(0x40)
                out.append(contentsOf: language.utf8)
                if let direction = l.direction { out.append(0x2D); out.append(0x2D); out.append(contentsOf: direction.utf8) }
            } else if l.datatype != Vocab.xsd.string {
                out.append(0x5E); out.append(0x5E)
                cachedIRI(l.datatype)
            }
        }
    }

    /// Appends an ASCII local name as a valid PN_LOCAL (reserved characters escaped with `\`),
    /// following ``TurtleGrammar/escapeLocalName(_:)`` exactly; false when no escaping can make
    /// it valid.
    static func appendLocalName(_ s: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) -> Bool {
        let n = s.count
        for i in 0..<n {
            let b = s[i], v = UInt32(b)
            let plain: Bool
            if i == 0 {
                plain = TurtleGrammar.isPNCharsU(v) || b == 0x3A || (b >= 0x30 && b <= 0x39)
            } else if i == n - 1 {
                plain = TurtleGrammar.isPNChars(v) || b == 0x3A
            } else {
                plain = TurtleGrammar.isPNChars(v) || b == 0x3A || b == 0x2E
            }
            if plain {
                out.append(b)
            } else if b == 0x25 {
                guard i + 2 < n, TurtleGrammar.hexValue(s[i + 1]) != nil, TurtleGrammar.hexValue(s[i + 2]) != nil else { return false }
                out.append(b)
            } else if TurtleGrammar.isLocalEscapable(v) {
                out.append(0x5C); out.append(b)
            } else if i > 0, s[i - 1] == 0x25 || (i > 1 && s[i - 2] == 0x25) {
                out.append(b)
            } else {
                return false
            }
        }
        return true
    }

    static let hexDigits: [UInt8] = Array("0123456789ABCDEF".utf8)

    /// Appends `\u00XX` for a control character.
    static func appendUnicodeEscape(_ b: UInt8, to out: inout [UInt8]) {
        out.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, hexDigits[Int(b >> 4)], hexDigits[Int(b & 0xF)]])
    }

    /// A short or long string literal. Multi-line text uses `"""` with real line breaks; `"`
    /// and `\` are always escaped, so no run of quotes can end the string early.
    static func appendQuoted(_ s: String, to out: inout [UInt8]) {
        var s = s
        s.withUTF8 { p in
            let long = p.contains(0x0A)
            if long { out.append(contentsOf: [0x22, 0x22, 0x22]) } else { out.append(0x22) }
            for b in p {
                if b >= 0x20 && b != 0x22 && b != 0x5C && b != 0x7F { out.append(b); continue }
                switch b {
                case 0x0A: if long { out.append(0x0A) } else { out.append(0x5C); out.append(0x6E) }
                case 0x22: out.append(0x5C); out.append(0x22)
                case 0x5C: out.append(0x5C); out.append(0x5C)
                case 0x0D: out.append(0x5C); out.append(0x72)
                case 0x09: out.append(0x5C); out.append(0x74)
                case 0x08: out.append(0x5C); out.append(0x62)
                case 0x0C: out.append(0x5C); out.append(0x66)
                default: appendUnicodeEscape(b, to: &out)
                }
            }
            if long { out.append(contentsOf: [0x22, 0x22, 0x22]) } else { out.append(0x22) }
        }
    }

    /// A short or long string literal as a String (tests and small callers).
    static func quote(_ s: String) -> String {
        var out: [UInt8] = []
        appendQuoted(s, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    static func digits(_ s: Substring.UTF8View) -> Bool { !s.isEmpty && s.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } }
    static func unsigned(_ s: String) -> Substring.UTF8View {
        let u = Substring(s).utf8
        if let f = u.first, f == 0x2B || f == 0x2D { return u.dropFirst() }
        return u
    }

    /// INTEGER: `[+-]?[0-9]+`.
    static func isInteger(_ s: String) -> Bool { digits(unsigned(s)) }

    /// DECIMAL: `[+-]?[0-9]*\.[0-9]+`.
    static func isDecimal(_ s: String) -> Bool {
        let u = unsigned(s)
        guard let dot = u.firstIndex(of: 0x2E) else { return false }
        let intPart = u[..<dot], frac = u[u.index(after: dot)...]
        return (intPart.isEmpty || digits(intPart)) && digits(frac)
    }

    /// DOUBLE: `[+-]? ([0-9]+ '.' [0-9]* | '.' [0-9]+ | [0-9]+) [eE] [+-]? [0-9]+`.
    static func isDouble(_ s: String) -> Bool {
        let u = unsigned(s)
        guard let e = u.firstIndex(where: { $0 == 0x65 || $0 == 0x45 }) else { return false }
        let mantissa = u[..<e]
        var exponent = u[u.index(after: e)...]
        if let f = exponent.first, f == 0x2B || f == 0x2D { exponent = exponent.dropFirst() }
        guard digits(exponent) else { return false }
        if let dot = mantissa.firstIndex(of: 0x2E) {
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

/// True when `prefix` is a byte prefix of `value`.
@inline(__always) func memcmpEqual(_ prefix: UnsafeBufferPointer<UInt8>, _ value: UnsafeBufferPointer<UInt8>) -> Bool {
    guard prefix.count <= value.count else { return false }
    guard let a = prefix.baseAddress, let b = value.baseAddress else { return prefix.isEmpty }
    return memcmp(a, b, prefix.count) == 0
}
