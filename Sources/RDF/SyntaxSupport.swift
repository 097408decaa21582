/// Canonical statement order, shared by ``Graph/sorted()``, ``Dataset/sorted()`` and the writers
/// that sort (Turtle, RDF/XML), which must not depend on one another.
///
/// Why not `array.sorted()`: a statement is a large value (three or four terms of up to four
/// strings), and copying and moving it at every comparison of a sort, comparing each term twice
/// (`!=`, then `<`), was most of the time of writing a million triples. Here the sort moves
/// integer positions and compares only the graph's and the subject's kind and string, kept in flat
/// arrays; the full comparison runs only inside each subject's (short) run of statements.
public enum TripleOrder {
    /// The triples in ``Triple`` order with duplicates removed: the same list ``Graph/sorted()``
    /// gives for a graph of these triples (of triples equal under `==`, such as literals whose
    /// language tags differ only in case, the first one given is kept, as ``Graph`` keeps it).
    public static func sortedUnique(_ triples: [Triple]) -> [Triple] {
        guard triples.count > 1 else { return triples }
        var result: [Triple] = []
        result.reserveCapacity(triples.count)
        var last: Triple?
        for i in sortedPositions(triples) where last != triples[i] {
            result.append(triples[i])
            last = triples[i]
        }
        return result
    }

    /// Positions of `triples` in ``Triple`` order; equal triples keep their input order.
    public static func sortedPositions(_ triples: [Triple]) -> [Int] {
        var subjects = LeadingKeys(capacity: triples.count)
        for t in triples { subjects.append(t.subject) }
        return triples.withUnsafeBufferPointer { t in
            sortedPositions(graphs: nil, subjects: subjects) { t[$0] < t[$1] }
        }
    }

    /// Positions of `quads` in ``Quad`` order (default graph first); equal quads keep their order.
    public static func sortedPositions(_ quads: [Quad]) -> [Int] {
        var graphs = LeadingKeys(capacity: quads.count), subjects = LeadingKeys(capacity: quads.count)
        for q in quads {
            graphs.append(q.graph)
            subjects.append(q.subject)
        }
        return quads.withUnsafeBufferPointer { q in
            sortedPositions(graphs: graphs, subjects: subjects) { q[$0] < q[$1] }
        }
    }

    /// The leading keys of ``Term`` order: the kind (absent, IRI, blank node, literal), then the
    /// IRI, the label or the lexical form. Two terms whose keys differ are ordered by them alone.
    struct LeadingKeys {
        var kinds: [UInt8] = []
        var strings: [String] = []

        init(capacity: Int) {
            kinds.reserveCapacity(capacity)
            strings.reserveCapacity(capacity)
        }

        mutating func append(_ term: Term?) {
            switch term {
            case nil: kinds.append(0); strings.append("")
            case let .iri(i)?: kinds.append(1); strings.append(i.value)
            case let .blank(b)?: kinds.append(2); strings.append(b.id)
            case let .literal(l)?: kinds.append(3); strings.append(l.lexicalForm)
            }
        }
    }

    /// Sorts positions by (graph key, subject key), then each run that shares both keys by the
    /// full order `isLess`, input position breaking ties.
    static func sortedPositions(graphs: LeadingKeys?, subjects: LeadingKeys, isLess: (Int, Int) -> Bool) -> [Int] {
        let n = subjects.kinds.count
        var order = Array(0..<n)
        let noGraphs = LeadingKeys(capacity: 0)
        let g = graphs ?? noGraphs
        let byGraph = graphs != nil
        g.kinds.withUnsafeBufferPointer { gk in
            g.strings.withUnsafeBufferPointer { gs in
                subjects.kinds.withUnsafeBufferPointer { sk in
                    subjects.strings.withUnsafeBufferPointer { ss in
                        func sameKeys(_ a: Int, _ b: Int) -> Bool {
                            (!byGraph || (gk[a] == gk[b] && gs[a] == gs[b])) && sk[a] == sk[b] && ss[a] == ss[b]
                        }
                        order.sort { a, b in
                            if byGraph {
                                if gk[a] != gk[b] { return gk[a] < gk[b] }
                                if gs[a] != gs[b] { return gs[a] < gs[b] }
                            }
                            return sk[a] != sk[b] ? sk[a] < sk[b] : ss[a] < ss[b]
                        }
                        var start = 0
                        while start < n {
                            var end = start + 1
                            while end < n, sameKeys(order[start], order[end]) { end += 1 }
                            if end - start > 1 {
                                order[start..<end].sort { a, b in
                                    if isLess(a, b) { return true }
                                    if isLess(b, a) { return false }
                                    return a < b
                                }
                            }
                            start = end
                        }
                    }
                }
            }
        }
        return order
    }
}
