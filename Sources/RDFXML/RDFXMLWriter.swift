import RDF

/// Writes a graph as RDF/XML that other tools (rapper, Jena, rdflib) and our own reader read back
/// to an isomorphic graph, byte-identical for the same graph.
///
/// ## The profile this writer emits
/// Another helper derives an XML Schema / RELAX NG from this list, so it is exhaustive:
/// - `<?xml version="1.0" encoding="utf-8"?>`, a newline, then one root element `rdf:RDF`.
///   Encoding UTF-8, line ends LF, indentation 2 spaces per level, no default namespace (`xmlns=`).
/// - `rdf:RDF` carries only namespace declarations (`xmlns:P="…"`, one per line, sorted by
///   prefix, always including the rdf namespace, otherwise only namespaces that are used) and,
///   when the writer has a `base`, `xml:base`. Prefixes are taken from the writer's ``PrefixMap``
///   when it maps exactly that namespace, else generated `ns1`, `ns2`, … in sorted namespace order.
/// - Children of `rdf:RDF` are node elements, one per subject in sorted subject order (IRIs, then
///   blank nodes). A node element is either `rdf:Description` or a typed element `P:Local` (the
///   first `rdf:type` object, in sorted order, that is an IRI with a QName and is not an RDF syntax
///   name; that type triple is then not repeated as a property). Its only attributes are
///   `rdf:about="IRI"` (IRI subjects) or `rdf:nodeID="NCName"` (blank subjects at top level).
///   Node elements without properties are empty elements (`<rdf:Description rdf:about="…"/>`).
/// - Property elements (children of a node element, sorted by predicate then object) are `P:Local`
///   and have exactly one of these forms:
///   - `<P:L rdf:resource="IRI"/>`: an IRI object;
///   - `<P:L rdf:nodeID="NCName"/>`: a blank object written elsewhere;
///   - `<P:L>` containing exactly one nested node element without `rdf:about`/`rdf:nodeID`: a
///     blank node that is the object of exactly this one triple (nesting depth ≤ 16; deeper ones
///     are written at top level with `rdf:nodeID`);
///   - `<P:L rdf:parseType="Resource"/>`: a blank object used exactly once and with no properties;
///   - `<P:L>text</P:L>`: an `xsd:string` literal (possibly empty);
///   - `<P:L xml:lang="TAG">text</P:L>`: a language-tagged literal;
///   - `<P:L rdf:datatype="IRI">text</P:L>`: another typed literal;
///   - `<P:L rdf:parseType="Literal">markup</P:L>`: an `rdf:XMLLiteral` whose lexical form is
///     well-formed, namespace-well-formed and exclusive-canonical (otherwise it is written as a
///     typed literal with `rdf:datatype`).
/// - Text escapes `&` `<` `>` and CR (`&#13;`); attribute values escape `&` `<` `>` `"` `'` and
///   TAB/LF/CR (`&#9;` `&#10;` `&#13;`). With a `base`, `rdf:about`/`rdf:resource`/`rdf:datatype`
///   values equal to the base or to base + `#fragment` are written relative (`""`, `#fragment`).
///
/// ## What it refuses (``RDFError/unrepresentable``, before writing anything)
/// A literal subject; a non-IRI predicate; a predicate with no NCName suffix (RDF/XML has no other
/// way to write it) or one of the RDF syntax names (`rdf:li`, `rdf:about`, `rdf:Description`…);
/// any string with a character XML 1.0 cannot hold (C0 controls other than TAB/LF/CR,
/// U+FFFE/U+FFFF); a literal with a base direction (RDF 1.2, not RDF/XML 1.1).
public struct RDFXMLWriter: Sendable {
    public var prefixes: PrefixMap
    public var base: String?
    /// Blank nodes nested deeper than this are written at top level with `rdf:nodeID`, which
    /// keeps the output far below libxml2's 256-level limit and the writer's recursion shallow.
    static let maxNesting = 16

    public init(prefixes: PrefixMap = PrefixMap(Vocab.wellKnown), base: String? = nil) {
        self.prefixes = prefixes
        if let base, let hash = base.firstIndex(of: "#") { self.base = String(base[..<hash]) } else { self.base = base }
    }

    /// The graph as an RDF/XML string (convenience for tests and small graphs).
    public func string(_ graph: Graph) throws -> String {
        let out = OutputBuffer()
        try write(graph, to: out)
        return out.string
    }

    public func write(_ graph: Graph, to output: OutputBuffer) throws {
        try write(Array(graph), to: output)
    }

    /// Writes a list of triples as one graph (duplicates are written once): what a converter
    /// calls after reading, without building a ``Graph`` first.
    public func write(_ triples: [Triple], to output: OutputBuffer) throws {
        var plan = try Plan(sorted: TripleOrder.sortedUnique(triples), prefixes: prefixes)
        plan.emit(to: output, base: base)
        try output.flush()
    }
}

/// Everything decided before the first byte is written, so a refusal never leaves half a document.
///
/// The plan resolves every predicate and node-element type to a QName once (`qnameBytes`, ready to
/// copy) and records each triple's property QName by index, so writing hashes no IRI. The document
/// is formed in a local byte array handed to the ``OutputBuffer`` in blocks: per-token calls into
/// the buffer (a class) and per-token `String` handling cost more than the formatting itself.
struct Plan {
    struct Group { var subject: Term; var start: Int; var end: Int; var typeQName: Int? ; var typeIndex: Int? }
    struct QName { var prefix: Int; var local: String }

    let triples: [Triple]
    var groups: [Group] = []
    var blankGroup: [BlankNode: Int] = [:]
    var objectCount: [BlankNode: Int] = [:]
    var referrer: [BlankNode: Term] = [:]
    /// QName index of each IRI used as a predicate or node-element type.
    var qnameIndex: [IRI: Int] = [:]
    var qnameList: [QName] = []
    /// `prefix:local` of each QName, as bytes (filled once the prefix names are known).
    var qnameBytes: [[UInt8]] = []
    /// The property QName (index into `qnameList`) of each triple.
    var predicateQName: [Int] = []
    var namespaces: [String] = []          // namespace IRI by prefix index (before sorting)
    var namespaceIndex: [String: Int] = [:]
    var prefixNames: [String] = []          // final prefix for each namespace index
    var rdfPrefix = "rdf"
    var rdfBytes: [UInt8] = []              // the rdf prefix as bytes
    var written: Set<BlankNode> = []
    var nodeIDs: [BlankNode: String] = [:]
    var usedNodeIDs: Set<String> = []
    var generatedCounter = 0
    var xmlLiteralOK: [String: Bool] = [:]
    /// The document being formed, handed to the output every `block` bytes.
    var bytes: [UInt8] = []
    static let block = 1 << 16

    /// - Parameter sorted: the graph's triples in ``Triple`` order, without duplicates.
    init(sorted: [Triple], prefixes: PrefixMap) throws {
        triples = sorted
        var candidates: [String: String] = [:]   // namespace → prefix from the map
        for (p, ns) in prefixes.sorted where XMLNames.isNCName(p) && !p.lowercased().hasPrefix("xml") && candidates[ns] == nil {
            candidates[ns] = p
        }
        _ = namespaceFor(RDFSyntax.ns)
        predicateQName.reserveCapacity(triples.count)
        var lastPredicate: IRI?
        var lastQName = 0
        var i = 0
        while i < triples.count {
            let t = triples[i]
            try Plan.checkSubject(t)
            var g = Group(subject: t.subject, start: i, end: i, typeQName: nil, typeIndex: nil)
            while i < triples.count && triples[i].subject == g.subject {
                let t = triples[i]
                guard case let .iri(p) = t.predicate else {
                    throw RDFError.unrepresentable("RDF/XML cannot write a triple whose predicate is not an IRI: \(t)")
                }
                // sorted by subject then predicate: most triples repeat the previous predicate, and a known
                // predicate's characters were checked when it was first seen
                let known = p == lastPredicate ? lastQName : qnameIndex[p]
                if known == nil { try Plan.checkChars(p.value, t) }
                try Plan.checkObject(t)
                if let known { lastQName = known } else {
                    guard let q = qname(p, prefixes) else {
                        throw RDFError.unrepresentable("RDF/XML cannot write the predicate <\(p.value)>: it does not end in an XML name (NCName), so it has no QName")
                    }
                    if p.value.hasPrefix(RDFSyntax.ns) && RDFSyntax.forbiddenAsPropertyElement(q.local) || p == Vocab.rdf.ns("li") {
                        throw RDFError.unrepresentable("RDF/XML cannot use <\(p.value)> as a predicate: it is an RDF/XML syntax name")
                    }
                    lastQName = addQName(p, q)
                }
                lastPredicate = p
                predicateQName.append(lastQName)
                if g.typeIndex == nil, p == Vocab.rdf.type, case let .iri(type) = t.object, Plan.canBeNodeElement(type) {
                    if let known = qnameIndex[type] { g.typeQName = known; g.typeIndex = i }
                    else if let q = qname(type, prefixes) { g.typeQName = addQName(type, q); g.typeIndex = i }
                }
                if case let .blank(b) = t.object {
                    objectCount[b, default: 0] += 1
                    referrer[b] = t.subject
                }
                i += 1
            }
            g.end = i
            if case let .blank(b) = g.subject { blankGroup[b] = groups.count }
            groups.append(g)
        }
        // Prefix names: the map's where it has one, generated ones in sorted namespace order.
        let taken = Set(candidates.values)
        var names = Array(repeating: "", count: namespaces.count)
        var generated = 0
        for (index, ns) in namespaces.enumerated().sorted(by: { $0.element < $1.element }) {
            if let p = candidates[ns] { names[index] = p; continue }
            repeat { generated += 1 } while taken.contains("ns\(generated)")
            names[index] = "ns\(generated)"
        }
        prefixNames = names
        rdfPrefix = names[0]
        rdfBytes = Array(rdfPrefix.utf8)
        qnameBytes = qnameList.map { Array((names[$0.prefix] + ":" + $0.local).utf8) }
        if triples.contains(where: { if case .blank = $0.subject { return true }; if case .blank = $0.object { return true }; return false }) {
            for t in triples {
                if case let .blank(b) = t.subject, XMLNames.isNCName(b.id) { usedNodeIDs.insert(b.id) }
                if case let .blank(b) = t.object, XMLNames.isNCName(b.id) { usedNodeIDs.insert(b.id) }
            }
        }
    }

    mutating func addQName(_ iri: IRI, _ q: QName) -> Int {
        qnameList.append(q)
        qnameIndex[iri] = qnameList.count - 1
        return qnameList.count - 1
    }

    mutating func namespaceFor(_ ns: String) -> Int {
        if let i = namespaceIndex[ns] { return i }
        namespaces.append(ns)
        namespaceIndex[ns] = namespaces.count - 1
        return namespaces.count - 1
    }

    /// A QName for `iri`: the map's longest namespace when the rest is an NCName, otherwise the
    /// longest NCName suffix.
    mutating func qname(_ iri: IRI, _ prefixes: PrefixMap) -> QName? {
        if let (p, local) = prefixes.split(iri), XMLNames.isNCName(local), let ns = prefixes[p] {
            return QName(prefix: namespaceFor(ns), local: local)
        }
        guard let (ns, local) = XMLNames.splitQName(iri.value) else { return nil }
        return QName(prefix: namespaceFor(ns), local: local)
    }

    static func canBeNodeElement(_ type: IRI) -> Bool {
        guard type.value.hasPrefix(RDFSyntax.ns) else { return true }
        let local = String(type.value.dropFirst(RDFSyntax.ns.count))
        return !(RDFSyntax.forbiddenAsNodeElement(local) || local == "Description")
    }

    /// Refuses a subject RDF/XML cannot write (checked once per subject).
    static func checkSubject(_ t: Triple) throws {
        switch t.subject {
        case .literal: throw RDFError.unrepresentable("RDF/XML cannot write a triple whose subject is a literal: \(t)")
        case let .iri(i): try checkChars(i.value, t)
        case .blank: break
        }
    }

    /// Refuses an object RDF/XML cannot write (the predicate is checked once per distinct IRI).
    static func checkObject(_ t: Triple) throws {
        switch t.object {
        case let .iri(i): try checkChars(i.value, t)
        case .blank: break
        case let .literal(l):
            if l.direction != nil {
                throw RDFError.unrepresentable("RDF/XML 1.1 cannot write a literal with a base direction: \(t)")
            }
            try checkChars(l.lexicalForm, t)
            try checkChars(l.datatype.value, t)
            if let lang = l.language { try checkChars(lang, t) }
        }
    }

    static func checkChars(_ s: String, _ t: Triple) throws {
        if let c = XMLNames.firstNonXMLChar(s) {
            throw RDFError.unrepresentable("XML 1.0 cannot hold the character U+\(Plan.hex(c.value)) in \(t)")
        }
    }

    // MARK: - Output

    func isNestable(_ b: BlankNode) -> Bool {
        objectCount[b] == 1 && referrer[b] != .blank(b)
    }

    @inline(__always) mutating func put(_ s: StaticString) {
        s.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    @inline(__always) mutating func put(_ s: String) {
        var s = s
        s.withUTF8 { bytes.append(contentsOf: $0) }
    }

    /// Hands what is formed to the output once a block is full.
    @inline(__always) mutating func drain(_ out: OutputBuffer, force: Bool = false) {
        guard force || bytes.count >= Plan.block else { return }
        out.append(bytes: bytes)
        bytes.removeAll(keepingCapacity: true)
    }

    mutating func emit(to out: OutputBuffer, base: String?) {
        bytes.reserveCapacity(Plan.block + 4096)
        put("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<")
        bytes.append(contentsOf: rdfBytes)
        put(":RDF")
        if let base {
            put(" xml:base=\"")
            escapeAttribute(base)
            bytes.append(0x22)
        }
        for (index, name) in prefixNames.enumerated().sorted(by: { $0.element < $1.element }) {
            put("\n    xmlns:")
            put(name)
            put("=\"")
            let namespace = namespaces[index]
            escapeAttribute(namespace)
            bytes.append(0x22)
        }
        put(">\n")
        for gi in groups.indices {
            if case let .blank(b) = groups[gi].subject, isNestable(b) { continue }
            writeNode(gi, depth: 1, nested: false, base: base)
            drain(out)
        }
        for gi in groups.indices {
            if case let .blank(b) = groups[gi].subject, !written.contains(b) {
                writeNode(gi, depth: 1, nested: false, base: base)
                drain(out)
            }
        }
        put("</")
        bytes.append(contentsOf: rdfBytes)
        put(":RDF>\n")
        drain(out, force: true)
    }

    @inline(__always) mutating func indent(_ depth: Int) {
        for _ in 0..<depth { bytes.append(0x20); bytes.append(0x20) }
    }

    mutating func nodeID(_ b: BlankNode) -> String {
        if let id = nodeIDs[b] { return id }
        var id = b.id
        if !XMLNames.isNCName(id) {
            repeat { generatedCounter += 1; id = "genid\(generatedCounter)" } while usedNodeIDs.contains(id)
            usedNodeIDs.insert(id)
        }
        nodeIDs[b] = id
        return id
    }

    /// ` rdf:NAME="IRI"`, relative to `base` when the IRI is the base or a fragment of it.
    mutating func appendIRIAttribute(_ name: StaticString, _ iri: String, base: String?) {
        bytes.append(0x20)
        bytes.append(contentsOf: rdfBytes)
        bytes.append(0x3A)
        put(name)
        put("=\"")
        if let base, iri.hasPrefix(base) {
            let rest = iri.utf8.dropFirst(base.utf8.count)
            if rest.isEmpty || rest.first == 0x23 {
                escapeAttribute(String(Substring(rest)))
                bytes.append(0x22)
                return
            }
        }
        escapeAttribute(iri)
        bytes.append(0x22)
    }

    mutating func writeNode(_ gi: Int, depth: Int, nested: Bool, base: String?) {
        let g = groups[gi]
        if case let .blank(b) = g.subject { written.insert(b) }
        indent(depth)
        bytes.append(0x3C)
        if let q = g.typeQName { bytes.append(contentsOf: qnameBytes[q]) } else { bytes.append(contentsOf: rdfBytes); put(":Description") }
        switch g.subject {
        case let .iri(i): appendIRIAttribute("about", i.value, base: base)
        case let .blank(b):
            if !nested {
                bytes.append(0x20); bytes.append(contentsOf: rdfBytes); put(":nodeID=\"")
                let id = nodeID(b)
                put(id); bytes.append(0x22)
            }
        case .literal: break
        }
        let propertyCount = g.end - g.start - (g.typeIndex == nil ? 0 : 1)
        if propertyCount == 0 { put("/>\n"); return }
        put(">\n")
        for i in g.start..<g.end where i != g.typeIndex {
            writeProperty(i, depth: depth + 1, base: base)
        }
        indent(depth)
        put("</")
        if let q = g.typeQName { bytes.append(contentsOf: qnameBytes[q]) } else { bytes.append(contentsOf: rdfBytes); put(":Description") }
        put(">\n")
    }

    mutating func writeProperty(_ i: Int, depth: Int, base: String?) {
        let t = triples[i], q = predicateQName[i]
        indent(depth)
        bytes.append(0x3C)
        bytes.append(contentsOf: qnameBytes[q])
        switch t.object {
        case let .iri(o):
            appendIRIAttribute("resource", o.value, base: base)
            put("/>\n")
        case let .blank(b):
            if isNestable(b), !written.contains(b), depth / 2 < RDFXMLWriter.maxNesting {
                guard let gi = blankGroup[b] else {
                    written.insert(b)
                    bytes.append(0x20); bytes.append(contentsOf: rdfBytes); put(":parseType=\"Resource\"/>\n")
                    return
                }
                put(">\n")
                writeNode(gi, depth: depth + 1, nested: true, base: base)
                indent(depth)
                put("</")
                bytes.append(contentsOf: qnameBytes[q])
                put(">\n")
            } else {
                if blankGroup[b] == nil { written.insert(b) }
                bytes.append(0x20); bytes.append(contentsOf: rdfBytes); put(":nodeID=\"")
                let id = nodeID(b)
                put(id); put("\"/>\n")
            }
        case let .literal(l):
            if let lang = l.language {
                put(" xml:lang=\"")
                escapeAttribute(lang)
                put("\">")
                escapeText(l.lexicalForm)
            } else if l.datatype == Vocab.xsd.string {
                bytes.append(0x3E)
                escapeText(l.lexicalForm)
            } else if l.datatype == Vocab.rdf.XMLLiteral, isCanonicalXML(l.lexicalForm) {
                bytes.append(0x20); bytes.append(contentsOf: rdfBytes); put(":parseType=\"Literal\">")
                put(l.lexicalForm)
            } else {
                appendIRIAttribute("datatype", l.datatype.value, base: base)
                bytes.append(0x3E)
                escapeText(l.lexicalForm)
            }
            put("</")
            bytes.append(contentsOf: qnameBytes[q])
            put(">\n")
        }
    }

    mutating func isCanonicalXML(_ s: String) -> Bool {
        if let known = xmlLiteralOK[s] { return known }
        let ok = XMLCanonicalizer.isCanonicalContent(s)
        xmlLiteralOK[s] = ok
        return ok
    }

    /// Text content: `&` `<` `>` and CR escaped.
    mutating func escapeText(_ s: String) { escape(s, attribute: false) }

    /// An attribute value: `&` `<` `>` `"` `'` and TAB/LF/CR escaped.
    mutating func escapeAttribute(_ s: String) { escape(s, attribute: true) }

    /// Copies `s` with XML escapes; runs that need none are copied whole.
    mutating func escape(_ s: String, attribute: Bool) {
        var s = s
        s.withUTF8 { p in
            var runStart = 0
            for (k, b) in p.enumerated() {
                let entity: StaticString
                switch b {
                case 0x26: entity = "&amp;"
                case 0x3C: entity = "&lt;"
                case 0x3E: entity = "&gt;"
                case 0x0D: entity = "&#13;"
                case 0x22 where attribute: entity = "&quot;"
                case 0x27 where attribute: entity = "&apos;"
                case 0x09 where attribute: entity = "&#9;"
                case 0x0A where attribute: entity = "&#10;"
                default: continue
                }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: p[runStart..<k]))
                put(entity)
                runStart = k + 1
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: p[runStart...]))
        }
    }
}

extension Plan {
    static func hex(_ v: UInt32) -> String {
        let h = String(v, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - h.count)) + h
    }
}
