import RDF
import SHACL

/// Turns a SHACL ``SHACL/ValidationReport`` into ``Finding``s, so SHACL results print, sort and
/// fail CI exactly like syntax and schema errors. (The standard Turtle report, `--format shacl`,
/// is `report.graph()`; this is for the other formats.)
public enum SHACLFindings {
    /// One finding per result. SHACL results have no line or column (they are about the merged
    /// graph, not a place in the file), so only `file` is set.
    public static func findings(from report: ValidationReport, file: String? = nil) -> [Finding] {
        report.results.map { finding(from: $0, file: file) }
    }

    public static func finding(from r: ValidationResult, file: String? = nil) -> Finding {
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
