import Foundation
import JSON
import XCTest

final class ContextFileTests: XCTestCase {
    /// The project context exists twice (Schemas/ for users, a resource for the writer); they must not drift.
    func testBundledProjectContextIsByteIdenticalToSchemasCopy() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let a = try Data(contentsOf: root.appendingPathComponent("Schemas/context.jsonld"))
        let b = try Data(contentsOf: root.appendingPathComponent("Sources/JSONLD/Resources/newsgraph-context.jsonld"))
        XCTAssertEqual(a, b)
        let v = try JSONParser.parse(Array(a), file: "Schemas/context.jsonld")
        XCTAssertEqual(v["@context"]?["@vocab"], "http://schema.org/")
    }
}
