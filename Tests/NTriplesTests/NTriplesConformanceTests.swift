import Foundation
import NTriples
import RDF
import TestSupport
import XCTest

/// The W3C RDF 1.1 N-Triples and N-Quads suites (`../shared/conformance/{ntriples,nquads}`).
final class NTriplesConformanceTests: XCTestCase {
    func testNTriplesSuite() throws {
        try runSuite(folder: "ntriples", suite: "ntriples", format: .nTriples, expectedTotal: 70)
    }

    func testNQuadsSuite() throws {
        try runSuite(folder: "nquads", suite: "nquads", format: .nQuads, expectedTotal: 87)
    }

    func runSuite(folder: String, suite: String, format: NTriplesFormat, expectedTotal: Int) throws {
        guard let dir = SharedData.conformance(folder) else {
            print("\(suite) conformance: skipped (../shared/conformance/\(folder) not found; set NEWSGRAPH_SHARED)")
            throw XCTSkip("shared conformance data not found")
        }
        let entries = try Manifest.load(dir.appendingPathComponent("manifest.ttl"))
        var tally = ConformanceTally(suite: suite)
        for e in entries {
            guard let action = e.action else { tally.record(e.id, passed: false, message: "no mf:action"); continue }
            let outcome: Result<Dataset, Error> = Result {
                var r = NTriplesReader(source: try InputSource(path: action.path), format: format)
                return try r.readDataset()
            }
            if e.typeNames.contains(where: { $0.hasSuffix("NegativeSyntax") }) {
                switch outcome {
                case .success: tally.record(e.id, passed: false, message: "invalid input accepted")
                case .failure(let error):
                    tally.record(e.id, passed: error is SyntaxError, message: "\(error)")
                }
            } else if e.typeNames.contains(where: { $0.hasSuffix("PositiveSyntax") }) {
                switch outcome {
                case .success: tally.record(e.id, passed: true)
                case .failure(let error): tally.record(e.id, passed: false, message: "\(error)")
                }
            } else {
                tally.record(e.id, passed: false, message: "unknown test type \(e.typeNames)")
            }
        }
        tally.report()
        XCTAssertEqual(tally.total, expectedTotal)
        XCTAssertEqual(tally.passed, tally.total, tally.summary)
    }
}
