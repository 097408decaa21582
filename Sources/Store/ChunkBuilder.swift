import RDF

/// One chunk of statements, grouped by target graph in order of first appearance and already
/// serialized, so a chunk costs its bytes once and the whole input is never in memory.
struct ChunkBuilder {
    enum LineFormat { case triples, quads }
    struct Group {
        var graph: StoreGraph
        var bytes: [UInt8] = []
        var count = 0
    }

    let format: LineFormat
    private(set) var groups: [Group] = []
    private var index: [StoreGraph: Int] = [:]
    private(set) var count = 0

    init(format: LineFormat) { self.format = format }

    var isEmpty: Bool { count == 0 }

    mutating func add(_ s: Term, _ p: Term, _ o: Term, to graph: StoreGraph) {
        let i: Int
        if let existing = index[graph] {
            i = existing
        } else {
            i = groups.count
            index[graph] = i
            groups.append(Group(graph: graph))
        }
        Self.append(s, to: &groups[i].bytes)
        groups[i].bytes.append(0x20)
        Self.append(p, to: &groups[i].bytes)
        groups[i].bytes.append(0x20)
        Self.append(o, to: &groups[i].bytes)
        if format == .quads, case let .named(g) = graph {
            groups[i].bytes.append(0x20)
            Self.append(.iri(g), to: &groups[i].bytes)
        }
        groups[i].bytes.append(contentsOf: [0x20, 0x2E, 0x0A])  // " .\n"
        groups[i].count += 1
        count += 1
    }

    mutating func reset() {
        groups.removeAll(keepingCapacity: true)
        index.removeAll(keepingCapacity: true)
        count = 0
    }

    /// N-Triples / N-Quads / SPARQL share this term syntax (RDF 1.1 canonical N-Triples).
    static func append(_ t: Term, to out: inout [UInt8]) {
        switch t {
        case let .iri(i):
            out.append(0x3C)
            out.append(contentsOf: NTriplesEscaping.escapeIRI(i.value).utf8)
            out.append(0x3E)
        case let .blank(b):
            out.append(contentsOf: [0x5F, 0x3A])
            out.append(contentsOf: b.id.utf8)
        case let .literal(l):
            out.append(contentsOf: l.description.utf8)
        }
    }
}
