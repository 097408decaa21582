import Foundation
import RDF
import DOT
import SHACL
import Turtle
import Validation
import NewsGraphSchemas
import NTriples
import RDFXML

/// One `newsgraph validate`, as the CLI parsed it.
public struct ValidateRequest {
    public var files: [String]
    public var shapes: String?
    public var xmlSchema: String?
    public var jsonSchema: String?
    public var shacl: Bool
    public var schema: Bool
    public var format: String
    public var failOn: String
    public var output: String?
    public var from: String?
    public var read: ReadOptions

    public init(
        files: [String], shapes: String? = nil, xmlSchema: String? = nil, jsonSchema: String? = nil, shacl: Bool = true,
        schema: Bool = true, format: String = "text", failOn: String = "violation", output: String? = nil, from: String? = nil,
        read: ReadOptions = ReadOptions()
    ) {
        self.files = files; self.shapes = shapes; self.xmlSchema = xmlSchema; self.jsonSchema = jsonSchema
        self.shacl = shacl; self.schema = schema; self.format = format; self.failOn = failOn; self.output = output
        self.from = from; self.read = read
    }
}

/// The outcome of validating what a build wrote.
public struct BuildValidation {
    public var text: String
    public var failed: Bool
    public var isEmpty: Bool { text.isEmpty }
}

/// What a file is, for validation: an RDF syntax or DOT.
enum ValidatedKind: Equatable {
    case rdf(RDFFormat)
    case dot
}

/// `newsgraph validate`: for each file, syntax → XML Schema / RELAX NG or JSON Schema → SHACL,
/// with findings that name file, line:column, focus node, path and constraint.
public enum ValidationRunner {
    /// The validators, loaded once and shared by every file.
    struct Validators {
        var shacl: SHACLValidator?
        var shapesName: String
        var xml: (validate: (String) -> [Finding], name: String)?
        var json: (validator: JSONSchemaValidator, name: String)?
    }

    static func bundled(_ name: String) throws -> String {
        guard let url = BundledSchemas.url(name) else {
            throw NewsGraphFailure.unreadable("the bundled \(name) is missing from this installation")
        }
        return url.path
    }

    static func loadValidators(_ r: ValidateRequest) throws -> Validators {
        var v = Validators(shacl: nil, shapesName: "", xml: nil, json: nil)
        if r.shacl {
            let path = try r.shapes ?? bundled("shapes.ttl")
            let format = RDFFormat(path: path) ?? .turtle
            let shapesData = try RDFFiles.read(path: path, format: format)
            do {
                v.shacl = SHACLValidator(shapes: try ShapesGraph(shapesData.union))
            } catch {
                throw NewsGraphFailure.invalid("\(path): not a usable shapes graph: \(error)")
            }
            v.shapesName = path
        }
        if r.schema {
            let xmlPath = try r.xmlSchema ?? bundled("newsgraph.rng")
            do {
                if xmlPath.lowercased().hasSuffix(".xsd") {
                    let x = try XMLSchemaValidator(schemaPath: xmlPath)
                    v.xml = ({ x.validate(file: $0) }, xmlPath)
                } else {
                    let x = try RelaxNGValidator(schemaPath: xmlPath)
                    v.xml = ({ x.validate(file: $0) }, xmlPath)
                }
            } catch {
                throw NewsGraphFailure.invalid("\(xmlPath): the schema does not load: \(error)")
            }
            let jsonPath = try r.jsonSchema ?? bundled("newsgraph.schema.json")
            do {
                v.json = (try JSONSchemaValidator(schemaPath: jsonPath), jsonPath)
            } catch {
                throw NewsGraphFailure.invalid("\(jsonPath): the schema does not load: \(error)")
            }
        }
        return v
    }

    /// The kind of a file: from `--from`, else its extension, else its first bytes.
    static func kind(of path: String, explicit: String?) throws -> ValidatedKind {
        if let explicit {
            if explicit.lowercased() == "dot" { return .dot }
            return .rdf(try RDFFiles.inputFormat(path: path, explicit: explicit))
        }
        if let f = OutputFormat(path: path) {
            switch f { case .dot: return .dot; case let .rdf(r): return .rdf(r) }
        }
        // Sniff: unknown extension.
        let source = try InputSource(path: path)
        var head: [UInt8] = []
        _ = try source.read(into: &head, max: 4096)
        let text = String(decoding: head, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        if text.hasPrefix("<?xml") || text.hasPrefix("<rdf:RDF") { return .rdf(.rdfXML) }
        if text.hasPrefix("{") || text.hasPrefix("[") { return .rdf(.jsonLD) }
        if text.hasPrefix("digraph") || text.hasPrefix("graph") || text.hasPrefix("strict") { return .dot }
        if text.hasPrefix("@prefix") || text.hasPrefix("PREFIX") || text.hasPrefix("@base") { return .rdf(.turtle) }
        return .rdf(.nQuads)
    }

    /// Validates one file with the loaded validators; returns its report and, when `wantReportGraph`
    /// (`--format shacl`), the SHACL report graph.
    static func validate(file path: String, kind: ValidatedKind, with v: Validators, read: ReadOptions,
                         wantReportGraph: Bool = false) throws -> (FileReport, Graph?) {
        var report = FileReport(file: path)
        switch kind {
        case .dot:
            do {
                _ = try DOTChecker.check(try InputSource(path: path).readAll(), file: path)
                report.record(.syntax, [])
            } catch let e as SyntaxError {
                report.record(.syntax, [finding(e, file: path)])
            }
            report.skip(.schema, reason: "DOT has no schema stage")
            report.skip(.shacl, reason: "DOT is a picture, not RDF")
            return (report, nil)
        case let .rdf(format):
            let data: DataGraph?
            do {
                data = try readData(path: path, format: format, options: read, keep: v.shacl != nil)
                report.record(.syntax, [])
            } catch let e as SyntaxError {
                report.record(.syntax, [finding(e, file: path)])
                report.skip(.schema, reason: "the syntax is invalid")
                report.skip(.shacl, reason: "the syntax is invalid")
                return (report, nil)
            } catch let e as RDFError {
                if case .io = e { throw NewsGraphFailure.unreadable(e.description) }
                report.record(.syntax, [Finding(stage: .syntax, file: path, constraint: "syntax", message: e.description)])
                return (report, nil)
            } catch {
                report.record(.syntax, [Finding(stage: .syntax, file: path, constraint: "syntax", message: "\(error)")])
                return (report, nil)
            }
            switch format {
            case .rdfXML:
                if let xml = v.xml { report.record(.schema, xml.validate(path)) } else { report.skip(.schema, reason: "--no-schema") }
            case .jsonLD:
                if let json = v.json {
                    report.record(.schema, json.validator.validate(bytes: try InputSource(path: path).readAll(), file: path))
                } else { report.skip(.schema, reason: "--no-schema") }
            default:
                report.skip(.schema, reason: "\(format.displayName) has no document schema; SHACL checks its graph")
            }
            guard let shacl = v.shacl, let data else {
                report.skip(.shacl, reason: "--no-shacl")
                return (report, nil)
            }
            let (result, positions) = shacl.validateWithPositions(data)
            // Recursion the engine cut short is not a result, but a person should still see it.
            let notes = result.notes.map { Finding(severity: .info, stage: .shacl, file: path, constraint: "shacl-note", message: $0) }
            let findings = SHACLFindings.findings(from: result, file: path, positions: positions)
            report.record(.shacl, notes.isEmpty ? findings : findings + notes)
            return (report, wantReportGraph ? result.graph() : nil)
        }
    }

    /// Reads a file for validation straight into SHACL's indexed form (when `keep`; else it only
    /// checks the syntax), recording where each subject first appears so findings can name a
    /// line:column. No `Dataset` or `Graph` is built, so a large file is held once, as
    /// integer-coded triples plus one copy of each distinct term.
    static func readData(path: String, format: RDFFormat, options: ReadOptions, keep: Bool) throws -> DataGraph? {
        let source = try InputSource(path: path)
        // Line-based and Turtle files spend 60–120 bytes per triple; ask for room accordingly.
        let size = ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.intValue ?? 0
        var builder = keep ? DataGraph.Builder(expectedTriples: size / 100) : DataGraph.Builder()
        func drain<R: QuadSource>(_ reader: inout R, _ position: (R) -> TextPosition?) throws {
            while let q = try reader.next() {
                if keep { builder.insert(q.triple, subjectAt: position(reader)) }
            }
        }
        do {
            switch format {
            case .nTriples, .nQuads:
                var r = NTriplesReader(source: source, format: format == .nQuads ? .nQuads : .nTriples)
                try drain(&r) { $0.subjectPosition }
            case .turtle:
                var r = TurtleReader(source: source, base: options.base ?? RDFFiles.defaultBase(source.name))
                try drain(&r) { $0.subjectPosition }
            case .rdfXML:
                var r = RDFXMLReader(source: source, base: options.base ?? RDFFiles.defaultBase(source.name))
                try drain(&r) { $0.subjectPosition }
            case .jsonLD:
                // JSON-LD becomes RDF only after expansion, which keeps no source positions.
                var r = try RDFFiles.reader(format, source: source, options: options)
                while let q = try r.next() {
                    if keep { builder.insert(q.triple) }
                }
            }
        } catch let e as SyntaxError {
            throw e.inFile(path == "-" ? "<stdin>" : path)
        }
        return keep ? DataGraph(builder) : nil
    }

    static func finding(_ e: SyntaxError, file: String) -> Finding {
        Finding(stage: .syntax, file: e.file ?? file, line: e.position?.line, column: e.position?.column, constraint: "syntax", message: e.message)
    }

    /// Runs a whole `newsgraph validate`; returns true when the result must fail the run.
    public static func run(_ r: ValidateRequest) throws -> Bool {
        guard !r.files.isEmpty else { throw NewsGraphFailure.usage("give at least one file to validate") }
        guard let threshold = Validation.Severity(name: r.failOn) else {
            throw NewsGraphFailure.usage("--fail-on must be violation, warning or info, not '\(r.failOn)'")
        }
        let shaclFormat = r.format.lowercased() == "shacl"
        let reportFormat = ReportFormat(rawValue: r.format.lowercased())
        guard shaclFormat || reportFormat != nil else {
            throw NewsGraphFailure.usage("--format must be text, json, junit or shacl, not '\(r.format)'")
        }
        var unreadable: [String] = []
        var kinds: [(String, ValidatedKind)] = []
        for f in r.files {
            do { kinds.append((f, try kind(of: f, explicit: r.from))) } catch let e as RDFError {
                unreadable.append(e.description)
            }
        }
        let validators = try loadValidators(r)
        var summary = ValidationSummary()
        var reportGraph = Graph()
        for (f, k) in kinds {
            do {
                let (report, graph) = try validate(file: f, kind: k, with: validators, read: r.read, wantReportGraph: shaclFormat)
                summary.append(report)
                if let graph { reportGraph.formUnion(graph.triples.map { relabel($0, prefix: "f\(summary.files.count)") }) }
            } catch let failure as NewsGraphFailure {
                unreadable.append(failure.description)
            }
        }
        let text: String
        if shaclFormat {
            let buffer = OutputBuffer()
            var prefixes = NewsGraphPrefixes.all
            prefixes["sh"] = Vocab.sh.ns.iri
            try TurtleWriter(prefixes: prefixes).write(reportGraph, to: buffer)
            text = buffer.string
        } else if let reportFormat {
            text = ReportFormatter(failOn: threshold).format(summary, as: reportFormat)
        } else { text = "" }
        try RDFFiles.withOutput(path: r.output) { $0.append(text) }
        for u in unreadable { FileHandle.standardError.write(Data(("newsgraph: error: " + u + "\n").utf8)) }
        if !unreadable.isEmpty { throw NewsGraphFailure.unreadable("\(unreadable.count) file(s) could not be read") }
        return !summary.passes(failOn: threshold)
    }

    /// Validates what a build just wrote: each file's syntax and document schema, then SHACL once
    /// over the graph (the same graph in every file). Violations are listed; warnings and notes
    /// are counted, so a normal build stays quiet.
    public static func validateBuild(_ build: BuildSummary) throws -> BuildValidation {
        var validators = try loadValidators(ValidateRequest(files: build.files))
        let shacl = validators.shacl
        validators.shacl = nil
        var summary = ValidationSummary()
        // a streamed build (N-Triples / N-Quads only) holds no dataset: SHACL runs on the graph read back
        var streamed: Graph?
        for f in build.files where !f.hasSuffix("/" + AnalysisFile.name) {
            let kind = try kind(of: f, explicit: nil)
            let (report, _) = try validate(file: f, kind: kind, with: validators, read: ReadOptions())
            if build.dataset.isEmpty, streamed == nil, report.findings.isEmpty, case let .rdf(format) = kind {
                streamed = try RDFFiles.read(path: f, format: format).union
            }
            summary.append(report)
        }
        if let shacl {
            let graphName = build.files.first.map { ($0 as NSString).deletingLastPathComponent + "/graph" } ?? "graph"
            var report = FileReport(file: graphName)
            let result = shacl.validate(streamed ?? build.dataset.union)
            let notes = result.notes.map { Finding(severity: .info, stage: .shacl, file: graphName, constraint: "shacl-note", message: $0) }
            report.record(.shacl, SHACLFindings.findings(from: result, file: graphName) + notes)
            summary.append(report)
        }
        let failing = summary.findings.filter { $0.severity == .violation }
        let quiet = summary.findings.count - failing.count
        var lines = failing.map(ReportFormatter.line)
        if quiet > 0 {
            lines.append("newsgraph: validation: \(summary.count(.warning)) warnings, \(summary.count(.info)) notes (see `newsgraph validate` on the output)")
        }
        return BuildValidation(text: lines.joined(separator: "\n"), failed: !failing.isEmpty)
    }

    static func relabel(_ t: Triple, prefix: String) -> Triple {
        func f(_ x: Term) -> Term { if case let .blank(b) = x { return .blank(BlankNode(prefix + b.id)) }; return x }
        return Triple(f(t.subject), f(t.predicate), f(t.object))
    }
}
