import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Validation
import XCTest

final class FormatterTests: XCTestCase {
    func sampleSummary() -> ValidationSummary {
        var a = FileReport(file: "out/a.ttl")
        a.record(.syntax, [])
        a.record(.shacl, [
            Finding(stage: .shacl, focusNode: "<https://w3id.org/newsgraph/id/person-x>", path: "schema:name",
                    constraint: "sh:MinCountConstraintComponent", message: "Every person needs a name",
                    source: "<https://w3id.org/newsgraph/shapes#NamedEntityShape-name>"),
            Finding(severity: .warning, stage: .shacl, focusNode: "<https://w3id.org/newsgraph/id/event-y>",
                    constraint: "sh:MinCountConstraintComponent", message: "line one\nline <two> & \"three\"\u{1}"),
        ])
        a.skip(.schema, reason: "no schema for Turtle")
        var b = FileReport(file: "out/b.rdf")
        b.record(.syntax, [])
        b.record(.schema, [Finding(stage: .schema, line: 12, column: 5, focusNode: "/rdf:RDF/schema:Person",
                                   constraint: "relaxng", message: "Element Person failed to validate attributes")])
        var c = FileReport(file: "out/c.jsonld")
        c.record(.syntax, [])
        c.record(.schema, [])
        return ValidationSummary(files: [a, b, c])
    }

    func testTextIsCompilerStyle() {
        let text = ReportFormatter().text(sampleSummary())
        XCTAssertEqual(text, """
        out/a.ttl: warning: line one line <two> & "three"\u{1} [sh:MinCountConstraintComponent] (focus <https://w3id.org/newsgraph/id/event-y>)
        out/a.ttl: violation: Every person needs a name [sh:MinCountConstraintComponent] (focus <https://w3id.org/newsgraph/id/person-x>, path schema:name)
        out/b.rdf:12:5: violation: Element Person failed to validate attributes [relaxng] (focus /rdf:RDF/schema:Person)
        3 files checked: 2 violations, 1 warning, 0 infos — 2 files failed (--fail-on violation)

        """)
    }

    func testFailOnDecision() {
        let s = sampleSummary()
        XCTAssertFalse(s.passes(failOn: .violation))
        XCTAssertEqual(s.exitCode(failOn: .violation), 1)
        var onlyWarning = ValidationSummary()
        var r = FileReport(file: "x")
        r.record(.shacl, [Finding(severity: .warning, stage: .shacl, constraint: "c", message: "m")])
        onlyWarning.append(r)
        XCTAssertTrue(onlyWarning.passes(failOn: .violation))
        XCTAssertFalse(onlyWarning.passes(failOn: .warning))
        XCTAssertFalse(onlyWarning.passes(failOn: .info))
        XCTAssertEqual(Severity(name: "WARNING"), .warning)
        XCTAssertNil(Severity(name: "fatal"))
        XCTAssertTrue(ValidationSummary().passes(failOn: .info))
    }

    func testJSONParsesAndHasStableKeys() throws {
        let f = ReportFormatter(failOn: .warning)
        let text = f.json(sampleSummary())
        XCTAssertEqual(text, f.json(sampleSummary()))
        let object = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
        XCTAssertEqual(object?["conforms"] as? Bool, false)
        XCTAssertEqual(object?["failOn"] as? String, "warning")
        let files = object?["files"] as? [[String: Any]]
        XCTAssertEqual(files?.count, 3)
        let finding = (files?[0]["findings"] as? [[String: Any]])?[0]
        XCTAssertEqual(finding?["message"] as? String, "line one\nline <two> & \"three\"\u{1}")
        XCTAssertEqual(Set(finding?.keys.map { $0 } ?? []),
                       ["column", "constraint", "file", "focusNode", "line", "message", "path", "severity", "source", "stage", "value"])
        XCTAssertEqual((files?[1]["findings"] as? [[String: Any]])?[0]["line"] as? Int, 12)
        XCTAssertEqual((object?["summary"] as? [String: Int])?["violations"], 2)
        XCTAssertEqual((files?[0]["skipped"] as? [String: String])?["schema"], "no schema for Turtle")
    }

    func testJUnitIsWellFormedAndCountsStages() throws {
        let xml = ReportFormatter().junit(sampleSummary())
        let doc = try XMLDocument(data: Data(xml.utf8))
        let suites = try doc.nodes(forXPath: "/testsuites/testsuite")
        XCTAssertEqual(suites.count, 3)
        XCTAssertEqual(try doc.nodes(forXPath: "/testsuites/@tests").first?.stringValue, "7")
        XCTAssertEqual(try doc.nodes(forXPath: "/testsuites/@failures").first?.stringValue, "2")
        XCTAssertEqual(try doc.nodes(forXPath: "/testsuites/@skipped").first?.stringValue, "1")
        let failure = try doc.nodes(forXPath: "//testsuite[@name='out/a.ttl']/testcase[@name='shacl']/failure").first as? XMLElement
        XCTAssertEqual(failure?.attribute(forName: "type")?.stringValue, "violation")
        XCTAssertTrue(failure?.stringValue?.contains("Every person needs a name") == true)
        // The warning is below --fail-on violation: it goes to system-out, escaped, control character replaced.
        let out = try doc.nodes(forXPath: "//testsuite[@name='out/a.ttl']/testcase[@name='shacl']/system-out").first?.stringValue
        XCTAssertTrue(out?.contains("line <two> & \"three\"\u{FFFD}") == true, out ?? "nil")
        XCTAssertEqual(try doc.nodes(forXPath: "//testsuite[@name='out/a.ttl']/testcase[@name='schema']/skipped").count, 1)
        XCTAssertEqual(try doc.nodes(forXPath: "//testsuite[@name='out/c.jsonld']/testcase/failure").count, 0)
    }
}
