import Foundation
import RDF
import RDFXML
import TestSupport
import XCTest

/// The W3C RDF/XML suite: eval tests by isomorphism with the expected N-Triples, negative syntax
/// tests must be rejected. Base IRI of a test = the manifest's mf:assumedTestBase + relative path.
final class RDFXMLConformanceTests: XCTestCase {
    func testW3CRDFXMLSuite() throws {
        guard let dir = SharedData.conformance("rdf-xml") else {
            print("rdf-xml conformance: skipped (../shared/conformance/rdf-xml not found; set NEWSGRAPH_SHARED)")
            throw XCTSkip("shared conformance data not found")
        }
        let tally = try run(Manifest.load(dir.appendingPathComponent("manifest.ttl")), suite: "rdf-xml")
        XCTAssertEqual(tally.total, 166)
        XCTAssertEqual(tally.passed, tally.total, tally.summary)
    }

    /// RDF 1.2 additions (triple terms, annotations, base direction): reported, not required —
    /// the core model has no triple terms.
    func testW3CRDF12RDFXMLSuiteReport() throws {
        guard let dir = SharedData.conformance("rdf12/rdf-xml") else {
            print("rdf12 rdf-xml conformance: skipped (../shared/conformance/rdf12/rdf-xml not found)")
            throw XCTSkip("shared conformance data not found")
        }
        _ = try run(Manifest.load(dir.appendingPathComponent("eval/manifest.ttl")), suite: "rdf12 rdf-xml")
    }

    func run(_ entries: [ManifestEntry], suite: String) throws -> ConformanceTally {
        var tally = ConformanceTally(suite: suite)
        for entry in entries {
            let negative = entry.hasType("TestXMLNegativeSyntax")
            guard negative || entry.hasType("TestXMLEval"), let action = entry.action else { continue }
            let base = entry.publishedIRI(of: action)
            do {
                var reader = RDFXMLReader(source: try InputSource(path: action.path), base: base)
                let graph = try reader.readGraph()
                if negative {
                    tally.record(entry.id, passed: false, message: "accepted a document with a syntax error")
                    continue
                }
                guard let result = entry.result else { tally.record(entry.id, passed: false, message: "no mf:result"); continue }
                let expected = try readNTriples(result)
                let same = Isomorphism.isIsomorphic(graph, expected)
                tally.record(entry.id, passed: same, message: same ? "" : Isomorphism.difference(graph, expected))
            } catch {
                tally.record(entry.id, passed: negative, message: negative ? "" : "\(error)")
            }
        }
        tally.report()
        return tally
    }
}

/// Every graph of the W3C N-Triples, Turtle and RDF/XML suites, written as RDF/XML and read back
/// (by our reader, and by rapper when it is installed), must be isomorphic to the original —
/// unless the writer refuses it with a clear error, which is counted and listed.
final class RDFXMLRoundTripTests: XCTestCase {
    func testSuiteGraphsRoundTrip() throws {
        guard let shared = SharedData.directory?.appendingPathComponent("conformance") else {
            print("rdf-xml round trip: skipped (../shared not found)")
            throw XCTSkip("shared conformance data not found")
        }
        var graphs: [(String, Graph)] = []
        for entry in try Manifest.load(shared.appendingPathComponent("ntriples/manifest.ttl")) where entry.hasType("TestNTriplesPositiveSyntax") {
            if let a = entry.action { graphs.append(("ntriples/" + entry.id, try readNTriples(a))) }
        }
        for entry in try Manifest.load(shared.appendingPathComponent("turtle/manifest.ttl")) where entry.hasType("TestTurtleEval") {
            if let a = entry.action { graphs.append(("turtle/" + entry.id, try readTurtle(a, base: entry.publishedIRI(of: a)))) }
        }
        for entry in try Manifest.load(shared.appendingPathComponent("rdf-xml/manifest.ttl")) where entry.hasType("TestXMLEval") {
            if let r = entry.result { graphs.append(("rdf-xml/" + entry.id, try readNTriples(r))) }
        }
        let rapper = ["/usr/bin/rapper", "/usr/local/bin/rapper"].first { FileManager.default.isExecutableFile(atPath: $0) }
        var ok = 0, rapperOK = 0
        var refused: [String] = [], failed: [String] = []
        for (id, g) in graphs {
            let xml: String
            do {
                xml = try RDFXMLWriter().string(g)
            } catch let RDFError.unrepresentable(message) {
                refused.append("\(id): \(message.prefix(160))")
                continue
            }
            do {
                var reader = RDFXMLReader(source: InputSource(string: xml), base: nil)
                let back = try reader.readGraph()
                if Isomorphism.isIsomorphic(g, back) { ok += 1 } else { failed.append("\(id): " + Isomorphism.difference(g, back)) }
            } catch {
                failed.append("\(id): our reader: \(error)")
            }
            if let rapper {
                do {
                    let back = try RapperSupport.parse(xml, rapper: rapper)
                    if Isomorphism.isIsomorphic(g, back) { rapperOK += 1 } else { failed.append("\(id): rapper: " + Isomorphism.difference(g, back)) }
                } catch {
                    failed.append("\(id): rapper: \(error)")
                }
            }
        }
        print("rdf-xml round trip: \(ok)/\(graphs.count - refused.count) graphs isomorphic, \(refused.count) refused, \(failed.count) failures"
            + (rapper == nil ? " (rapper not installed)" : "; rapper read \(rapperOK) back isomorphic"))
        for r in refused { print("  REFUSED " + r) }
        for f in failed { print("  FAIL " + f) }
        XCTAssertTrue(failed.isEmpty)
        XCTAssertGreaterThan(ok, 290)
    }
}
