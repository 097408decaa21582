import Foundation
import NTriples
import NewsGraphKit
import RDF
import RDFXML
import Turtle
import XCTest

/// `newsgraph convert` end to end: RDF/XML streams to N-Triples in document order, and the
/// sorting writers fed a plain list of triples give the same bytes as when fed a graph.
final class ConverterTests: XCTestCase {
    var dir: URL!

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("ng-convert-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    func file(_ name: String, _ text: String) throws -> String {
        let url = dir.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    func convert(_ path: String, from: RDFFormat, to: OutputFormat) throws -> String {
        let out = dir.appendingPathComponent("out-\(UUID().uuidString)").path
        try Converter.run(ConvertRequest(input: path, from: from, to: to, output: out))
        return try String(contentsOfFile: out, encoding: .utf8)
    }

    func testRDFXMLToNTriplesStreamsInDocumentOrder() throws {
        let path = try file("doc.rdf", """
        <?xml version="1.0"?>
        <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:s="http://schema.org/">
          <s:Person rdf:about="http://example.org/z">
            <s:name xml:lang="en">Zed</s:name>
            <s:knows><s:Person rdf:about="http://example.org/a"><s:name>A</s:name></s:Person></s:knows>
            <s:list rdf:parseType="Collection"><rdf:Description rdf:about="http://example.org/m"/></s:list>
          </s:Person>
          <rdf:Description rdf:about="http://example.org/b"><s:age rdf:datatype="http://www.w3.org/2001/XMLSchema#integer">7</s:age></rdf:Description>
        </rdf:RDF>
        """)
        let text = try convert(path, from: .rdfXML, to: .rdf(.nTriples))

        // The same quads, in the order the reader yields them (document order), not sorted.
        let expected = OutputBuffer()
        var writer = NTriplesWriter(output: expected)
        var reader = RDFXMLReader(source: try InputSource(path: path), base: RDFFiles.defaultBase(path))
        while let q = try reader.next() { try writer.write(q) }
        XCTAssertEqual(text, expected.string)
        let lines = text.split(separator: "\n")
        XCTAssertEqual(lines.count, 9)
        XCTAssertTrue(lines[0].hasPrefix("<http://example.org/z> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"), String(lines[0]))
        XCTAssertTrue(lines.last?.hasPrefix("<http://example.org/b>") ?? false)
        XCTAssertNotEqual(lines.map(String.init), lines.map(String.init).sorted(), "document order, not sorted order")
    }

    func testSortingWritersGetTheSameBytesFromAListAsFromAGraph() throws {
        let nt = """
        <http://example.org/b> <http://schema.org/name> "B"@EN .
        <http://example.org/a> <http://schema.org/knows> _:x .
        _:x <http://schema.org/name> "X" .
        <http://example.org/b> <http://schema.org/name> "B"@en .
        <http://example.org/a> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://schema.org/Person> .
        <http://example.org/a> <http://schema.org/knows> _:x .
        <http://example.org/a> <http://schema.org/age> "42"^^<http://www.w3.org/2001/XMLSchema#integer> .

        """
        let path = try file("in.nt", nt)
        let graph = try RDFFiles.read(path: path, format: .nTriples).union
        XCTAssertEqual(graph.count, 5, "a repeated triple, and a language tag differing only in case, count once")
        for target in [RDFFormat.turtle, .rdfXML] {
            let converted = try convert(path, from: .nTriples, to: .rdf(target))
            let direct = OutputBuffer()
            try RDFFiles.write(graph, as: .rdf(target), to: direct)
            XCTAssertEqual(converted, direct.string, "\(target)")
        }
        // The first of the equal literals is the one kept, as in a Graph.
        XCTAssertTrue(try convert(path, from: .nTriples, to: .rdf(.turtle)).contains("\"B\"@EN"))
    }
}
