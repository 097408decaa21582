import Foundation
import JSON
import JSONLD
import NTriples
import RDF
import XCTest

/// The direct toRdf path (`JSONLD.toRDFDirectly`) must give exactly the general algorithm's dataset,
/// in the same order and with the same blank node labels, and decline what it does not cover;
/// `toRDFSortedQuads` must be the general path's quads sorted, each once.
final class JSONLDDirectToRDFTests: XCTestCase {
    /// nil when the direct path declined; otherwise whether it matches the general path.
    func compare(_ input: JSONValue, _ options: JSONLDOptions = JSONLDOptions(), label: String = "") throws -> Bool? {
        var general: [Quad] = []
        let generalError: Error?
        do { try JSONLD.toRDFGeneral(input, options: options) { general.append($0) }; generalError = nil } catch { generalError = error }
        guard let direct = try JSONLD.toRDFDirectly(input, options: options) else { return nil }
        if let generalError {
            print("\(label): the direct path accepted what the general path rejects: \(generalError)")
            return false
        }
        // The same dataset, in the same order, with the same blank node labels. (Where two values differ
        // only in JSON form, e.g. `true` and `{"@value": true, "@type": "xsd:boolean"}`, the general path
        // hands the sink the same quad twice and the direct path once.)
        let expected = Dataset(general)
        guard Dataset(direct) == expected, Array(Dataset(direct)) == Array(expected) else {
            print("\(label): direct \(direct.map(\.description).joined(separator: " | "))\n  general \(general.map(\.description).joined(separator: " | "))")
            return false
        }
        let sorted = try JSONLD.toRDFSortedQuads(input, options: options)
        guard sorted == expected.sorted() else {
            print("\(label): sorted quads differ from the general path's sorted dataset")
            return false
        }
        return true
    }

    func document(_ text: String) throws -> JSONValue { try JSONLD.parse(Array(text.utf8)) }

    /// Every W3C toRdf input the direct path accepts.
    func testW3CToRdfInputs() throws {
        guard let suite = JSONLDSuite("toRdf") else {
            print("json-ld direct toRdf: skipped (../shared/conformance/json-ld not found; set NEWSGRAPH_SHARED)")
            throw XCTSkip("W3C JSON-LD suite not available")
        }
        var accepted = 0, total = 0
        var failures: [String] = []
        for e in try suite.entries() {
            let (opts, _) = suite.options(e)
            guard let opts, let input = try? suite.json(e.input) else { continue }
            total += 1
            switch try compare(input, opts, label: e.id) {
            case nil: continue
            case true?: accepted += 1
            case false?: failures.append(e.id)
            }
        }
        print("json-ld direct toRdf: \(accepted) of \(total) W3C toRdf inputs taken by the direct path, \(failures.count) differ\(failures.isEmpty ? "" : ": " + failures.joined(separator: ", "))")
        XCTAssertEqual(failures, [])
        XCTAssertGreaterThan(accepted, 100)
    }

    /// The JSON-LD the project writes (generated benchmark data and the seeds graph) takes the direct path.
    func testWrittenDocuments() throws {
        let root = JSONLDCompactedWriterTests.packageRoot
        let generated = try GeneratedData.dataset(triples: 20000)
        // The benchmark's shape at 20,000 triples; the slower general writers' forms on a tenth of it.
        let part = Dataset(generated.prefix(2000))
        for (writer, data) in [(JSONLDWriter(), generated), (JSONLDWriter(style: .compact), generated),
                               (JSONLDWriter(form: .expanded), part), (JSONLDWriter(form: .flattened), part)] {
            let buffer = OutputBuffer()
            try writer.write(data, to: buffer)
            let doc = try JSONLD.parse(Array(buffer.string.utf8))
            XCTAssertEqual(try compare(doc, label: "generated \(writer.form)"), true, "generated data, \(writer.form)")
            XCTAssertTrue(Isomorphism.isIsomorphic(try JSONLD.toRDF(doc), data))
        }
        let seeds = root.appendingPathComponent("output/graph.jsonld")
        if let bytes = FileManager.default.contents(atPath: seeds.path) {
            var o = JSONLDOptions()
            o.base = "file://" + seeds.path
            XCTAssertEqual(try compare(try JSONLD.parse(Array(bytes)), o, label: "output/graph.jsonld"), true)
        }
    }

    /// Shapes the direct path covers, with blank nodes met in every position, and shapes it declines.
    func testCoveredAndDeclined() throws {
        let covered = [
            #"{"@context": {"@vocab": "http://e.org/", "k": {"@id": "http://e.org/k", "@type": "@id"}}, "@graph": [{"@id": "_:z", "@type": ["_:t", "T"], "k": ["_:y", "_:z"], "v": [{"@value": 1.5}, true, 7, "s", {"@value": "x", "@language": "EN"}], "n": {"q": {"@id": "_:y", "r": null}}}, {"@id": "_:y", "v": {"@value": null}}, {"@id": "_:only"}, {}, "scalar"]}"#,
            #"[{"@id": "http://e.org/a", "http://e.org/p": [{"@value": "d", "@type": "http://e.org/dt"}, {"@id": "http://e.org/b"}], "http://www.w3.org/1999/02/22-rdf-syntax-ns#type": {"@id": "http://e.org/C"}, "@type": "http://e.org/C"}]"#,
            #"{"@context": {"@vocab": "http://e.org/", "@language": "de", "id": "@id", "en": {"@id": "http://e.org/en", "@language": "en"}, "none": {"@id": "http://e.org/none", "@language": null}}, "id": "http://e.org/s", "x": "a", "en": "b", "none": "c", "http://e.org/x": "d"}"#,
        ]
        for (i, text) in covered.enumerated() {
            XCTAssertEqual(try compare(try document(text), label: "covered \(i)"), true, "covered \(i)")
        }
        let declined = [
            #"{"@context": {"@vocab": "http://e.org/"}, "@id": "http://e.org/g", "@graph": [{"@id": "http://e.org/a", "p": 1}]}"#,
            #"{"@context": {"@vocab": "http://e.org/", "l": {"@container": "@list"}}, "@id": "http://e.org/a", "l": [1, 2]}"#,
            #"{"@context": {"@vocab": "http://e.org/"}, "@id": "http://e.org/a", "p": {"@list": [1]}}"#,
            #"{"@context": {"@vocab": "http://e.org/"}, "@id": "http://e.org/a", "@reverse": {"p": {"@id": "http://e.org/b"}}}"#,
            #"{"@context": {"@vocab": "http://e.org/"}, "@id": "http://e.org/a", "p": {"@value": "x", "@direction": "rtl"}}"#,
            #"{"@context": {"@vocab": "http://e.org/"}, "@id": "http://e.org/a", "p": {"@context": {"q": "http://e.org/q"}, "q": 1}}"#,
            #"{"@context": {"@vocab": "http://e.org/"}, "@id": "http://e.org/a", "p": {"@value": "x", "@type": "http://e.org/t", "@language": "en"}}"#,
        ]
        for (i, text) in declined.enumerated() {
            XCTAssertNil(try compare(try document(text), label: "declined \(i)"), "declined \(i)")
        }
    }
}
