import RDF
import XCTest

final class LiteralTests: XCTestCase {
    func testPlainLiteralIsXSDString() {
        XCTAssertEqual(Literal("x"), Literal("x", datatype: Vocab.xsd.string))
        XCTAssertTrue(Literal("x").isPlainString)
        XCTAssertNotEqual(Literal("x"), Literal("x", language: "en"))
        XCTAssertNotEqual(Literal("1", datatype: Vocab.xsd.integer), Literal("01", datatype: Vocab.xsd.integer))
    }

    func testLanguageTagsCompareCaseInsensitivelyButKeepTheirCase() {
        let a = Literal("chat", language: "en-GB"), b = Literal("chat", language: "EN-gb")
        XCTAssertEqual(a, b)
        XCTAssertEqual(a.hashValue, b.hashValue)
        XCTAssertEqual(Set([a, b]).count, 1)
        XCTAssertEqual(a.language, "en-GB")
        XCTAssertEqual(a.datatype, Vocab.rdf.langString)
        XCTAssertNotEqual(Literal("chat", language: "en"), Literal("chat", language: "fr"))
    }
}

final class GraphTests: XCTestCase {
    let s = Term.iri(IRI(unchecked: "http://e/s")), p = Term.iri(IRI(unchecked: "http://e/p"))

    func testSetSemanticsAndInsertionOrder() {
        var g = Graph()
        XCTAssertTrue(g.insert(Triple(s, p, .literal(Literal("b")))))
        XCTAssertTrue(g.insert(Triple(s, p, .literal(Literal("a")))))
        XCTAssertFalse(g.insert(Triple(s, p, .literal(Literal("b", datatype: Vocab.xsd.string)))))
        XCTAssertFalse(g.insert(Triple(s, p, .literal(Literal("a")))))
        XCTAssertEqual(g.count, 2)
        XCTAssertEqual(g.map(\.object), [.literal(Literal("b")), .literal(Literal("a"))])
        XCTAssertEqual(g.sorted().map(\.object), [.literal(Literal("a")), .literal(Literal("b"))])
        XCTAssertTrue(g.remove(Triple(s, p, .literal(Literal("a")))))
        XCTAssertEqual(g.count, 1)
    }

    func testTermOrderIsIRIsThenBlankNodesThenLiterals() {
        let terms: [Term] = [.literal(Literal("a")), .blank(BlankNode("x")), .iri(IRI(unchecked: "http://z")), .iri(IRI(unchecked: "http://a"))]
        XCTAssertEqual(terms.sorted(), [.iri(IRI(unchecked: "http://a")), .iri(IRI(unchecked: "http://z")), .blank(BlankNode("x")), .literal(Literal("a"))])
    }

    func testDatasetGraphs() {
        var d = Dataset()
        let g = Term.iri(IRI(unchecked: "http://e/g"))
        d.insert(Quad(s, p, s))
        d.insert(Quad(s, p, s, graph: g))
        XCTAssertFalse(d.insert(Quad(s, p, s, graph: g)))
        XCTAssertEqual(d.count, 2)
        XCTAssertEqual(d.graphNames, [g])
        XCTAssertEqual(d.graph(named: nil).count, 1)
        XCTAssertEqual(d.union.count, 1)
        XCTAssertEqual(d.sorted().first?.graph, nil)
    }
}

final class IsomorphismTests: XCTestCase {
    let p = Term.iri(IRI(unchecked: "http://e/p")), q = Term.iri(IRI(unchecked: "http://e/q"))
    func b(_ s: String) -> Term { .blank(BlankNode(s)) }
    func graph(_ triples: [(Term, Term, Term)]) -> Graph { Graph(triples.map { Triple($0.0, $0.1, $0.2) }) }

    func testRelabelledGraphsAreIsomorphic() {
        let g1 = graph([(b("a"), p, b("b")), (b("b"), q, .literal(Literal("x")))])
        let g2 = graph([(b("y"), p, b("z")), (b("z"), q, .literal(Literal("x")))])
        XCTAssertTrue(Isomorphism.isIsomorphic(g1, g2))
        let g3 = graph([(b("y"), p, b("z")), (b("y"), q, .literal(Literal("x")))])
        XCTAssertFalse(Isomorphism.isIsomorphic(g1, g3))
    }

    /// Cycles whose nodes all look alike: colour refinement alone cannot split them.
    func testSymmetricCycles() {
        func cycle(_ n: Int, _ prefix: String) -> [(Term, Term, Term)] { (0..<n).map { (b("\(prefix)\($0)"), p, b("\(prefix)\(($0 + 1) % n)")) } }
        let six = graph(cycle(6, "a"))
        let twoThrees = graph(cycle(3, "x") + cycle(3, "y"))
        XCTAssertEqual(six.count, twoThrees.count)
        XCTAssertFalse(Isomorphism.isIsomorphic(six, twoThrees), "one 6-cycle is not two 3-cycles")
        XCTAssertTrue(Isomorphism.isIsomorphic(six, graph(cycle(6, "z").reversed())))
        XCTAssertTrue(Isomorphism.isIsomorphic(twoThrees, graph(cycle(3, "m") + cycle(3, "n"))))
    }

    /// Two chains with the same shape but different ends.
    func testChainsThatDifferOnlyAtTheEnd() {
        let a = graph([(b("1"), p, b("2")), (b("2"), p, b("3")), (b("3"), q, .literal(Literal("end")))])
        let c = graph([(b("1"), p, b("2")), (b("2"), p, b("3")), (b("1"), q, .literal(Literal("end")))])
        XCTAssertFalse(Isomorphism.isIsomorphic(a, c))
        let d = graph([(b("c"), p, b("a")), (b("a"), p, b("b")), (b("b"), q, .literal(Literal("end")))])
        XCTAssertTrue(Isomorphism.isIsomorphic(a, d))
    }

    func testSameCountsDifferentStructure() {
        // Both: 3 blank nodes, 3 triples, all with predicate p.
        let star = graph([(b("c"), p, b("x")), (b("c"), p, b("y")), (b("c"), p, b("z"))])
        let path = graph([(b("c"), p, b("x")), (b("x"), p, b("y")), (b("y"), p, b("z"))])
        XCTAssertFalse(Isomorphism.isIsomorphic(star, path))
        XCTAssertFalse(Isomorphism.isIsomorphic(graph([(b("a"), p, b("a"))]), graph([(b("a"), p, b("b"))])))
    }

    func testGroundTriplesMustMatchExactly() {
        let i = Term.iri(IRI(unchecked: "http://e/i"))
        XCTAssertTrue(Isomorphism.isIsomorphic(graph([(i, p, i)]), graph([(i, p, i)])))
        XCTAssertFalse(Isomorphism.isIsomorphic(graph([(i, p, i)]), graph([(i, q, i)])))
        XCTAssertFalse(Isomorphism.isIsomorphic(graph([(i, p, b("x"))]), graph([(i, p, i)])))
    }

    func testDatasets() {
        let g1 = Term.iri(IRI(unchecked: "http://e/g"))
        let d1 = Dataset([Quad(b("a"), p, b("b"), graph: g1), Quad(b("b"), p, b("a"))])
        let d2 = Dataset([Quad(b("x"), p, b("y"), graph: g1), Quad(b("y"), p, b("x"))])
        let d3 = Dataset([Quad(b("x"), p, b("y")), Quad(b("y"), p, b("x"), graph: g1)])
        XCTAssertTrue(Isomorphism.isIsomorphic(d1, d2))
        XCTAssertTrue(Isomorphism.isIsomorphic(d1, d3), "swap of the two symmetric nodes")
        let d4 = Dataset([Quad(b("x"), p, b("y"), graph: g1), Quad(b("x"), p, b("y"))])
        XCTAssertFalse(Isomorphism.isIsomorphic(d1, d4))
    }
}
