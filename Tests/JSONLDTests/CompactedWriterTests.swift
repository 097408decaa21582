import Foundation
import JSON
import JSONLD
import NTriples
import RDF
import XCTest

/// The direct compacted writer (`writeCompactedDirectly`) must give exactly the bytes of the
/// general path (fromRdf → compaction → ordering, what `document(for:)` returns), and must decline
/// the datasets it does not cover.
final class JSONLDCompactedWriterTests: XCTestCase {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// nil when the direct path declined; otherwise whether its bytes equal the general path's.
    func compare(_ d: Dataset, _ writer: JSONLDWriter = JSONLDWriter(), file: StaticString = #filePath, line: UInt = #line) throws -> Bool? {
        let direct = OutputBuffer()
        guard try writer.writeCompactedDirectly(d, to: direct) else {
            XCTAssertEqual(direct.string, "", "a declined dataset must leave the output untouched", file: file, line: line)
            return nil
        }
        let general = OutputBuffer()
        JSONWriter(style: writer.style).write(try writer.document(for: d), to: general)
        general.append(byte: 0x0A)
        if direct.string != general.string {
            let a = direct.string.split(separator: "\n", omittingEmptySubsequences: false)
            let b = general.string.split(separator: "\n", omittingEmptySubsequences: false)
            let i = (0..<min(a.count, b.count)).first { a[$0] != b[$0] } ?? min(a.count, b.count)
            print("first difference at line \(i + 1): direct \(i < a.count ? String(a[i]) : "<end>") | general \(i < b.count ? String(b[i]) : "<end>")")
            return false
        }
        return true
    }

    func parseNT(_ url: URL) throws -> Dataset {
        var reader = NTriplesReader(source: try InputSource(path: url.path), format: .nQuads)
        return try reader.readDataset()
    }

    func testSeedsOutputGraph() throws {
        let url = Self.packageRoot.appendingPathComponent("output/graph.nt")
        guard FileManager.default.fileExists(atPath: url.path) else { throw XCTSkip("output/graph.nt not found") }
        let d = try parseNT(url)
        XCTAssertGreaterThan(d.count, 100)
        for style in [JSONWriter.Style.pretty, .compact] {
            XCTAssertEqual(try compare(d, JSONLDWriter(style: style)), true, "seeds graph, \(style)")
        }
        XCTAssertEqual(try compare(d, JSONLDWriter(context: .reference(JSONLDWriter.projectContextIRI))), true)
    }

    func testGeneratedData() throws {
        let generated = try GeneratedData.dataset(triples: 20000)
        XCTAssertEqual(generated.count, 20000)
        XCTAssertEqual(try compare(generated), true, "generate.py 20000")
        XCTAssertEqual(try compare(JSONLDBenchmarkTests.generate(5000)), true, "JSONLDBenchmarkTests.generate")

        // A context with type coercion (@id, @vocab, datatype), a default and a term language, and @set.
        let context: JSONValue = try JSONParser.parse(Array("""
        {"@context": {"@vocab": "http://schema.org/", "xsd": "http://www.w3.org/2001/XMLSchema#",
          "ng": "https://w3id.org/newsgraph/id/", "@language": "en",
          "about": {"@id": "http://schema.org/about", "@type": "@id"},
          "nationality": {"@id": "http://schema.org/nationality", "@type": "@vocab"},
          "startDate": {"@id": "http://schema.org/startDate", "@type": "xsd:date"},
          "names": {"@id": "http://schema.org/name", "@container": "@set", "@language": null},
          "alternateName": {"@id": "http://schema.org/alternateName", "@language": "en"},
          "participant": {"@id": "http://schema.org/participant", "@type": "@id", "@container": "@set"},
          "identifier": "@id", "kind": "@type"}}
        """.utf8))
        for style in [JSONWriter.Style.pretty, .compact] {
            XCTAssertEqual(try compare(generated, JSONLDWriter(context: .custom(context), style: style)), true, "custom context, \(style)")
        }
    }

    /// Quads as a reader gives them, repeats included, give the bytes of the dataset they make.
    func testRepeatedQuads() throws {
        var quads = try GeneratedData.dataset(triples: 5000).quads.elements
        quads += quads.enumerated().filter { $0.offset % 7 == 0 }.map(\.element).reversed()
        // One subject with several types and several values of one predicate, each repeated.
        func iri(_ s: String) -> Term { .iri(IRI(unchecked: s)) }
        let s = iri("http://example.com/s"), name = Term.iri(IRI(unchecked: "http://schema.org/name"))
        let extra = [Quad(s, .iri(Vocab.rdf.type), iri("http://schema.org/Person")), Quad(s, .iri(Vocab.rdf.type), iri("http://schema.org/Thing")),
                     Quad(s, name, .literal(Literal("b"))), Quad(s, name, .literal(Literal("a"))),
                     Quad(s, name, .literal(Literal("a", language: "en")))]
        quads += extra + extra.reversed()
        let dataset = Dataset(quads)
        XCTAssertLessThan(dataset.count, quads.count)
        XCTAssertEqual(try compare(dataset), true)
        let fromQuads = OutputBuffer(), fromDataset = OutputBuffer()
        XCTAssertTrue(try JSONLDWriter().writeCompactedDirectly(quads: quads, to: fromQuads))
        XCTAssertTrue(try JSONLDWriter().writeCompactedDirectly(dataset, to: fromDataset))
        XCTAssertEqual(fromQuads.string, fromDataset.string)
        let viaWrite = OutputBuffer()
        try JSONLDWriter().write(quads: quads, to: viaWrite)
        XCTAssertEqual(viaWrite.string, fromDataset.string)
    }

    func testDeclinesWhatItDoesNotCover() throws {
        func iri(_ s: String) -> Term { .iri(IRI(unchecked: s)) }
        let s = iri("http://example.com/s"), p = IRI(unchecked: "http://example.com/p")
        var named = Dataset()
        named.insert(Quad(s, .iri(p), .literal(Literal("x")), graph: iri("http://example.com/g")))
        named.insert(Quad(iri("http://example.com/t"), .iri(p), .literal(Literal("y"))))
        XCTAssertNil(try compare(named))
        var list = Dataset()
        list.insert(Quad(s, .iri(p), .blank(BlankNode("l"))))
        list.insert(Quad(.blank(BlankNode("l")), .iri(Vocab.rdf.first), .literal(Literal("a"))))
        list.insert(Quad(.blank(BlankNode("l")), .iri(Vocab.rdf.rest), .iri(Vocab.rdf.nil)))
        XCTAssertNil(try compare(list))
        XCTAssertNil(try compare(Dataset()))
        var plain = Dataset()
        plain.insert(Quad(s, .iri(p), .blank(BlankNode("b"))))
        plain.insert(Quad(.blank(BlankNode("b")), .iri(p), .literal(Literal("1", datatype: Vocab.xsd.integer))))
        XCTAssertEqual(try compare(plain), true)
        XCTAssertNil(try compare(plain, JSONLDWriter(embed: true)))
        XCTAssertNil(try compare(plain, JSONLDWriter(form: .flattened)))
    }

    /// Every W3C fromRdf input and toRdf expected output (N-Quads) the direct path accepts.
    func testW3CDatasets() throws {
        // The suites' own vocabularies, with a default language and coerced terms, beside the project context.
        let exampleContext: JSONValue = try JSONParser.parse(Array("""
        {"@context": {"@vocab": "http://example.com/", "ex": "http://example.org/", "xsd": "http://www.w3.org/2001/XMLSchema#",
          "@language": "en", "knows": {"@id": "http://xmlns.com/foaf/0.1/knows", "@type": "@id"},
          "p": {"@id": "http://example.com/p", "@type": "@vocab"}, "date": {"@id": "http://example.com/date", "@type": "xsd:date"},
          "label": {"@id": "http://www.w3.org/2000/01/rdf-schema#label", "@language": null, "@container": "@set"}}}
        """.utf8))
        var qualified = 0, same = 0, total = 0
        var compared: [String: Int] = [:]
        var failures: [String] = []
        for name in ["fromRdf", "toRdf"] {
            guard let suite = JSONLDSuite(name) else {
                print("json-ld compacted writer identity: skipped (../shared/conformance/json-ld not found; set NEWSGRAPH_SHARED)")
                throw XCTSkip("W3C JSON-LD suite not available")
            }
            for e in try suite.entries() {
                let file = name == "fromRdf" ? e.input : e.expect
                guard let file, file.hasSuffix(".nq"), let text = try? suite.text(file), let d = try? TestNQuads.parse(text) else { continue }
                total += 1
                let writers = [("pretty", JSONLDWriter()), ("compact", JSONLDWriter(style: .compact)),
                               ("example context", JSONLDWriter(context: .custom(exampleContext)))]
                for (label, writer) in writers {
                    guard let ok = try? compare(d, writer) else { continue }
                    compared[label, default: 0] += 1
                    if label == "pretty" { qualified += 1 }
                    if ok { if label == "pretty" { same += 1 } } else { failures.append("\(name) \(e.id) \(label)") }
                }
            }
        }
        print("json-ld compacted writer identity: \(same)/\(qualified) byte-identical (\(qualified) of \(total) W3C datasets take the direct path; compared per writer: \(compared.sorted { $0.key < $1.key })")
        XCTAssertEqual(failures, [])
        XCTAssertGreaterThan(qualified, 50)
    }
}
