import Foundation
import RDF
import TestSupport
import Turtle
import XCTest

/// TriG (no W3C TriG suite is in ../shared, so these cover the grammar's block forms by hand).
final class TriGReaderTests: XCTestCase {
    func read(_ text: String) throws -> Dataset {
        var r = TurtleReader(source: InputSource(string: text, name: "t.trig"), base: "http://example.org/", syntax: .trig)
        return try r.readDataset()
    }

    func iri(_ s: String) -> Term { .iri(IRI(unchecked: "http://example.org/" + s)) }

    func testGraphBlocks() throws {
        let d = try read("""
        @prefix ex: <http://example.org/> .
        ex:a ex:p ex:b .
        GRAPH ex:g1 { ex:a ex:p ex:c . ex:a ex:q ( 1 2 ) }
        ex:g2 { ex:a ex:p [ ex:r "x" ] . }
        graph _:g3 { ex:a ex:p ex:d }
        [] { ex:a ex:p ex:e }
        { ex:a ex:p ex:f . ex:a ex:p ex:g . }
        [ ex:p ex:o ] .
        PREFIX ex2: <http://example.org/two/>
        <g4> {}
        """)
        XCTAssertTrue(d.contains(Quad(iri("a"), iri("p"), iri("b"))))
        XCTAssertTrue(d.contains(Quad(iri("a"), iri("p"), iri("c"), graph: iri("g1"))))
        XCTAssertEqual(d.graph(named: iri("g1")).count, 6)
        XCTAssertEqual(d.graph(named: iri("g2")).count, 2)
        XCTAssertEqual(d.graph(named: nil).count, 4)
        let blankGraphs = d.graphNames.filter(\.isBlank)
        XCTAssertEqual(blankGraphs.count, 2)
        XCTAssertEqual(d.count, 4 + 6 + 2 + 1 + 1)
    }

    func testErrors() {
        let bad = [
            "<http://e/g> { <http://e/s> <http://e/p> <http://e/o> ",        // missing }
            "<http://e/g> { <http://e/h> { } }",                              // nested graphs
            "{ @prefix ex: <http://e/> . }",                                  // directive inside a graph
            "GRAPH \"lit\" { }",                                              // literal graph name
            "GRAPH [ <http://e/p> 1 ] { }",                                   // graph name with properties
            "{ <http://e/s> <http://e/p> <http://e/o> <http://e/s> <http://e/p> <http://e/o> }", // no '.' between
        ]
        for b in bad { XCTAssertThrowsError(try read(b), b) }
        // Plain Turtle does not accept graph blocks.
        XCTAssertThrowsError(try parseTurtle("{ <http://e/s> <http://e/p> <http://e/o> }"))
    }
}
