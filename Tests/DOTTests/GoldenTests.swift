import Foundation
import RDF
import XCTest
@testable import DOT

final class DOTGoldenTests: XCTestCase {
    /// The exact bytes for the small Trump–Putin graph. When the style changes on purpose, rerun
    /// with NEWSGRAPH_PRINT_GOLDEN=1 and paste the printed text into GoldenSmall.swift.
    func testSmallGraphGolden() throws {
        let dot = try DOTWriter().string(SampleGraphs.small())
        if ProcessInfo.processInfo.environment["NEWSGRAPH_PRINT_GOLDEN"] != nil {
            try dot.write(toFile: "/tmp/newsgraph-golden-small.dot", atomically: true, encoding: .utf8)
        }
        XCTAssertEqual(dot, GoldenSmall.dot)
        DOTAssert.accepted(dot, name: "golden-small")
    }

    /// A plain list of triples, every one repeated and the list shuffled, is written exactly as
    /// its graph: the writer drops repeats itself (`convert` hands it the list, not a Graph).
    func testRepeatedTriplesGiveTheGraphsBytes() throws {
        for (name, graph) in [("small", SampleGraphs.small()), ("seeds", SampleGraphs.seedsLike())] {
            let triples = Array(graph)
            var generator = SystemRandomNumberGenerator()
            let repeated = (triples + triples + triples.prefix(triples.count / 2)).shuffled(using: &generator)
            var everything = DOTOptions(clusterBy: .document, includeProvenance: true, includeMentions: true, includeQuotations: true)
            everything.collapseRoles = false
            for options in [DOTOptions(), everything] {
                let out = OutputBuffer()
                try DOTWriter(options: options).write(triples: repeated, to: out)
                XCTAssertEqual(out.string, try DOTWriter(options: options).string(graph), name)
            }
        }
    }
}
