import RDF
import SHACL

/// Turns a SHACL ``SHACL/ValidationReport`` into ``Finding``s, so SHACL results print, sort and
/// fail CI exactly like syntax and schema errors. (The standard Turtle report, `--format shacl`,
/// is `report.graph()`; this is for the other formats.)
public enum SHACLFindings {
    /// One finding per result. A SHACL result is about a node of the graph, not a place in the
    /// file; `position` (e.g. ``SHACL/DataGraph/subjectPosition(of:)``) says where the focus node
    /// first appears as a subject, so the finding prints `FILE:LINE:COL` like a syntax error.
    public static func findings(from report: ValidationReport, file: String? = nil,
                                position: ((Term) -> TextPosition?)? = nil) -> [Finding] {
        var memo = Memo()
        return report.results.map { finding(from: $0, file: file, at: position?($0.focusNode), memo: &memo) }
    }

    /// One finding per result, with the focus nodes' positions given in result order (as
    /// ``SHACL/SHACLValidator/validateWithPositions(_:)`` returns them).
    package static func findings(from report: ValidationReport, file: String?, positions: [TextPosition?]) -> [Finding] {
        var memo = Memo()
        return report.results.indices.map { i in
            finding(from: report.results[i], file: file, at: i < positions.count ? positions[i] : nil, memo: &memo)
        }
    }

    public static func finding(from r: ValidationResult, file: String? = nil, at position: TextPosition? = nil) -> Finding {
        var memo = Memo()
        return finding(from: r, file: file, at: position, memo: &memo)
    }

    /// Texts that depend only on the shape, its path and the component. A report of 200 000 results
    /// repeats a handful of them, so each is rendered once rather than once per result.
    struct Memo {
        var paths = Cache<PropertyPath>(), shapes = Cache<Term>(), components = Cache<IRI>()
    }

    /// One rendered text per key; the last key is checked first because results come sorted by
    /// focus node and neighbours usually share their shape.
    struct Cache<Key: Hashable> {
        var last: (key: Key, text: String)?
        var table: [Key: String] = [:]

        mutating func text(_ key: Key, _ render: (Key) -> String) -> String {
            if let last, last.key == key { return last.text }
            let text: String
            if let known = table[key] {
                text = known
            } else {
                text = render(key)
                table[key] = text
            }
            last = (key, text)
            return text
        }
    }

    static func finding(from r: ValidationResult, file: String?, at position: TextPosition?, memo: inout Memo) -> Finding {
        let severity: Severity
        if r.severity == SHACL.Severity.warning { severity = .warning }
        else if r.severity == SHACL.Severity.info { severity = .info }
        else { severity = .violation }
        var message = r.message
        if message.isEmpty { message = "\(r.componentName) constraint not satisfied" }
        return Finding(
            severity: severity,
            stage: .shacl,
            file: file,
            line: position?.line,
            column: position?.column,
            focusNode: r.focusNode.description,
            path: r.resultPath.map { memo.paths.text($0) { $0.shortDescription() } },
            constraint: memo.components.text(r.sourceConstraintComponent) { compact($0.value) },
            message: message,
            source: memo.shapes.text(r.sourceShape) { $0.description },
            value: r.value?.description)
    }

    /// `sh:MinCountConstraintComponent` for SHACL's own components; other IRIs in `<…>`.
    static func compact(_ iri: String) -> String {
        let sh = "http://www.w3.org/ns/shacl#"
        if iri.hasPrefix(sh) { return "sh:" + iri.dropFirst(sh.count) }
        return "<" + iri + ">"
    }
}
