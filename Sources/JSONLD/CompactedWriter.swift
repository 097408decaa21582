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
        for s in subjects { compactedIDs.append((try? p.compactIRI(&active, s, vocab: false)) ?? s) }
        var order = expandedOrder
        if idAlias == "@id" || idAlias == "id" {
            var keyed = expandedOrder.map { (id: compactedIDs[$0], index: $0) }
            keyed.sort { $0.id < $1.id }
            order = keyed.map(\.index)
        }

        func node(_ g: Int) throws(JSONLDError) -> JSONValue? {
            var result = JSONObject()
            result[idAlias] = .string(compactedIDs[g])
            var types: [JSONValue] = []
            var byPredicate: [String: [JSONValue]] = [:]
            var predicates: [String] = []
            for q in groups[g] {
                guard case let .iri(pi) = q.predicate else { return nil }
                if pi.value == rdfType {
                    switch q.object {
                    case let .iri(o): types.append(.string(o.value)); continue
                    case let .blank(b): types.append(.string("_:" + b.id)); continue
                    case .literal: return nil
                    }
                }
                let value = try p.rdfToObject(q.object)
                if byPredicate[pi.value] == nil { predicates.append(pi.value) }
                byPredicate[pi.value, default: []].append(value)
            }
            if !types.isEmpty {
                if types.count > 1 { types = JSONLDWriter.sortedValues(types) }
                var compacted: [JSONValue] = []
                for t in types { compacted.append(.string(try p.compactIRI(&active, t.stringValue ?? "", vocab: true))) }
                p.addValue(&result, typeAlias, .array(compacted), asArray: typeAsArray)
            }
            predicates.sort()
            for predicate in predicates {
                guard var items = byPredicate[predicate] else { continue }
                if items.count > 1 { items = JSONLDWriter.sortedValues(items) }
                for item in items {
                    let term = try p.compactIRI(&active, predicate, value: item, vocab: true)
                    if term.hasPrefix("@") || term == idAlias || term == typeAlias { return nil }
                    let asArray = active.terms[term]?.container.contains("@set") == true
                    let compacted = try p.compact(active, term, item)
                    p.addValue(&result, term, compacted, asArray: asArray)
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

    /// The order ``sortValues(_:depth:)`` gives a property's values.
    static func sortedValues(_ items: [JSONValue]) -> [JSONValue] {
        let keyed = items.map { (key: Array(sortKey($0).utf8), value: $0) }
        return keyed.sorted { $0.key.lexicographicallyPrecedes($1.key) }.map(\.value)
    }
}
