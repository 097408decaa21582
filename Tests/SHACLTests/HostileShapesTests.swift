import XCTest
import RDF
@testable import SHACL

/// Shapes graphs built to hurt: cycles, deep chains, huge lists. Each must finish quickly with
/// a clear outcome, never hang or overflow the stack.
final class HostileShapesTests: XCTestCase {
    func testNodeCycleTerminatesWithNote() throws {
        var g = GraphBuilder()
        g.add("ex:A", "sh:targetNode", "ex:x")
        g.add("ex:A", "sh:node", "ex:B")
        g.add("ex:B", "sh:node", "ex:A")
        g.add("ex:B", "sh:nodeKind", "sh:IRI")
        let r = SHACLValidator(shapes: try ShapesGraph(g.graph)).validate(Graph())
        XCTAssertTrue(r.conforms)
        XCTAssertEqual(r.notes.count, 1)
        XCTAssertTrue(r.notes[0].contains("recursive shape"), r.notes[0])
    }

    func testSelfReferenceThroughPropertyOnCyclicData() throws {
        // A recursive "linked list" shape over data with a cycle: the shape is re-entered for the same node.
        var g = GraphBuilder()
        g.add("ex:Node", "sh:targetClass", "ex:Item")
        g.add("ex:Node", "sh:property", "_:next")
        g.add("_:next", "sh:path", "ex:next")
        g.add("_:next", "sh:node", "ex:Node")
        g.add("_:next", "sh:maxCount", "'1'^^xsd:integer")
        var d = GraphBuilder()
        for i in 0..<50 {
            d.add("ex:i\(i)", "rdf:type", "ex:Item")
            d.add("ex:i\(i)", "ex:next", "ex:i\((i + 1) % 50)")
        }
        d.add("ex:i7", "ex:next", "ex:i9")
        let r = SHACLValidator(shapes: try ShapesGraph(g.graph)).validate(d.graph)
        XCTAssertFalse(r.conforms)
        XCTAssertTrue(r.results.contains { $0.componentName == "MaxCount" && $0.focusNode == GraphBuilder.term("ex:i7") })
        XCTAssertFalse(r.notes.isEmpty)
    }

    func testDeepShapeChainStopsWithResult() throws {
        var g = GraphBuilder()
        g.add("ex:S0", "sh:targetNode", "ex:x")
        for i in 0..<5000 { g.add("ex:S\(i)", "sh:node", "ex:S\(i + 1)") }
        let start = Date()
        let r = SHACLValidator(shapes: try ShapesGraph(g.graph)).validate(Graph())
        XCTAssertLessThan(Date().timeIntervalSince(start), 20)
        XCTAssertFalse(r.conforms)
        XCTAssertTrue(r.notes.contains { $0.contains("nested more than") })
    }

    func testDeepPropertyNesting() throws {
        var g = GraphBuilder()
        g.add("ex:S", "sh:targetNode", "ex:x")
        g.add("ex:S", "sh:property", "_:p0")
        for i in 0..<3000 {
            g.add("_:p\(i)", "sh:path", "ex:p")
            g.add("_:p\(i)", "sh:property", "_:p\(i + 1)")
        }
        g.add("_:p3000", "sh:path", "ex:p")
        var d = GraphBuilder()
        d.add("ex:x", "ex:p", "ex:x")
        let r = SHACLValidator(shapes: try ShapesGraph(g.graph)).validate(d.graph)
        XCTAssertFalse(r.conforms)
    }

    func testHugeInList() throws {
        var g = GraphBuilder()
        g.add("ex:S", "sh:targetSubjectsOf", "ex:p")
        g.add("ex:S", "sh:property", "_:ps")
        g.add("_:ps", "sh:path", "ex:p")
        let members = (0..<20_000).map { "'v\($0)'" }
        g.add("_:ps", "sh:in", g.list(members))
        var d = GraphBuilder()
        for i in 0..<1000 { d.add("ex:s\(i)", "ex:p", "'v\(i * 7)'") }
        d.add("ex:bad", "ex:p", "'nope'")
        let r = SHACLValidator(shapes: try ShapesGraph(g.graph)).validate(d.graph)
        XCTAssertEqual(r.results.map(\.focusNode), [GraphBuilder.term("ex:bad")])
    }

    func testLongLogicalLists() throws {
        var g = GraphBuilder()
        g.add("ex:S", "sh:targetNode", "ex:x")
        let members = (0..<2000).map { "ex:M\($0)" }
        for m in members { g.add(m, "sh:nodeKind", "sh:IRI") }
        g.add("ex:S", "sh:and", g.list(members))
        let r = SHACLValidator(shapes: try ShapesGraph(g.graph)).validate(Graph())
        XCTAssertTrue(r.conforms)
    }
}
