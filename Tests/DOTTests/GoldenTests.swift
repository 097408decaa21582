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
}
