import Foundation
import JSON
import JSONLD
import RDF
import XCTest

final class DebugTests: XCTestCase {
    func testDebug() throws {
        guard let path = ProcessInfo.processInfo.environment["JSONLD_DEBUG_NQ"] else { return }
        let d = try TestNQuads.parse(try String(contentsOfFile: path, encoding: .utf8))
        for q in d { print(q, q.object.iri?.value ?? "", q.object.iri == Vocab.rdf.nil) }
        print(JSONWriter(style: .compact).string(try JSONLD.fromRDF(d)))
    }
}
