import Foundation
import XCTest

/// SHACL findings point into the file: `FILE:LINE:COL` of the first statement whose subject is
/// the focus node, for every syntax that keeps positions (JSON-LD does not: expansion loses them).
final class ValidatePositionTests: XCTestCase {
    var tmp: URL!
    override func setUpWithError() throws { tmp = try CLI.temporaryDirectory() }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: tmp) }

    func file(_ name: String, _ text: String) throws -> String {
        let url = tmp.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    /// The text output's line for person-a's missing name.
    func nameFinding(_ output: String) -> String? {
        output.split(separator: "\n").first { $0.contains("person-a") && $0.contains("MinCount") }.map(String.init)
    }

    /// A person without a name, first described on line 3 (indented by two spaces).
    static let nt = """
    <https://w3id.org/newsgraph/id/country-x> <http://schema.org/name> "X" .

      <https://w3id.org/newsgraph/id/person-a> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://schema.org/Person> .
    <https://w3id.org/newsgraph/id/person-a> <http://www.w3.org/ns/prov#wasDerivedFrom> <https://w3id.org/newsgraph/id/doc-1> .

    """

    func testNTriplesAndNQuadsFindingsHaveLineAndColumn() throws {
        for name in ["p.nt", "p.nq"] {
            let path = try file(name, Self.nt)
            let r = try CLI.run(["validate", path])
            XCTAssertEqual(r.status, 1, r.stdout + r.stderr)
            let line = nameFinding(r.stdout)
            XCTAssertTrue(line?.hasPrefix(path + ":3:3: violation:") ?? false, r.stdout)
        }
    }

    func testTurtleFindingsHaveLineAndColumnInEveryFormat() throws {
        let text = """
        @prefix schema: <http://schema.org/> .
        @prefix prov: <http://www.w3.org/ns/prov#> .
        @prefix ng: <https://w3id.org/newsgraph/id/> .

        ng:person-a a schema:Person ;
            prov:wasDerivedFrom ng:doc-1 .
        """
        let path = try file("p.ttl", text)
        let r = try CLI.run(["validate", path])
        XCTAssertEqual(r.status, 1, r.stdout + r.stderr)
        XCTAssertTrue(nameFinding(r.stdout)?.hasPrefix(path + ":5:1: violation:") ?? false, r.stdout)
        let json = try CLI.run(["validate", path, "--format", "json"])
        XCTAssertTrue(json.stdout.contains("{\"column\": 1, \"constraint\": \"sh:MinCountConstraintComponent\""), json.stdout)
        XCTAssertTrue(json.stdout.contains("\"line\": 5, "), json.stdout)
    }

    func testRDFXMLFindingsHaveTheElementLine() throws {
        let text = """
        <?xml version="1.0" encoding="utf-8"?>
        <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:schema="http://schema.org/"
                 xmlns:prov="http://www.w3.org/ns/prov#">
          <schema:Person rdf:about="https://w3id.org/newsgraph/id/person-a">
            <prov:wasDerivedFrom rdf:resource="https://w3id.org/newsgraph/id/doc-1"/>
          </schema:Person>
        </rdf:RDF>
        """
        let path = try file("p.rdf", text)
        let r = try CLI.run(["validate", path, "--no-schema"])
        XCTAssertEqual(r.status, 1, r.stdout + r.stderr)
        XCTAssertTrue(nameFinding(r.stdout)?.hasPrefix(path + ":4:1: violation:") ?? false, r.stdout)
    }
}
