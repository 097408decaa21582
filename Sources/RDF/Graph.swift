import OrderedCollections

/// A set of triples that remembers insertion order, so that iterating it (and every writer fed
/// from it) is deterministic without paying for a sort; call ``sorted()`` for canonical order.
public struct Graph: Sendable, Sequence, Equatable {
    public private(set) var triples: OrderedSet<Triple> = []

    public init() {}
    public init<S: Sequence>(_ triples: S) where S.Element == Triple { self.triples = OrderedSet(triples) }

    public var count: Int { triples.count }
    public var isEmpty: Bool { triples.isEmpty }

    /// Adds a triple; returns false when it was already present (set semantics).
    @discardableResult public mutating func insert(_ t: Triple) -> Bool { triples.append(t).inserted }
    @discardableResult public mutating func remove(_ t: Triple) -> Bool { triples.remove(t) != nil }
    public func contains(_ t: Triple) -> Bool { triples.contains(t) }
    public mutating func formUnion<S: Sequence>(_ other: S) where S.Element == Triple { triples.append(contentsOf: other) }

    public func makeIterator() -> OrderedSet<Triple>.Iterator { triples.makeIterator() }

    /// Triples in the canonical ``Triple`` order (IRIs, blank nodes, literals; lexicographic).
    public func sorted() -> [Triple] {
        let all = triples.elements
        return TripleOrder.sortedPositions(all).map { all[$0] }
    }

    /// Triples matching a pattern; nil matches anything. Linear: build an ``Index`` for many look-ups.
    public func matching(subject: Term? = nil, predicate: Term? = nil, object: Term? = nil) -> [Triple] {
        triples.filter {
            (subject == nil || $0.subject == subject) && (predicate == nil || $0.predicate == predicate)
                && (object == nil || $0.object == object)
        }
    }
}

/// An RDF dataset: a default graph plus named graphs, stored as a set of quads in insertion order.
public struct Dataset: Sendable, Sequence, Equatable {
    public private(set) var quads: OrderedSet<Quad> = []

    public init() {}
    public init<S: Sequence>(_ quads: S) where S.Element == Quad { self.quads = OrderedSet(quads) }
    /// For quads known to be distinct (a producer that never repeats one): skips the duplicate lookups,
    /// which are most of the cost of building a large dataset.
    public init(uniqueQuads quads: [Quad]) { self.quads = OrderedSet(uncheckedUniqueElements: quads) }
    public init(_ graph: Graph, name: Term? = nil) { self.quads = OrderedSet(graph.triples.map { Quad($0, graph: name) }) }

    public var count: Int { quads.count }
    public var isEmpty: Bool { quads.isEmpty }
    @discardableResult public mutating func insert(_ q: Quad) -> Bool { quads.append(q).inserted }
    public mutating func formUnion<S: Sequence>(_ other: S) where S.Element == Quad { quads.append(contentsOf: other) }
    public func contains(_ q: Quad) -> Bool { quads.contains(q) }
    public func makeIterator() -> OrderedSet<Quad>.Iterator { quads.makeIterator() }
    /// Quads in the canonical ``Quad`` order (default graph first, then graphs by name).
    public func sorted() -> [Quad] {
        let all = quads.elements
        return TripleOrder.sortedPositions(all).map { all[$0] }
    }

    /// Names of the named graphs, in first-seen order.
    public var graphNames: [Term] { Array(OrderedSet(quads.compactMap(\.graph))) }

    /// The default graph, or one named graph.
    public func graph(named name: Term?) -> Graph { Graph(quads.lazy.filter { $0.graph == name }.map(\.triple)) }

    /// All triples, every graph merged into one (what a triple-only syntax can hold).
    public var union: Graph { Graph(quads.lazy.map(\.triple)) }
}

/// Subject → predicate → objects look-up over a graph, for writers and the SHACL engine that
/// need many pattern queries; built once in O(n).
public struct GraphIndex: Sendable {
    public private(set) var bySubject: [Term: OrderedDictionary<Term, [Term]>] = [:]
    public private(set) var byObject: [Term: OrderedDictionary<Term, [Term]>] = [:]
    public private(set) var byPredicate: [Term: [Triple]] = [:]

    public init(_ graph: Graph) {
        for t in graph {
            bySubject[t.subject, default: [:]][t.predicate, default: []].append(t.object)
            byObject[t.object, default: [:]][t.predicate, default: []].append(t.subject)
            byPredicate[t.predicate, default: []].append(t)
        }
    }

    public func objects(_ subject: Term, _ predicate: Term) -> [Term] { bySubject[subject]?[predicate] ?? [] }
    public func objects(_ subject: Term, _ predicate: IRI) -> [Term] { objects(subject, .iri(predicate)) }
    public func subjects(_ predicate: Term, _ object: Term) -> [Term] { byObject[object]?[predicate] ?? [] }
    public func subjects(_ predicate: IRI, _ object: Term) -> [Term] { subjects(.iri(predicate), object) }
    public func triples(withPredicate p: Term) -> [Triple] { byPredicate[p] ?? [] }
}
