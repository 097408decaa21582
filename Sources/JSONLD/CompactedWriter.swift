import JSON
import RDF

extension JSONLDWriter {
    /// Writes the compacted form straight from the quads, one subject at a time, when the dataset
    /// and context use nothing the general algorithm treats specially; returns `false` (having
    /// written nothing) otherwise, and ``write(_:to:)`` then runs fromRdf → compaction → ordering.
    ///
    /// Why: the general path builds three or four JSON trees for the whole dataset, and on large
    /// graphs most of its time is allocation. This path builds one small object per subject with
    /// the same steps the general path takes for that subject (the processor's own IRI compaction,
    /// value compaction, `addValue` and ``ordered(_:parentKey:depth:)``), so the bytes are the same.
    ///
    /// Covered: the default graph only; IRIs and blank nodes as subjects and objects; literals
    /// without a base direction; contexts whose terms have no container other than `@set`, no
    /// scoped context, no `@nest` and no `@reverse`. Falls back for named graphs, `rdf:nil`
    /// (lists), `rdf:direction` and i18n datatypes (base directions), literal `rdf:type` values,
    /// generalized RDF, `--embed`, the expanded and flattened forms, an empty context and fewer
    /// than two subjects' worth of nothing (an empty dataset).
    public func writeCompactedDirectly(_ dataset: Dataset, to output: OutputBuffer) throws(JSONLDError) -> Bool {
        guard form == .compacted, !embed, options.compactArrays else { return false }
        let rdfType = Vocab.rdf.type.value, rdfNil = Vocab.rdf.nil.value, rdfDirection = Vocab.rdf.direction.value
        let i18n = "https://www.w3.org/ns/i18n#"

        // Group the quads by subject, keeping dataset order inside each group (the general path
        // meets them in that order too, which decides ties in its sorts).
        var groupOf: [String: Int] = [:]
        var subjects: [String] = []
        var groups: [[Quad]] = []
        for q in dataset {
            guard q.graph == nil else { return false }
            let s: String
            switch q.subject {
            case let .iri(i): s = i.value
            case let .blank(b): s = "_:" + b.id
            case .literal: return false
            }
            guard case let .iri(pi) = q.predicate, pi.value != rdfDirection, s != rdfNil else { return false }
            switch q.object {
            case let .iri(o): if o.value == rdfNil { return false }
            case .blank: break
            case let .literal(l):
                if l.direction != nil || pi.value == rdfType || l.datatype.value.hasPrefix(i18n) { return false }
            }
            if let g = groupOf[s] { groups[g].append(q) } else {
                groupOf[s] = groups.count
                subjects.append(s)
                groups.append([q])
            }
        }
        guard !subjects.isEmpty else { return false }

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
        var active = try p.processContext(ActiveContext(base: opts.base), context, baseURL: opts.base)
        guard active.previous == nil else { return false }
        for def in active.terms.values {
            guard def.context == nil, def.nest == nil, !def.reverse, def.container.isEmpty || def.container == ["@set"] else { return false }
        }
        let idAlias = try p.compactIRI(&active, "@id", vocab: true)
        let typeAlias = try p.compactIRI(&active, "@type", vocab: true)
        let typeAsArray = !p.mode10 && active.terms[typeAlias]?.container.contains("@set") == true

        // Node order: the general path sorts subjects, then (ordered) sorts node objects by their
        // compacted id when the id key is `@id` or `id`.
        let expandedOrder = subjects.indices.sorted { subjects[$0] < subjects[$1] }
        var compactedIDs: [String] = []
        compactedIDs.reserveCapacity(subjects.count)
        var compactedRefs: [String: String] = [:], compactedVocabRefs: [String: String] = [:]
        for s in subjects {
            if let c = try? p.compactIRI(&active, s, vocab: false) {
                compactedIDs.append(c)
                compactedRefs[s] = c
            } else {
                compactedIDs.append(s)
            }
        }
        var order = expandedOrder
        if idAlias == "@id" || idAlias == "id" {
            var keyed = expandedOrder.map { (id: compactedIDs[$0], index: $0) }
            keyed.sort { $0.id < $1.id }
            order = keyed.map(\.index)
        }

        // What compaction does to a value depends on the predicate and on the value's shape (node
        // reference: whether its IRI is itself a term; literal: datatype and language), never on
        // the lexical form, so each shape is compacted once through the general algorithm with a
        // placeholder and the result reused.
        let inv = p.inverse(active)
        var refShapes: [RefShape: (term: String, asArray: Bool, typeMapping: String?)] = [:]
        var literalShapes: [LiteralShape: (term: String, asArray: Bool, template: JSONValue)] = [:]
        let placeholder = "\u{1}newsgraph-value\u{1}"

        func compactedValue(_ predicate: String, _ object: Term) throws(JSONLDError) -> (term: String, asArray: Bool, value: JSONValue)? {
            switch object {
            case let .literal(l):
                let shape = LiteralShape(predicate: predicate, datatype: l.datatype.value, language: l.language)
                if let hit = literalShapes[shape] {
                    guard let v = Self.fill(hit.template, placeholder, l.lexicalForm) else { return nil }
                    return (hit.term, hit.asArray, v)
                }
                let probe: Literal = l.language.map { Literal(placeholder, language: $0) } ?? Literal(placeholder, datatype: l.datatype)
                let item = try p.rdfToObject(.literal(probe))
                let term = try p.compactIRI(&active, predicate, value: item, vocab: true)
                if term.hasPrefix("@") || term == idAlias || term == typeAlias { return nil }
                let asArray = active.terms[term]?.container.contains("@set") == true
                let template = JSONLDWriter.ordered(try p.compact(active, term, item))
                literalShapes[shape] = (term, asArray, template)
                guard let v = Self.fill(template, placeholder, l.lexicalForm) else { return nil }
                return (term, asArray, v)
            case .iri, .blank:
                let id: String
                if case let .iri(i) = object { id = i.value } else if case let .blank(b) = object { id = "_:" + b.id } else { return nil }
                let shape = RefShape(predicate: predicate, termIRI: inv[id] != nil ? id : "")
                let found: (term: String, asArray: Bool, typeMapping: String?)
                if let hit = refShapes[shape] { found = hit } else {
                    let term = try p.compactIRI(&active, predicate, value: ["@id": .string(id)], vocab: true)
                    if term.hasPrefix("@") || term == idAlias || term == typeAlias { return nil }
                    let def = active.terms[term]
                    found = (term, def?.container.contains("@set") == true, def?.typeMapping)
                    refShapes[shape] = found
                }
                // As compactValue: a bare string for @id/@vocab-typed terms, else {"@id": …}.
                let vocab = found.typeMapping == "@vocab"
                var compacted: String
                if let c = vocab ? compactedVocabRefs[id] : compactedRefs[id] { compacted = c } else {
                    guard let c = try? p.compactIRI(&active, id, vocab: vocab) else { return nil }
                    compacted = c
                    if vocab { compactedVocabRefs[id] = c } else { compactedRefs[id] = c }
                }
                if vocab || found.typeMapping == "@id" { return (found.term, found.asArray, .string(compacted)) }
                var o = JSONObject()
                o[idAlias] = .string(compacted)
                return (found.term, found.asArray, .object(o))
            }
        }

        func node(_ g: Int) throws(JSONLDError) -> JSONValue? {
            var result = JSONObject()
            result[idAlias] = .string(compactedIDs[g])
            var types: [String] = []
            var byPredicate: [String: [Term]] = [:]
            var predicates: [String] = []
            for q in groups[g] {
                guard case let .iri(pi) = q.predicate else { return nil }
                if pi.value == rdfType {
                    switch q.object {
                    case let .iri(o): types.append(o.value); continue
                    case let .blank(b): types.append("_:" + b.id); continue
                    case .literal: return nil
                    }
                }
                if byPredicate[pi.value] == nil { predicates.append(pi.value) }
                byPredicate[pi.value, default: []].append(q.object)
            }
            if !types.isEmpty {
                if types.count > 1 {
                    types = types.map { (key: Array(JSONLDWriter.sortKey(.string($0)).utf8), t: $0) }
                        .sorted { $0.key.lexicographicallyPrecedes($1.key) }.map(\.t)
                }
                var compacted: [JSONValue] = []
                for t in types { compacted.append(.string(try p.compactIRI(&active, t, vocab: true))) }
                p.addValue(&result, typeAlias, .array(compacted), asArray: typeAsArray)
            }
            predicates.sort()
            for predicate in predicates {
                guard var items = byPredicate[predicate] else { continue }
                if items.count > 1 {
                    items = items.map { (key: Self.sortKey($0), term: $0) }.sorted { $0.key.lexicographicallyPrecedes($1.key) }.map(\.term)
                }
                for item in items {
                    guard let c = try compactedValue(predicate, item) else { return nil }
                    p.addValue(&result, c.term, c.value, asArray: c.asArray)
                }
            }
            return JSONLDWriter.ordered(.object(result))
        }

        let writer = JSONWriter(style: style)
        let pretty = style == .pretty
        if subjects.count == 1 {
            guard case let .object(n)? = try node(0) else { return false }
            var doc: JSONObject = ["@context": contextForOutput]
            for (k, v) in n { doc[k] = v }
            writer.write(JSONLDWriter.ordered(.object(doc)), to: output)
            output.append(byte: 0x0A)
            return true
        }
        let graphAlias = try p.compactIRI(&active, "@graph", vocab: true)
        guard !["@context", "@id", "id", "@type", "type"].contains(graphAlias) else { return false }
        // Built whole before anything reaches `output`, so a late fallback leaves it untouched.
        var bytes: [UInt8] = []
        func newline(_ indent: Int) {
            guard pretty else { return }
            bytes.append(0x0A)
            for _ in 0..<indent { bytes.append(0x20); bytes.append(0x20) }
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
            guard let n = try node(g) else { return false }
            if i > 0 { bytes.append(UInt8(ascii: ",")) }
            newline(2)
            writer.append(n, indent: 2, to: &bytes)
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

    /// A compacted value template with the placeholder lexical form replaced by `lexical`.
    static func fill(_ template: JSONValue, _ placeholder: String, _ lexical: String) -> JSONValue? {
        switch template {
        case let .string(s): return s == placeholder ? .string(lexical) : nil
        case let .object(o):
            var out = JSONObject()
            var filled = false
            for (k, v) in o {
                if case let .string(s) = v, s == placeholder { out[k] = .string(lexical); filled = true } else { out[k] = v }
            }
            return filled ? .object(out) : nil
        default: return nil
        }
    }
}

struct RefShape: Hashable { let predicate: String; let termIRI: String }
struct LiteralShape: Hashable { let predicate: String; let datatype: String; let language: String? }
