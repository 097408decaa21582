import Foundation
import JSON
import JSONLD
import RDF
import XCTest

final class JSONLDWriterTests: XCTestCase {
    static let ng = "https://w3id.org/newsgraph/id/"
    static let schema = "http://schema.org/"

    /// A small graph in the shape of Schemas/MODEL.md, with a named graph per document.
    static func newsDataset() -> Dataset {
        func iri(_ s: String) -> Term { .iri(IRI(unchecked: s)) }
        let doc = iri(ng + "doc-a1"), putin = iri(ng + "person-vladimir-putin"), trump = iri(ng + "person-donald-trump")
        let call = iri(ng + "event-2025-02-12-phone-call-donald-trump-vladimir-putin")
        let attr = iri(ng + "attr-event-x-kremlin")
        let xsd = "http://www.w3.org/2001/XMLSchema#"
        var d = Dataset()
        let triples: [Triple] = [
            Triple(doc, Vocab.rdf.type, iri(schema + "NewsArticle")),
            Triple(doc, Vocab.rdf.type, iri("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#Context")),
            Triple(doc, IRI(unchecked: schema + "name"), .literal(Literal("a1.txt"))),
            Triple(doc, IRI(unchecked: schema + "datePublished"), .literal(Literal("2025-02-13", datatype: IRI(unchecked: xsd + "date")))),
            Triple(doc, IRI(unchecked: "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#beginIndex"), .literal(Literal("0", datatype: IRI(unchecked: xsd + "nonNegativeInteger")))),
            Triple(putin, Vocab.rdf.type, iri(schema + "Person")),
            Triple(putin, IRI(unchecked: schema + "name"), .literal(Literal("Vladimir Putin"))),
            Triple(putin, IRI(unchecked: schema + "alternateName"), .literal(Literal("Putin"))),
            Triple(putin, IRI(unchecked: schema + "alternateName"), .literal(Literal("Путин", language: "ru"))),
            Triple(putin, IRI(unchecked: schema + "sameAs"), iri("http://www.wikidata.org/entity/Q7747")),
            Triple(putin, IRI(unchecked: "http://www.w3.org/ns/prov#wasDerivedFrom"), doc),
            Triple(trump, Vocab.rdf.type, iri(schema + "Person")),
            Triple(trump, IRI(unchecked: schema + "name"), .literal(Literal("Donald Trump"))),
            Triple(call, Vocab.rdf.type, iri(schema + "Event")),
            Triple(call, Vocab.rdf.type, iri("https://w3id.org/newsgraph/ontology#PhoneCall")),
            Triple(call, IRI(unchecked: schema + "participant"), trump),
            Triple(call, IRI(unchecked: schema + "participant"), putin),
            Triple(call, IRI(unchecked: schema + "startDate"), .literal(Literal("2025-02-12", datatype: IRI(unchecked: xsd + "date")))),
            Triple(call, IRI(unchecked: "https://w3id.org/newsgraph/ontology#contested"), .literal(Literal("false", datatype: IRI(unchecked: xsd + "boolean")))),
            Triple(call, IRI(unchecked: "http://groundedannotationframework.org/grasp#hasAttribution"), attr),
            Triple(attr, Vocab.rdf.type, iri("http://groundedannotationframework.org/grasp#Attribution")),
            Triple(attr, Vocab.rdf.value, iri("http://groundedannotationframework.org/grasp/factuality#CERTAIN")),
        ]
        for t in triples { d.insert(Quad(t)) }
        for t in triples.prefix(9) { d.insert(Quad(t, graph: doc)) }
        return d
    }

    func roundTrip(_ x: Dataset, _ writer: JSONLDWriter, file: StaticString = #filePath, line: UInt = #line) throws -> String {
        let out = OutputBuffer()
        try writer.write(x, to: out)
        let text = out.string
        let parsed = try JSONLD.parse(Array(text.utf8))
        let back = try JSONLD.toRDF(parsed)
        XCTAssertTrue(Isomorphism.isIsomorphic(back, x), "round trip failed:\n\(text)\n\(Isomorphism.difference(back.union, x.union))", file: file, line: line)
        return text
    }

    func testNewsGraphCompactedIsReadableAndRoundTrips() throws {
        let text = try roundTrip(Self.newsDataset(), JSONLDWriter())
        XCTAssertTrue(text.hasPrefix("{\n  \"@context\": {\n    \"@version\": 1.1,"), text)
        XCTAssertTrue(text.contains(#""id": "ngid:person-vladimir-putin""#), text)
        XCTAssertTrue(text.contains(#""type": "Person""#), text)
        XCTAssertTrue(text.contains(#""startDate": "2025-02-12""#), text)
        XCTAssertTrue(text.contains(#""sameAs": "wd:Q7747""#), text)
        XCTAssertTrue(text.contains(#""participant": ["#), text)
        XCTAssertTrue(text.contains(#""@language": "ru""#), text)
        XCTAssertTrue(text.contains(#""@graph": ["#), text)
        // id before type before the other properties.
        let idPos = try XCTUnwrap(text.range(of: #""id": "ngid:person-donald-trump""#)).lowerBound
        let typePos = try XCTUnwrap(text[idPos...].range(of: #""type": "Person""#)).lowerBound
        let namePos = try XCTUnwrap(text[idPos...].range(of: #""name": "Donald Trump""#)).lowerBound
        XCTAssertLessThan(typePos, namePos)
    }

    func testGoldenCompactOutput() throws {
        let out = OutputBuffer()
        try JSONLDWriter(context: .reference(JSONLDWriter.projectContextIRI)).write(Self.newsDataset(), to: out)
        let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden/news-compact.jsonld")
        if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] != nil {
            try FileManager.default.createDirectory(at: golden.deletingLastPathComponent(), withIntermediateDirectories: true)
            try out.string.write(to: golden, atomically: true, encoding: .utf8)
        }
        XCTAssertEqual(out.string, try String(contentsOf: golden, encoding: .utf8))
        // The referenced context resolves offline.
        let back = try JSONLD.toRDF(try JSONLD.parse(out.bytes))
        XCTAssertTrue(Isomorphism.isIsomorphic(back, Self.newsDataset()))
    }

    func testAllFormsRoundTrip() throws {
        let x = Self.newsDataset()
        for form in [JSONLDWriter.Form.compacted, .expanded, .flattened] {
            for embed in [false, true] {
                _ = try roundTrip(x, JSONLDWriter(form: form, embed: embed))
            }
        }
    }

    func testDeterministicWhateverTheInputOrder() throws {
        let x = Self.newsDataset()
        let shuffled = Dataset(x.quads.reversed())
        for embed in [false, true] {
            let a = OutputBuffer(), b = OutputBuffer()
            try JSONLDWriter(embed: embed).write(x, to: a)
            try JSONLDWriter(embed: embed).write(shuffled, to: b)
            XCTAssertEqual(a.string, b.string)
        }
    }

    func testEmbedInlinesBlankNodesReferencedOnceWithoutCycles() throws {
        func b(_ s: String) -> Term { .blank(BlankNode(s)) }
        let p = IRI(unchecked: "http://example.org/p"), q = IRI(unchecked: "http://example.org/q")
        let s = Term.iri(IRI(unchecked: "http://example.org/s"))
        var x = Dataset()
        x.insert(Quad(s, .iri(p), b("x")))
        x.insert(Quad(b("x"), .iri(q), .literal(Literal("inner"))))
        x.insert(Quad(b("c1"), .iri(p), b("c2")))  // a cycle of blank nodes
        x.insert(Quad(b("c2"), .iri(p), b("c1")))
        let text = try roundTrip(x, JSONLDWriter(embed: true))
        XCTAssertTrue(text.contains("\"http://example.org/q\": \"inner\""), text)
        XCTAssertFalse(text.contains("\"id\": \"_:x\""), text)
    }

    /// Every dataset of the W3C JSON-LD toRdf suite (named graphs, lists, odd literals) survives
    /// write → read in every form.
    func testRoundTripOverW3CToRdfResults() throws {
        guard let s = JSONLDSuite("toRdf") else {
            print("JSON-LD writer round trip: skipped (../shared not found)")
            throw XCTSkip("shared data not available")
        }
        var checked = 0, failed: [String] = []
        let files = try FileManager.default.contentsOfDirectory(atPath: s.folder.appendingPathComponent("toRdf").path).filter { $0.hasSuffix(".nq") }.sorted()
        for f in files {
            guard let x = try? TestNQuads.parse(try s.text("toRdf/" + f)) else { continue }  // generalized RDF: not N-Quads
            if x.quads.contains(where: { $0.predicate.isBlank }) { continue }  // generalized RDF
            if x.quads.contains(where: { ($0.object.literal?.direction) != nil }) { continue }
            for writer in [JSONLDWriter(), JSONLDWriter(embed: true), JSONLDWriter(form: .flattened), JSONLDWriter(form: .expanded)] {
                do {
                    let out = OutputBuffer()
                    try writer.write(x, to: out)
                    let back = try JSONLD.toRDF(try JSONLD.parse(out.bytes))
                    if !Isomorphism.isIsomorphic(back, x) { failed.append("\(f) \(writer.form) embed=\(writer.embed)") }
                } catch {
                    failed.append("\(f) \(writer.form): \(error)")
                }
            }
            checked += 1
        }
        print("JSON-LD writer round trip over toRdf results: \(checked - Set(failed.map { $0.split(separator: " ")[0] }).count)/\(checked) datasets")
        XCTAssertEqual(failed, [])
    }
}

import TestSupport

extension JSONLDWriterTests {
    /// Every graph of the W3C Turtle evaluation suite: Turtle → JSON-LD (each form) → toRdf is
    /// isomorphic to what the Turtle reader produced.
    func testRoundTripOverTurtleEvalSuite() throws {
        guard let dir = SharedData.conformance("turtle") else {
            print("JSON-LD writer Turtle-suite round trip: skipped (../shared/conformance/turtle not found)")
            throw XCTSkip("shared data not available")
        }
        var tally = ConformanceTally(suite: "json-ld writer round trip (turtle eval)")
        for e in try Manifest.load(dir.appendingPathComponent("manifest.ttl")) where e.hasType("TestTurtleEval") {
            guard let action = e.action else { continue }
            let x: Graph
            do { x = try readTurtle(action, base: e.publishedIRI(of: action)) } catch {
                tally.record(e.id, passed: false, message: "Turtle reader: \(error)")
                continue
            }
            var failures: [String] = []
            for writer in [JSONLDWriter(), JSONLDWriter(embed: true), JSONLDWriter(form: .flattened), JSONLDWriter(form: .expanded)] {
                do {
                    let out = OutputBuffer()
                    try writer.write(Dataset(x), to: out)
                    let back = try JSONLDReader().read(out.bytes)
                    if !Isomorphism.isIsomorphic(back.union, x) { failures.append("\(writer.form) embed=\(writer.embed): \(Isomorphism.difference(back.union, x))") }
                } catch {
                    failures.append("\(writer.form): \(error)")
                }
            }
            tally.record(e.id, passed: failures.isEmpty, message: failures.joined(separator: "; "))
        }
        tally.report()
        XCTAssertEqual(tally.passed, tally.total)
    }
}
