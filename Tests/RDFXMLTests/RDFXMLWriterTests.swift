import Foundation
import RDF
import RDFXML
import TestSupport
import XCTest

final class RDFXMLWriterTests: XCTestCase {
    func iri(_ s: String) -> Term { .iri(IRI(unchecked: s)) }

    func roundTrip(_ g: Graph, file: StaticString = #filePath, line: UInt = #line) throws -> String {
        let xml = try RDFXMLWriter().string(g)
        var r = RDFXMLReader(source: InputSource(string: xml), base: nil)
        let back = try r.readGraph()
        XCTAssertTrue(Isomorphism.isIsomorphic(g, back), Isomorphism.difference(g, back) + "\n" + xml, file: file, line: line)
        return xml
    }

    func testGoldenOutput() throws {
        let alice = iri("http://example.org/alice")
        let b = Term.blank(BlankNode("addr"))
        let g = Graph([
            Triple(alice, Vocab.schema.name, .literal(Literal("Alice & \"Bob\" <3 'x'", language: "en"))),
            Triple(alice, Vocab.rdf.type, .iri(Vocab.schema.Person)),
            Triple(alice, Vocab.schema.sameAs, iri("http://www.wikidata.org/entity/Q1?a=1&b=2")),
            Triple(alice, IRI(unchecked: "http://example.org/vocab/age"), .literal(Literal("42", datatype: Vocab.xsd.integer))),
            Triple(alice, IRI(unchecked: "http://example.org/vocab/address"), b),
            Triple(b, IRI(unchecked: "http://example.org/vocab/city"), .literal(Literal("Paris\r\n"))),
            Triple(iri("http://example.org/zed"), Vocab.rdfs.label, .literal(Literal(""))),
        ])
        let xml = try roundTrip(g)
        XCTAssertEqual(xml, """
        <?xml version="1.0" encoding="utf-8"?>
        <rdf:RDF
            xmlns:ns1="http://example.org/vocab/"
            xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
            xmlns:rdfs="http://www.w3.org/2000/01/rdf-schema#"
            xmlns:schema="http://schema.org/">
          <schema:Person rdf:about="http://example.org/alice">
            <ns1:address>
              <rdf:Description>
                <ns1:city>Paris&#13;
        </ns1:city>
              </rdf:Description>
            </ns1:address>
            <ns1:age rdf:datatype="http://www.w3.org/2001/XMLSchema#integer">42</ns1:age>
            <schema:name xml:lang="en">Alice &amp; "Bob" &lt;3 'x'</schema:name>
            <schema:sameAs rdf:resource="http://www.wikidata.org/entity/Q1?a=1&amp;b=2"/>
          </schema:Person>
          <rdf:Description rdf:about="http://example.org/zed">
            <rdfs:label></rdfs:label>
          </rdf:Description>
        </rdf:RDF>

        """)
    }

    func testDeterministicWhateverTheInsertionOrder() throws {
        var triples: [Triple] = []
        for i in 0..<50 {
            triples.append(Triple(iri("http://example.org/s\(i % 7)"), IRI(unchecked: "http://ex.org/p\(i % 3)"), .literal(Literal("v\(i)"))))
            triples.append(Triple(.blank(BlankNode("b\(i % 5)")), IRI(unchecked: "http://other.org/q"), .blank(BlankNode("b\((i + 1) % 5)"))))
        }
        let a = try RDFXMLWriter().string(Graph(triples))
        let b = try RDFXMLWriter().string(Graph(triples.reversed()))
        XCTAssertEqual(a, b)
        _ = try roundTrip(Graph(triples))
    }

    func testPrefixesGeneratedInSortedOrderAndOnlyUsedOnesDeclared() throws {
        let g = Graph([
            Triple(iri("http://z.org/s"), IRI(unchecked: "http://z.org/ns#p"), .literal(Literal("1"))),
            Triple(iri("http://z.org/s"), IRI(unchecked: "http://a.org/ns#p"), .literal(Literal("2"))),
        ])
        let xml = try roundTrip(g)
        XCTAssertTrue(xml.contains("xmlns:ns1=\"http://a.org/ns#\""))
        XCTAssertTrue(xml.contains("xmlns:ns2=\"http://z.org/ns#\""))
        XCTAssertFalse(xml.contains("schema"))
        XCTAssertFalse(xml.contains("xmlns:xsd"))
    }

    func testBlankNodeCyclesAndLongListsRoundTrip() throws {
        let p = IRI(unchecked: "http://ex.org/p")
        let a = Term.blank(BlankNode("a")), b = Term.blank(BlankNode("b"))
        _ = try roundTrip(Graph([Triple(a, p, b), Triple(b, p, a)]))
        _ = try roundTrip(Graph([Triple(a, p, a)]))
        // A 2,000-element RDF list: nesting is capped, so the output stays within libxml2's depth limit.
        var list: [Triple] = [Triple(iri("http://ex.org/s"), p, .blank(BlankNode("l0")))]
        for i in 0..<2000 {
            let cell = Term.blank(BlankNode("l\(i)"))
            list.append(Triple(cell, Vocab.rdf.first, .literal(Literal("\(i)"))))
            list.append(Triple(cell, Vocab.rdf.rest, i == 1999 ? .iri(Vocab.rdf.nil) : .blank(BlankNode("l\(i + 1)"))))
        }
        _ = try roundTrip(Graph(list))
        // Labels that are not NCNames are renamed, not written as broken rdf:nodeID values.
        let odd = Term.blank(BlankNode("1-x"))
        let xml = try roundTrip(Graph([Triple(odd, p, odd), Triple(iri("http://ex.org/s"), p, odd)]))
        XCTAssertTrue(xml.contains("rdf:nodeID=\"genid1\""), xml)
    }

    func testXMLLiterals() throws {
        let p = IRI(unchecked: "http://ex.org/p")
        let good = "<b xmlns=\"http://www.w3.org/1999/xhtml\">bold</b> text"
        let xml = try roundTrip(Graph([Triple(iri("http://ex.org/s"), p, .literal(Literal(good, datatype: Vocab.rdf.XMLLiteral)))]))
        XCTAssertTrue(xml.contains("rdf:parseType=\"Literal\">" + good + "</ns1:p>"), xml)
        for bad in ["<b>unclosed", "<x:b>undeclared prefix</x:b>", "<b/>", "a & b"] {
            let xml = try roundTrip(Graph([Triple(iri("http://ex.org/s"), p, .literal(Literal(bad, datatype: Vocab.rdf.XMLLiteral)))]))
            XCTAssertTrue(xml.contains("rdf:datatype=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#XMLLiteral\""), xml)
        }
    }

    func testRefusesWhatRDFXMLCannotHold() {
        let s = iri("http://ex.org/s"), p = IRI(unchecked: "http://ex.org/p")
        let cases: [(Graph, String)] = [
            (Graph([Triple(s, p, .literal(Literal("bell\u{7}")))]), "U+0007"),
            (Graph([Triple(s, p, .literal(Literal("\u{FFFE}")))]), "U+FFFE"),
            (Graph([Triple(s, IRI(unchecked: "http://ex.org/123"), s)]), "QName"),
            (Graph([Triple(s, IRI(unchecked: "http://ex.org/p/"), s)]), "QName"),
            (Graph([Triple(.literal(Literal("x")), p, s)]), "subject is a literal"),
            (Graph([Triple(s, .blank(BlankNode("p")), s)]), "predicate is not an IRI"),
            (Graph([Triple(s, Vocab.rdf.ns("li"), s)]), "syntax name"),
            (Graph([Triple(s, Vocab.rdf.ns("about"), s)]), "syntax name"),
            (Graph([Triple(s, p, .literal(Literal("x", language: "ar", direction: "rtl")))]), "direction"),
        ]
        for (g, needle) in cases {
            let out = OutputBuffer()
            XCTAssertThrowsError(try RDFXMLWriter().write(g, to: out), needle) { error in
                guard case let RDFError.unrepresentable(message) = error else { return XCTFail("\(error)") }
                XCTAssertTrue(message.contains(needle), message)
            }
            XCTAssertTrue(out.bytes.isEmpty, "nothing is written before a refusal")
        }
    }

    func testBaseMakesFragmentsRelative() throws {
        let g = Graph([Triple(iri("http://ex.org/doc#a"), IRI(unchecked: "http://ex.org/p"), iri("http://ex.org/doc"))])
        let xml = try RDFXMLWriter(base: "http://ex.org/doc").string(g)
        XCTAssertTrue(xml.contains("xml:base=\"http://ex.org/doc\""))
        XCTAssertTrue(xml.contains("rdf:about=\"#a\""))
        XCTAssertTrue(xml.contains("rdf:resource=\"\""))
        var r = RDFXMLReader(source: InputSource(string: xml), base: "http://elsewhere.org/")
        XCTAssertEqual(try r.readGraph(), g)
    }

    func testTypeThatCannotBeAnElementStaysAProperty() throws {
        let s = iri("http://ex.org/s")
        let xml = try roundTrip(Graph([
            Triple(s, Vocab.rdf.type, iri("http://ex.org/123")),
            Triple(s, Vocab.rdf.type, .iri(Vocab.rdf.ns("Description"))),
        ]))
        XCTAssertTrue(xml.contains("<rdf:Description rdf:about=\"http://ex.org/s\">"), xml)
    }

    /// When rapper (raptor2-utils) is installed, it must read our output to the same graph.
    func testRapperReadsOurOutput() throws {
        guard let rapper = ["/usr/bin/rapper", "/usr/local/bin/rapper"].first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            throw XCTSkip("rapper is not installed")
        }
        let g = Graph([
            Triple(iri("http://example.org/a"), Vocab.rdf.type, .iri(Vocab.schema.Person)),
            Triple(iri("http://example.org/a"), Vocab.schema.name, .literal(Literal("A & <b> \"c\"", language: "en-GB"))),
            Triple(iri("http://example.org/a"), IRI(unchecked: "http://ex.org/p"), .blank(BlankNode("x"))),
            Triple(.blank(BlankNode("x")), IRI(unchecked: "http://ex.org/q"), .literal(Literal("1", datatype: Vocab.xsd.integer))),
            Triple(.blank(BlankNode("y")), IRI(unchecked: "http://ex.org/q"), .blank(BlankNode("y"))),
        ])
        let xml = try RDFXMLWriter().string(g)
        let back = try RapperSupport.parse(xml, rapper: rapper)
        XCTAssertTrue(Isomorphism.isIsomorphic(g, back), Isomorphism.difference(g, back))
    }
}

/// Runs rapper on RDF/XML text and reads its N-Triples output.
enum RapperSupport {
    static func parse(_ xml: String, rapper: String) throws -> Graph {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("rdfxml-rapper-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("in.rdf")
        try xml.write(to: file, atomically: true, encoding: .utf8)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: rapper)
        p.arguments = ["-q", "-i", "rdfxml", "-o", "ntriples", file.path, "http://base.example/"]
        let pipe = Pipe()
        p.standardOutput = pipe
        p.standardError = FileHandle.nullDevice
        try p.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        // rapper exits with 2 when it only warned (e.g. about unknown rdf: names).
        guard p.terminationStatus == 0 || p.terminationStatus == 2 else { throw RDFError.io(path: file.path, message: "rapper exited with \(p.terminationStatus)") }
        return try parseNTriples(String(decoding: data, as: UTF8.self))
    }
}
