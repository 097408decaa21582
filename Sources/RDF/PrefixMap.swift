/// Prefix → namespace IRI, kept sorted by prefix so writers emit declarations in a stable order.
public struct PrefixMap: Sendable, Equatable, Sequence {
    public private(set) var mappings: [String: String] = [:]

    public init() {}
    public init(_ namespaces: [Namespace]) { for n in namespaces { mappings[n.prefix] = n.iri } }
    public init(_ dict: [String: String]) { mappings = dict }

    public subscript(prefix: String) -> String? {
        get { mappings[prefix] }
        set { mappings[prefix] = newValue }
    }

    public var isEmpty: Bool { mappings.isEmpty }
    public var count: Int { mappings.count }

    /// Declarations sorted by prefix.
    public var sorted: [(prefix: String, iri: String)] { mappings.sorted { $0.key < $1.key }.map { ($0.key, $0.value) } }
    public func makeIterator() -> IndexingIterator<[(prefix: String, iri: String)]> { sorted.makeIterator() }

    /// Expands `prefix:local`; nil when the prefix is unknown.
    public func expand(_ curie: String) -> IRI? {
        guard let c = curie.firstIndex(of: ":"), let ns = mappings[String(curie[..<c])] else { return nil }
        return IRI(unchecked: ns + curie[curie.index(after: c)...])
    }

    /// The longest namespace that is a prefix of `iri`, with the remaining local part. The caller
    /// decides whether the local part is legal in its syntax.
    public func split(_ iri: IRI) -> (prefix: String, local: String)? {
        var best: (prefix: String, ns: String)?
        for (p, ns) in mappings where iri.value.hasPrefix(ns) {
            if let b = best, ns.count < b.ns.count || (ns.count == b.ns.count && p > b.prefix) { continue }
            best = (p, ns)
        }
        guard let (p, ns) = best else { return nil }
        return (p, String(iri.value.dropFirst(ns.count)))
    }
}
