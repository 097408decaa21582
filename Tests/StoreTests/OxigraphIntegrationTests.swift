import Foundation
import RDF
@testable import Store
import XCTest

/// The happy path against a real Oxigraph server: push, query, replace, idempotence, named graphs.
final class OxigraphIntegrationTests: XCTestCase {
    let graph = IRI(unchecked: "https://w3id.org/newsgraph/graph/news")

    func client(_ server: OxigraphServer, protocolKind: StoreProtocol = .graphStore, chunk: Int = 7) -> GraphStoreClient {
        GraphStoreClient(endpoint: server.baseURL, configuration: StoreConfiguration(
            protocolKind: protocolKind, chunkTriples: chunk, timeout: 30, maxRetries: 2, retryBaseDelay: 0.05, credentials: nil))
    }

    /// Class counts in `graph` (or the default graph), sorted by class IRI.
    func classCounts(_ c: GraphStoreClient, in g: IRI?) throws -> [String: Int] {
        let pattern = "?x a ?c"
        let q = g.map { "SELECT ?c (COUNT(DISTINCT ?x) AS ?n) WHERE { GRAPH <\($0.value)> { \(pattern) } } GROUP BY ?c" }
            ?? "SELECT ?c (COUNT(DISTINCT ?x) AS ?n) WHERE { \(pattern) } GROUP BY ?c"
        var out: [String: Int] = [:]
        for row in try c.select(q).rows {
            guard let cls = row["c"]?.iri?.value, let n = row["n"]?.literal.flatMap({ Int($0.lexicalForm) }) else { continue }
            out[cls] = n
        }
        return out
    }

    func phonePartners(_ c: GraphStoreClient, from clause: String) throws -> [String] {
        let q = """
        PREFIX schema: <http://schema.org/>
        PREFIX ng: <https://w3id.org/newsgraph/ontology#>
        SELECT DISTINCT ?name WHERE { \(clause) {
          ?call a ng:PhoneCall ; schema:participant ?trump, ?other .
          ?trump schema:name "Donald Trump" .
          ?other a schema:Person ; schema:name ?name .
          FILTER(?other != ?trump) } } ORDER BY ?name
        """
        return try c.select(q).rows.compactMap { $0["name"]?.literal?.lexicalForm }
    }

    func testGraphStoreProtocolPushQueryReplaceIdempotent() throws {
        let server = try OxigraphServer.start(for: self)
        let c = client(server)
        let triples = NewsFixture.merged
        var source = ArraySource(triples)
        let report = try c.push(&source, options: PushOptions(target: .graph(graph), replace: true, verify: true))
        XCTAssertEqual(report.chunksTotal, (triples.count + 6) / 7)
        XCTAssertEqual(report.chunksSent, report.chunksTotal)
        XCTAssertEqual(report.triplesSent, triples.count)
        XCTAssertEqual(report.verified, [GraphCount(graph: .named(graph), expected: triples.count, actual: triples.count)])
        XCTAssertEqual(try c.count(.named(graph)), triples.count)

        let s = NewsFixture.schema, ng = NewsFixture.ng
        XCTAssertEqual(try classCounts(c, in: graph), [
            s + "Person": 3, s + "Country": 3, s + "Event": 2, ng + "PhoneCall": 1, ng + "Meeting": 1,
            s + "NewsArticle": 2, "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#Context": 2, s + "Quotation": 1,
        ])
        XCTAssertEqual(try phonePartners(c, from: "GRAPH <\(graph.value)>"), ["Vladimir Putin"])

        // Literals survive the trip byte for byte (quotes, newline, tab, non-ASCII, language, datatype).
        let quote = try c.select("SELECT ?t WHERE { GRAPH <\(graph.value)> { ?q <http://schema.org/text> ?t } }").rows.first?["t"]
        XCTAssertEqual(quote, .literal(Literal(NewsFixture.quote)))

        // Pushing again with replace leaves the same graph; without replace, set semantics do too.
        var again = ArraySource(triples)
        try c.push(&again, options: PushOptions(target: .graph(graph), replace: true, verify: true))
        XCTAssertEqual(try c.count(.named(graph)), triples.count)
        var added = ArraySource(Array(triples.prefix(10)))
        let addReport = try c.push(&added, options: PushOptions(target: .graph(graph), verify: true))
        XCTAssertEqual(addReport.verified.first?.actual, triples.count)

        // Replace really replaces: a smaller input leaves only itself.
        var smaller = ArraySource(NewsFixture.document(2))
        try c.push(&smaller, options: PushOptions(target: .graph(graph), replace: true, verify: true))
        XCTAssertEqual(try c.count(.named(graph)), NewsFixture.document(2).count)
        XCTAssertEqual(try phonePartners(c, from: "GRAPH <\(graph.value)>"), [])

        // Replacing with nothing empties the graph.
        var empty = ArraySource([Triple]())
        try c.push(&empty, options: PushOptions(target: .graph(graph), replace: true, verify: true))
        XCTAssertEqual(try c.count(.named(graph)), 0)

        // The default graph is addressed with ?default.
        var toDefault = ArraySource(triples)
        try c.push(&toDefault, options: PushOptions(target: .defaultGraph, replace: true, verify: true))
        XCTAssertEqual(try c.count(.defaultGraph), triples.count)
        XCTAssertEqual(try phonePartners(c, from: ""), ["Vladimir Putin"])
    }

    func testNQuadsKeepTheirGraphsInEveryProtocol() throws {
        let server = try OxigraphServer.start(for: self)
        let g1 = IRI(unchecked: NewsFixture.id + "doc-001"), g2 = IRI(unchecked: NewsFixture.id + "doc-002")
        let n1 = NewsFixture.document(1).count, n2 = NewsFixture.document(2).count
        for kind in [StoreProtocol.dataset, .graphStore, .update] {
            let c = client(server, protocolKind: kind, chunk: 11)
            for _ in 0..<2 {  // the second push must change nothing
                var source = ArraySource(NewsFixture.quads())
                let report = try c.push(&source, options: PushOptions(replace: true, verify: true))
                XCTAssertEqual(report.graphs, [.named(g1), .named(g2)], "\(kind)")
                XCTAssertEqual(report.verified.map(\.actual), [n1, n2], "\(kind)")
                XCTAssertEqual(try c.count(.named(g1)), n1, "\(kind)")
                XCTAssertEqual(try c.count(.named(g2)), n2, "\(kind)")
                XCTAssertEqual(try c.count(.defaultGraph), 0, "\(kind): nothing leaks into the default graph")
            }
            XCTAssertEqual(try phonePartners(c, from: "GRAPH <\(g1.value)>"), ["Vladimir Putin"])
            XCTAssertEqual(try phonePartners(c, from: "GRAPH <\(g2.value)>"), [])
            try c.clear(.named(g1)); try c.clear(.named(g2))
            XCTAssertEqual(try c.count(.named(g1)), 0)
        }
    }

    func testDefaultGraphReplaceInEveryProtocol() throws {
        let server = try OxigraphServer.start(for: self)
        let triples = NewsFixture.merged
        for kind in [StoreProtocol.dataset, .graphStore, .update] {
            let c = client(server, protocolKind: kind, chunk: 13)
            for _ in 0..<2 {
                var source = ArraySource(triples)
                let report = try c.push(&source, options: PushOptions(target: .defaultGraph, replace: true, verify: true))
                XCTAssertEqual(report.verified, [GraphCount(graph: .defaultGraph, expected: triples.count, actual: triples.count)], "\(kind)")
            }
            var smaller = ArraySource(NewsFixture.document(2))
            try c.push(&smaller, options: PushOptions(target: .defaultGraph, replace: true))
            XCTAssertEqual(try c.count(.defaultGraph), NewsFixture.document(2).count, "\(kind)")
            try c.clear(.defaultGraph)
            XCTAssertEqual(try c.count(.defaultGraph), 0, "\(kind)")
        }
    }

    func testUpdateProtocolIntoNamedGraph() throws {
        let server = try OxigraphServer.start(for: self)
        let c = client(server, protocolKind: .update, chunk: 5)
        let triples = NewsFixture.merged
        for _ in 0..<2 {
            var source = ArraySource(triples)
            try c.push(&source, options: PushOptions(target: .graph(graph), replace: true, verify: true))
            XCTAssertEqual(try c.count(.named(graph)), triples.count)
        }
        let quote = try c.select("SELECT ?t WHERE { GRAPH <\(graph.value)> { ?q <http://schema.org/text> ?t } }").rows.first?["t"]
        XCTAssertEqual(quote, .literal(Literal(NewsFixture.quote)))
    }

    func testVerifyCountsBlankNodesPerChunk() throws {
        let server = try OxigraphServer.start(for: self)
        let c = client(server)
        // Blank nodes in different chunks are different nodes in the store; verify accounts for it.
        let b = Term.blank(BlankNode("b"))
        let p = Term.iri(IRI(unchecked: "http://e/p"))
        let triples = (0..<10).map { Triple(b, p, .literal(Literal("\($0 % 5)"))) }
        var source = ArraySource(triples)
        let report = try c.push(&source, options: PushOptions(target: .graph(graph), replace: true, verify: true))
        XCTAssertEqual(report.blankNodeTriples, 10)
        // chunk 1: 7 statements, 5 distinct; chunk 2: 3 distinct, about its own `_:b`.
        XCTAssertEqual(report.verified, [GraphCount(graph: .named(graph), expected: 8, actual: 8)])

        // Skolemized, `_:b` is one node everywhere: 5 distinct statements.
        var skolem = ArraySource(triples)
        let r2 = try c.push(&skolem, options: PushOptions(target: .graph(graph), replace: true, verify: true,
                                                          blankNodes: .skolemize(prefix: "https://example.org/.well-known/genid/")))
        XCTAssertEqual(r2.verified.first?.actual, 5)
    }
}
