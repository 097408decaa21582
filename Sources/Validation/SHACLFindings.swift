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
        report.results.map { finding(from: $0, file: file, at: position?($0.focusNode)) }
    }

    public static func finding(from r: ValidationResult, file: String? = nil, at position: TextPosition? = nil) -> Finding {
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
            path: r.resultPath?.shortDescription(),
            constraint: compact(r.sourceConstraintComponent.value),
            message: message,
            source: r.sourceShape.description,
            value: r.value?.description)
    }

    /// `sh:MinCountConstraintComponent` for SHACL's own components; other IRIs in `<…>`.
    static func compact(_ iri: String) -> String {
        let sh = "http://www.w3.org/ns/shacl#"
        if iri.hasPrefix(sh) { return "sh:" + iri.dropFirst(sh.count) }
        return "<" + iri + ">"
    }
}
