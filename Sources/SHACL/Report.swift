import RDF

/// One validation result (SHACL §3.6.2).
public struct ValidationResult: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let focusNode: Term
    /// The property path of the property shape (or the offending predicate for sh:closed); nil for node shapes.
    public let resultPath: PropertyPath?
    public let value: Term?
    public let sourceShape: Term
    public let sourceConstraintComponent: IRI
    /// Only SPARQL-based constraints have one; always nil for Core.
    public let sourceConstraint: Term?
    public let severity: Severity
    /// The shape's sh:message values, or one generated English message when it has none.
    public let messages: [Literal]

    public init(focusNode: Term, resultPath: PropertyPath?, value: Term?, sourceShape: Term, sourceConstraintComponent: IRI,
                sourceConstraint: Term? = nil, severity: Severity, messages: [Literal]) {
        self.focusNode = focusNode; self.resultPath = resultPath; self.value = value; self.sourceShape = sourceShape
        self.sourceConstraintComponent = sourceConstraintComponent; self.sourceConstraint = sourceConstraint
        self.severity = severity; self.messages = messages
    }

    /// The message to show a person: the English one if any, else one without a language, else the first.
    public var message: String {
        let pick = messages.first { $0.language?.lowercased().hasPrefix("en") ?? false }
            ?? messages.first { $0.language == nil } ?? messages.first
        return pick?.lexicalForm ?? ""
    }

    /// The component's local name without "ConstraintComponent" ("MinCount"), for short output.
    public var componentName: String {
        var s = sourceConstraintComponent.value
        if s.hasPrefix(SH.ns.iri) { s = String(s.dropFirst(SH.ns.iri.count)) }
        if s.hasSuffix("ConstraintComponent") { s = String(s.dropLast("ConstraintComponent".count)) }
        return s
    }

    public static func < (a: ValidationResult, b: ValidationResult) -> Bool {
        if a.focusNode != b.focusNode { return a.focusNode < b.focusNode }
        if a.resultPath != b.resultPath {
            guard let pa = a.resultPath else { return true }
            guard let pb = b.resultPath else { return false }
            return pa < pb
        }
        if a.sourceConstraintComponent != b.sourceConstraintComponent { return a.sourceConstraintComponent < b.sourceConstraintComponent }
        if a.sourceShape != b.sourceShape { return a.sourceShape < b.sourceShape }
        if a.value != b.value {
            guard let va = a.value else { return true }
            guard let vb = b.value else { return false }
            return va < vb
        }
        if a.severity != b.severity { return a.severity < b.severity }
        return a.messages.map(\.description).joined() < b.messages.map(\.description).joined()
    }

    public var description: String {
        var s = "\(severity): \(focusNode)"
        if let resultPath { s += " \(resultPath)" }
        s += " [\(componentName)]"
        if let value { s += " value \(value)" }
        return s + ": " + message
    }
}

/// The outcome of validating a data graph (SHACL §3.6).
public struct ValidationReport: Sendable, Hashable {
    /// True when there is no result at all, whatever its severity (SHACL §3.6.1).
    public let conforms: Bool
    /// Sorted (focus node, path, component, shape, value), so output is reproducible.
    public let results: [ValidationResult]
    /// Things the engine could not decide that are not results: a recursive shape reference met
    /// again for the same focus node (SHACL 1.0 leaves recursion undefined; the engine assumes
    /// conformance at the cycle so validation terminates). Sorted, unique.
    public let notes: [String]

    public init(results: [ValidationResult], notes: [String] = []) {
        // Sort positions, not the results: moving a result retains and releases a dozen strings.
        self.results = results.withUnsafeBufferPointer { b in b.indices.sorted { b[$0] < b[$1] }.map { b[$0] } }
        self.conforms = results.isEmpty
        self.notes = Array(Set(notes)).sorted()
    }

    /// A report from results already in `<` order (the engine sorts them while they are ids).
    init(sorted results: [ValidationResult], notes: [String]) {
        self.results = results
        self.conforms = results.isEmpty
        self.notes = Array(Set(notes)).sorted()
    }

    /// The report as a standard `sh:ValidationReport` graph. Report, result and path nodes are
    /// fresh blank nodes labelled `vreport`, `vr0`, `vr0p0`, … (the prefix grows if a focus node,
    /// value or shape already uses such labels); those terms keep their own labels.
    public func graph() -> Graph {
        var g = Graph()
        var used: [String] = []
        for r in results {
            for t in [r.focusNode, r.sourceShape, r.value].compactMap({ $0 }) { if case let .blank(b) = t { used.append(b.id) } }
        }
        var prefix = "vr"
        while used.contains(where: { $0.hasPrefix(prefix) }) { prefix += "x" }
        let report = Term.blank(BlankNode(prefix + "eport"))
        g.insert(Triple(report, Vocab.rdf.type, .iri(SH.ValidationReport)))
        g.insert(Triple(report, SH.conforms, .literal(Literal(conforms ? "true" : "false", datatype: Vocab.xsd.boolean))))
        for (i, r) in results.enumerated() {
            let node = Term.blank(BlankNode("\(prefix)\(i)"))
            g.insert(Triple(report, SH.result, node))
            g.insert(Triple(node, Vocab.rdf.type, .iri(SH.ValidationResult)))
            g.insert(Triple(node, SH.focusNode, r.focusNode))
            if let p = r.resultPath {
                var gen = BlankNodeGenerator(prefix: "\(prefix)\(i)p")
                g.insert(Triple(node, SH.resultPath, p.rdf(into: &g, blankNodes: &gen)))
            }
            if let v = r.value { g.insert(Triple(node, SH.value, v)) }
            g.insert(Triple(node, SH.sourceShape, r.sourceShape))
            g.insert(Triple(node, SH.sourceConstraintComponent, .iri(r.sourceConstraintComponent)))
            if let c = r.sourceConstraint { g.insert(Triple(node, SH.sourceConstraint, c)) }
            g.insert(Triple(node, SH.resultSeverity, .iri(r.severity.iri)))
            for m in r.messages { g.insert(Triple(node, SH.resultMessage, .literal(m))) }
        }
        return g
    }
}
