/// How bad a finding is. Ordered so that `--fail-on warning` means "warning or worse".
/// The names are SHACL's (sh:Violation, sh:Warning, sh:Info) because SHACL is the richest source
/// of findings; schema and syntax errors are violations.
public enum Severity: String, Sendable, Hashable, Comparable, CaseIterable {
    case info, warning, violation

    var rank: Int {
        switch self {
        case .info: return 0
        case .warning: return 1
        case .violation: return 2
        }
    }
    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }

    /// Parses `violation`, `warning`, `info` (case-insensitive; `error` means violation).
    public init?(name: String) {
        switch name.lowercased() {
        case "violation", "error", "sh:violation": self = .violation
        case "warning", "sh:warning": self = .warning
        case "info", "sh:info": self = .info
        default: return nil
        }
    }
}

/// The check that produced a finding. `newsgraph validate` runs them in this order and a CI
/// report shows one test case per stage, so a reader sees *where* a file failed.
public enum Stage: String, Sendable, Hashable, Comparable, CaseIterable {
    case syntax, schema, shacl

    var rank: Int {
        switch self {
        case .syntax: return 0
        case .schema: return 1
        case .shacl: return 2
        }
    }
    public static func < (a: Stage, b: Stage) -> Bool { a.rank < b.rank }
}

/// One problem found in one file, in the shape every formatter (text, json, junit) needs.
///
/// Positions are 1-based and optional because not every check has one: an XML Schema error has
/// a line, a SHACL result over a merged graph does not.
public struct Finding: Hashable, Sendable {
    public var severity: Severity
    public var stage: Stage
    public var file: String?
    public var line: Int?
    public var column: Int?
    /// The SHACL focus node (N-Triples form, e.g. `<https://…>`), or the JSON pointer / XML
    /// element path of the offending instance.
    public var focusNode: String?
    /// The SHACL result path (`<http://schema.org/name>` or a path expression).
    public var path: String?
    /// The constraint that failed: `sh:MinCountConstraintComponent`, `xsd`, `relaxng`,
    /// `json-schema:required`, `syntax`, ….
    public var constraint: String
    public var message: String
    /// Where the rule lives: the shape IRI, the schema file, or the keyword's schema location.
    public var source: String?
    /// The offending value, when there is one (a SHACL sh:value, say).
    public var value: String?

    public init(severity: Severity = .violation, stage: Stage, file: String? = nil, line: Int? = nil, column: Int? = nil,
                focusNode: String? = nil, path: String? = nil, constraint: String, message: String,
                source: String? = nil, value: String? = nil) {
        self.severity = severity; self.stage = stage; self.file = file; self.line = line; self.column = column
        self.focusNode = focusNode; self.path = path; self.constraint = constraint; self.message = message
        self.source = source; self.value = value
    }

    /// `FILE:LINE:COL` as far as it is known (what editors and CI annotators parse).
    public var location: String {
        var s = file ?? "<input>"
        if let line {
            s += ":\(line)"
            if let column { s += ":\(column)" }
        }
        return s
    }

    /// A total order for deterministic output: by file, stage, position, then text.
    public static func ordered(_ a: Finding, _ b: Finding) -> Bool {
        if (a.file ?? "") != (b.file ?? "") { return (a.file ?? "") < (b.file ?? "") }
        if a.stage != b.stage { return a.stage < b.stage }
        if (a.line ?? 0) != (b.line ?? 0) { return (a.line ?? 0) < (b.line ?? 0) }
        if (a.column ?? 0) != (b.column ?? 0) { return (a.column ?? 0) < (b.column ?? 0) }
        if (a.focusNode ?? "") != (b.focusNode ?? "") { return (a.focusNode ?? "") < (b.focusNode ?? "") }
        if (a.path ?? "") != (b.path ?? "") { return (a.path ?? "") < (b.path ?? "") }
        if a.constraint != b.constraint { return a.constraint < b.constraint }
        if a.message != b.message { return a.message < b.message }
        if (a.value ?? "") != (b.value ?? "") { return (a.value ?? "") < (b.value ?? "") }
        return a.severity > b.severity
    }
}

/// What happened to one file: which stages ran and what they found. A stage that ran with no
/// findings is a pass; a stage that did not run (skipped after a syntax error, or no schema for
/// the format) is reported as skipped rather than passed.
public struct FileReport: Hashable, Sendable {
    public var file: String
    /// The stages that ran, in order.
    public var stages: [Stage]
    public var findings: [Finding]
    /// Why a stage did not run (shown in JUnit as `<skipped>`).
    public var skipped: [Stage: String]

    public init(file: String, stages: [Stage] = [], findings: [Finding] = [], skipped: [Stage: String] = [:]) {
        self.file = file; self.stages = stages; self.findings = findings; self.skipped = skipped
    }

    /// Records that `stage` ran and produced `findings` (may be empty). Findings without a file
    /// name are attributed to this report's file.
    public mutating func record(_ stage: Stage, _ findings: [Finding]) {
        if !stages.contains(stage) { stages.append(stage) }
        skipped[stage] = nil
        var findings = findings
        for i in findings.indices where findings[i].file == nil { findings[i].file = file }
        // Taking the array whole when this is the first stage with findings spares a copy of
        // every finding (SHACL alone can report hundreds of thousands).
        if self.findings.isEmpty { self.findings = findings } else { self.findings += findings }
    }

    public mutating func skip(_ stage: Stage, reason: String) {
        if !stages.contains(stage) { skipped[stage] = reason }
    }

    public func findings(in stage: Stage) -> [Finding] {
        findings.filter { $0.stage == stage }.sorted(by: Finding.ordered)
    }

    public var worst: Severity? { findings.map(\.severity).max() }
}

/// The result of validating many files: what `newsgraph validate` prints and exits on.
public struct ValidationSummary: Hashable, Sendable {
    public var files: [FileReport]

    public init(files: [FileReport] = []) { self.files = files }

    public mutating func append(_ report: FileReport) { files.append(report) }

    /// All findings, in deterministic order.
    public var findings: [Finding] {
        var all: [Finding] = []
        all.reserveCapacity(findingCount)
        forEachFinding { all.append($0) }
        return all
    }

    /// How many findings there are, whatever their severity.
    public var findingCount: Int { files.reduce(0) { $0 + $1.findings.count } }

    /// Calls `body` with every finding in the order of ``findings``, without copying them into
    /// one array first (a report can hold hundreds of thousands).
    func forEachFinding(_ body: (Finding) -> Void) {
        // Sort small keys, not findings: moving or even comparing a finding retains and releases a
        // dozen strings, while file, stage, line and column (the first fields `Finding.ordered`
        // looks at) almost always decide. Only ties go to the full comparison, so the order is
        // exactly `Finding.ordered`'s (the sort is stable, as it was over the findings themselves).
        struct Key {
            var file: Int, stage: Int, line: Int, column: Int
            var report: Int, index: Int
        }
        var fileIDs: [String: Int] = [:], names: [String] = []
        var keys: [Key] = []
        keys.reserveCapacity(findingCount)
        for (k, r) in files.enumerated() {
            var last: (name: String, id: Int)? = nil
            for i in r.findings.indices {
                let name = r.findings[i].file ?? ""
                let id: Int
                if let last, last.name == name {
                    id = last.id
                } else if let known = fileIDs[name] {
                    id = known
                } else {
                    id = names.count
                    fileIDs[name] = id
                    names.append(name)
                }
                last = (name, id)
                keys.append(Key(file: id, stage: r.findings[i].stage.rank, line: r.findings[i].line ?? 0,
                                column: r.findings[i].column ?? 0, report: k, index: i))
            }
        }
        // File ids in first-seen order → ranks in name order.
        var rank = [Int](repeating: 0, count: names.count)
        for (r, id) in names.indices.sorted(by: { names[$0] < names[$1] }).enumerated() { rank[id] = r }
        keys.sort { a, b in
            if a.file != b.file { return rank[a.file] < rank[b.file] }
            if a.stage != b.stage { return a.stage < b.stage }
            if a.line != b.line { return a.line < b.line }
            if a.column != b.column { return a.column < b.column }
            return Finding.ordered(files[a.report].findings[a.index], files[b.report].findings[b.index])
        }
        for k in keys { body(files[k.report].findings[k.index]) }
    }

    public func count(_ severity: Severity) -> Int {
        var n = 0
        for r in files {
            for i in r.findings.indices where r.findings[i].severity == severity { n += 1 }
        }
        return n
    }

    /// True when nothing at `threshold` or worse was found; this is `--fail-on`'s decision.
    /// (`--fail-on warning` fails on warnings and violations, `--fail-on info` on anything.)
    public func passes(failOn threshold: Severity = .violation) -> Bool {
        !files.contains { $0.findings.contains { $0.severity >= threshold } }
    }

    /// Process exit status for `newsgraph validate`: 0 valid, 1 invalid (2, usage, is the CLI's).
    public func exitCode(failOn threshold: Severity = .violation) -> Int32 { passes(failOn: threshold) ? 0 : 1 }
}
