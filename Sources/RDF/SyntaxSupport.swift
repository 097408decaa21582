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
    ///
    /// Writers are mostly handed triples grouped by subject (a subject's description is made in one
    /// go), so the sort works on runs of consecutive triples with one subject, not on triples: a
    /// run's key is compared once, however long the run.
    public static func sortedUnique(_ triples: [Triple]) -> [Triple] {
        let n = triples.count
        guard n > 1 else { return triples }
        // Runs of one subject, in input order. Term order is kind first (IRI, blank node, literal),
        // then the string (a literal's lexical form decides first, so it serves as the key).
        var runStarts: [Int] = []
        var kinds: [UInt8] = []
        var keys: [String] = []
        var i = 0
        while i < n {
            let subject = triples[i].subject
            runStarts.append(i)
            switch subject {
            case let .iri(x): kinds.append(0); keys.append(x.value)
            case let .blank(b): kinds.append(1); keys.append(b.id)
            case let .literal(l): kinds.append(2); keys.append(l.lexicalForm)
            }
            i += 1
            while i < n && triples[i].subject == subject { i += 1 }
        }
        runStarts.append(n)
        let runs = kinds.count
        var order = Array(0..<runs)
        kinds.withUnsafeBufferPointer { kind in
            keys.withUnsafeBufferPointer { key in
                order.sort { a, b in kind[a] != kind[b] ? kind[a] < kind[b] : key[a] < key[b] }
            }
        }
        var result: [Triple] = []
        result.reserveCapacity(n)
        var group: [Int] = []
        var start = 0
        while start < runs {
            let first = order[start]
            var end = start + 1
            while end < runs, kinds[order[end]] == kinds[first], keys[order[end]] == keys[first] { end += 1 }
            // One key: the triples of its runs in the full order, with input position breaking ties
            // so that of equal triples the first given comes first and is the one kept.
            group.removeAll(keepingCapacity: true)
            for k in start..<end { group.append(contentsOf: runStarts[order[k]]..<runStarts[order[k] + 1]) }
            if group.count == 1 {
                result.append(triples[group[0]])
            } else {
                triples.withUnsafeBufferPointer { t in
                    group.sort { a, b in
                        if t[a] < t[b] { return true }
                        if t[b] < t[a] { return false }
                        return a < b
                    }
                    var last = -1
                    for k in group where last < 0 || t[last] != t[k] {
                        result.append(t[k])
                        last = k
                    }
                }
            }
            start = end
        }
        return result
    }
}
