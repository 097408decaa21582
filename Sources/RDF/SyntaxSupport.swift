/// Canonical statement order, shared by ``Graph/sorted()``, ``Dataset/sorted()`` and the writers
/// that sort (Turtle, RDF/XML), which must not depend on one another.
///
/// Why not `array.sorted()`: a statement is a large value (three or four terms of up to four
/// strings), and copying and moving it at every comparison of a sort, comparing each term twice
/// (`!=`, then `<`), was most of the time of writing a million triples. Here the sort moves
/// integer positions and compares only the graph's and the subject's kind and string, kept in flat
/// arrays; the full comparison runs only inside each subject's (short) group of statements.
///
/// Statements mostly arrive grouped by subject (a subject's description is made in one go), so the
/// sort ranks runs of consecutive statements with one graph and subject, not single statements: a
/// run's key is compared once, however long the run.
public enum TripleOrder {
    /// The triples in ``Triple`` order with duplicates removed: the same list ``Graph/sorted()``
    /// gives for a graph of these triples (of triples equal under `==`, such as literals whose
    /// language tags differ only in case, the first one given is kept, as ``Graph`` keeps it).
    public static func sortedUnique(_ triples: [Triple]) -> [Triple] {
        guard triples.count > 1 else { return triples }
        var result: [Triple] = []
        result.reserveCapacity(triples.count)
        triples.withUnsafeBufferPointer { t in
            var last = -1
            for i in sortedPositions(triples) where last < 0 || t[last] != t[i] {
                result.append(t[i])
                last = i
            }
        }
        return result
    }

    /// Positions of `triples` in ``Triple`` order; equal triples keep their input order.
    public static func sortedPositions(_ triples: [Triple]) -> [Int] {
        var runs = Runs(byGraph: false)
        var i = 0
        while i < triples.count {
            let subject = triples[i].subject
            runs.begin(at: i, graph: nil, subject: subject)
            i += 1
            while i < triples.count && triples[i].subject == subject { i += 1 }
        }
        runs.starts.append(triples.count)
        return triples.withUnsafeBufferPointer { t in runs.sortedPositions { t[$0] < t[$1] } }
    }

    /// Positions of `quads` in ``Quad`` order (default graph first); equal quads keep their order.
    public static func sortedPositions(_ quads: [Quad]) -> [Int] {
        var runs = Runs(byGraph: true)
        var i = 0
        while i < quads.count {
            let subject = quads[i].subject, graph = quads[i].graph
            runs.begin(at: i, graph: graph, subject: subject)
            i += 1
            while i < quads.count && quads[i].subject == subject && quads[i].graph == graph { i += 1 }
        }
        runs.starts.append(quads.count)
        return quads.withUnsafeBufferPointer { q in runs.sortedPositions { q[$0] < q[$1] } }
    }

    /// Runs of consecutive statements with one graph and subject, with the leading keys of
    /// ``Term`` order for each: the kind (absent, IRI, blank node, literal), then the IRI, the
    /// label or the lexical form. Two terms whose keys differ are ordered by the keys alone.
    struct Runs {
        let byGraph: Bool
        var starts: [Int] = []
        var graphKinds: [UInt8] = [], graphs: [String] = []
        var subjectKinds: [UInt8] = [], subjects: [String] = []

        init(byGraph: Bool) { self.byGraph = byGraph }

        mutating func begin(at position: Int, graph: Term?, subject: Term) {
            starts.append(position)
            if byGraph { Self.append(graph, &graphKinds, &graphs) }
            Self.append(subject, &subjectKinds, &subjects)
        }

        static func append(_ term: Term?, _ kinds: inout [UInt8], _ strings: inout [String]) {
            switch term {
            case nil: kinds.append(0); strings.append("")
            case let .iri(i)?: kinds.append(1); strings.append(i.value)
            case let .blank(b)?: kinds.append(2); strings.append(b.id)
            case let .literal(l)?: kinds.append(3); strings.append(l.lexicalForm)
            }
        }

        /// Sorts the runs by their keys, then the statements of the runs that share a key by the
        /// full order `isLess`, input position breaking ties.
        func sortedPositions(isLess: (Int, Int) -> Bool) -> [Int] {
            let count = subjectKinds.count
            var order = Array(0..<count)
            graphKinds.withUnsafeBufferPointer { gk in
                graphs.withUnsafeBufferPointer { gs in
                    subjectKinds.withUnsafeBufferPointer { sk in
                        subjects.withUnsafeBufferPointer { ss in
                            order.sort { a, b in
                                if byGraph {
                                    if gk[a] != gk[b] { return gk[a] < gk[b] }
                                    if gs[a] != gs[b] { return gs[a] < gs[b] }
                                }
                                return sk[a] != sk[b] ? sk[a] < sk[b] : ss[a] < ss[b]
                            }
                        }
                    }
                }
            }
            func sameKey(_ a: Int, _ b: Int) -> Bool {
                (!byGraph || (graphKinds[a] == graphKinds[b] && graphs[a] == graphs[b]))
                    && subjectKinds[a] == subjectKinds[b] && subjects[a] == subjects[b]
            }
            var positions: [Int] = []
            positions.reserveCapacity(starts.last ?? 0)
            var first = 0
            while first < count {
                var end = first + 1
                while end < count, sameKey(order[first], order[end]) { end += 1 }
                let groupStart = positions.count
                for k in first..<end { positions.append(contentsOf: starts[order[k]]..<starts[order[k] + 1]) }
                if positions.count - groupStart > 1 {
                    positions[groupStart...].sort { a, b in
                        if isLess(a, b) { return true }
                        if isLess(b, a) { return false }
                        return a < b
                    }
                }
                first = end
            }
            return positions
        }
    }
}
