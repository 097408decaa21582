import RDF

/// Validates data graphs against one shapes graph (SHACL Core). The shapes are parsed once;
/// each `validate` call indexes its data graph once and then walks targets, paths and
/// constraints over integer ids.
public struct SHACLValidator: Sendable {
    public let shapes: ShapesGraph
    /// Shape references (sh:node, sh:property, …) nested deeper than this stop with a result:
    /// legitimate shapes graphs nest a handful of levels, a hostile one could exhaust the stack.
    public var maxNestingDepth = 64

    public init(shapes: ShapesGraph) { self.shapes = shapes }

    public func validate(_ data: Graph) -> ValidationReport { validate(DataGraph(data)) }

    /// Validates a graph already indexed (``DataGraph/Builder`` builds one while reading a file,
    /// keeping where each subject appears).
    public func validate(_ data: DataGraph) -> ValidationReport {
        Engine(shapes: shapes, index: data.index, maxDepth: maxNestingDepth).run().report
    }

    /// Validates `data` and gives, per result, where its focus node first appears as a subject:
    /// what ``DataGraph/subjectPosition(of:)`` answers, without looking every focus node up again.
    package func validateWithPositions(_ data: DataGraph) -> (report: ValidationReport, positions: [TextPosition?]) {
        let (report, focus) = Engine(shapes: shapes, index: data.index, maxDepth: maxNestingDepth).run()
        return (report, focus.map(data.subjectPosition(id:)))
    }
}

/// One validation run: the indexed data plus memo tables. A class because the memo tables
/// and the id table grow during the run; it never outlives `validate`.
final class Engine {
    typealias ID = DataIndex.ID

    struct Raw {
        var focus: ID
        var path: PropertyPath?
        var value: ID?
        var shape: Int
        var component: IRI
        var message: String
    }

    /// Constraint parameters resolved against this data graph (a class: read per value node, never copied).
    final class Aux {
        var classes: Set<ID> = []
        var pred: ID? = nil
        var term: ID = -1
        var shapes: [Int] = []
        var siblings: [Int] = []
        var allowed: Set<ID> = []
        /// The constraint's component IRI, built once rather than once per result.
        var component = IRI(unchecked: "")
    }

    let shapes: [Shape]
    let position: [Term: Int]
    let index: DataIndex
    let maxDepth: Int
    var aux: [[Aux]] = []
    /// Per shape: the predicate id of a `p` or `^p` path (-1 when absent from the data), else nil.
    var simplePaths: [(pid: ID, inverse: Bool)?] = []
    var pathIDs = PathIDs()
    var memo: [UInt64: Bool] = [:]
    var inProgress = Set<UInt64>()
    var assumptions = 0
    var notes: [String] = []
    var droppedNotes = 0
    /// Value-node arrays by nesting depth, reused: validating a million focus nodes would
    /// otherwise allocate an array per node and shape. (Nested validation is one level deeper.)
    var buffers: [[ID]] = []
    /// Per id: already collected as a focus node of the shape at hand (cleared after each shape).
    var marked: [Bool] = []

    /// Records a note, keeping at most 100 so cyclic data with millions of nodes stays bounded.
    func note(_ s: String) {
        if notes.count < 100 { notes.append(s) } else { droppedNotes += 1 }
    }

    init(shapes sg: ShapesGraph, index: DataIndex, maxDepth: Int) {
        shapes = sg.shapes
        position = sg.position
        self.index = index
        self.maxDepth = maxDepth
        for s in shapes {
            for p in s.path?.predicates ?? [] where pathIDs.ids[p] == nil { pathIDs.ids[p] = .some(index.lookup(.iri(p))) }
        }
        aux = shapes.map { s in s.constraints.map(resolve) }
        simplePaths = shapes.map { s in
            switch s.path {
            case let .predicate(p)?: return (index.lookup(.iri(p)) ?? -1, false)
            case let .inverse(.predicate(p))?: return (index.lookup(.iri(p)) ?? -1, true)
            default: return nil
            }
        }
    }

    private func ref(_ t: Term) -> Int { position[t] ?? -1 }

    private func resolve(_ c: Constraint) -> Aux {
        let a = Aux()
        a.component = c.component
        switch c {
        case let .class(cls): a.classes = index.subclasses(of: index.intern(cls))
        case let .equals(p), let .disjoint(p), let .lessThan(p), let .lessThanOrEquals(p): a.pred = index.lookup(.iri(p))
        case let .hasValue(t): a.term = index.intern(t)
        case let .not(s), let .node(s), let .property(s): a.shapes = [ref(s)]
        case let .and(ss), let .or(ss), let .xone(ss): a.shapes = ss.map(ref)
        case let .qualifiedMinCount(s, _, sibs), let .qualifiedMaxCount(s, _, sibs):
            a.shapes = [ref(s)]; a.siblings = sibs.map(ref)
        case let .closed(allowed): a.allowed = Set(allowed.compactMap { index.lookup(.iri($0)) })
        default: break
        }
        return a
    }

    /// The report, and the focus node id of each of its results.
    func run() -> (report: ValidationReport, focus: [ID]) {
        var raw: [Raw] = []
        for (si, shape) in shapes.enumerated() where !shape.deactivated && !shape.targets.isEmpty {
            for focus in focusNodes(shape) {
                _ = validate(si, focus, &raw, stopEarly: false, depth: 0)
            }
        }
        // Sort while results are ids (cheap to move, equal ids need no term comparison), then build
        // them in that order: the same stable sort by the same order as ValidationReport.init.
        let order = raw.withUnsafeBufferPointer { b in b.indices.sorted { precedes(b[$0], b[$1]) } }
        let results = order.map { k -> ValidationResult in
            let r = raw[k], shape = shapes[r.shape]
            return ValidationResult(
                focusNode: index.term(r.focus), resultPath: r.path, value: r.value.map(index.term),
                sourceShape: shape.id, sourceConstraintComponent: r.component, severity: shape.severity,
                messages: messages(r))
        }
        if droppedNotes > 0 { notes.append("… and \(droppedNotes) more notes like these") }
        return (ValidationReport(sorted: results, notes: notes), order.map { raw[$0].focus })
    }

    private func messages(_ r: Raw) -> [Literal] {
        let shape = shapes[r.shape]
        return shape.messages.isEmpty ? [Literal(r.message)] : shape.messages
    }

    /// `ValidationResult.<` for the results `a` and `b` will become, comparing terms only where
    /// the ids differ.
    private func precedes(_ a: Raw, _ b: Raw) -> Bool {
        if a.focus != b.focus {
            let x = index.term(a.focus), y = index.term(b.focus)
            if x != y { return x < y }
        }
        if a.path != b.path {
            guard let pa = a.path else { return true }
            guard let pb = b.path else { return false }
            return pa < pb
        }
        if a.component != b.component { return a.component < b.component }
        let sa = shapes[a.shape], sb = shapes[b.shape]
        if a.shape != b.shape, sa.id != sb.id { return sa.id < sb.id }
        if a.value != b.value {
            guard let va = a.value else { return true }
            guard let vb = b.value else { return false }
            let x = index.term(va), y = index.term(vb)
            if x != y { return x < y }
        }
        if sa.severity != sb.severity { return sa.severity < sb.severity }
        return messages(a).map(\.description).joined() < messages(b).map(\.description).joined()
    }

    private func focusNodes(_ shape: Shape) -> [ID] {
        var out: [ID] = []
        func add(_ n: ID) {
            let i = Int(n)
            if i >= marked.count { marked.append(contentsOf: repeatElement(false, count: max(i + 1, index.termCount) - marked.count)) }
            if !marked[i] {
                marked[i] = true
                out.append(n)
            }
        }
        defer { for n in out { marked[Int(n)] = false } }
        for t in shape.targets {
            switch t {
            case let .node(n): add(index.intern(n))
            case let .class(c): if let cid = index.lookup(c) { index.instances(of: cid).forEach(add) }
            case let .subjectsOf(p): if let pid = index.lookup(.iri(p)) { for e in index.pairs(pid) { add(e.p) } }
            case let .objectsOf(p): if let pid = index.lookup(.iri(p)) { for e in index.pairs(pid) { add(e.n) } }
            }
        }
        return out
    }

    /// Does `node` conform to shape `si`? Memoised; a shape met again for the same node while it
    /// is being checked is assumed to conform (the cycle is noted), which makes recursion terminate.
    func conforms(_ si: Int, _ node: ID, depth: Int) -> Bool {
        guard si >= 0 else { return true }
        let key = UInt64(UInt32(si)) << 32 | UInt64(UInt32(bitPattern: node))
        if let m = memo[key] { return m }
        if inProgress.contains(key) {
            assumptions += 1
            note("recursive shape: \(shapes[si].id) is reached again while checking \(index.term(node)) against it; SHACL 1.0 leaves recursion undefined, so the node was assumed to conform at the cycle")
            return true
        }
        inProgress.insert(key)
        let before = assumptions
        var scratch: [Raw] = []
        let ok = validate(si, node, &scratch, stopEarly: true, depth: depth + 1)
        inProgress.remove(key)
        if assumptions == before { memo[key] = ok }
        return ok
    }

    /// Validates one focus node against one shape, appending results; returns whether none were added.
    func validate(_ si: Int, _ focus: ID, _ sink: inout [Raw], stopEarly: Bool, depth: Int) -> Bool {
        // Fields are read in place (`shapes[si].…`): copying a whole Shape per focus node would
        // retain and release each of its arrays and terms a million times.
        if shapes[si].deactivated { return true }
        if depth > maxDepth {
            let shape = shapes[si]
            note("shapes nested more than \(maxDepth) levels deep at \(shape.id) for \(index.term(focus)); validation stopped there")
            sink.append(Raw(focus: focus, path: shape.path, value: nil, shape: si, component: SH.component("Node"),
                            message: "validation stopped: shape references nested more than \(maxDepth) levels deep"))
            return false
        }
        while buffers.count <= depth { buffers.append([]) }
        var values = buffers[depth]
        buffers[depth] = []
        defer { buffers[depth] = values }
        values.removeAll(keepingCapacity: true)
        if let (pid, inverse) = simplePaths[si] {
            if pid >= 0 {
                for e in inverse ? index.subjects(pid, focus) : index.objects(focus, pid) { values.append(e.n) }
            }
        } else if let path = shapes[si].path {
            values.append(contentsOf: path.evaluate(from: focus, in: index, pathIDs: pathIDs))
        } else {
            values.append(focus)
        }
        let before = sink.count
        let constraints = shapes[si].constraints, auxes = aux[si]
        for ci in constraints.indices {
            check(constraints[ci], auxes[ci], si, focus, values, &sink, stopEarly: stopEarly, depth: depth)
            if stopEarly && sink.count > before { return false }
        }
        return sink.count == before
    }

    // MARK: constraint components

    private func check(_ c: Constraint, _ a: Aux, _ si: Int, _ focus: ID, _ values: [ID],
                       _ sink: inout [Raw], stopEarly: Bool, depth: Int) {
        let path = shapes[si].path
        var pathText: String { path?.shortDescription() ?? "the focus node" }
        // The generated text is only shown when the result is reported and the shape has no sh:message.
        let wantText = !stopEarly && shapes[si].messages.isEmpty
        func add(_ value: ID?, _ message: @autoclosure () -> String) {
            sink.append(Raw(focus: focus, path: path, value: value, shape: si, component: a.component, message: wantText ? message() : ""))
        }
        func each(_ failing: (ID) -> String?) {
            for v in values {
                if let m = failing(v) {
                    add(v, m)
                    if stopEarly { return }
                }
            }
        }
        func show(_ v: ID) -> String { Engine.show(index.term(v)) }

        switch c {
        case let .class(cls):
            each { v in index.isInstance(v, of: a.classes) ? nil : "value \(show(v)) is not an instance of \(Engine.show(cls))" }
        case let .datatype(dt):
            each { v in
                guard case let .literal(l) = index.term(v) else { return "value \(show(v)) is not a literal (expected datatype \(Engine.show(.iri(dt))))" }
                if l.datatype != dt { return "value \(show(v)) has datatype \(Engine.show(.iri(l.datatype))), expected \(Engine.show(.iri(dt)))" }
                return XSD.isWellFormed(l) ? nil : "value \(show(v)) is not a well-formed \(Engine.show(.iri(dt)))"
            }
        case let .nodeKind(k):
            each { v in index.withTerm(v, k.matches) ? nil : "value \(show(v)) is not of node kind sh:\(k.rawValue)" }
        case let .minCount(n):
            if values.count < n { add(nil, "expected at least \(n) value\(n == 1 ? "" : "s") for \(pathText), found \(values.count)") }
        case let .maxCount(n):
            if values.count > n { add(nil, "expected at most \(n) value\(n == 1 ? "" : "s") for \(pathText), found \(values.count)") }
        case let .minExclusive(b): range(b, values, { $0 > 0 }, "greater than", add)
        case let .minInclusive(b): range(b, values, { $0 >= 0 }, "greater than or equal to", add)
        case let .maxExclusive(b): range(b, values, { $0 < 0 }, "less than", add)
        case let .maxInclusive(b): range(b, values, { $0 <= 0 }, "less than or equal to", add)
        case let .minLength(n):
            each { v in
                guard let s = Engine.stringValue(index.term(v)) else { return "blank node \(show(v)) has no string length" }
                return s.unicodeScalars.count >= n ? nil : "value \(show(v)) is shorter than \(n) characters"
            }
        case let .maxLength(n):
            each { v in
                guard let s = Engine.stringValue(index.term(v)) else { return "blank node \(show(v)) has no string length" }
                return s.unicodeScalars.count <= n ? nil : "value \(show(v)) is longer than \(n) characters"
            }
        case let .pattern(p):
            each { v in
                guard let s = Engine.stringValue(index.term(v)) else { return "blank node \(show(v)) cannot match a pattern" }
                return p.matches(s) ? nil : "value \(show(v)) does not match the pattern \"\(p.pattern)\""
            }
        case let .languageIn(tags):
            each { v in
                if case let .literal(l) = index.term(v), let lang = l.language,
                   tags.contains(where: { Engine.langMatches(lang, $0) }) { return nil }
                return "language of \(show(v)) is not one of \(tags.joined(separator: ", "))"
            }
        case .uniqueLang:
            var byLang: [String: Int] = [:], order: [String] = []
            for v in values {
                guard case let .literal(l) = index.term(v), let lang = l.language?.lowercased(), !lang.isEmpty else { continue }
                if byLang[lang] == nil { order.append(lang) }
                byLang[lang, default: 0] += 1
            }
            for lang in order.sorted() where byLang[lang, default: 0] > 1 {
                add(nil, "more than one value of \(pathText) has language \"\(lang)\"")
                if stopEarly { return }
            }
        case let .equals(p):
            let other = a.pred.map { Array(index.objects(focus, $0).map(\.n)) } ?? []
            let vs = Set(values), os = Set(other)
            for v in values where !os.contains(v) { add(v, "value \(show(v)) of \(pathText) is not a value of \(Engine.show(.iri(p)))") }
            for o in unique(other) where !vs.contains(o) { add(o, "value \(show(o)) of \(Engine.show(.iri(p))) is not a value of \(pathText)") }
        case let .disjoint(p):
            let os = Set(a.pred.map { index.objects(focus, $0).map(\.n) } ?? [])
            each { v in os.contains(v) ? "value \(show(v)) of \(pathText) is also a value of \(Engine.show(.iri(p)))" : nil }
        case let .lessThan(p), let .lessThanOrEquals(p):
            let strict: Bool
            if case .lessThan = c { strict = true } else { strict = false }
            let other = unique(a.pred.map { index.objects(focus, $0).map(\.n) } ?? [])
            for v in values {
                for o in other {
                    var ok = false
                    if case let .literal(x) = index.term(v), case let .literal(y) = index.term(o), let r = XSD.compare(x, y) {
                        ok = strict ? r < 0 : r <= 0
                    }
                    if !ok {
                        add(v, "value \(show(v)) is not \(strict ? "less than" : "less than or equal to") \(show(o)) (\(Engine.show(.iri(p))))")
                        if stopEarly { return }
                    }
                }
            }
        case let .not(s):
            each { v in conforms(a.shapes[0], v, depth: depth) ? "value \(show(v)) conforms to \(Engine.show(s)), which sh:not forbids" : nil }
        case let .and(ss):
            each { v in a.shapes.allSatisfy { conforms($0, v, depth: depth) } ? nil : "value \(show(v)) does not conform to every shape of sh:and (\(ss.map(Engine.show).joined(separator: ", ")))" }
        case let .or(ss):
            each { v in a.shapes.contains { conforms($0, v, depth: depth) } ? nil : "value \(show(v)) conforms to none of the sh:or shapes (\(ss.map(Engine.show).joined(separator: ", ")))" }
        case .xone:
            each { v in
                let k = a.shapes.reduce(0) { $0 + (conforms($1, v, depth: depth) ? 1 : 0) }
                return k == 1 ? nil : "value \(show(v)) conforms to \(k) of the sh:xone shapes, expected exactly 1"
            }
        case let .node(s):
            each { v in conforms(a.shapes[0], v, depth: depth) ? nil : "value \(show(v)) does not conform to shape \(Engine.show(s))" }
        case .property:
            guard a.shapes[0] >= 0 else { return }
            for v in values {
                if !validate(a.shapes[0], v, &sink, stopEarly: stopEarly, depth: depth + 1), stopEarly { return }
            }
        case let .qualifiedMinCount(s, n, _), let .qualifiedMaxCount(s, n, _):
            let k = values.reduce(0) { count, v in
                guard conforms(a.shapes[0], v, depth: depth) else { return count }
                return a.siblings.contains { conforms($0, v, depth: depth) } ? count : count + 1
            }
            if case .qualifiedMinCount = c, k < n {
                add(nil, "expected at least \(n) value\(n == 1 ? "" : "s") of \(pathText) conforming to \(Engine.show(s)), found \(k)")
            } else if case .qualifiedMaxCount = c, k > n {
                add(nil, "expected at most \(n) value\(n == 1 ? "" : "s") of \(pathText) conforming to \(Engine.show(s)), found \(k)")
            }
        case .closed:
            for v in values {
                for e in index.outgoing(v) where !a.allowed.contains(e.p) {
                    guard case let .iri(p) = index.term(e.p) else { continue }
                    sink.append(Raw(focus: focus, path: .predicate(p), value: e.n, shape: si, component: a.component,
                                    message: "predicate \(Engine.show(.iri(p))) is not allowed by the closed shape \(Engine.show(shapes[si].id))"))
                    if stopEarly { return }
                }
            }
        case let .hasValue(t):
            if !values.contains(a.term) { add(nil, "expected the value \(Engine.show(t)) for \(pathText)") }
        case let .in(set, _):
            each { v in set.contains(index.term(v)) ? nil : "value \(show(v)) is not one of the values allowed by sh:in" }
        }
    }

    private func range(_ bound: Term, _ values: [ID], _ ok: (Int) -> Bool, _ relation: String, _ add: (ID?, @autoclosure () -> String) -> Void) {
        for v in values {
            if case let .literal(x) = index.term(v), case let .literal(b) = bound, let r = XSD.compare(x, b), ok(r) { continue }
            add(v, "value \(Engine.show(index.term(v))) is not \(relation) \(Engine.show(bound))")
        }
    }

    private func unique(_ xs: [ID]) -> [ID] {
        var seen = Set<ID>()
        return xs.filter { seen.insert($0).inserted }
    }

    /// str(): the IRI or the lexical form; nil for blank nodes.
    static func stringValue(_ t: Term) -> String? {
        switch t {
        case let .iri(i): return i.value
        case let .literal(l): return l.lexicalForm
        case .blank: return nil
        }
    }

    /// SPARQL langMatches (RFC 4647 basic filtering).
    static func langMatches(_ tag: String, _ range: String) -> Bool {
        if range == "*" { return !tag.isEmpty }
        let t = tag.lowercased(), r = range.lowercased()
        return t == r || t.hasPrefix(r + "-")
    }

    /// A term for a message: prefixed name for well-known namespaces, else N-Triples form.
    static func show(_ t: Term) -> String {
        if case let .iri(i) = t {
            for ns in Vocab.wellKnown where i.value.hasPrefix(ns.iri) {
                let local = i.value.dropFirst(ns.iri.count)
                if !local.isEmpty, local.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }) { return ns.prefix + ":" + local }
            }
        }
        if case let .literal(l) = t, l.lexicalForm.count > 60 {
            return Literal(String(l.lexicalForm.prefix(57)) + "...", datatype: l.datatype).description
        }
        return t.description
    }
}
