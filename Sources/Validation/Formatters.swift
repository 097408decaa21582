/// The output forms of `newsgraph validate`. (`--format shacl`, the sh:ValidationReport in
/// Turtle, comes from the SHACL engine's report graph, not from findings.)
public enum ReportFormat: String, Sendable, CaseIterable {
    case text, json, junit
}

/// Turns a ``ValidationSummary`` into text for people, JSON for scripts and JUnit XML for CI.
/// Every form is deterministic: findings are sorted and keys are written in a fixed order.
public struct ReportFormatter: Sendable {
    /// Findings at or above this severity count as failures (`--fail-on`).
    public var failOn: Severity

    public init(failOn: Severity = .violation) { self.failOn = failOn }

    public func format(_ summary: ValidationSummary, as format: ReportFormat) -> String {
        switch format {
        case .text: return text(summary)
        case .json: return json(summary)
        case .junit: return junit(summary)
        }
    }

    // MARK: text

    /// One finding as a compiler would print it:
    /// `FILE:LINE:COL: violation: message [constraint] (focus <…>, path …)`.
    public static func line(_ f: Finding) -> String {
        var bytes: [UInt8] = []
        appendLine(f, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends ``line(_:)``'s UTF-8 to `out` piece by piece: a report of a million findings then
    /// costs copies into one growing buffer, not a dozen string appends per finding (each of
    /// which re-checks the string's storage and encoding).
    static func appendLine(_ f: Finding, to out: inout [UInt8]) {
        out.append(contentsOf: (f.file ?? "<input>").utf8)
        if let line = f.line {
            out.append(0x3A)
            out.append(contentsOf: String(line).utf8)
            if let column = f.column {
                out.append(0x3A)
                out.append(contentsOf: String(column).utf8)
            }
        }
        out.append(contentsOf: ": ".utf8)
        out.append(contentsOf: f.severity.rawValue.utf8)
        out.append(contentsOf: ": ".utf8)
        appendSingleLine(f.message, to: &out)
        out.append(contentsOf: " [".utf8)
        out.append(contentsOf: f.constraint.utf8)
        out.append(0x5D)
        var separator = " ("
        if let focus = f.focusNode {
            out.append(contentsOf: separator.utf8)
            out.append(contentsOf: "focus ".utf8)
            out.append(contentsOf: focus.utf8)
            separator = ", "
        }
        if let path = f.path {
            out.append(contentsOf: separator.utf8)
            out.append(contentsOf: "path ".utf8)
            out.append(contentsOf: path.utf8)
            separator = ", "
        }
        if let value = f.value {
            out.append(contentsOf: separator.utf8)
            out.append(contentsOf: "value ".utf8)
            appendSingleLine(value, to: &out)
            separator = ", "
        }
        if separator == ", " { out.append(0x29) }
    }

    /// Every finding, one per line, then a summary line.
    public func text(_ summary: ValidationSummary) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(summary.findingCount * 200 + 200)
        summary.forEachFinding { f in
            Self.appendLine(f, to: &out)
            out.append(0x0A)
        }
        out.append(contentsOf: summaryLine(summary).utf8)
        out.append(0x0A)
        return String(decoding: out, as: UTF8.self)
    }

    /// `3 files checked: 2 violations, 1 warning, 0 infos — 1 file failed (--fail-on violation)`.
    public func summaryLine(_ summary: ValidationSummary) -> String {
        let n = summary.files.count
        let failed = summary.files.filter { r in r.findings.contains { $0.severity >= failOn } }.count
        let v = summary.count(.violation), w = summary.count(.warning), i = summary.count(.info)
        var s = "\(n) \(plural(n, "file")) checked: \(v) \(plural(v, "violation")), \(w) \(plural(w, "warning")), \(i) \(plural(i, "info"))"
        s += failed == 0 ? " — valid" : " — \(failed) \(plural(failed, "file")) failed"
        s += " (--fail-on \(failOn.rawValue))"
        return s
    }

    // MARK: JSON

    /// `{"conforms":…,"failOn":…,"files":[{"file":…,"findings":[…],"skipped":{…},"stages":[…]}],"summary":{…}}`
    /// with keys in alphabetical order and absent fields as `null`, so scripts can rely on them.
    public func json(_ summary: ValidationSummary) -> String {
        var o = "{\n  \"conforms\": \(summary.passes(failOn: failOn)),\n  \"failOn\": \(Self.jsonString(failOn.rawValue)),\n  \"files\": ["
        for (k, r) in summary.files.enumerated() {
            o += k == 0 ? "\n" : ",\n"
            o += "    {\n      \"file\": \(Self.jsonString(r.file)),\n      \"findings\": ["
            for (j, f) in r.findings.sorted(by: Finding.ordered).enumerated() {
                o += j == 0 ? "\n" : ",\n"
                o += "        " + Self.jsonObject(f)
            }
            o += r.findings.isEmpty ? "],\n" : "\n      ],\n"
            let skipped = r.skipped.sorted { $0.key < $1.key }
            o += "      \"skipped\": {" + skipped.map { Self.jsonString($0.key.rawValue) + ": " + Self.jsonString($0.value) }.joined(separator: ", ") + "},\n"
            o += "      \"stages\": [" + r.stages.map { Self.jsonString($0.rawValue) }.joined(separator: ", ") + "],\n"
            o += "      \"valid\": \(!r.findings.contains { $0.severity >= failOn })\n    }"
        }
        o += summary.files.isEmpty ? "],\n" : "\n  ],\n"
        o += "  \"summary\": {\"files\": \(summary.files.count), \"infos\": \(summary.count(.info)), \"violations\": \(summary.count(.violation)), \"warnings\": \(summary.count(.warning))}\n}\n"
        return o
    }

    static func jsonObject(_ f: Finding) -> String {
        func s(_ v: String?) -> String { v.map(jsonString) ?? "null" }
        func n(_ v: Int?) -> String { v.map(String.init) ?? "null" }
        return "{\"column\": \(n(f.column)), \"constraint\": \(s(f.constraint)), \"file\": \(s(f.file)), \"focusNode\": \(s(f.focusNode)), "
            + "\"line\": \(n(f.line)), \"message\": \(s(f.message)), \"path\": \(s(f.path)), \"severity\": \(s(f.severity.rawValue)), "
            + "\"source\": \(s(f.source)), \"stage\": \(s(f.stage.rawValue)), \"value\": \(s(f.value))}"
    }

    /// A JSON string literal (RFC 8259 escaping; control characters as \u00XX).
    public static func jsonString(_ s: String) -> String {
        var o = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": o += "\\\""
            case "\\": o += "\\\\"
            case "\n": o += "\\n"
            case "\r": o += "\\r"
            case "\t": o += "\\t"
            default:
                if u.value < 0x20 || u.value == 0x7F {
                    let h = String(u.value, radix: 16, uppercase: true)
                    o += "\\u" + String(repeating: "0", count: 4 - h.count) + h
                } else {
                    o.unicodeScalars.append(u)
                }
            }
        }
        return o + "\""
    }

    // MARK: JUnit

    /// JUnit XML as Jenkins, GitLab and GitHub test reporters read it: one `<testsuite>` per
    /// file, one `<testcase>` per stage (syntax, schema, shacl). A stage with findings at or above
    /// `failOn` gets a `<failure>` listing them; milder findings go to `<system-out>`; a stage
    /// that did not run is `<skipped>`.
    public func junit(_ summary: ValidationSummary) -> String {
        var suites = ""
        var totalTests = 0, totalFailures = 0, totalSkipped = 0
        for r in summary.files {
            var cases = ""
            var tests = 0, failures = 0, skipped = 0
            for stage in Stage.allCases {
                let ran = r.stages.contains(stage)
                guard ran || r.skipped[stage] != nil else { continue }
                tests += 1
                cases += "    <testcase classname=\"\(Self.xmlEscape(r.file))\" name=\"\(stage.rawValue)\">\n"
                if !ran {
                    skipped += 1
                    cases += "      <skipped message=\"\(Self.xmlEscape(r.skipped[stage] ?? ""))\"/>\n"
                } else {
                    let fs = r.findings(in: stage)
                    let failing = fs.filter { $0.severity >= failOn }
                    let other = fs.filter { $0.severity < failOn }
                    if !failing.isEmpty {
                        failures += 1
                        let worst = failing.map(\.severity).max() ?? .violation
                        let first = Self.singleLine(failing[0].message)
                        let head = failing.count == 1 ? first : "\(failing.count) findings; first: " + first
                        cases += "      <failure type=\"\(worst.rawValue)\" message=\"\(Self.xmlEscape(head))\">"
                        cases += Self.xmlEscape(failing.map(Self.line).joined(separator: "\n"))
                        cases += "</failure>\n"
                    }
                    if !other.isEmpty {
                        cases += "      <system-out>" + Self.xmlEscape(other.map(Self.line).joined(separator: "\n")) + "</system-out>\n"
                    }
                }
                cases += "    </testcase>\n"
            }
            totalTests += tests; totalFailures += failures; totalSkipped += skipped
            suites += "  <testsuite name=\"\(Self.xmlEscape(r.file))\" tests=\"\(tests)\" failures=\"\(failures)\" errors=\"0\" skipped=\"\(skipped)\">\n"
            suites += cases
            suites += "  </testsuite>\n"
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<testsuites name=\"newsgraph validate\" tests=\"\(totalTests)\" failures=\"\(totalFailures)\" errors=\"0\" skipped=\"\(totalSkipped)\">\n"
            + suites + "</testsuites>\n"
    }

    /// Escapes text for XML content and attribute values. Characters XML 1.0 cannot carry at all
    /// (most C0 controls, U+FFFE, U+FFFF) become U+FFFD so the report always parses.
    public static func xmlEscape(_ s: String) -> String {
        var o = ""
        o.reserveCapacity(s.utf8.count)
        for u in s.unicodeScalars {
            switch u {
            case "&": o += "&amp;"
            case "<": o += "&lt;"
            case ">": o += "&gt;"
            case "\"": o += "&quot;"
            case "'": o += "&apos;"
            case "\n": o += "&#10;"
            case "\r": o += "&#13;"
            case "\t": o += "&#9;"
            default:
                if u.value < 0x20 || u.value == 0xFFFE || u.value == 0xFFFF {
                    o += "\u{FFFD}"
                } else {
                    o.unicodeScalars.append(u)
                }
            }
        }
        return o
    }

    static func singleLine(_ s: String) -> String {
        guard hasLineBreak(s) else { return s }
        return s.split(whereSeparator: { $0 == "\n" || $0 == "\r" || $0 == "\r\n" }).joined(separator: " ")
    }

    /// Whether `s` holds a CR or LF; scans the contiguous UTF-8 directly when it can (iterating
    /// the UTF-8 view costs an index step per byte).
    static func hasLineBreak(_ s: String) -> Bool {
        func isBreak(_ b: UInt8) -> Bool { b == 0x0A || b == 0x0D }
        return s.utf8.withContiguousStorageIfAvailable { $0.contains(where: isBreak) } ?? s.utf8.contains(where: isBreak)
    }

    static func appendSingleLine(_ text: String, to out: inout [UInt8]) {
        if hasLineBreak(text) {
            out.append(contentsOf: singleLine(text).utf8)
        } else {
            out.append(contentsOf: text.utf8)
        }
    }

    func plural(_ n: Int, _ word: String) -> String { n == 1 ? word : word + "s" }
}
