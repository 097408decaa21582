import Foundation
import XCTest

/// `newsgraph validate` as CI uses it: exit codes, locations, and every report format.
final class ValidateCommandTests: XCTestCase {
    var tmp: URL!
    override func setUpWithError() throws { tmp = try CLI.temporaryDirectory() }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: tmp) }

    func file(_ name: String, _ text: String) throws -> String {
        let url = tmp.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    static let person = "<https://w3id.org/newsgraph/id/person-a> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://schema.org/Person> .\n"

    func testShapeViolationFailsWithFocusNodeAndPath() throws {
        let path = try file("p.nt", Self.person)
        let r = try CLI.run(["validate", path])
        XCTAssertEqual(r.status, 1, r.stdout + r.stderr)
        XCTAssertTrue(r.stdout.contains("person-a"), r.stdout)
        XCTAssertTrue(r.stdout.contains("schema:name"), r.stdout)
        XCTAssertTrue(r.stdout.contains("MinCount"), r.stdout)
    }

    func testSyntaxErrorHasLineAndColumn() throws {
        let path = try file("bad.nt", Self.person + "<https://w3id.org/newsgraph/id/person-a> <http://schema.org/name> \"x .\n")
        let r = try CLI.run(["validate", path])
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.stdout.contains(path + ":2:"), r.stdout)
    }

    func testReportFormats() throws {
        let path = try file("p.nt", Self.person)
        let junit = try CLI.run(["validate", path, "--format", "junit"])
        XCTAssertEqual(junit.status, 1)
        XCTAssertTrue(junit.stdout.hasPrefix("<?xml"), junit.stdout)
        XCTAssertTrue(junit.stdout.contains("<failure"), junit.stdout)
        let json = try CLI.run(["validate", path, "--format", "json"])
        XCTAssertEqual(json.status, 1)
        XCTAssertNoThrow(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)))
        let shacl = try CLI.run(["validate", path, "--format", "shacl", "--output", tmp.appendingPathComponent("report.ttl").path])
        XCTAssertEqual(shacl.status, 1)
        let report = try String(contentsOf: tmp.appendingPathComponent("report.ttl"), encoding: .utf8)
        XCTAssertTrue(report.contains("sh:ValidationReport"), report)
        // The report is itself valid Turtle: convert reads it back.
        let back = try CLI.run(["convert", tmp.appendingPathComponent("report.ttl").path, "--to", "nt"])
        XCTAssertEqual(back.status, 0, back.stderr)
        XCTAssertTrue(back.stdout.contains("http://www.w3.org/ns/shacl#conforms"), back.stdout)
    }

    func testFailOnWarningAndUsageErrors() throws {
        let ok = try file("ok.ttl", "@prefix schema: <http://schema.org/> .\n<https://w3id.org/newsgraph/id/x> schema:text \"t\" .\n")
        XCTAssertEqual(try CLI.run(["validate", ok]).status, 0)
        XCTAssertEqual(try CLI.run(["validate", ok, "--fail-on", "sometimes"]).status, 2)
        XCTAssertEqual(try CLI.run(["validate", ok, "--format", "yaml"]).status, 2)
        XCTAssertEqual(try CLI.run(["validate", tmp.appendingPathComponent("missing.ttl").path]).status, 2)
        let shapes = try file("broken-shapes.ttl", "@prefix sh: <http://www.w3.org/ns/shacl#> .\n<s> a sh:NodeShape ; sh:minCount \"x\" .\n")
        let r = try CLI.run(["validate", ok, "--shapes", shapes])
        XCTAssertNotEqual(r.status, 0)
        XCTAssertFalse(r.uncaughtSignal)
    }

    func testHostileXMLFailsFast() throws {
        let laughs = """
        <?xml version="1.0"?>
        <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
        <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;"><!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
        <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;"><!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
        <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;"><!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
        <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">]>
        <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:s="http://schema.org/">
        <rdf:Description rdf:about="http://e/x"><s:name>&lol9;</s:name></rdf:Description></rdf:RDF>
        """
        let path = try file("lol.rdf", laughs)
        let start = Date()
        let r = try CLI.run(["validate", path], timeout: 60)
        XCTAssertEqual(r.status, 1, r.stdout + r.stderr)
        XCTAssertLessThan(Date().timeIntervalSince(start), 30)
        let xxe = try file("xxe.rdf", """
        <?xml version="1.0"?>
        <!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>
        <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:s="http://schema.org/">
        <rdf:Description rdf:about="http://e/x"><s:name>&x;</s:name></rdf:Description></rdf:RDF>
        """)
        let x = try CLI.run(["convert", xxe, "--to", "nt"])
        XCTAssertEqual(x.status, 1, x.stderr)
        XCTAssertFalse(x.stdout.contains("root:"), "no file content leaks")
    }
}
