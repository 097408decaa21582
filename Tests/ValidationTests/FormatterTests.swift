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

    /// Many findings over several files, with ties on position and findings that name another
    /// file, in a scrambled order.
    func manyFindings() -> ValidationSummary {
        var files: [FileReport] = []
        var seed: UInt64 = 42
        func next(_ n: Int) -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((seed >> 33) % UInt64(n))
        }
        for name in ["out/z.nt", "out/a.nt", "out/m.ttl"] {
            var r = FileReport(file: name)
            var fs: [Finding] = []
            for _ in 0..<400 {
                let line = next(4) == 0 ? nil : next(30) + 1
                fs.append(Finding(
                    severity: [.info, .warning, .violation][next(3)], stage: [.syntax, .schema, .shacl][next(3)],
                    file: next(10) == 0 ? "out/other.nt" : nil, line: line, column: line == nil ? nil : next(3) + 1,
                    focusNode: next(5) == 0 ? nil : "<http://example.org/n\(next(20))>", path: next(2) == 0 ? nil : "schema:p\(next(3))",
                    constraint: "sh:C\(next(3))", message: next(8) == 0 ? "two\nlines" : "m\(next(4))",
                    source: "<http://example.org/shape\(next(3))>", value: next(3) == 0 ? nil : "\"v\(next(3))\"\r\nx"))
            }
            r.record(.shacl, fs)
            files.append(r)
        }
        return ValidationSummary(files: files)
    }

    func testFindingsOrderIsTheStableSortByFindingOrdered() {
        let summary = manyFindings()
        let all = summary.files.flatMap(\.findings)
        let expected = all.indices.sorted { Finding.ordered(all[$0], all[$1]) }.map { all[$0] }
        XCTAssertEqual(summary.findings, expected)
        XCTAssertEqual(summary.findingCount, 1200)
        XCTAssertEqual(Severity.allCases.map(summary.count).reduce(0, +), 1200)
        XCTAssertEqual(summary.count(.warning), all.filter { $0.severity == .warning }.count)
    }

    /// The text report as it was first written, one string per piece, as the reference for the
    /// report that is now appended in place.
    func testTextLinesAreTheReferenceForm() {
        func single(_ s: String) -> String {
            s.split(whereSeparator: { $0 == "\n" || $0 == "\r" || $0 == "\r\n" }).joined(separator: " ")
        }
        func reference(_ f: Finding) -> String {
            var s = f.location + ": " + f.severity.rawValue + ": " + single(f.message) + " [" + f.constraint + "]"
            var extra: [String] = []
            if let focus = f.focusNode { extra.append("focus " + focus) }
            if let path = f.path { extra.append("path " + path) }
            if let value = f.value { extra.append("value " + single(value)) }
            if !extra.isEmpty { s += " (" + extra.joined(separator: ", ") + ")" }
            return s
        }
        let summary = manyFindings()
        let findings = summary.findings
        XCTAssertEqual(findings.map(ReportFormatter.line), findings.map(reference))
        let text = ReportFormatter(failOn: .warning).text(summary)
        XCTAssertEqual(text, findings.map { reference($0) + "\n" }.joined() + ReportFormatter(failOn: .warning).summaryLine(summary) + "\n")
    }
}
