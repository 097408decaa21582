import XCTest
import RDF
@testable import SHACL

final class PathTests: XCTestCase {
    typealias B = GraphBuilder

    /// Values of a path given in RDF form (built by `make`) from ex:a over a fixed data graph.
    func values(_ make: (inout GraphBuilder) -> String) throws -> [String] {
        var g = GraphBuilder()
        let path = make(&g)
        g.add("ex:S", "sh:targetNode", "ex:a")
        g.add("ex:S", "sh:path", path)
        // Every value node is an IRI, so sh:nodeKind sh:Literal reports each one.
        g.add("ex:S", "sh:nodeKind", "sh:Literal")
        var d = GraphBuilder()
        d.add("ex:a", "ex:p", "ex:b"); d.add("ex:b", "ex:p", "ex:c"); d.add("ex:c", "ex:p", "ex:a")
        d.add("ex:b", "ex:q", "ex:d"); d.add("ex:e", "ex:p", "ex:a")
        let shapes = try ShapesGraph(g.graph)
        let r = SHACLValidator(shapes: shapes).validate(d.graph)
        return r.results.filter { $0.componentName == "NodeKind" }.compactMap { $0.value.map(Engine.show) }.sorted()
    }

    func testPathForms() throws {
        XCTAssertEqual(try values { _ in "ex:p" }, ["<http://example.org/b>"])
        XCTAssertEqual(try values { g in g.add("_:i", "sh:inversePath", "ex:p"); return "_:i" }, ["<http://example.org/c>", "<http://example.org/e>"])
        XCTAssertEqual(try values { g in g.list(["ex:p", "ex:q"]) }, ["<http://example.org/d>"])
        XCTAssertEqual(try values { g in g.add("_:alt", "sh:alternativePath", g.list(["ex:p", "ex:q"])); return "_:alt" }, ["<http://example.org/b>"])
        XCTAssertEqual(try values { g in g.add("_:z", "sh:zeroOrMorePath", "ex:p"); return "_:z" },
                       ["<http://example.org/a>", "<http://example.org/b>", "<http://example.org/c>"])
        XCTAssertEqual(try values { g in g.add("_:o", "sh:oneOrMorePath", "ex:p"); return "_:o" },
                       ["<http://example.org/a>", "<http://example.org/b>", "<http://example.org/c>"])
        XCTAssertEqual(try values { g in g.add("_:o", "sh:zeroOrOnePath", "ex:p"); return "_:o" }, ["<http://example.org/a>", "<http://example.org/b>"])
        // Nested: (^ex:p)/ex:q? — from a back to c and e, then optionally q (none).
        XCTAssertEqual(try values { g in
            g.add("_:inv", "sh:inversePath", "ex:p"); g.add("_:opt", "sh:zeroOrOnePath", "ex:q")
            return g.list(["_:inv", "_:opt"])
        }, ["<http://example.org/c>", "<http://example.org/e>"])
        // Inverse of a sequence: ^(p/p) from a is X with X p Y p a: Y is c or e, and only b has p to c.
        XCTAssertEqual(try values { g in g.add("_:inv", "sh:inversePath", g.list(["ex:p", "ex:p"])); return "_:inv" },
                       ["<http://example.org/b>"])
    }

    func testRDFFormRoundTrip() throws {
        let p = PropertyPath.sequence([.inverse(.predicate(B.iri("ex:p"))), .zeroOrMore(.alternative([.predicate(B.iri("ex:q")), .predicate(B.iri("ex:r"))]))])
        var g = Graph(), gen = BlankNodeGenerator()
        let node = p.rdf(into: &g, blankNodes: &gen)
        XCTAssertEqual(try PropertyPath.parse(node, in: GraphIndex(g), shape: node), p)
        XCTAssertEqual(p.description, "^<http://example.org/p>/(<http://example.org/q>|<http://example.org/r>)*")
    }

    func testMalformedPaths() {
        var g = GraphBuilder()
        g.add("ex:S", "sh:targetNode", "ex:a")
        g.add("ex:S", "sh:path", "_:bad")
        g.add("_:bad", "ex:nothing", "ex:p")
        XCTAssertThrowsError(try ShapesGraph(g.graph)) { e in XCTAssertTrue("\(e)".contains("not a well-formed property path"), "\(e)") }
        var deep = GraphBuilder()
        deep.add("ex:S", "sh:targetNode", "ex:a")
        deep.add("ex:S", "sh:path", "_:n0")
        for i in 0..<1000 { deep.add("_:n\(i)", "sh:inversePath", "_:n\(i + 1)") }
        deep.add("_:n1000", "sh:inversePath", "ex:p")
        XCTAssertThrowsError(try ShapesGraph(deep.graph)) { e in XCTAssertTrue("\(e)".contains("nested"), "\(e)") }
        var loop = GraphBuilder()
        loop.add("ex:S", "sh:targetNode", "ex:a")
        loop.add("ex:S", "sh:path", "_:x")
        loop.add("_:x", "sh:inversePath", "_:x")
        XCTAssertThrowsError(try ShapesGraph(loop.graph))
    }
}
