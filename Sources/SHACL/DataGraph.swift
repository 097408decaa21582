import RDF

/// A data graph prepared for validation: every term interned to an integer id once, triples
/// kept as ids, and (optionally) where each subject first appears in the file it was read from.
///
/// Build one straight from a reader with ``Builder`` so that validating a large file never holds
/// the text, a `Graph` of `Term`s and the index at the same time; or from a ``Graph`` you already
/// have. A `DataGraph` is indexed once and may be validated against several shapes graphs (one
/// at a time: validation interns constants into it, so it is not `Sendable`).
public final class DataGraph {
    let index: DataIndex

    /// Collects triples as they are read. Duplicate triples are fine (they are removed when the
    /// graph is indexed), so a reader's output can be fed in without a set in between.
    public struct Builder {
        var table = TermTable()
        var triples: [DataIndex.Triple3] = []
        /// Per id: the first position where the term is a subject, packed (0 = never a subject,
        /// or unknown). Allocated only once a position is given.
        var positions: [UInt64] = []
        var lastS: (Term, DataIndex.ID)? = nil, lastP: (Term, DataIndex.ID)? = nil

        public init() {}

        /// A builder with room for about `triples` triples, so reading a large file does not
        /// rehash the term table over and over (an estimate from the file size is good enough).
        public init(expectedTriples triples: Int) {
            let n = max(0, min(triples, 1 << 28))
            self.triples.reserveCapacity(n)
            table = TermTable(capacity: n)
        }

        /// Triples added so far, duplicates included.
        public var count: Int { triples.count }


        /// Adds a triple; `subjectAt` is where its subject appears in the source, when the syntax has positions.
        public mutating func insert(_ t: Triple, subjectAt position: TextPosition? = nil) {
            // Readers emit a subject's triples together and reuse a few predicates, so remembering
            // the previous subject and predicate skips most hash look-ups.
            let s: DataIndex.ID
            if let (term, id) = lastS, TermTable.same(term, t.subject) { s = id } else { s = table.intern(t.subject); lastS = (t.subject, s) }
            let p: DataIndex.ID
            if let (term, id) = lastP, TermTable.same(term, t.predicate) { p = id } else { p = table.intern(t.predicate); lastP = (t.predicate, p) }
            let o = table.intern(t.object)
            triples.append(DataIndex.Triple3(s: s, p: p, o: o))
            if let position {
                if positions.count < table.count { positions.append(contentsOf: repeatElement(0, count: table.count - positions.count)) }
                if positions[Int(s)] == 0 { positions[Int(s)] = DataGraph.pack(position) }
            }
        }
    }

    /// Indexes what the builder collected.
    public init(_ builder: consuming Builder) { index = DataIndex(builder) }

    /// Indexes a graph already in memory (no positions).
    public convenience init(_ graph: Graph) {
        var b = Builder(expectedTriples: graph.count)
        for t in graph { b.insert(t) }
        self.init(b)
    }

    /// Distinct triples in the graph.
    public var count: Int { index.tripleCount }

    /// Where `term` first appears as a subject in the source, if the reader reported positions.
    /// SHACL findings use it to point at the place in the file that describes the focus node.
    public func subjectPosition(of term: Term) -> TextPosition? {
        index.lookup(term).flatMap(subjectPosition(id:))
    }

    func subjectPosition(id: DataIndex.ID) -> TextPosition? {
        guard Int(id) < index.positions.count else { return nil }
        let packed = index.positions[Int(id)]
        guard packed != 0 else { return nil }
        return TextPosition(line: Int(packed >> 24), column: Int(packed & 0xFF_FFFF))
    }

    /// Line in the high 40 bits, column in the low 24 (a column past 16 777 215 saturates there
    /// rather than wrapping into the line).
    static func pack(_ p: TextPosition) -> UInt64 {
        UInt64(max(0, p.line)) << 24 | UInt64(min(max(0, p.column), 0xFF_FFFF))
    }
}
