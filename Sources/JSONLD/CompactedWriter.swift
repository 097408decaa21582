import JSON
import RDF

extension JSONLDWriter {
    /// Writes the compacted form straight from the quads, one subject at a time, when the dataset
    /// and context use nothing the general algorithm treats specially; returns `false` (having
    /// written nothing) otherwise, and ``write(_:to:)`` then runs fromRdf → compaction → ordering.
    ///
    /// Why: the general path builds three or four JSON trees for the whole dataset, and on large
    /// graphs most of its time is allocation. This path takes, for each subject, the steps the
    /// general path takes (the processor's own IRI compaction, value compaction, `addValue` and
    /// ``ordered(_:parentKey:depth:)``) but writes the node object as bytes, with no JSON value
    /// or dictionary per subject: what those steps give depends on the predicate and the shape of
    /// the value, never on a lexical form, so each predicate × shape is compacted once through the
    /// general algorithm and its bytes reused (see ``CompactedNodeWriter``).
    ///
    /// Covered: the default graph only; IRIs and blank nodes as subjects and objects; literals
    /// without a base direction; contexts whose terms have no container other than `@set`, no
    /// scoped context, no `@nest` and no `@reverse`. Falls back for named graphs, `rdf:nil`
    /// (lists), `rdf:direction` and i18n datatypes (base directions), literal `rdf:type` values,
    /// generalized RDF, `--embed`, the expanded and flattened forms, an empty context and an
    /// empty dataset.
    public func writeCompactedDirectly(_ dataset: Dataset, to output: OutputBuffer) throws(JSONLDError) -> Bool {
        try writeCompactedDirectly(quads: dataset.quads.elements, to: output)
    }

    /// ``writeCompactedDirectly(_:to:)`` for quads that may repeat: a repeated quad counts once,
    /// at its first position, as in the ``Dataset`` they would make (so a reader's output needs
    /// no dataset, whose hashing of every quad costs as much as this writer).
    public func writeCompactedDirectly(quads: [Quad], to output: OutputBuffer) throws(JSONLDError) -> Bool {
        guard form == .compacted, !embed, options.compactArrays else { return false }
        guard let groups = SubjectGroups(quads) else { return false }

        var opts = options
        opts.ordered = true
        opts.useNativeTypes = false
        opts.useRdfType = false
        let p = Processor(options: opts)
        p.parseJSONLiterals = false
        let (contextValue, contextForOutput) = try resolveContext()
        var context = contextValue
        if case let .object(o) = contextValue, let c = o["@context"] { context = c }
        switch context {
        case .null: return false
        case let .object(o): if o.isEmpty { return false }
        case let .array(a): if a.isEmpty { return false }
        default: break
        }
        let active = try p.processContext(ActiveContext(base: opts.base), context, baseURL: opts.base)
        guard active.previous == nil else { return false }
        for def in active.terms.values {
            guard def.context == nil, def.nest == nil, !def.reverse, def.container.isEmpty || def.container == ["@set"] else { return false }
        }
        let single = groups.subjects.count == 1
        let nodes = try CompactedNodeWriter(p, active, groups, style: style, nodeIndent: single ? 0 : 2)

        // Node order: the general path sorts subjects, then (ordered) sorts node objects by their
        // compacted id when the id key is `@id` or `id`.
        let subjects = groups.subjects
        var order: [Int] = []
        if nodes.idAlias == "@id" || nodes.idAlias == "id" {
            // Sorted by compacted id; only when two ids are equal does the expanded order (the
            // order this sort starts from in the general path) decide, so it is needed only then.
            let ids = nodes.compactedIDs
            order = ids.indices.sorted { ids[$0] < ids[$1] }
            if zip(order, order.dropFirst()).contains(where: { ids[$0.0] == ids[$0.1] }) {
                order = subjects.indices.sorted { subjects[$0] < subjects[$1] }
                var keyed = order.map { (id: ids[$0], index: $0) }
                keyed.sort { $0.id < $1.id }
                order = keyed.map(\.index)
            }
        } else {
            order = subjects.indices.sorted { subjects[$0] < subjects[$1] }
        }

        let writer = JSONWriter(style: style)
        // Built whole before anything reaches `output`, so a late fallback leaves it untouched.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(groups.quads.count * 64)
        if single {
            // One node: its members follow `@context` in the top-level object.
            var context: [UInt8] = []
            writer.append(contextForOutput, indent: 1, to: &context)
            guard try nodes.appendNode(0, leadingContext: context, to: &bytes) else { return false }
            output.append(bytes: bytes)
            output.append(byte: 0x0A)
            return true
        }
        let graphAlias = try p.compactIRI(&nodes.active, "@graph", vocab: true)
        guard !["@context", "@id", "id", "@type", "type"].contains(graphAlias) else { return false }
        let pretty = style == .pretty
        func newline(_ indent: Int) {
            guard pretty else { return }
            writer.newline(indent, &bytes)
        }
        func key(_ k: String) {
            JSONWriter.appendString(k, to: &bytes)
            bytes.append(UInt8(ascii: ":"))
            if pretty { bytes.append(0x20) }
        }
        bytes.append(UInt8(ascii: "{"))
        newline(1)
        key("@context")
        writer.append(contextForOutput, indent: 1, to: &bytes)
        bytes.append(UInt8(ascii: ","))
        newline(1)
        key(graphAlias)
        bytes.append(UInt8(ascii: "["))
        for (i, g) in order.enumerated() {
            if i > 0 { bytes.append(UInt8(ascii: ",")) }
            newline(2)
            guard try nodes.appendNode(g, leadingContext: nil, to: &bytes) else { return false }
        }
        newline(1)
        bytes.append(UInt8(ascii: "]"))
        newline(0)
        bytes.append(UInt8(ascii: "}"))
        bytes.append(0x0A)
        output.append(bytes: bytes)
        return true
    }

    /// ``sortKey(_:)`` of the expanded form `rdfToObject` gives a term (no base directions here).
    static func sortKey(_ t: Term) -> [UInt8] {
        var k: [UInt8] = []
        switch t {
        case let .iri(i): k.append(UInt8(ascii: "0")); k.append(contentsOf: i.value.utf8)
        case let .blank(b): k.append(contentsOf: "0_:".utf8); k.append(contentsOf: b.id.utf8)
        case let .literal(l):
            k.append(UInt8(ascii: "1")); k.append(contentsOf: l.lexicalForm.utf8); k.append(0)
            if l.language == nil && l.datatype.value != Vocab.xsd.string.value { k.append(contentsOf: l.datatype.value.utf8) }
            k.append(0)
            if let lang = l.language { k.append(contentsOf: lang.lowercased().utf8) }
            k.append(0)
        }
        return k
    }
}

/// The quads grouped by subject without moving them: `members(g)` are the positions of subject
/// `g`'s quads in dataset order (the general path meets them in that order too, which decides ties
/// in its sorts). Predicates are numbered, and ranked in the order the general path sorts them.
/// `nil` when a quad is outside what the direct writer covers.
struct SubjectGroups {
    let quads: [Quad]
    /// Expanded subject ids (`_:label` for blank nodes), in order of first appearance.
    var subjects: [String] = []
    /// The predicate IRIs, numbered in order of first appearance, and each one's rank in code-point
    /// (`String <`) order.
    var predicates: [String] = []
    var predicateRank: [Int32] = []
    /// The number of `rdf:type`, or -1.
    var typeNumber: Int32 = -1
    /// Per quad, its predicate's number.
    var predicateOf: [Int32]
    /// Quad positions grouped by subject: group `g` is `positions[start[g]..<start[g + 1]]`.
    var positions: [Int32] = []
    var start: [Int32] = []

    init?(_ quads: [Quad]) {
        let rdfNil = Vocab.rdf.nil.value, rdfDirection = Vocab.rdf.direction.value, rdfType = Vocab.rdf.type.value
        let i18n = "https://www.w3.org/ns/i18n#"
        self.quads = quads
        predicateOf = [Int32](repeating: 0, count: quads.count)
        var groupOfQuad = [Int32](repeating: 0, count: quads.count)
        var groupOf: [String: Int32] = [:]
        // Sized for a subject per two quads (a generated news graph has 2.5 quads per subject),
        // so a large graph does not rehash the table as it grows.
        groupOf.reserveCapacity(quads.count / 2)
        var predicateNumber: [String: Int32] = [:]
        var counts: [Int32] = []
        for (i, q) in quads.enumerated() {
            guard q.graph == nil else { return nil }
            let s: String
            switch q.subject {
            case let .iri(iri): s = iri.value
            case let .blank(b): s = "_:" + b.id
            case .literal: return nil
            }
            guard case let .iri(pi) = q.predicate, pi.value != rdfDirection, s != rdfNil else { return nil }
            switch q.object {
            case let .iri(o): if o.value == rdfNil { return nil }
            case .blank: break
            case let .literal(l):
                if l.direction != nil || pi.value == rdfType || l.datatype.value.hasPrefix(i18n) { return nil }
            }
            let g: Int32
            if let known = groupOf[s] { g = known } else {
                g = Int32(subjects.count)
                groupOf[s] = g
                subjects.append(s)
                counts.append(0)
            }
            groupOfQuad[i] = g
            counts[Int(g)] += 1
            if let n = predicateNumber[pi.value] { predicateOf[i] = n } else {
                predicateOf[i] = Int32(predicates.count)
                predicateNumber[pi.value] = Int32(predicates.count)
                predicates.append(pi.value)
            }
        }
        guard !subjects.isEmpty else { return nil }
        typeNumber = predicateNumber[rdfType] ?? -1
        predicateRank = [Int32](repeating: 0, count: predicates.count)
        let names = predicates
        for (rank, n) in names.indices.sorted(by: { names[$0] < names[$1] }).enumerated() { predicateRank[n] = Int32(rank) }
        // A counting sort by group keeps dataset order inside each group.
        start.reserveCapacity(counts.count + 1)
        var next: [Int32] = []
        next.reserveCapacity(counts.count)
        var total: Int32 = 0
        for c in counts { start.append(total); next.append(total); total += c }
        start.append(total)
        positions = [Int32](repeating: 0, count: quads.count)
        for (i, g) in groupOfQuad.enumerated() {
            positions[Int(next[Int(g)])] = Int32(i)
            next[Int(g)] += 1
        }
    }

    func members(_ g: Int) -> ArraySlice<Int32> { positions[Int(start[g])..<Int(start[g + 1])] }
}

/// Writes one subject's node object as bytes: the members and values the general path's
/// compaction and ``JSONLDWriter/ordered(_:parentKey:depth:)`` give, in the bytes ``JSONWriter``
/// gives them, at a fixed depth (`nodeIndent`: 2 inside `@graph`, 0 for a lone node).
///
/// Per predicate × value shape (a literal's datatype and language; whether a reference's IRI is
/// itself a term) the general algorithm runs once, on a placeholder lexical form, and its output
/// is kept as bytes split around the placeholder; per IRI the compacted forms are kept. A subject
/// then costs a sort of its quads and appends.
final class CompactedNodeWriter {
    let p: Processor
    var active: ActiveContext
    let groups: SubjectGroups
    let writer: JSONWriter
    let pretty: Bool
    let nodeIndent: Int
    let idAlias: String, typeAlias: String
    let typeAsArray: Bool
    /// The compacted `@id` of each subject (its expanded id when compaction fails, as before).
    var compactedIDs: [String] = []

    /// A compacted value, before it is written.
    enum Value {
        /// A JSON string: a compacted type, or a reference under an `@id`/`@vocab`-typed term.
        case string(String)
        /// `{idAlias: compacted}`.
        case reference(String)
        /// A literal: the bytes of its shape's template around the escaped lexical form.
        case literal(shape: Int, lexical: String)
    }

    /// What the general algorithm gave one predicate × literal shape: the term, whether it is
    /// an `@set`, and the compacted value object written at depths `nodeIndent + 1` (member
    /// value) and `nodeIndent + 2` (array element), split around the lexical form.
    struct LiteralTemplate {
        let term: Int
        let asArray: Bool
        let member: (prefix: [UInt8], suffix: [UInt8])
        let element: (prefix: [UInt8], suffix: [UInt8])
    }

    /// Terms (member keys) numbered, with their keys already escaped and their `ordered` rank.
    var terms: [String] = []
    var termNumber: [String: Int] = [:]
    var termKeyBytes: [[UInt8]] = []
    var termRank: [Int] = []

    var literalShapes: [LiteralShape: Int] = [:]
    var templates: [LiteralTemplate] = []
    /// The most recent literal shape per predicate number: most predicates have one.
    var lastLiteralShape: [(datatype: String, language: String?, shape: Int)?]
    var refShapes: [RefShape: (term: Int, asArray: Bool, typeMapping: String?)] = [:]
    /// The most recent reference shape per predicate number.
    var lastRefShape: [(termIRI: String, found: (term: Int, asArray: Bool, typeMapping: String?))?]
    /// Per referenced IRI: whether it is a term, and its compacted forms (`@vocab`-relative or not).
    var references: [String: ReferenceForms] = [:]
    var compactedTypes: [String: String] = [:]
    let placeholder = "\u{1}newsgraph-value\u{1}"
    let inv: InverseContext

    struct ReferenceForms {
        var isTerm: Bool
        var document: String?
        var vocab: String?
    }

    /// Scratch space reused for every node.
    var types: [(iri: String, blank: Bool)] = []
    var items: [(rank: Int32, position: Int32)] = []
    var memberTerms: [Int] = []
    var memberArray: [Bool] = []
    var values: [(member: Int, value: Value)] = []

    init(_ p: Processor, _ active: ActiveContext, _ groups: SubjectGroups, style: JSONWriter.Style, nodeIndent: Int) throws(JSONLDError) {
        self.p = p
        self.active = active
        self.groups = groups
        self.writer = JSONWriter(style: style)
        self.pretty = style == .pretty
        self.nodeIndent = nodeIndent
        idAlias = try p.compactIRI(&self.active, "@id", vocab: true)
        typeAlias = try p.compactIRI(&self.active, "@type", vocab: true)
        typeAsArray = !p.mode10 && self.active.terms[typeAlias]?.container.contains("@set") == true
        inv = p.inverse(self.active)
        lastLiteralShape = Array(repeating: nil, count: groups.predicates.count)
        lastRefShape = Array(repeating: nil, count: groups.predicates.count)
        compactedIDs.reserveCapacity(groups.subjects.count)
        references.reserveCapacity(groups.subjects.count)
        // Each subject is compacted once here and kept in `references`, so the processor's own
        // memo (a second table as large) is skipped.
        for s in groups.subjects {
            let c = try? p.compactIRIUncached(&self.active, s, inv: inv, value: nil, vocab: false, reverse: false)
            compactedIDs.append(c ?? s)
            references[s] = ReferenceForms(isTerm: inv[s] != nil, document: c, vocab: nil)
        }
    }

    /// ``JSONLDWriter/ordered(_:parentKey:depth:)``'s key rank.
    static func rank(_ k: String) -> Int {
        switch k { case "@context": return 0; case "id", "@id": return 1; case "type", "@type": return 2; default: return 3 }
    }

    func termIndex(_ term: String) -> Int {
        if let n = termNumber[term] { return n }
        let n = terms.count
        terms.append(term)
        termNumber[term] = n
        var key: [UInt8] = []
        JSONWriter.appendString(term, to: &key)
        key.append(UInt8(ascii: ":"))
        if pretty { key.append(0x20) }
        termKeyBytes.append(key)
        termRank.append(Self.rank(term))
        return n
    }

    /// The term and compacted value for one object of `predicate`; nil when the general path
    /// would do something this writer does not (a keyword or the id/type alias as the term, a
    /// template that is not one string with the lexical form in it).
    func compactedValue(_ predicate: Int32, _ object: Term) throws(JSONLDError) -> (term: Int, asArray: Bool, value: Value)? {
        let predicateIRI = groups.predicates[Int(predicate)]
        switch object {
        case let .literal(l):
            let shape: Int
            if let last = lastLiteralShape[Int(predicate)], last.datatype == l.datatype.value, last.language == l.language {
                shape = last.shape
            } else {
                let key = LiteralShape(predicate: predicateIRI, datatype: l.datatype.value, language: l.language)
                if let known = literalShapes[key] { shape = known } else {
                    guard let made = try makeTemplate(predicateIRI, l) else { return nil }
                    shape = templates.count
                    templates.append(made)
                    literalShapes[key] = shape
                }
                lastLiteralShape[Int(predicate)] = (l.datatype.value, l.language, shape)
            }
            let t = templates[shape]
            return (t.term, t.asArray, .literal(shape: shape, lexical: l.lexicalForm))
        case .iri, .blank:
            let id: String
            if case let .iri(i) = object { id = i.value } else if case let .blank(b) = object { id = "_:" + b.id } else { return nil }
            var forms = references[id] ?? ReferenceForms(isTerm: inv[id] != nil, document: nil, vocab: nil)
            let termIRI = forms.isTerm ? id : ""
            let shape = RefShape(predicate: predicateIRI, termIRI: termIRI)
            let found: (term: Int, asArray: Bool, typeMapping: String?)
            if let last = lastRefShape[Int(predicate)], last.termIRI == termIRI { found = last.found }
            else if let hit = refShapes[shape] { found = hit } else {
                let term = try p.compactIRI(&active, predicateIRI, value: ["@id": .string(id)], vocab: true)
                if term.hasPrefix("@") || term == idAlias || term == typeAlias { return nil }
                let def = active.terms[term]
                found = (termIndex(term), def?.container.contains("@set") == true, def?.typeMapping)
                refShapes[shape] = found
            }
            lastRefShape[Int(predicate)] = (termIRI, found)
            // As compactValue: a bare string for @id/@vocab-typed terms, else {"@id": …}.
            let vocab = found.typeMapping == "@vocab"
            let compacted: String
            if let c = vocab ? forms.vocab : forms.document { compacted = c } else {
                guard let c = try? p.compactIRI(&active, id, vocab: vocab) else { return nil }
                compacted = c
                if vocab { forms.vocab = c } else { forms.document = c }
                references[id] = forms
            }
            if vocab || found.typeMapping == "@id" { return (found.term, found.asArray, .string(compacted)) }
            return (found.term, found.asArray, .reference(compacted))
        }
    }

    /// Compacts a placeholder literal of `l`'s shape through the general algorithm and keeps its
    /// bytes at the two depths a value can be written at.
    func makeTemplate(_ predicate: String, _ l: Literal) throws(JSONLDError) -> LiteralTemplate? {
        let probe: Literal = l.language.map { Literal(placeholder, language: $0) } ?? Literal(placeholder, datatype: l.datatype)
        let item = try p.rdfToObject(.literal(probe))
        let term = try p.compactIRI(&active, predicate, value: item, vocab: true)
        if term.hasPrefix("@") || term == idAlias || term == typeAlias { return nil }
        let template = JSONLDWriter.ordered(try p.compact(active, term, item))
        // A template that would itself count as a node reference would change how arrays sort.
        guard JSONLDWriter.nodeID(template) == nil else { return nil }
        var marker: [UInt8] = []
        JSONWriter.appendString(placeholder, to: &marker)
        func split(_ indent: Int) -> (prefix: [UInt8], suffix: [UInt8])? {
            var b: [UInt8] = []
            writer.append(template, indent: indent, to: &b)
            var found: Int?
            var i = 0
            while i + marker.count <= b.count {
                if b[i] == marker[0], b[i..<(i + marker.count)].elementsEqual(marker) {
                    guard found == nil else { return nil }
                    found = i
                    i += marker.count
                } else {
                    i += 1
                }
            }
            guard let at = found else { return nil }
            return (Array(b[..<at]), Array(b[(at + marker.count)...]))
        }
        guard let member = split(nodeIndent + 1), let element = split(nodeIndent + 2) else { return nil }
        return LiteralTemplate(term: termIndex(term), asArray: active.terms[term]?.container.contains("@set") == true,
                               member: member, element: element)
    }

    func compactedType(_ t: String) throws(JSONLDError) -> String {
        if let c = compactedTypes[t] { return c }
        let c = try p.compactIRI(&active, t, vocab: true)
        compactedTypes[t] = c
        return c
    }

    /// Adds a value under `term` as `addValue` does: the member is an array once it has two
    /// values, or from the start for an `@set` term.
    func add(_ term: Int, _ value: Value, asArray: Bool) {
        var m = memberTerms.firstIndex(of: term) ?? -1
        if m < 0 {
            m = memberTerms.count
            memberTerms.append(term)
            memberArray.append(asArray)
        } else {
            memberArray[m] = true
        }
        values.append((m, value))
    }

    /// Appends subject `g`'s node object at depth `nodeIndent`; with `leadingContext` (the bytes
    /// of the context at depth 1) as the document's top-level object. `false` when the general
    /// path would give something this writer does not write.
    func appendNode(_ g: Int, leadingContext: [UInt8]?, to b: inout [UInt8]) throws(JSONLDError) -> Bool {
        let quads = groups.quads
        types.removeAll(keepingCapacity: true)
        items.removeAll(keepingCapacity: true)
        memberTerms.removeAll(keepingCapacity: true)
        memberArray.removeAll(keepingCapacity: true)
        values.removeAll(keepingCapacity: true)
        let typeNumber = groups.typeNumber
        for position in groups.members(g) {
            let predicate = groups.predicateOf[Int(position)]
            if predicate == typeNumber {
                switch quads[Int(position)].object {
                case let .iri(o): types.append((o.value, false))
                case let .blank(b): types.append(("_:" + b.id, true))
                case .literal: return false
                }
            } else {
                items.append((groups.predicateRank[Int(predicate)], position))
            }
        }

        let idTerm = termIndex(idAlias)
        memberTerms.append(idTerm)
        memberArray.append(false)
        values.append((0, .string(compactedIDs[g])))
        if !types.isEmpty {
            if types.count > 1 {
                types = types.map { (key: Array(JSONLDWriter.sortKey(.string($0.iri)).utf8), t: $0) }
                    .sorted { $0.key.lexicographicallyPrecedes($1.key) }.map(\.t)
                // A repeated quad: equal keys sort next to each other, the first occurrence first.
                var unique = [types[0]]
                for t in types.dropFirst() where !unique.contains(where: { $0 == t }) { unique.append(t) }
                types = unique
            }
            let typeTerm = termIndex(typeAlias)
            for t in types { add(typeTerm, .string(try compactedType(t.iri)), asArray: typeAsArray) }
        }
        // Predicates in code-point order, each one's objects in dataset order, then (when there are
        // several) in sortKey order, as the general path adds them.
        items.sort { $0.rank != $1.rank ? $0.rank < $1.rank : $0.position < $1.position }
        var runStart = 0
        while runStart < items.count {
            var runEnd = runStart + 1
            while runEnd < items.count && items[runEnd].rank == items[runStart].rank { runEnd += 1 }
            let predicate = groups.predicateOf[Int(items[runStart].position)]
            if runEnd - runStart == 1 {
                guard let c = try compactedValue(predicate, quads[Int(items[runStart].position)].object) else { return false }
                add(c.term, c.value, asArray: c.asArray)
                runStart = runEnd
                continue
            }
            let run = items[runStart..<runEnd].map { quads[Int($0.position)].object }
                .map { (key: JSONLDWriter.sortKey($0), term: $0) }.sorted { $0.key.lexicographicallyPrecedes($1.key) }
            for (i, object) in run.enumerated() {
                // A repeated quad has the same key as its first occurrence, which sorts first.
                var j = i - 1
                while j >= 0 && run[j].key == object.key && run[j].term != object.term { j -= 1 }
                if j >= 0 && run[j].key == object.key { continue }
                guard let c = try compactedValue(predicate, object.term) else { return false }
                add(c.term, c.value, asArray: c.asArray)
            }
            runStart = runEnd
        }

        // Members in `ordered` key order.
        let members = memberTerms.indices.sorted { a, b in
            let ta = memberTerms[a], tb = memberTerms[b]
            return termRank[ta] != termRank[tb] ? termRank[ta] < termRank[tb] : terms[ta] < terms[tb]
        }
        let inner = nodeIndent + 1
        b.append(UInt8(ascii: "{"))
        if let leadingContext {
            newline(inner, &b)
            JSONWriter.appendString("@context", to: &b)
            b.append(UInt8(ascii: ":"))
            if pretty { b.append(0x20) }
            b.append(contentsOf: leadingContext)
            b.append(UInt8(ascii: ","))
        }
        for (i, m) in members.enumerated() {
            if i > 0 { b.append(UInt8(ascii: ",")) }
            newline(inner, &b)
            b.append(contentsOf: termKeyBytes[memberTerms[m]])
            if !memberArray[m], let v = values.first(where: { $0.member == m }) {
                append(v.value, indent: inner, element: false, to: &b)
                continue
            }
            var elements = values.filter { $0.member == m }.map(\.value)
            sortReferences(&elements)
            b.append(UInt8(ascii: "["))
            for (j, e) in elements.enumerated() {
                if j > 0 { b.append(UInt8(ascii: ",")) }
                newline(inner + 1, &b)
                append(e, indent: inner + 1, element: true, to: &b)
            }
            newline(inner, &b)
            b.append(UInt8(ascii: "]"))
        }
        newline(nodeIndent, &b)
        b.append(UInt8(ascii: "}"))
        return true
    }

    /// `ordered` sorts an array whose items are all node references by id (only `{"@id": …}` or
    /// `{"id": …}` objects count).
    func sortReferences(_ elements: inout [Value]) {
        guard elements.count > 1, idAlias == "@id" || idAlias == "id" else { return }
        var keyed: [(id: String, value: Value)] = []
        keyed.reserveCapacity(elements.count)
        for e in elements {
            guard case let .reference(id) = e else { return }
            keyed.append((id, e))
        }
        keyed.sort { $0.id < $1.id }
        elements = keyed.map(\.value)
    }

    func newline(_ indent: Int, _ b: inout [UInt8]) {
        if pretty { writer.newline(indent, &b) }
    }

    func append(_ v: Value, indent: Int, element: Bool, to b: inout [UInt8]) {
        switch v {
        case let .string(s): JSONWriter.appendString(s, to: &b)
        case let .reference(id):
            b.append(UInt8(ascii: "{"))
            newline(indent + 1, &b)
            b.append(contentsOf: termKeyBytes[termIndex(idAlias)])
            JSONWriter.appendString(id, to: &b)
            newline(indent, &b)
            b.append(UInt8(ascii: "}"))
        case let .literal(shape, lexical):
            let t = templates[shape]
            let parts = element ? t.element : t.member
            b.append(contentsOf: parts.prefix)
            JSONWriter.appendString(lexical, to: &b)
            b.append(contentsOf: parts.suffix)
        }
    }
}

struct RefShape: Hashable { let predicate: String; let termIRI: String }
struct LiteralShape: Hashable { let predicate: String; let datatype: String; let language: String? }
