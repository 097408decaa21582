import RDF

/// The data graph as integer ids with compressed adjacency lists (subject → (predicate, object)
/// and object → (predicate, subject), each sorted by predicate), built once per data graph.
/// Validation asks millions of "objects of s via p" questions; answering them with array slices
/// instead of nested dictionaries of strings keeps a million-triple graph in the seconds range.
final class DataIndex {
    typealias ID = Int32
    struct Edge: Equatable { var p: ID; var n: ID }
    struct Triple3 { var s: ID; var p: ID; var o: ID }

    private var table: TermTable
    /// Number of ids that occur in the graph; ids past it were interned later (targets, constants).
    let graphNodeCount: Int
    /// Distinct triples.
    let tripleCount: Int
    /// Packed first subject positions by id (see ``DataGraph/subjectPosition(of:)``); may be empty.
    let positions: [UInt64]
    private let outStart: [Int], outEdges: [Edge]
    private let inStart: [Int], inEdges: [Edge]
    /// (subject, object) pairs grouped by predicate (`Edge.p` holds the subject).
    private let predStart: [Int], predEdges: [Edge]

    let rdfType: ID?, subClassOf: ID?

    init(_ builder: consuming DataGraph.Builder) {
        let n = builder.table.count
        /// Counting sort into CSR form by the key `forEach` gives each edge, then each node's slice sorted.
        func csr(_ count: Int, _ forEach: ((ID, Edge) -> Void) -> Void) -> ([Int], [Edge]) {
            var start = [Int](repeating: 0, count: n + 1)
            forEach { k, _ in start[Int(k) + 1] += 1 }
            for i in 0..<n { start[i + 1] += start[i] }
            var fill = start
            var edges = [Edge](repeating: Edge(p: 0, n: 0), count: count)
            edges.withUnsafeMutableBufferPointer { buf in
                forEach { k, e in
                    buf[fill[Int(k)]] = e
                    fill[Int(k)] += 1
                }
                for i in 0..<n where start[i + 1] - start[i] > 1 {
                    var slice = UnsafeMutableBufferPointer(rebasing: buf[start[i]..<start[i + 1]])
                    slice.sort { $0.p != $1.p ? $0.p < $1.p : $0.n < $1.n }
                }
            }
            return (start, edges)
        }
        // Subject → (predicate, object); then drop duplicate triples, adjacent after sorting.
        var triples = builder.triples
        builder.triples = []
        var (oStart, oEdges) = csr(triples.count) { add in for t in triples { add(t.s, Edge(p: t.p, n: t.o)) } }
        triples = []
        var w = 0
        oEdges.withUnsafeMutableBufferPointer { e in
            var lo = oStart[0]
            for i in 0..<n {
                let hi = oStart[i + 1]
                oStart[i] = w
                for k in lo..<hi where k == lo || e[k] != e[k - 1] {
                    e[w] = e[k]
                    w += 1
                }
                lo = hi
            }
            oStart[n] = w
        }
        oEdges.removeLast(oEdges.count - w)
        let out = oStart, outE = oEdges
        func eachTriple(_ body: (ID, ID, ID) -> Void) {
            for s in 0..<n {
                for k in out[s]..<out[s + 1] { body(ID(s), outE[k].p, outE[k].n) }
            }
        }
        (inStart, inEdges) = csr(w) { add in eachTriple { s, p, o in add(o, Edge(p: p, n: s)) } }
        (predStart, predEdges) = csr(w) { add in eachTriple { s, p, o in add(p, Edge(p: s, n: o)) } }
        outStart = out; outEdges = outE
        tripleCount = w
        graphNodeCount = n
        table = builder.table
        positions = builder.positions
        rdfType = table.lookup(.iri(Vocab.rdf.type))
        subClassOf = table.lookup(.iri(Vocab.rdfs.subClassOf))
    }

    @inline(__always) func term(_ id: ID) -> Term { table.terms[Int(id)] }

    /// Calls `body` with the term lent from the table rather than copied out (a copy retains
    /// and releases every string of the term).
    @inline(__always) func withTerm<R>(_ id: ID, _ body: (Term) -> R) -> R { body(table.terms[Int(id)]) }

    /// Ids in use: the graph's terms and any interned since.
    var termCount: Int { table.count }

    /// The id of a term of the graph, or nil when the graph never mentions it.
    func lookup(_ t: Term) -> ID? { table.lookup(t) }

    /// The id of any term, minting one for terms outside the graph (a sh:targetNode, a constant).
    func intern(_ t: Term) -> ID { table.intern(t) }

    private func slice(_ start: [Int], _ edges: [Edge], _ node: ID, _ p: ID) -> ArraySlice<Edge> {
        let i = Int(node)
        guard i < graphNodeCount else { return [] }
        var lo = start[i], hi = start[i + 1]
        let end = hi
        while lo < hi {
            let mid = (lo + hi) / 2
            if edges[mid].p < p { lo = mid + 1 } else { hi = mid }
        }
        var e = lo
        while e < end && edges[e].p == p { e += 1 }
        return edges[lo..<e]
    }

    func objects(_ s: ID, _ p: ID) -> ArraySlice<Edge> { slice(outStart, outEdges, s, p) }
    func subjects(_ p: ID, _ o: ID) -> ArraySlice<Edge> { slice(inStart, inEdges, o, p) }

    /// Every (predicate, object) of a subject, sorted by predicate.
    func outgoing(_ s: ID) -> ArraySlice<Edge> {
        let i = Int(s)
        guard i < graphNodeCount else { return [] }
        return outEdges[outStart[i]..<outStart[i + 1]]
    }

    /// (subject, object) pairs of a predicate, sorted by subject (`Edge.p` holds the subject).
    func pairs(_ p: ID) -> ArraySlice<Edge> {
        let i = Int(p)
        guard i < graphNodeCount else { return [] }
        return predEdges[predStart[i]..<predStart[i + 1]]
    }

    func objects(_ s: ID, _ p: IRI) -> [ID] {
        guard let pid = table.lookup(.iri(p)) else { return [] }
        return objects(s, pid).map(\.n)
    }

    // MARK: classes

    private var subclassCache: [ID: Set<ID>] = [:]

    /// The class and every class that is rdfs:subClassOf* it in the data graph.
    func subclasses(of c: ID) -> Set<ID> {
        if let s = subclassCache[c] { return s }
        var seen: Set<ID> = [c]
        var stack = [c]
        if let sc = subClassOf {
            while let x = stack.popLast() {
                for e in subjects(sc, x) where seen.insert(e.n).inserted { stack.append(e.n) }
            }
        }
        subclassCache[c] = seen
        return seen
    }

    /// SHACL instance: some rdf:type of the node is the class or one of its subclasses.
    func isInstance(_ node: ID, of classes: Set<ID>) -> Bool {
        guard let t = rdfType else { return false }
        for e in objects(node, t) where classes.contains(e.n) { return true }
        return false
    }

    /// All SHACL instances of a class, in first-seen order without duplicates.
    func instances(of c: ID) -> [ID] {
        guard let t = rdfType else { return [] }
        var out: [ID] = [], seen = Set<ID>()
        for cls in subclasses(of: c).sorted() {
            for e in subjects(t, cls) where seen.insert(e.n).inserted { out.append(e.n) }
        }
        return out
    }
}
