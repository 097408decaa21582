import Foundation
import RDF
import SHACL
import TestSupport
import Turtle
import Validation
import XCTest

/// What one engine said about one data graph: conformance and (focus node, component) pairs.
/// Blank focus nodes are written `_:` because engines label them differently.
struct EngineOutcome: Equatable, CustomStringConvertible {
    var conforms: Bool
    var results: Set<String>
    var focusNodes: Set<String> { Set(results.map { String($0.split(separator: " ")[0]) }) }
    var description: String { "conforms=\(conforms) " + results.sorted().joined(separator: "; ") }

    func has(focus: String, component: String) -> Bool { results.contains("\(focus) \(component)") }
}

func outcomeKey(focus: String, component: String) -> String {
    let f = focus.hasPrefix("_:") ? "_:" : focus
    let c = component.hasPrefix("http://www.w3.org/ns/shacl#") ? String(component.dropFirst("http://www.w3.org/ns/shacl#".count)) : component
    return "\(f) \(c)"
}

/// Runs pyshacl (when installed) over many data files with one shapes file, in one process.
enum PySHACL {
    static let script = """
    import sys, json, rdflib, pyshacl
    shapes = rdflib.Graph().parse(sys.argv[1], format="turtle")
    SH = rdflib.Namespace("http://www.w3.org/ns/shacl#")
    out = {}
    for path in sys.argv[2:]:
        data = rdflib.Graph().parse(path, format="turtle")
        conforms, report, _ = pyshacl.validate(data, shacl_graph=shapes, inference="none", advanced=False)
        results = []
        for r in report.subjects(rdflib.RDF.type, SH.ValidationResult):
            focus = report.value(r, SH.focusNode)
            comp = report.value(r, SH.sourceConstraintComponent)
            f = "_:" if isinstance(focus, rdflib.BNode) else str(focus)
            results.append([f, str(comp)])
        out[path] = {"conforms": bool(conforms), "results": results}
    json.dump(out, sys.stdout)
    """

    static var available: Bool {
        guard let r = try? run(["-c", "import pyshacl"]) else { return false }
        return r.status == 0
    }

    static func run(_ args: [String]) throws -> (status: Int32, out: Data, err: Data) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3"] + args
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, o, e)
    }

    static func validate(shapes: String, data: [String]) throws -> [String: EngineOutcome] {
        let r = try run(["-c", script, shapes] + data)
        guard r.status == 0 else {
            throw SyntaxError("pyshacl failed: " + String(decoding: r.err, as: UTF8.self))
        }
        let json = try JSONSerialization.jsonObject(with: r.out) as? [String: [String: Any]] ?? [:]
        var outcomes: [String: EngineOutcome] = [:]
        for (path, v) in json {
            let conforms = v["conforms"] as? Bool ?? false
            let results = (v["results"] as? [[String]] ?? []).map { outcomeKey(focus: $0[0], component: $0[1]) }
            outcomes[path] = EngineOutcome(conforms: conforms, results: Set(results))
        }
        return outcomes
    }
}

final class ShapesTests: XCTestCase {
    static let shapesPath = TestFiles.schema("shapes.ttl")

    func loadShapes() throws -> SHACLValidator {
        let text = try String(contentsOfFile: Self.shapesPath, encoding: .utf8)
        return SHACLValidator(shapes: try ShapesGraph(parseTurtle(text, base: nil)))
    }

    func ourOutcome(_ validator: SHACLValidator, _ turtle: String) throws -> EngineOutcome {
        let report = validator.validate(try parseTurtle(turtle, base: nil))
        let results = report.results.map { outcomeKey(focus: $0.focusNode.description.trimmingCharacters(in: CharacterSet(charactersIn: "<>")),
                                                     component: $0.sourceConstraintComponent.value) }
        return EngineOutcome(conforms: report.conforms, results: Set(results))
    }

    func testSampleGraphConforms() throws {
        let v = try loadShapes()
        let report = v.validate(try parseTurtle(sampleGraphTurtle, base: nil))
        XCTAssertTrue(report.conforms, report.results.map(\.description).joined(separator: "\n"))
    }

    /// Every shape catches the dataset broken in exactly its way, with a readable message.
    func testMutantsWithOurEngine() throws {
        let v = try loadShapes()
        for m in shapeMutants {
            let broken = mutate(sampleGraphTurtle, m.old, m.new)
            let outcome = try ourOutcome(v, broken)
            XCTAssertFalse(outcome.conforms, "\(m.name): not detected")
            XCTAssertTrue(outcome.has(focus: m.focus, component: m.component), "\(m.name): expected \(m.focus) \(m.component), got \(outcome)")
            // The findings carry the shape's message, not a generic one.
            let findings = SHACLFindings.findings(from: v.validate(try parseTurtle(broken, base: nil)), file: "broken.ttl")
            XCTAssertTrue(findings.allSatisfy { !$0.message.isEmpty && $0.stage == .shacl && $0.file == "broken.ttl" })
            XCTAssertTrue(findings.contains { $0.constraint == "sh:" + m.component }, "\(m.name): \(findings.map(ReportFormatter.line))")
        }
    }

    /// The same mutants through pyshacl, the reference implementation.
    func testMutantsWithPySHACL() throws {
        guard PySHACL.available else {
            print("pyshacl not installed (pip install pyshacl): skipping the pyshacl mutation test")
            throw XCTSkip("pyshacl not installed")
        }
        let dir = try TestFiles.scratch()
        var paths: [String] = [try TestFiles.write(sampleGraphTurtle, to: dir, as: "valid.ttl")]
        for (i, m) in shapeMutants.enumerated() {
            paths.append(try TestFiles.write(mutate(sampleGraphTurtle, m.old, m.new), to: dir, as: "mutant\(i).ttl"))
        }
        let outcomes = try PySHACL.validate(shapes: Self.shapesPath, data: paths)
        XCTAssertEqual(outcomes[paths[0]]?.conforms, true, "\(outcomes[paths[0]].map(\.description) ?? "missing")")
        for (i, m) in shapeMutants.enumerated() {
            guard let o = outcomes[paths[i + 1]] else { XCTFail("\(m.name): no pyshacl result"); continue }
            XCTAssertFalse(o.conforms, "\(m.name): pyshacl did not detect it")
            XCTAssertTrue(o.has(focus: m.focus, component: m.component), "\(m.name): pyshacl said \(o)")
        }
    }

    /// Our engine and pyshacl agree on conformance and focus nodes for every mutant.
    func testOurEngineAgreesWithPySHACL() throws {
        guard PySHACL.available else {
            print("pyshacl not installed (pip install pyshacl): skipping the engine agreement test")
            throw XCTSkip("pyshacl not installed")
        }
        let v = try loadShapes()
        let dir = try TestFiles.scratch()
        var texts = [sampleGraphTurtle]
        texts += shapeMutants.map { mutate(sampleGraphTurtle, $0.old, $0.new) }
        let paths = try texts.enumerated().map { try TestFiles.write($0.element, to: dir, as: "g\($0.offset).ttl") }
        let theirs = try PySHACL.validate(shapes: Self.shapesPath, data: paths)
        var agreed = 0
        for (i, text) in texts.enumerated() {
            let ours = try ourOutcome(v, text)
            guard let py = theirs[paths[i]] else { XCTFail("no pyshacl result for \(paths[i])"); continue }
            let name = i == 0 ? "valid sample" : shapeMutants[i - 1].name
            XCTAssertEqual(ours.conforms, py.conforms, "\(name)")
            XCTAssertEqual(ours.focusNodes, py.focusNodes, "\(name): ours \(ours) / pyshacl \(py)")
            XCTAssertEqual(ours.results, py.results, "\(name): ours \(ours) / pyshacl \(py)")
            if ours.conforms == py.conforms && ours.focusNodes == py.focusNodes { agreed += 1 }
        }
        print("shapes agreement with pyshacl: \(agreed)/\(texts.count) graphs")
    }
}

/// `newsgraph validate` takes focus positions from the engine, in result order, instead of
/// looking each focus node up; the findings must be the ones the lookup gives.
final class SHACLFindingsPositionTests: XCTestCase {
    func testPositionsInResultOrderAreTheLookedUpOnes() throws {
        let text = """
        @prefix schema: <http://schema.org/> .
        @prefix id: <https://w3id.org/newsgraph/id/> .
        id:p1 a schema:Person .
          id:p2 a schema:Person ; schema:name "A", "B" .
        _:x schema:name "c" .
        id:e1 a schema:Event ; schema:participant _:y ; schema:startDate "soon" .
        id:p1 schema:sameAs <http://example.org/not-wikidata> .
        """
        var reader = TurtleReader(source: InputSource(string: text, name: "d.ttl"))
        var builder = DataGraph.Builder()
        while let q = try reader.next() { builder.insert(q.triple, subjectAt: reader.subjectPosition) }
        let data = DataGraph(builder)
        let shapes = try String(contentsOfFile: ShapesTests.shapesPath, encoding: .utf8)
        let validator = SHACLValidator(shapes: try ShapesGraph(parseTurtle(shapes, base: nil)))
        let (report, positions) = validator.validateWithPositions(data)
        XCTAssertGreaterThan(report.results.count, 5)
        XCTAssertEqual(report, validator.validate(data))
        XCTAssertEqual(positions.count, report.results.count)
        XCTAssertTrue(positions.contains { $0 == nil }, "a focus node that is never a subject has no position")
        XCTAssertEqual(SHACLFindings.findings(from: report, file: "d.ttl", positions: positions),
                       SHACLFindings.findings(from: report, file: "d.ttl", position: data.subjectPosition(of:)))
    }
}
