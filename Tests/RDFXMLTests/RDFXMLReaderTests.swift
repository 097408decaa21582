import Foundation
import RDF
import RDFXML
import XCTest

final class RDFXMLReaderTests: XCTestCase {
    let rdfNS = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"

    func read(_ xml: String, base: String? = "http://example.org/doc", name: String = "test.rdf") throws -> Graph {
        var r = RDFXMLReader(source: InputSource(string: xml, name: name), base: base)
        return try r.readGraph()
    }

    func readError(_ xml: String, name: String = "test.rdf", file: StaticString = #filePath, line: UInt = #line) -> SyntaxError? {
        do {
            _ = try read(xml, name: name)
            XCTFail("expected an error", file: file, line: line)
            return nil
        } catch let e as SyntaxError {
            return e
        } catch {
            XCTFail("expected a SyntaxError, got \(error)", file: file, line: line)
            return nil
        }
    }

    func testBasicGrammar() throws {
        let g = try read("""
        <?xml version="1.0"?>
        <rdf:RDF xmlns:rdf="\(rdfNS)" xmlns:ex="http://example.org/ns#" xml:lang="en">
          <ex:Person rdf:about="#alice" ex:nick="Al">
            <ex:name>Alice</ex:name>
            <ex:age rdf:datatype="http://www.w3.org/2001/XMLSchema#integer">42</ex:age>
            <ex:knows rdf:resource="bob"/>
            <ex:address rdf:parseType="Resource"><ex:city xml:lang="">Paris</ex:city></ex:address>
            <ex:list rdf:parseType="Collection"><rdf:Description rdf:about="x"/><rdf:Description rdf:about="y"/></ex:list>
            <ex:bag><rdf:Bag><rdf:li>one</rdf:li><rdf:li>two</rdf:li></rdf:Bag></ex:bag>
            <ex:said rdf:ID="s1">hi</ex:said>
          </ex:Person>
        </rdf:RDF>
        """)
        let alice = Term.iri(IRI(unchecked: "http://example.org/doc#alice"))
        let ex = { (l: String) in IRI(unchecked: "http://example.org/ns#" + l) }
        XCTAssertTrue(g.contains(Triple(alice, Vocab.rdf.type, .iri(ex("Person")))))
        XCTAssertTrue(g.contains(Triple(alice, ex("nick"), .literal(Literal("Al", language: "en")))))
        XCTAssertTrue(g.contains(Triple(alice, ex("name"), .literal(Literal("Alice", language: "en")))))
        XCTAssertTrue(g.contains(Triple(alice, ex("age"), .literal(Literal("42", datatype: Vocab.xsd.integer)))))
        XCTAssertTrue(g.contains(Triple(alice, ex("knows"), .iri(IRI(unchecked: "http://example.org/bob")))))
        XCTAssertEqual(g.matching(predicate: .iri(ex("city"))).first?.object, .literal(Literal("Paris")))
        XCTAssertEqual(g.matching(predicate: .iri(Vocab.rdf.first)).count, 2)
        XCTAssertEqual(g.matching(predicate: .iri(Vocab.rdf.ns("_2"))).first?.object, .literal(Literal("two", language: "en")))
        let s1 = Term.iri(IRI(unchecked: "http://example.org/doc#s1"))
        XCTAssertTrue(g.contains(Triple(s1, Vocab.rdf.subject, alice)))
        XCTAssertTrue(g.contains(Triple(s1, Vocab.rdf.type, .iri(Vocab.rdf.Statement))))
        XCTAssertEqual(g.count, 21)
    }

    func testXMLLiteralIsExclusiveCanonical() throws {
        let g = try read("""
        <rdf:RDF xmlns:rdf="\(rdfNS)" xmlns:ex="http://example.org/" xmlns:h="http://www.w3.org/1999/xhtml">
          <rdf:Description rdf:about="http://example.org/a">
            <ex:p rdf:parseType="Literal"><h:b   class='x' >bold &amp; <br/></h:b><!-- c --> tail</ex:p>
          </rdf:Description>
        </rdf:RDF>
        """)
        let lit = try XCTUnwrap(g.triples.first?.object.literal)
        XCTAssertEqual(lit.datatype, Vocab.rdf.XMLLiteral)
        XCTAssertEqual(lit.lexicalForm, "<h:b xmlns:h=\"http://www.w3.org/1999/xhtml\" class=\"x\">bold &amp; <br></br></h:b><!-- c --> tail")
    }

    func testInternalEntitiesAreExpanded() throws {
        let g = try read("""
        <!DOCTYPE rdf:RDF [<!ENTITY ex "http://example.org/ns#">]>
        <rdf:RDF xmlns:rdf="\(rdfNS)"><rdf:Description rdf:about="&ex;a"><rdf:value>x &ex; y</rdf:value></rdf:Description></rdf:RDF>
        """)
        XCTAssertEqual(Array(g), [Triple(.iri(IRI(unchecked: "http://example.org/ns#a")), Vocab.rdf.value, .literal(Literal("x http://example.org/ns# y")))])
    }

    func testBillionLaughsFailsFast() throws {
        var decls = "<!ENTITY lol0 \"lol\">\n"
        for i in 1...9 { decls += "<!ENTITY lol\(i) \"" + String(repeating: "&lol\(i - 1);", count: 10) + "\">\n" }
        let xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE rdf:RDF [\n\(decls)]>\n<rdf:RDF xmlns:rdf=\"\(rdfNS)\"><rdf:Description rdf:about=\"http://a/\"><rdf:value>&lol9;</rdf:value></rdf:Description></rdf:RDF>"
        let start = ContinuousClock.now
        let e = readError(xml)
        XCTAssertLessThan(ContinuousClock.now - start, .seconds(2))
        XCTAssertTrue(e?.message.contains("entity") ?? false, e?.description ?? "")
        XCTAssertEqual(e?.file, "test.rdf")
        XCTAssertNotNil(e?.position)
    }

    func testBillionLaughsInAttributeFailsFast() throws {
        var decls = "<!ENTITY a0 \"aaaaaaaaaa\">\n"
        for i in 1...9 { decls += "<!ENTITY a\(i) \"" + String(repeating: "&a\(i - 1);", count: 10) + "\">\n" }
        let xml = "<!DOCTYPE rdf:RDF [\n\(decls)]>\n<rdf:RDF xmlns:rdf=\"\(rdfNS)\"><rdf:Description rdf:about=\"http://a/&a9;\"/></rdf:RDF>"
        let start = ContinuousClock.now
        let e = readError(xml)
        XCTAssertLessThan(ContinuousClock.now - start, .seconds(2))
        XCTAssertNotNil(e)
    }

    func testExternalEntityIsRefusedNotLoaded() throws {
        let xml = """
        <?xml version="1.0"?>
        <!DOCTYPE rdf:RDF [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
        <rdf:RDF xmlns:rdf="\(rdfNS)"><rdf:Description rdf:about="http://a/"><rdf:value>&xxe;</rdf:value></rdf:Description></rdf:RDF>
        """
        let e = readError(xml)
        XCTAssertTrue(e?.message.contains("external entity") ?? false, e?.description ?? "")
        XCTAssertTrue(e?.description.hasPrefix("test.rdf:3:") ?? false, e?.description ?? "")
        XCTAssertFalse(e?.description.contains("root:") ?? true)
    }

    func testExternalDTDIsNeverFetched() throws {
        // NONET and no DTDLOAD: the external subset is ignored, never fetched, so this parses offline.
        let g = try read("""
        <!DOCTYPE rdf:RDF SYSTEM "http://192.0.2.1/evil.dtd">
        <rdf:RDF xmlns:rdf="\(rdfNS)"><rdf:Description rdf:about="http://a/"><rdf:value>v</rdf:value></rdf:Description></rdf:RDF>
        """)
        XCTAssertEqual(g.count, 1)
    }

    func testDeepNestingIsAnErrorNotACrash() throws {
        let depth = 100_000
        var xml = "<rdf:RDF xmlns:rdf=\"\(rdfNS)\" xmlns:ex=\"http://example.org/\"><rdf:Description>"
        xml.reserveCapacity(depth * 70)
        for _ in 0..<depth { xml += "<ex:p rdf:parseType=\"Resource\">" }
        for _ in 0..<depth { xml += "</ex:p>" }
        xml += "</rdf:Description></rdf:RDF>"
        let e = readError(xml)
        XCTAssertTrue(e?.message.contains("deep") ?? false, e?.description ?? "")
    }

    func testInvalidUTF8IsAClearError() throws {
        var bytes = Array("<rdf:RDF xmlns:rdf=\"\(rdfNS)\">\n<rdf:Description rdf:about=\"http://a/\"><rdf:value>".utf8)
        bytes += [0xC3, 0x28, 0xFF]
        bytes += Array("</rdf:value></rdf:Description></rdf:RDF>".utf8)
        var r = RDFXMLReader(source: InputSource(bytes: bytes, name: "bad.rdf"), base: nil)
        XCTAssertThrowsError(try r.readGraph()) { error in
            let e = error as? SyntaxError
            XCTAssertTrue(e?.message.contains("UTF-8") ?? false, "\(error)")
            XCTAssertTrue(e?.description.hasPrefix("bad.rdf:2:") ?? false, "\(error)")
        }
    }

    func testGrammarErrorsNameFileLineColumn() throws {
        let cases: [(String, String)] = [
            ("<rdf:Description rdf:aboutEach=\"http://a/\"/>", "aboutEach"),
            ("<rdf:Description rdf:about=\"http://a/\"><rdf:value rdf:bagID=\"b\">x</rdf:value></rdf:Description>", "bagID"),
            ("<rdf:Description rdf:ID=\"a\"/><rdf:Description rdf:ID=\"a\"/>", "twice"),
            ("<rdf:li/>", "rdf:li"),
            ("<rdf:Description rdf:ID=\"1a\"/>", "NCName"),
            ("<rdf:Description rdf:about=\"http://a/\">text</rdf:Description>", "text"),
            ("<rdf:Description><rdf:value rdf:resource=\"http://a/\">text</rdf:value></rdf:Description>", "text"),
            ("<rdf:Description rdf:about=\"http://a/b c\"/>", "invalid IRI"),
            ("<rdf:Description rdf:about=\"http://a/%zz\"/>", "invalid IRI"),
        ]
        for (body, needle) in cases {
            let xml = "<rdf:RDF xmlns:rdf=\"\(rdfNS)\">\n\n  \(body)\n</rdf:RDF>"
            guard let e = readError(xml, name: "g.rdf") else { continue }
            XCTAssertTrue(e.message.contains(needle), "\(needle): \(e)")
            XCTAssertTrue(e.description.hasPrefix("g.rdf:3:"), "\(needle): \(e)")
        }
    }

    func testMalformedXMLReportsLibxml2Position() throws {
        let e = readError("<rdf:RDF xmlns:rdf=\"\(rdfNS)\">\n<rdf:Description>\n</rdf:RDF>", name: "m.rdf")
        XCTAssertTrue(e?.description.hasPrefix("m.rdf:3:") ?? false, e?.description ?? "")
        XCTAssertTrue(e?.message.contains("malformed XML") ?? false)
    }

    func testStreamsLargeInputInChunks() throws {
        // 50k triples through the chunked reader; the first triple arrives before the input is used up.
        var xml = "<rdf:RDF xmlns:rdf=\"\(rdfNS)\" xmlns:ex=\"http://example.org/\">\n"
        for i in 0..<50_000 { xml += "<rdf:Description rdf:about=\"http://example.org/s\(i)\"><ex:p>v\(i)</ex:p></rdf:Description>\n" }
        xml += "</rdf:RDF>\n"
        var r = RDFXMLReader(source: InputSource(string: xml), base: nil)
        var n = 0
        while try r.next() != nil { n += 1 }
        XCTAssertEqual(n, 50_000)
    }

    func testRDF12BaseDirectionOnlyInAnRDF12Document() throws {
        let body = "<rdf:Description rdf:about=\"http://a/\"><rdf:value xml:lang=\"ar\" its:dir=\"rtl\">x</rdf:value></rdf:Description></rdf:RDF>"
        let head = "<rdf:RDF xmlns:rdf=\"\(rdfNS)\" xmlns:its=\"http://www.w3.org/2005/11/its\" its:version=\"2.0\""
        XCTAssertEqual(try read(head + " rdf:version=\"1.2\">" + body).triples.first?.object, .literal(Literal("x", language: "ar", direction: "rtl")))
        XCTAssertEqual(try read(head + ">" + body).triples.first?.object, .literal(Literal("x", language: "ar")))
    }

    func testExternalParameterEntityAndAttributeEntityAreNeverLoaded() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("rdfxml-xxe-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let dtd = dir.appendingPathComponent("ext.dtd")
        try "<!ENTITY leak \"LEAKED\">".write(to: dtd, atomically: true, encoding: .utf8)
        let pe = """
        <!DOCTYPE rdf:RDF [<!ENTITY % p SYSTEM "\(dtd.absoluteString)"> %p;]>
        <rdf:RDF xmlns:rdf="\(rdfNS)"><rdf:Description rdf:about="http://a/"><rdf:value>&leak;</rdf:value></rdf:Description></rdf:RDF>
        """
        let e1 = readError(pe)
        XCTAssertFalse(e1?.description.contains("LEAKED") ?? true)
        let attr = """
        <!DOCTYPE rdf:RDF [<!ENTITY xxe SYSTEM "\(dtd.absoluteString)">]>
        <rdf:RDF xmlns:rdf="\(rdfNS)"><rdf:Description rdf:about="http://a/&xxe;"/></rdf:RDF>
        """
        let e2 = readError(attr)
        XCTAssertTrue(e2?.message.contains("external entity") ?? false, e2?.description ?? "")
    }
}
