import Foundation
import XCTest
import RDF
import NTriples
import Turtle
@testable import SHACL

/// The data graph as `newsgraph validate` builds it: straight from a reader, duplicate triples
/// removed, and each subject's first position kept for findings.
final class DataGraphTests: XCTestCase {
    static let shapes = """
    @prefix sh: <http://www.w3.org/ns/shacl#> .
    @prefix ex: <http://example.org/> .
    ex:S a sh:NodeShape ; sh:targetClass ex:C ;
        sh:property [ sh:path ex:name ; sh:minCount 1 ; sh:maxCount 1 ] .
    """

    func validator() throws -> SHACLValidator {
        var r = TurtleReader(source: InputSource(string: Self.shapes, name: "shapes.ttl"))
        return SHACLValidator(shapes: try ShapesGraph(try r.readGraph()))
    }

    static func iri(_ local: String) -> Term { .iri(IRI(unchecked: "http://example.org/" + local)) }

    func testNTriplesPositionsAreTheSubjectsFirstStatement() throws {
        let text = """
        # a comment
        <http://example.org/a> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://example.org/C> .
        <http://example.org/b> <http://example.org/name> "b" .
        \t  <http://example.org/b> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://example.org/C> .
          <http://example.org/c> <http://example.org/name> "c" .
        <http://example.org/a> <http://example.org/other> "x" .

        """
        var r = NTriplesReader(source: InputSource(string: text, name: "d.nt"))
        var b = DataGraph.Builder()
        while let q = try r.next() { b.insert(q.triple, subjectAt: r.subjectPosition) }
        let d = DataGraph(b)
        XCTAssertEqual(d.subjectPosition(of: Self.iri("a")), TextPosition(line: 2, column: 1))
        XCTAssertEqual(d.subjectPosition(of: Self.iri("b")), TextPosition(line: 3, column: 1))
        XCTAssertEqual(d.subjectPosition(of: Self.iri("c")), TextPosition(line: 5, column: 3))
        // A term that is only ever an object has no subject position.
        XCTAssertNil(d.subjectPosition(of: Self.iri("C")))
        XCTAssertNil(d.subjectPosition(of: Self.iri("never-seen")))
        let report = try validator().validate(d)
        XCTAssertEqual(report.results.map(\.focusNode), [Self.iri("a")])
    }

    func testTurtlePositionsIncludeNestedBlankNodesAndLists() throws {
        let text = """
        @prefix ex: <http://example.org/> .

        ex:a a ex:C ;
            ex:knows [ ex:name "inner" ] .
          ex:b ex:list ( 1 2 ) .
        ex:a ex:p 1 .
        """
        var r = TurtleReader(source: InputSource(string: text, name: "d.ttl"))
        var b = DataGraph.Builder()
        var blankSubjects: [(Term, TextPosition?)] = []
        while let q = try r.next() {
            b.insert(q.triple, subjectAt: r.subjectPosition)
            if case .blank = q.subject { blankSubjects.append((q.subject, r.subjectPosition)) }
        }
        let d = DataGraph(b)
        XCTAssertEqual(d.subjectPosition(of: Self.iri("a")), TextPosition(line: 3, column: 1))
        XCTAssertEqual(d.subjectPosition(of: Self.iri("b")), TextPosition(line: 5, column: 3))
        // A [ … ] node is described where its bracket opens; list cells where the list opens.
        let inner = try XCTUnwrap(blankSubjects.first)
        XCTAssertEqual(inner.1?.description, "4:14")
        XCTAssertEqual(d.subjectPosition(of: inner.0)?.description, "4:14")
        let cells = blankSubjects.dropFirst()
        XCTAssertEqual(cells.count, 4)
        XCTAssertTrue(cells.allSatisfy { $0.1?.description == "5:16" }, "\(cells)")
        XCTAssertEqual(try validator().validate(d).results.map(\.focusNode), [Self.iri("a")])
    }

    func testDuplicateTriplesCountOnce() throws {
        let name = "<http://example.org/a> <http://example.org/name> \"x\" .\n"
        let type = "<http://example.org/a> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://example.org/C> .\n"
        var r = NTriplesReader(source: InputSource(string: name + name + type + name + type, name: "d.nt"))
        var b = DataGraph.Builder()
        while let q = try r.next() { b.insert(q.triple, subjectAt: r.subjectPosition) }
        XCTAssertEqual(b.count, 5)
        let d = DataGraph(b)
        XCTAssertEqual(d.count, 2)
        // sh:maxCount 1 must not count the repeated triple as two values.
        let report = try validator().validate(d)
        XCTAssertTrue(report.conforms, "\(report.results)")
    }

    func testBuilderInAnyOrderGivesTheSameReportAsAGraph() throws {
        let g = BenchmarkTests.data(triples: 3000)
        let v = SHACLValidator(shapes: try ShapesGraph(BenchmarkTests.shapes()))
        var b = DataGraph.Builder()
        for t in g.sorted().reversed() { b.insert(t) }
        for t in g { b.insert(t) }
        let fromBuilder = v.validate(DataGraph(b))
        XCTAssertFalse(fromBuilder.conforms)
        XCTAssertEqual(fromBuilder.results, v.validate(g).results)
    }
}

/// The engine's result order.
final class EngineOrderTests: XCTestCase {
    /// The engine sorts results while they are ids; the order must be the one the public
    /// initialiser gives by sorting the results themselves.
    func testEngineOrderIsTheReportOrder() throws {
        let g = BenchmarkTests.data(triples: 20000)
        let report = SHACLValidator(shapes: try ShapesGraph(BenchmarkTests.shapes())).validate(g)
        XCTAssertGreaterThan(report.results.count, 50)
        XCTAssertEqual(ValidationReport(results: report.results.reversed(), notes: report.notes).results, report.results)
        XCTAssertEqual(ValidationReport(results: report.results.shuffled(), notes: report.notes).results, report.results)
    }
}

/// The fast matcher for simple sh:pattern values must agree with NSRegularExpression (ICU),
/// which handles every other pattern.
final class SimplePatternTests: XCTestCase {
    func testAgreesWithICU() throws {
        let patterns = [
            "^http://www\\.wikidata\\.org/entity/Q[1-9][0-9]*$", "^https://w3id\\.org/newsgraph/ontology#[A-Z]",
            "abc", "^abc", "abc$", "^a.c$", "\\$$", "^[^0-9]+$", "^[a-z-]{2,4}$", "^[A-Z]{2}$", "x?y+z*", "^\\.\\-\\$x$",
            "^a{3}$", "^a{2,}$", "^[a-c][x-z]?$", "é+", "^.$", "colou?r", "^[-a]$", "^$", "a.*b", "^[^a]*$",
        ]
        let inputs = ["", "a", "abc", "xabcx", "ab", "aaa", "aaaa", "http://www.wikidata.org/entity/Q42",
                      "http://www.wikidata.org/entity/Q042", "http://www.wikidata.org/entity/Q42\n",
                      "http://www.wikidata.org/entity/Q42\r\n", "http://www.wikidata.org/entity/Q42\n\n",
                      "http://wwwxwikidata.org/entity/Q1", "https://w3id.org/newsgraph/ontology#Meeting",
                      "https://w3id.org/newsgraph/ontology#meeting", "US", "USA", "ab-c", "xyz", "yy", "z", ".-$x", "a\n",
                      "\n", "héé", "color", "colour", "ay", "-", "b", "7", "a7", "a\nb", "a\u{2028}c", "a😀c", "😀", "$", "a$"]
        var compiled = 0
        for p in patterns {
            let regex = try NSRegularExpression(pattern: p)
            let simple = try XCTUnwrap(SimplePattern(p), "pattern \(p) should compile")
            compiled += 1
            for s in inputs {
                let icu = regex.firstMatch(in: s, range: NSRange(location: 0, length: (s as NSString).length)) != nil
                XCTAssertEqual(simple.matches(s), icu, "pattern \(p) on \(s.debugDescription)")
            }
        }
        XCTAssertEqual(compiled, patterns.count)
    }

    func testEverythingElseIsLeftToICU() {
        for p in ["^(a|b)$", "\\d", "[a-z-[aeiou]]", "a|b", "[]a]", "a*?", "\\p{L}", "x{99999}", "a\\$"] {
            XCTAssertNil(SimplePattern(p), p)
        }
    }

    func testLinearOnHostileInput() throws {
        // Backtracking blow-ups cannot happen: the NFA reads each scalar once.
        let p = try XCTUnwrap(SimplePattern("^a*a*a*a*a*a*a*a*b$"))
        let s = String(repeating: "a", count: 100_000)
        let start = Date()
        XCTAssertFalse(p.matches(s))
        XCTAssertTrue(p.matches(s + "b"))
        XCTAssertLessThan(Date().timeIntervalSince(start), 5)
    }
}
