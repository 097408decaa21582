import XCTest
import RDF

/// The term table (SHACL data graph, DOT resources): ids must follow RDF term identity exactly, or one node would
/// get two ids (and be validated as two) or two nodes one.
final class TermTableTests: XCTestCase {
    func testEqualTermsShareAnIDAndOthersDoNot() {
        let x = IRI(unchecked: "http://example.org/x")
        let terms: [Term] = [
            .iri(x), .blank(BlankNode("http://example.org/x")), .literal(Literal("http://example.org/x")),
            .literal(Literal("http://example.org/x", datatype: x)), .literal(Literal("a", language: "en")),
            .literal(Literal("a", language: "en-GB")), .literal(Literal("a", language: "en", direction: "ltr")),
            .literal(Literal("a", language: "en", direction: "rtl")), .literal(Literal("")), .iri(IRI(unchecked: "")),
            .literal(Literal("0123456789abcdef")), .literal(Literal("0123456789abcdeg")), .literal(Literal("é"))
        ]
        var table = TermTable()
        let ids = terms.map { table.intern($0) }
        XCTAssertEqual(ids, (0..<Int32(terms.count)).map { $0 })
        XCTAssertEqual(terms.map { table.intern($0) }, ids, "interning again gives the same ids")
        XCTAssertEqual(terms.map { table.lookup($0) }, ids)
        // Language tags compare case-insensitively (RDF 1.1 §3.3), as `Literal ==` does.
        XCTAssertEqual(table.lookup(.literal(Literal("a", language: "EN"))), ids[4])
        XCTAssertEqual(table.lookup(.literal(Literal("a", language: "en-gb"))), ids[5])
        XCTAssertNil(table.lookup(.literal(Literal("a", language: "de"))))
        XCTAssertNil(table.lookup(.literal(Literal("b", language: "en"))))
        XCTAssertNil(table.lookup(.iri(IRI(unchecked: "http://example.org/y"))))
    }

    func testGrowingKeepsEveryID() {
        var table = TermTable()
        let terms = (0..<5000).map { i -> Term in
            switch i % 3 {
            case 0: return .iri(IRI(unchecked: "http://example.org/n\(i)"))
            case 1: return .blank(BlankNode("b\(i)"))
            default: return .literal(Literal("\(i)", datatype: Vocab.xsd.integer))
            }
        }
        for (i, t) in terms.enumerated() { XCTAssertEqual(table.intern(t), Int32(i)) }
        for (i, t) in terms.enumerated() { XCTAssertEqual(table.lookup(t), Int32(i)) }
        XCTAssertEqual(table.count, terms.count)
        XCTAssertEqual(table.terms, terms)
    }
}
