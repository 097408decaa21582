import Foundation
import NTriples
import RDF
import Store
import XCTest

/// End to end through the real seam: an N-Quads document written by NTriplesWriter, streamed by
/// NTriplesReader (a QuadSource) into Oxigraph, then read back and compared as graphs.
final class ReaderToStoreTests: XCTestCase {
    func testNQuadsFileThroughReaderKeepsGraphsAndRoundTrips() throws {
        let server = try OxigraphServer.start(for: self)
        let out = OutputBuffer()
        var writer = NTriplesWriter(output: out, format: .nQuads)
        for q in NewsFixture.quads() { try writer.write(q) }
        try writer.finish()
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("newsgraph-store-\(UUID().uuidString).nq")
        try Data(out.bytes).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }

        let client = GraphStoreClient(endpoint: server.baseURL, configuration: StoreConfiguration(chunkTriples: 9, timeout: 30, credentials: nil))
        var reader = NTriplesReader(source: try InputSource(path: file.path), format: .nQuads)
        let report = try client.push(&reader, options: PushOptions(replace: true, verify: true))
        XCTAssertEqual(report.triplesSent, NewsFixture.quads().count)
        XCTAssertEqual(report.graphs.count, 2)

        // Read each graph back with SELECT and compare it with what was written.
        for n in [1, 2] {
            let g = NewsFixture.id + "doc-00\(n)"
            let rows = try client.select("SELECT ?s ?p ?o WHERE { GRAPH <\(g)> { ?s ?p ?o } }").rows
            var back = Graph()
            for r in rows {
                guard let s = r["s"], let p = r["p"], let o = r["o"] else { continue }
                back.insert(Triple(s, p, o))
            }
            var expected = Graph()
            for t in NewsFixture.document(n) { expected.insert(t) }
            XCTAssertTrue(Isomorphism.isIsomorphic(back, expected), "graph \(g) differs after the round trip")
        }
    }
}
