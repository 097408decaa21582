import Foundation
import NTriples
import RDF
import TestSupport
import Turtle
import XCTest

/// The W3C RDF 1.1 Turtle suite (`../shared/conformance/turtle`): syntax tests, and eval tests
/// compared with the expected N-Triples under graph isomorphism.
final class TurtleConformanceTests: XCTestCase {
    static let testBase = "https://w3c.github.io/rdf-tests/rdf/rdf11/rdf-turtle/"

    func testTurtleSuite() throws {
        guard let dir = SharedData.conformance("turtle") else {
            print("turtle conformance: skipped (../shared/conformance/turtle not found; set NEWSGRAPH_SHARED)")
            throw XCTSkip("shared conformance data not found")
        }
        let entries = try Manifest.load(dir.appendingPathComponent("manifest.ttl"))
        var tally = ConformanceTally(suite: "turtle")
        for e in entries {
            guard let action = e.action else { tally.record(e.id, passed: false, message: "no mf:action"); continue }
            let base = e.publishedIRI(of: action, testBase: e.assumedTestBase ?? Self.testBase)
            let outcome = Result { try readTurtle(action, base: base) }
            if e.hasType("TestTurtleNegativeSyntax") || e.hasType("TestTurtleNegativeEval") {
                switch outcome {
                case .success: tally.record(e.id, passed: false, message: "invalid input accepted")
                case .failure(let error): tally.record(e.id, passed: error is SyntaxError, message: "\(error)")
                }
            } else if e.hasType("TestTurtlePositiveSyntax") {
                switch outcome {
                case .success: tally.record(e.id, passed: true)
                case .failure(let error): tally.record(e.id, passed: false, message: "\(error)")
                }
            } else if e.hasType("TestTurtleEval") {
                guard let resultURL = e.result else { tally.record(e.id, passed: false, message: "no mf:result"); continue }
                switch outcome {
                case .failure(let error): tally.record(e.id, passed: false, message: "\(error)")
                case .success(let graph):
                    do {
                        let expected = try readNTriples(resultURL)
                        let same = Isomorphism.isIsomorphic(graph, expected)
                        tally.record(e.id, passed: same, message: same ? "" : Isomorphism.difference(graph, expected))
                    } catch {
                        tally.record(e.id, passed: false, message: "expected result unreadable: \(error)")
                    }
                }
            } else {
                tally.record(e.id, passed: false, message: "unknown test type \(e.typeNames)")
            }
        }
        tally.report()
        XCTAssertEqual(tally.total, 313)
        XCTAssertEqual(tally.passed, tally.total, tally.summary)
    }
}
