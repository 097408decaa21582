import RDF

/// A SHACL property path (SHACL §2.3.1). Kept as a value, not as the shapes-graph node it came
/// from, so results can carry it, compare it and write it into a report graph of their own.
public indirect enum PropertyPath: Hashable, Sendable, CustomStringConvertible, Comparable {
    case predicate(IRI)
    case inverse(PropertyPath)
    case sequence([PropertyPath])
    case alternative([PropertyPath])
    case zeroOrMore(PropertyPath)
    case oneOrMore(PropertyPath)
    case zeroOrOne(PropertyPath)

    /// The path in SPARQL property-path syntax, with full IRIs: `<p>/^<q>`, `(<a>|<b>)*`.
    public var description: String {
        switch self {
        case let .predicate(p): return "<\(p.value)>"
        case let .inverse(x): return "^" + x.atom
        case let .sequence(xs): return xs.map(\.atom).joined(separator: "/")
        case let .alternative(xs): return xs.map(\.atom).joined(separator: "|")
        case let .zeroOrMore(x): return x.atom + "*"
        case let .oneOrMore(x): return x.atom + "+"
        case let .zeroOrOne(x): return x.atom + "?"
        }
    }

    private var atom: String {
        switch self {
        case .predicate, .inverse, .zeroOrMore, .oneOrMore, .zeroOrOne: return description
        default: return "(" + description + ")"
        }
    }

    /// A compact form for messages: `schema:name` where a well-known prefix applies.
    public func shortDescription(_ prefixes: [Namespace] = Vocab.wellKnown) -> String {
        func short(_ p: IRI) -> String {
            for ns in prefixes where p.value.hasPrefix(ns.iri) {
                let local = p.value.dropFirst(ns.iri.count)
                if !local.isEmpty, local.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }) {
                    return ns.prefix + ":" + local
                }
            }
            return "<\(p.value)>"
        }
        func render(_ x: PropertyPath, atom: Bool) -> String {
            let s: String
            switch x {
            case let .predicate(p): return short(p)
            case let .inverse(y): return "^" + render(y, atom: true)
            case let .sequence(xs): s = xs.map { render($0, atom: true) }.joined(separator: "/")
            case let .alternative(xs): s = xs.map { render($0, atom: true) }.joined(separator: "|")
            case let .zeroOrMore(y): return render(y, atom: true) + "*"
            case let .oneOrMore(y): return render(y, atom: true) + "+"
            case let .zeroOrOne(y): return render(y, atom: true) + "?"
            }
            return atom ? "(" + s + ")" : s
        }
        return render(self, atom: false)
    }

    public static func < (a: PropertyPath, b: PropertyPath) -> Bool { a.description < b.description }

    /// The predicate when the path is a single IRI (what sh:closed and most shapes use).
    public var predicateIRI: IRI? { if case let .predicate(p) = self { return p }; return nil }

    /// Writes the path's RDF form (SHACL §2.3.1) with fresh blank nodes, returning its node.
    public func rdf(into graph: inout Graph, blankNodes: inout BlankNodeGenerator) -> Term {
        func list(_ items: [PropertyPath]) -> Term {
            guard !items.isEmpty else { return .iri(Vocab.rdf.nil) }
            let nodes = items.map { _ in Term.blank(blankNodes.fresh()) }
            for (i, item) in items.enumerated() {
                graph.insert(Triple(nodes[i], Vocab.rdf.first, item.rdf(into: &graph, blankNodes: &blankNodes)))
                graph.insert(Triple(nodes[i], Vocab.rdf.rest, i + 1 < nodes.count ? nodes[i + 1] : .iri(Vocab.rdf.nil)))
            }
            return nodes[0]
        }
        func unary(_ p: IRI, _ x: PropertyPath) -> Term {
            let b = Term.blank(blankNodes.fresh())
            graph.insert(Triple(b, p, x.rdf(into: &graph, blankNodes: &blankNodes)))
            return b
        }
        switch self {
        case let .predicate(p): return .iri(p)
        case let .inverse(x): return unary(SH.inversePath, x)
        case let .sequence(xs): return list(xs)
        case let .alternative(xs):
            let b = Term.blank(blankNodes.fresh())
            graph.insert(Triple(b, SH.alternativePath, list(xs)))
            return b
        case let .zeroOrMore(x): return unary(SH.zeroOrMorePath, x)
        case let .oneOrMore(x): return unary(SH.oneOrMorePath, x)
        case let .zeroOrOne(x): return unary(SH.zeroOrOnePath, x)
        }
    }

    /// Parses the path whose RDF form starts at `node` (SHACL §2.3.1). A node that is both a list
    /// and something else is read as a list (sequence path), as the W3C tests expect.
    static func parse(_ node: Term, in g: GraphIndex, shape: Term, depth: Int = 0) throws(ShapesGraphError) -> PropertyPath {
        if depth > 64 { throw ShapesGraphError(node: shape, "property path nested more than 64 levels deep") }
        func one(_ p: IRI) throws(ShapesGraphError) -> Term? {
            let vs = g.objects(node, p)
            if vs.count > 1 { throw ShapesGraphError(node: shape, "path node \(node) has \(vs.count) values for \(p)") }
            return vs.first
        }
        switch node {
        case let .iri(i) where i != Vocab.rdf.nil:
            if g.objects(node, Vocab.rdf.first).isEmpty { return .predicate(i) }
        case .literal: throw ShapesGraphError(node: shape, "a literal \(node) is not a property path")
        default: break
        }
        if !g.objects(node, Vocab.rdf.first).isEmpty || node == .iri(Vocab.rdf.nil) {
            let items = try ShapesGraph.list(node, in: g, shape: shape)
            guard items.count >= 2 else {
                if items.count == 1 { return try parse(items[0], in: g, shape: shape, depth: depth + 1) }
                throw ShapesGraphError(node: shape, "a sequence path needs at least two members")
            }
            var paths: [PropertyPath] = []
            for i in items { paths.append(try parse(i, in: g, shape: shape, depth: depth + 1)) }
            return .sequence(paths)
        }
        if let x = try one(SH.alternativePath) {
            let items = try ShapesGraph.list(x, in: g, shape: shape)
            guard !items.isEmpty else { throw ShapesGraphError(node: shape, "an alternative path needs at least one member") }
            var paths: [PropertyPath] = []
            for i in items { paths.append(try parse(i, in: g, shape: shape, depth: depth + 1)) }
            return paths.count == 1 ? paths[0] : .alternative(paths)
        }
        if let x = try one(SH.inversePath) { return .inverse(try parse(x, in: g, shape: shape, depth: depth + 1)) }
        if let x = try one(SH.zeroOrMorePath) { return .zeroOrMore(try parse(x, in: g, shape: shape, depth: depth + 1)) }
        if let x = try one(SH.oneOrMorePath) { return .oneOrMore(try parse(x, in: g, shape: shape, depth: depth + 1)) }
        if let x = try one(SH.zeroOrOnePath) { return .zeroOrOne(try parse(x, in: g, shape: shape, depth: depth + 1)) }
        throw ShapesGraphError(node: shape, "\(node) is not a well-formed property path")
    }

    /// Value nodes reached from `start`, without duplicates, in discovery order.
    func evaluate(from start: DataIndex.ID, in index: DataIndex, pathIDs: PathIDs) -> [DataIndex.ID] {
        // Fast paths: a graph is a set, so one node's objects (subjects) for one predicate are unique.
        switch self {
        case let .predicate(p):
            guard let pid = pathIDs.ids[p] ?? nil else { return [] }
            return index.objects(start, pid).map(\.n)
        case let .inverse(.predicate(p)):
            guard let pid = pathIDs.ids[p] ?? nil else { return [] }
            return index.subjects(pid, start).map(\.n)
        default: break
        }
        var out: [DataIndex.ID] = []
        var seen = Set<DataIndex.ID>()
        for n in step([start], index: index, ids: pathIDs, inverse: false) where seen.insert(n).inserted { out.append(n) }
        return out
    }

    /// Applies the path (or its inverse) to a set of nodes.
    private func step(_ from: [DataIndex.ID], index: DataIndex, ids: PathIDs, inverse: Bool) -> [DataIndex.ID] {
        switch self {
        case let .predicate(p):
            guard let pid = ids.ids[p] ?? nil else { return [] }
            var out: [DataIndex.ID] = []
            for n in from {
                if inverse { for e in index.subjects(pid, n) { out.append(e.n) } } else { for e in index.objects(n, pid) { out.append(e.n) } }
            }
            return out.count > 1 ? unique(out) : out
        case let .inverse(x):
            return x.step(from, index: index, ids: ids, inverse: !inverse)
        case let .sequence(xs):
            var cur = from
            for x in (inverse ? xs.reversed() : xs) {
                cur = unique(x.step(cur, index: index, ids: ids, inverse: inverse))
                if cur.isEmpty { break }
            }
            return cur
        case let .alternative(xs):
            var out: [DataIndex.ID] = []
            for x in xs { out += x.step(from, index: index, ids: ids, inverse: inverse) }
            return unique(out)
        case let .zeroOrMore(x):
            return closure(from, x, index: index, ids: ids, inverse: inverse, includeStart: true)
        case let .oneOrMore(x):
            return closure(from, x, index: index, ids: ids, inverse: inverse, includeStart: false)
        case let .zeroOrOne(x):
            return unique(from + x.step(from, index: index, ids: ids, inverse: inverse))
        }
    }

    private func closure(_ from: [DataIndex.ID], _ x: PropertyPath, index: DataIndex, ids: PathIDs, inverse: Bool, includeStart: Bool) -> [DataIndex.ID] {
        var seen = Set<DataIndex.ID>(), out: [DataIndex.ID] = []
        if includeStart { for n in from where seen.insert(n).inserted { out.append(n) } }
        var frontier = from
        while !frontier.isEmpty {
            var next: [DataIndex.ID] = []
            for n in x.step(frontier, index: index, ids: ids, inverse: inverse) where seen.insert(n).inserted {
                out.append(n); next.append(n)
            }
            frontier = next
        }
        return out
    }

    private func unique(_ xs: [DataIndex.ID]) -> [DataIndex.ID] {
        var seen = Set<DataIndex.ID>(), out: [DataIndex.ID] = []
        out.reserveCapacity(xs.count)
        for x in xs where seen.insert(x).inserted { out.append(x) }
        return out
    }

    /// Every predicate IRI the path mentions.
    var predicates: [IRI] {
        switch self {
        case let .predicate(p): return [p]
        case let .inverse(x), let .zeroOrMore(x), let .oneOrMore(x), let .zeroOrOne(x): return x.predicates
        case let .sequence(xs), let .alternative(xs): return xs.flatMap(\.predicates)
        }
    }
}

/// Predicate IRIs resolved to data-graph ids once per validation (nil: absent from the data).
struct PathIDs {
    var ids: [IRI: DataIndex.ID?] = [:]
}
