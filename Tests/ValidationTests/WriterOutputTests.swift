import Foundation
import JSONLD
import RDF
import RDFXML
import TestSupport
import Validation
import XCTest

/// The project's own writers' output validates against the bundled schemas: the sample graph
/// (one node of every kind in MODEL.md) written as RDF/XML and as compacted JSON-LD, as a plain
/// graph and as a dataset with a named graph per document.
final class WriterOutputTests: XCTestCase {
    func sampleDataset() throws -> Dataset {
        let graph = try parseTurtle(sampleGraphTurtle, base: nil)
        var dataset = Dataset(graph)
        // The N-Quads/JSON-LD dataset form: the document's facts in its own named graph too.
        let doc = Term.iri(IRI(unchecked: idNS + "doc-a1"))
        for t in graph.triples { dataset.insert(Quad(t.subject, t.predicate, t.object, graph: doc)) }
        return dataset
    }

    func testRDFXMLWriterOutputMatchesTheRelaxNGProfile() throws {
        let graph = try parseTurtle(sampleGraphTurtle, base: nil)
        let xml = try RDFXMLWriter().string(graph)
        let v = try RelaxNGValidator(schemaPath: TestFiles.schema("newsgraph.rng"))
        XCTAssertEqual(v.validate(.bytes(Array(xml.utf8), name: "sample.rdf")).map(ReportFormatter.line), [], xml)
    }

    func testJSONLDWriterOutputMatchesTheJSONSchema() throws {
        let v = try JSONSchemaValidator(schemaPath: TestFiles.schema("newsgraph.schema.json"))
        let graphOnly = try parseTurtle(sampleGraphTurtle, base: nil)
        for (name, dataset) in [("graph", Dataset(graphOnly)), ("dataset", try sampleDataset())] {
            for context in [JSONLDWriter.ContextChoice.reference(JSONLDWriter.projectContextIRI), .embedded] {
                let out = OutputBuffer()
                try JSONLDWriter(context: context).write(dataset, to: out)
                let findings = v.validate(bytes: out.bytes, file: "sample-\(name).jsonld")
                XCTAssertEqual(findings.map(ReportFormatter.line), [], out.string)
            }
        }
    }
}
