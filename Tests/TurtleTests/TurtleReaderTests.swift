import Foundation
import RDF
import TestSupport
import Turtle
import XCTest

final class TurtleReaderTests: XCTestCase {
    func testSimpleStatements() throws {
        let g = try parseTurtle("""
        @prefix ex: <http://example.org/> .
        ex:a ex:b ex:c .
        """)
        XCTAssertEqual(g.count, 1)
    }
}
