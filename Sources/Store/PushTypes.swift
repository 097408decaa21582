import Foundation
import RDF

/// A graph in the store: the default graph or a named one. Graph Store Protocol requests address
/// exactly one of these (`?default` or `?graph=IRI`).
public enum StoreGraph: Hashable, Comparable, Sendable, CustomStringConvertible {
    case defaultGraph
    case named(IRI)

    public var description: String {
        switch self {
        case .defaultGraph: return "the default graph"
        case let .named(iri): return "<\(iri.value)>"
        }
    }

    /// SPARQL 1.1 Update's name for the graph in `DROP`/`CLEAR`.
    var updateRef: String {
        switch self {
        case .defaultGraph: return "DEFAULT"
        case let .named(iri): return "GRAPH " + Term.iri(iri).description
        }
    }
}

/// Where the statements of a push land.
public enum PushTarget: Sendable, Equatable {
    /// Quads keep their named graphs; triples (and quads without a graph) go to the default graph.
    case asIs
    /// Everything goes to the default graph (`--default-graph`), graph names are dropped.
    case defaultGraph
    /// Everything goes to one named graph (`--graph IRI`), graph names are dropped.
    case graph(IRI)
}

/// What to do with blank nodes. Each HTTP request is its own document, so the store gives `_:b`
/// in chunk 1 and `_:b` in chunk 2 two different nodes; skolemizing keeps them one node.
public enum BlankNodePolicy: Sendable, Equatable {
    /// Send blank nodes as they are: correct when each blank node's statements fit in one chunk
    /// (always true for NewsGraph's own output, which has none).
    case keep
    /// Replace `_:x` with the IRI `prefix + x` (e.g. `https://example.org/.well-known/genid/`).
    case skolemize(prefix: String)
}

public struct PushOptions: Sendable, Equatable {
    public var target: PushTarget
    /// Replace each target graph: its first request is a PUT (or `DROP SILENT` before the first
    /// `INSERT DATA`), later ones add. Pushing the same input twice then leaves the same graph.
    public var replace: Bool
    /// Count the triples in every target graph afterwards with SPARQL and fail on a mismatch.
    public var verify: Bool
    public var blankNodes: BlankNodePolicy

    public init(target: PushTarget = .asIs, replace: Bool = false, verify: Bool = false, blankNodes: BlankNodePolicy = .keep) {
        self.target = target; self.replace = replace; self.verify = verify; self.blankNodes = blankNodes
    }
}

/// The count `verify` found for one graph.
public struct GraphCount: Sendable, Equatable {
    public var graph: StoreGraph
    public var expected: Int
    public var actual: Int
}

/// What a push achieved; also carried by ``StoreError/interrupted(report:cause:)`` so a failed
/// push says exactly which chunks are in the store. Chunks are numbered from 1.
public struct PushReport: Sendable, Equatable {
    /// Chunks the store acknowledged completely.
    public var chunksSent = 0
    /// Known once the input has been read to the end; nil when the push stopped before that.
    public var chunksTotal: Int?
    /// Statements in acknowledged chunks (as read, duplicates included).
    public var triplesSent = 0
    /// HTTP requests that succeeded (PUT/POST/DELETE/update; not the verify queries).
    public var requestsSent = 0
    /// The chunk that failed; with several graphs per chunk, the requests for earlier graphs of
    /// that chunk may have landed (see `requestsSent`).
    public var failedChunk: Int?
    /// Target graphs in order of first appearance.
    public var graphs: [StoreGraph] = []
    /// Statements with a blank node (see ``BlankNodePolicy``).
    public var blankNodeTriples = 0
    /// Filled by `verify`.
    public var verified: [GraphCount] = []
    public var seconds: Double = 0

    public init() {}

    /// One line for humans: "3 of 5 chunks (150000 triples) landed; chunk 4 failed".
    public var summary: String {
        let total = chunksTotal.map { " of \($0)" } ?? ""
        var s = "\(chunksSent)\(total) chunk\(chunksSent == 1 && total.isEmpty ? "" : "s") (\(triplesSent) triple\(triplesSent == 1 ? "" : "s")) landed"
        if let failedChunk {
            s += "; chunk \(failedChunk) failed"
            if chunksSent > 0 { s += " (chunks 1–\(chunksSent) are in the store)" }
        }
        return s
    }
}
