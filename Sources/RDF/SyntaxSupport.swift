/// Canonical ordering for the writers that sort (Turtle, RDF/XML), shared because those modules
/// must not depend on one another.
public enum TripleOrder {
    /// The triples in ``Triple`` order with duplicates removed: the same list ``Graph/sorted()``
    /// gives for a graph of these triples (of triples equal under `==`, such as literals whose
    /// language tags differ only in case, the first one given is kept, as ``Graph`` keeps it).
    ///
    /// Why not `Graph(triples).sorted()`: a triple is a large value (three terms of up to four
    /// strings), and hashing each into a set, then copying and moving it at every comparison of
    /// a sort, was most of the time of writing a million triples. Here the sort moves indices and
    /// compares only the subjects' kind and string, kept in flat arrays; the full comparison runs
    /// only inside each subject's (short) run of triples.
    public static func sortedUnique(_ triples: [Triple]) -> [Triple] {
        let n = triples.count
        guard n > 1 else { return triples }
        // Term order is kind first (IRI, blank node, literal), then the string (a literal's
        // lexical form decides first, so it serves as the key).
        var kinds: [UInt8] = []
        var keys: [String] = []
        kinds.reserveCapacity(n)
        keys.reserveCapacity(n)
        for t in triples {
            switch t.subject {
            case let .iri(i): kinds.append(0); keys.append(i.value)
            case let .blank(b): kinds.append(1); keys.append(b.id)
            case let .literal(l): kinds.append(2); keys.append(l.lexicalForm)
            }
        }
        var order = Array(0..<n)
        kinds.withUnsafeBufferPointer { kind in
            keys.withUnsafeBufferPointer { key in
                order.sort { a, b in kind[a] != kind[b] ? kind[a] < kind[b] : key[a] < key[b] }
            }
        }
        var result: [Triple] = []
        result.reserveCapacity(n)
        var run: [(triple: Triple, index: Int)] = []
        var start = 0
        while start < n {
            let first = order[start]
            var end = start + 1
            while end < n, kinds[order[end]] == kinds[first], keys[order[end]] == keys[first] { end += 1 }
            if end - start == 1 {
                result.append(triples[first])
            } else {
                // One subject: the full order, with input position breaking ties so that of
                // equal triples the first given comes first and is the one kept.
                run.removeAll(keepingCapacity: true)
                for k in start..<end { run.append((triples[order[k]], order[k])) }
                run.sort { a, b in
                    if a.triple < b.triple { return true }
                    if b.triple < a.triple { return false }
                    return a.index < b.index
                }
                var last: Triple?
                for (t, _) in run where last != t {
                    result.append(t)
                    last = t
                }
            }
            start = end
        }
        return result
    }
}
