import Foundation
import RDF
import TestSupport
import Turtle
import XCTest

final class TurtleReaderTests: XCTestCase {
    let ex = Namespace(prefix: "ex", iri: "http://example.org/")

    func parseError(_ text: String, base: String? = "http://example.org/") -> SyntaxError? {
        do { _ = try parseTurtle(text, base: base); return nil } catch { return error as? SyntaxError }
    }

    func testDirectivesAndPrefixesAfterParsing() throws {
        var r = TurtleReader(source: InputSource(string: """
        @prefix ex: <http://example.org/> .
        PREFIX dc: <http://purl.org/dc/terms/>
        prefix : <local#>
        BASE <http://other.example/dir/>
        @base <sub/> .
        <a> ex:p :x ; dc:title "t" .
        base:x ex:p ex:o .
        """.replacingOccurrences(of: "base:x", with: "ex:x")), base: "http://example.org/doc")
        let g = try r.readGraph()
        XCTAssertEqual(r.prefixes["ex"], "http://example.org/")
        XCTAssertEqual(r.prefixes[""], "http://example.org/local#")
        XCTAssertEqual(r.base, "http://other.example/dir/sub/")
        XCTAssertTrue(g.contains(Triple(.iri(IRI(unchecked: "http://other.example/dir/sub/a")), ex("p"), .iri(IRI(unchecked: "http://example.org/local#x")))))
        XCTAssertEqual(g.count, 3)
    }

    func testShorthandsCollectionsAndBlankNodes() throws {
        let g = try parseTurtle("""
        @prefix ex: <http://example.org/> .
        ex:s ex:i 1, -2, +3 ; ex:d 1.5, .5 ; ex:e 1e3, 1.E-2 ; ex:b true, false ; ex:l (1 (2) ()) ;
             ex:n [ ex:q "x"@en-GB ], [] ; ex:end 7.
        [ ex:p ex:o ] .
        ( ex:a ) ex:p ex:o .
        """)
        let objects = { (p: String) in g.matching(subject: .iri(self.ex("s")), predicate: .iri(self.ex(p))).map(\.object) }
        XCTAssertEqual(Set(objects("i")), [.literal(Literal("1", datatype: Vocab.xsd.integer)), .literal(Literal("-2", datatype: Vocab.xsd.integer)), .literal(Literal("+3", datatype: Vocab.xsd.integer))])
        XCTAssertEqual(Set(objects("d")), [.literal(Literal("1.5", datatype: Vocab.xsd.decimal)), .literal(Literal(".5", datatype: Vocab.xsd.decimal))])
        XCTAssertEqual(Set(objects("e")), [.literal(Literal("1e3", datatype: Vocab.xsd.double)), .literal(Literal("1.E-2", datatype: Vocab.xsd.double))])
        XCTAssertEqual(objects("end"), [.literal(Literal("7", datatype: Vocab.xsd.integer))])
        XCTAssertEqual(g.matching(predicate: .iri(Vocab.rdf.first)).count, 5)
        XCTAssertEqual(g.matching(predicate: .iri(ex("p"))).count, 2)
    }

    func testStringsAndEscapes() throws {
        let g = try parseTurtle(#"""
        @prefix ex: <http://example.org/> .
        ex:s ex:a 'single \' "' ; ex:b """long "" " with
        newline""" ; ex:c '''x''y''' ; ex:d "\u00E9\U0001F600\t" ; ex:e ex:loc\~al\.x%41 .
        """#)
        let o = { (p: String) in g.matching(predicate: .iri(self.ex(p))).first?.object }
        XCTAssertEqual(o("a"), .literal(Literal("single ' \"")))
        XCTAssertEqual(o("b"), .literal(Literal("long \"\" \" with\nnewline")))
        XCTAssertEqual(o("c"), .literal(Literal("x''y")))
        XCTAssertEqual(o("d"), .literal(Literal("é😀\t")))
        XCTAssertEqual(o("e"), .iri(IRI(unchecked: "http://example.org/loc~al.x%41")))
    }

    func testErrorsCarryFileLineAndColumn() {
        var r = TurtleReader(source: InputSource(string: "@prefix ex: <http://example.org/> .\nex:s ex:p\n   ex:o ex:q .\n", name: "doc.ttl"), base: nil)
        XCTAssertThrowsError(try r.readGraph()) { e in
            let e = e as? SyntaxError
            XCTAssertEqual(e?.file, "doc.ttl")
            XCTAssertEqual(e?.position?.line, 3)
            XCTAssertEqual(e?.position?.column, 9)
            XCTAssertEqual(e?.description.hasPrefix("doc.ttl:3:9: "), true, "\(String(describing: e))")
        }
        XCTAssertEqual(parseError("<http://e/s> <http://e/p> undefined:x .")?.message.contains("undefined prefix"), true)
        XCTAssertEqual(parseError("<s> <p> <o> .", base: nil)?.message.contains("no base"), true)
        XCTAssertNotNil(parseError("\"lit\" <http://e/p> <http://e/o> ."))
        XCTAssertNotNil(parseError("[] ."))
        XCTAssertNotNil(parseError("<http://e/s> <http://e/p> \"a\nb\" ."))
        XCTAssertNotNil(parseError("@prefix ex: <http://e/> "))
        XCTAssertNotNil(parseError("PREFIX ex: <http://e/> ."))
    }

    func testInvalidUTF8() {
        var bytes = Array("<http://e/s> <http://e/p> \"ok\" .\n<http://e/s> <http://e/p> \"x".utf8)
        bytes.append(0xFF)
        bytes += Array("\" .\n".utf8)
        var r = TurtleReader(source: InputSource(bytes: bytes, name: "u.ttl"), base: nil)
        XCTAssertThrowsError(try r.readGraph()) { e in
            let e = e as? SyntaxError
            XCTAssertEqual(e?.position?.line, 2)
            XCTAssertEqual(e?.position?.column, 29)
            XCTAssertEqual(e?.message.contains("UTF-8"), true)
        }
    }

    func testHostileNestingIsAnErrorNotACrash() {
        let deep = "<http://e/s> <http://e/p> " + String(repeating: "[ <http://e/p> ", count: 100_000) + "1" + String(repeating: " ]", count: 100_000) + " ."
        XCTAssertEqual(parseError(deep)?.message.contains("nesting"), true)
        let lists = "<http://e/s> <http://e/p> " + String(repeating: "(", count: 100_000) + String(repeating: ")", count: 100_000) + " ."
        XCTAssertEqual(parseError(lists)?.message.contains("nesting"), true)
        XCTAssertNotNil(parseError("<http://e/s> <http://e/p> \"" + String(repeating: "x", count: 200_000)))
        var r = TurtleReader(source: InputSource(string: "<http://e/s> <http://e/p> \"" + String(repeating: "x", count: 300_000) + "\" ."), base: nil)
        r.maxTokenLength = 100_000
        XCTAssertThrowsError(try r.readGraph()) { e in XCTAssertTrue("\(e)".contains("longer than"), "\(e)") }
    }

    /// Streaming: statements are delivered one at a time and input is read in blocks.
    func testStreamingLargeInput() throws {
        var text = "@prefix ex: <http://example.org/> .\n"
        for i in 0..<20_000 { text += "ex:s\(i) ex:p \"v \(i) ü\" ; ex:q (\(i) \(i + 1)) .\n" }
        var r = TurtleReader(source: InputSource(string: text), base: nil)
        var n = 0
        while try r.next() != nil { n += 1 }
        XCTAssertEqual(n, 20_000 * 6)
    }
}
