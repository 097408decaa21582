import Foundation
import JSON
import JSONLD
import RDF
import XCTest

final class DebugTests: XCTestCase {
    func testDebug() throws {
        guard let path = ProcessInfo.processInfo.environment["JSONLD_DEBUG"] else { return }
        let v = try JSONParser.parse(Array(try Data(contentsOf: URL(fileURLWithPath: path))))
        var o = JSONLDOptions(base: "https://w3c.github.io/json-ld-api/tests/toRdf/x.jsonld")
        o.documentLoader = StandardDocumentLoader(mappings: [("https://w3c.github.io/json-ld-api/tests/", Shared.directory!.appendingPathComponent("conformance/json-ld").path)])
        let e = try JSONLD.expand(v, options: o)
        print(JSONWriter().string(e))
        for q in try JSONLD.toRDF(v, options: o).sorted() { print(q) }
    }
}
