import JSON
import RDF

/// Deserialize JSON-LD to RDF (§8.1) straight from the parsed document, for documents in the shape
/// writers produce: a context, then node objects in `@graph` (or one node object, or an array of
/// them) whose members are plain values, value objects, node references and embedded node objects.
///
/// Why: the general path builds the expanded document and the node map, two more trees of the whole
/// input, and on large files most of its time is allocation. This path takes the same steps for the
/// members it accepts (the processor's own context processing, IRI expansion, value expansion rules
/// and ``Processor/literalForm(_:type:language:)``) but only records `(subject, predicate, object)`
/// entries, then emits them in the general path's order: subjects sorted, properties sorted, values
/// in first-seen order without duplicates (as terms: where the general path hands its sink the same
/// quad twice because two values differed only in JSON form, this path emits it once; the dataset
/// is the same). Blank node labels are issued in the node map's order
/// (a node's types, its `@id`, then its properties in sorted order, depth first), so the dataset,
/// labels included, is the general path's.
///
/// It declines (returns nil, having emitted nothing) at the first thing it does not cover, and the
/// caller runs the general algorithm, which also reports every error: named graphs, `@list`,
/// `@set`, `@reverse`, `@nest`, `@included`, `@index` on nodes, `@json`, base directions, nested
/// `@context`, terms with a container other than `@set`, a scoped context, `@reverse` or a
/// direction, blank node properties, repeated keywords in one object, json-ld-1.0 mode, the
/// `ordered` option, and anything the general path would reject.
struct DirectToRDF {
    /// Thrown to abandon the direct path; never leaves this file.
    struct Decline: Error {}

    /// What a member key means in the active context, worked out once per key.
    enum KeyPlan {
        /// Expansion drops the member (the key expands to no IRI and no keyword).
        case drop
        case keyword(String)
        /// A property: its index in `predicates`, and how its plain values expand.
        case property(Int32, ValueRule)
    }

    /// A value: a node (an index into `subjects`, so each identifier becomes a term once) or a literal.
    enum Object { case node(Int32), literal(Term) }

    /// How a property's plain (non-object) values expand (Value Expansion, §5.3.2).
    struct ValueRule {
        /// The term's type mapping (`@id`, `@vocab`, `@none` or a datatype IRI), if any.
        var typeMapping: String?
        /// The language for strings: the term's, else the context's default.
        var language: String?
    }

    let p: Processor
    var active: ActiveContext
    var plans: [String: KeyPlan] = [:]
    /// Node identifiers (after blank node relabelling) in first-seen order.
    var subjects = Interner()
    /// Expanded property IRIs; index 0 is `@type`.
    var predicates = Interner(["@type"])
    /// One per value, in the order the node map would add it.
    var entries: [(subject: Int32, predicate: Int32, object: Object)] = []
    /// A property expanding to rdf:type can repeat a `@type` quad (the general path emits both).
    var mayRepeat = false
    var depth = 0

    init(_ p: Processor, _ active: ActiveContext) { self.p = p; self.active = active }

    /// The quads, in the general path's order; nil when the document is not covered.
    /// `canonical`: in ``Quad`` order without duplicates instead (what sorted writers want).
    static func quads(_ input: JSONValue, _ p: Processor, canonical: Bool = false) -> (quads: [Quad], unique: Bool)? {
        let o = p.options
        guard o.processingMode == .jsonLD11, !o.ordered, o.rdfDirection == nil, !o.produceGeneralizedRdf else { return nil }
        do throws(Decline) {
            guard let initial = try? p.initialContext(), initial.previous == nil else { return nil }
            var d = DirectToRDF(p, initial)
            try d.document(input)
            return canonical ? (d.emitCanonical(), true) : (d.emit(), !d.mayRepeat)
        } catch {
            return nil
        }
    }

    // MARK: Walking the document

    mutating func document(_ input: JSONValue) throws(Decline) {
        switch input {
        case let .array(items):
            for item in items { try topLevel(item) }
        case let .object(o):
            if let c = o["@context"] {
                guard let a = try? p.processContext(active, c, baseURL: p.options.base), a.previous == nil else { throw Decline() }
                active = a
            }
            var graph: JSONValue?
            var others = false
            for (i, k) in o.keys.enumerated() where k != "@context" {
                switch try plan(k) {
                case .drop: continue
                case .keyword("@graph"):
                    guard graph == nil else { throw Decline() }
                    graph = o.values[i]
                default: others = true
                }
            }
            if let graph {
                guard !others else { throw Decline() }  // a named graph or a node with a graph
                for item in graph.asArray { try topLevel(item) }
            } else {
                _ = try node(o, topLevel: true, skipContext: true)
            }
        default:
            return
        }
    }

    /// One member of the top-level array or of `@graph`: scalars expand to nothing.
    mutating func topLevel(_ item: JSONValue) throws(Decline) {
        switch item {
        case let .array(a): for x in a { try topLevel(x) }
        case let .object(o): _ = try node(o, topLevel: true, skipContext: false)
        default: return
        }
    }

    mutating func plan(_ key: String) throws(Decline) -> KeyPlan {
        if let hit = plans[key] { return hit }
        let result: KeyPlan
        if let e = p.expandIRIConst(active, key, vocab: true), isKeyword(e) {
            result = .keyword(e)
        } else if let e = p.expandIRIConst(active, key, vocab: true), e.utf8.contains(UInt8(ascii: ":")) {
            if isBlankNodeID(e) { throw Decline() }
            let def = active.terms[key]
            if let def {
                guard !def.reverse, def.context == nil, def.container.isEmpty || def.container == ["@set"],
                      def.typeMapping != "@json", def.direction == nil || def.direction == .null else { throw Decline() }
            }
            if active.defaultDirection != nil && def?.direction == nil { throw Decline() }
            var rule = ValueRule(typeMapping: def?.typeMapping, language: active.defaultLanguage)
            if let l = def?.language { rule.language = l.string }
            result = .property(intern(e), rule)
        } else {
            result = .drop
        }
        plans[key] = result
        return result
    }

    mutating func intern(_ predicate: String) -> Int32 {
        let (i, new) = predicates.index(predicate)
        if new && predicate == Vocab.rdf.type.value { mayRepeat = true }
        return i
    }

    mutating func subject(_ id: String) -> Int32 { subjects.index(id).index }

    /// A node object: records its entries and returns its identifier, or nil when expansion drops
    /// it (a top-level node with no members, or with `@id` alone).
    mutating func node(_ o: JSONObject, topLevel: Bool, skipContext: Bool) throws(Decline) -> String? {
        depth += 1
        defer { depth -= 1 }
        if depth > p.options.maxExpansionDepth { throw Decline() }
        var id: String?
        var types: [String]?
        // (expanded IRI's predicate index, member position) of the members expansion keeps.
        var members: [(predicate: Int32, position: Int)] = []
        for (i, k) in o.keys.enumerated() {
            if skipContext && k == "@context" { continue }
            switch try plan(k) {
            case .drop: continue
            case .keyword("@id"):
                guard id == nil, case let .string(s) = o.values[i], let e = p.expandIRIConst(active, s, documentRelative: true) else { throw Decline() }
                id = e
            case .keyword("@type"):
                guard types == nil else { throw Decline() }
                let strings: [JSONValue]
                switch o.values[i] {
                case let .string(s): strings = [.string(s)]
                case let .array(a) where a.allSatisfy(\.isString): strings = a
                default: throw Decline()
                }
                // A type that is a term with a scoped context changes the active context: not covered.
                if strings.contains(where: { $0.stringValue.flatMap { active.terms[$0]?.context } != nil }) { throw Decline() }
                types = strings.compactMap { $0.stringValue.flatMap { p.expandIRIConst(active, $0, documentRelative: true, vocab: true) } }
            case let .property(predicate, _):
                if try expandsToNothing(o.values[i]) { continue }
                members.append((predicate, i))
            case .keyword:
                throw Decline()
            }
        }
        if topLevel && (members.isEmpty && types == nil) { return nil }

        // The node map's order: types (blank ones relabelled), the identifier, then properties.
        let typeIDs = (types ?? []).map { isBlankNodeID($0) ? p.blankNodeID($0) : $0 }
        let nodeID: String
        if let id { nodeID = isBlankNodeID(id) ? p.blankNodeID(id) : id } else { nodeID = p.blankNodeID(nil) }
        let s = subject(nodeID)
        for t in typeIDs { entries.append((s, 0, .node(subject(t)))) }
        if members.count > 1 {
            members.sort { a, b in
                a.predicate == b.predicate ? a.position < b.position : predicates.strings[Int(a.predicate)] < predicates.strings[Int(b.predicate)]
            }
        }
        for m in members {
            guard case let .property(_, rule) = try plan(o.keys[m.position]) else { throw Decline() }
            try value(o.values[m.position], s, m.predicate, rule)
        }
        return nodeID
    }

    /// True when expansion turns a member's value into null (so the member disappears): null
    /// itself, or a value object whose `@value` is null.
    mutating func expandsToNothing(_ v: JSONValue) throws(Decline) -> Bool {
        switch v {
        case .null: return true
        case let .object(o): return try valueObjectParts(o)?.value.isNull ?? false
        default: return false
        }
    }
    /// One value of a property of node `s`.
    mutating func value(_ v: JSONValue, _ s: Int32, _ predicate: Int32, _ rule: ValueRule) throws(Decline) {
        switch v {
        case .null:
            return
        case let .array(items):
            for item in items { try value(item, s, predicate, rule) }
        case let .string(str) where rule.typeMapping == "@id" || rule.typeMapping == "@vocab":
            guard let e = p.expandIRIConst(active, str, documentRelative: true, vocab: rule.typeMapping == "@vocab") else { throw Decline() }
            reference(e, s, predicate)
        case .string, .number, .bool:
            var type: String?
            var language: String?
            if let t = rule.typeMapping, t != "@id", t != "@vocab", t != "@none" { type = t } else if v.isString { language = rule.language }
            try literal(v, type: type, language: language, s, predicate)
        case let .object(o):
            if let parts = try valueObjectParts(o) {
                if !parts.value.isNull { try literal(parts.value, type: parts.type, language: parts.language, s, predicate) }
                return
            }
            guard let child = try node(o, topLevel: false, skipContext: false) else { throw Decline() }
            entries.append((s, predicate, .node(subject(child))))
        }
    }

    /// A node reference: blank node identifiers are relabelled where the node map meets them.
    mutating func reference(_ id: String, _ s: Int32, _ predicate: Int32) {
        let nodeID = isBlankNodeID(id) ? p.blankNodeID(id) : id
        entries.append((s, predicate, .node(subject(nodeID))))
    }

    mutating func literal(_ v: JSONValue, type: String?, language: String?, _ s: Int32, _ predicate: Int32) throws(Decline) {
        // The node map drops a value equal as JSON to one already there; numbers are equal by value,
        // yet from 2^53 on an integer's literal follows its digits, not its value, so two equal
        // numbers could give two literals. Rare enough to leave to the general path.
        if case let .number(n) = v, abs(n.value) >= 9_007_199_254_740_992 { throw Decline() }
        guard let (lexical, datatype) = p.literalForm(v, type: type, language: language) else { return }
        let term: Term = language.map { .literal(Literal(lexical, language: $0)) } ?? .literal(Literal(lexical, datatype: IRI(unchecked: datatype)))
        entries.append((s, predicate, .literal(term)))
    }

    /// A value object's `@value`, `@type` and `@language` (an `@index` is checked and ignored), as
    /// expansion checks them; nil when `o` has no `@value` (a node object).
    mutating func valueObjectParts(_ o: JSONObject) throws(Decline) -> (value: JSONValue, type: String?, language: String?)? {
        var isValueObject = false
        for k in o.keys {
            if case .keyword("@value") = try plan(k) { isValueObject = true; break }
        }
        guard isValueObject else { return nil }
        var value: JSONValue?
        var type: String?
        var language: String?
        var index = false
        for (i, k) in o.keys.enumerated() {
            let v = o.values[i]
            switch try plan(k) {
            case .drop: continue
            case .keyword("@value"):
                guard value == nil, v.isScalar || v.isNull else { throw Decline() }
                value = v
            case .keyword("@type"):
                guard type == nil, case let .string(t) = v, let e = p.expandIRIConst(active, t, documentRelative: true, vocab: true),
                      (try? IRI(e)) != nil else { throw Decline() }
                type = e
            case .keyword("@language"):
                guard language == nil, case let .string(l) = v else { throw Decline() }
                language = l.lowercased()
            case .keyword("@index"):
                guard !index, v.isString else { throw Decline() }
                index = true
            default:
                throw Decline()
            }
        }
        guard let value else { throw Decline() }
        if type != nil && language != nil { throw Decline() }
        if language != nil && !value.isString && !value.isNull { throw Decline() }
        return (value, type, language)
    }

    // MARK: Emitting

    /// Each entry index, grouped by subject (a counting sort: each subject's entries keep their order).
    func entriesBySubject() -> (start: [Int], grouped: [Int]) {
        var start = [Int](repeating: 0, count: subjects.strings.count + 1)
        for e in entries { start[Int(e.subject) + 1] += 1 }
        for i in 0..<subjects.strings.count { start[i + 1] += start[i] }
        var fill = start
        var grouped = [Int](repeating: 0, count: entries.count)
        for (i, e) in entries.enumerated() {
            grouped[fill[Int(e.subject)]] = i
            fill[Int(e.subject)] += 1
        }
        return (start, grouped)
    }

    /// Ranks of the predicates under `less`; predicates that compare equal share a rank.
    func ranks(_ less: (Int, Int) -> Bool) -> [Int32] {
        let order = predicates.strings.indices.sorted(by: less)
        var rank = [Int32](repeating: 0, count: predicates.strings.count)
        var r: Int32 = 0
        for (k, i) in order.enumerated() {
            if k > 0 && less(order[k - 1], i) { r += 1 }
            rank[i] = r
        }
        return rank
    }

    /// Subjects in code-point order, each one's properties in code-point order (`@type` first),
    /// values in the order met, each (subject, property, value) once: the general path's order.
    func emit() -> [Quad] {
        let nodeTerms = subjects.strings.map { p.uncachedTerm(for: $0) }
        let subjectOrder = subjects.strings.indices.sorted { subjects.strings[$0] < subjects.strings[$1] }
        let predicateRank = ranks { predicates.strings[$0] < predicates.strings[$1] }
        let predicateTerms: [Term?] = predicates.strings.map { $0 == "@type" ? .iri(Vocab.rdf.type) : p.term(for: $0) }
        let (start, grouped) = entriesBySubject()
        var quads: [Quad] = []
        quads.reserveCapacity(entries.count)
        var group: [Int] = []
        for si in subjectOrder {
            guard let s = nodeTerms[si] else { continue }
            group.removeAll(keepingCapacity: true)
            group.append(contentsOf: grouped[start[si]..<start[si + 1]])
            group.sort { a, b in
                let ra = predicateRank[Int(entries[a].predicate)], rb = predicateRank[Int(entries[b].predicate)]
                return ra == rb ? a < b : ra < rb
            }
            var run = 0
            while run < group.count {
                let predicate = entries[group[run]].predicate
                var end = run + 1
                while end < group.count && entries[group[end]].predicate == predicate { end += 1 }
                if let pt = predicateTerms[Int(predicate)] {
                    var seen: Set<Term> = []
                    for k in run..<end {
                        guard let o = term(entries[group[k]].object, nodeTerms) else { continue }
                        if end - run > 1 { guard seen.insert(o).inserted else { continue } }
                        quads.append(Quad(s, pt, o))
                    }
                }
                run = end
            }
        }
        return quads
    }

    /// The same quads in ``Quad`` order (subjects, predicates, objects as terms), each once.
    func emitCanonical() -> [Quad] {
        let nodeTerms = subjects.strings.map { p.uncachedTerm(for: $0) }
        let predicateTerms: [Term?] = predicates.strings.map { $0 == "@type" ? .iri(Vocab.rdf.type) : p.term(for: $0) }
        // Term order: IRIs, then blank nodes, each by its string (an identifier's `_:` prefix changes nothing).
        var iris: [(id: String, index: Int)] = [], blanks: [(id: String, index: Int)] = []
        for (i, t) in nodeTerms.enumerated() {
            switch t {
            case .iri?: iris.append((subjects.strings[i], i))
            case .blank?: blanks.append((subjects.strings[i], i))
            default: continue
            }
        }
        iris.sort { $0.id < $1.id }
        blanks.sort { $0.id < $1.id }
        let subjectOrder = iris.map(\.index) + blanks.map(\.index)
        let predicateRank = ranks { a, b in
            switch (predicateTerms[a], predicateTerms[b]) {
            case let (x?, y?): return x < y
            case (nil, _?): return true
            default: return false
            }
        }
        let (start, grouped) = entriesBySubject()
        var quads: [Quad] = []
        quads.reserveCapacity(entries.count)
        var group: [(rank: Int32, predicate: Term, object: Term)] = []
        for si in subjectOrder {
            guard let s = nodeTerms[si] else { continue }
            group.removeAll(keepingCapacity: true)
            for k in grouped[start[si]..<start[si + 1]] {
                let e = entries[k]
                guard let pt = predicateTerms[Int(e.predicate)], let o = term(e.object, nodeTerms) else { continue }
                group.append((predicateRank[Int(e.predicate)], pt, o))
            }
            group.sort { a, b in a.rank == b.rank ? a.object < b.object : a.rank < b.rank }
            for (k, g) in group.enumerated() {
                if k > 0 && group[k - 1].rank == g.rank && group[k - 1].object == g.object { continue }
                quads.append(Quad(s, g.predicate, g.object))
            }
        }
        return quads
    }

    func term(_ o: Object, _ nodeTerms: [Term?]) -> Term? {
        switch o {
        case let .node(i): return nodeTerms[Int(i)]
        case let .literal(t): return t
        }
    }
}

/// Strings numbered in first-seen order.
struct Interner {
    private(set) var strings: [String] = []
    private var numbers: [String: Int32] = [:]

    init(_ initial: [String] = []) { for s in initial { _ = index(s) } }

    /// The string's number, and whether it was new.
    mutating func index(_ s: String) -> (index: Int32, new: Bool) {
        if let i = numbers[s] { return (i, false) }
        let i = Int32(strings.count)
        strings.append(s)
        numbers[s] = i
        return (i, true)
    }
}
