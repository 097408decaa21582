import Foundation
import RDF
import Extraction

/// Everything `newsgraph build` can be told.
public struct BuildOptions: Sendable {
    public var inputs: [String] = ["seeds"]
    public var outputDirectory: String = "output"
    public var extraction = ExtractionOptions(mentions: true)
    /// The publication date for documents that carry none (`yyyy-mm-dd`).
    public var date: String?
    /// Parallel workers for extraction; the output does not depend on it.
    public var jobs: Int = ProcessInfo.processInfo.activeProcessorCount
    /// Report bad documents but still exit 0 when the others succeeded.
    public var keepGoing = false
    public var formats: [OutputFormat] = Builder.defaultFormats
    public var validate = true

    public init() {}
}

/// What a build did, for the summary line and for tests.
public struct BuildSummary: Sendable {
    public var documents = 0
    public var problems: [InputProblem] = []
    public var entities = 0
    public var events = 0
    public var triples = 0
    public var quads = 0
    public var seconds = 0.0
    public var files: [String] = []
    public var dataset = Dataset()

    public var line: String {
        String(format: "%d documents, %d entities, %d events, %d triples (%d quads) in %.2f s", documents, entities, events, triples, quads, seconds)
    }
}

/// `newsgraph build`: articles → extraction on all cores → cross-document merge → every output
/// format, each written atomically, in the same bytes whatever the number of jobs.
public enum Builder {
    public static let defaultFormats: [OutputFormat] = [.rdf(.rdfXML), .rdf(.jsonLD), .dot, .rdf(.nTriples), .rdf(.turtle), .rdf(.nQuads)]

    /// The file each format is written to inside the output directory.
    public static func fileName(_ format: OutputFormat) -> String {
        switch format {
        case let .rdf(f): "graph." + f.rawValue
        case .dot: "graph.dot"
        }
    }

    /// Reads the documents of `inputs` (problems per file, never fatal for the others).
    public static func readDocuments(_ inputs: [String], defaultDate: String?) -> (documents: [Document], problems: [InputProblem]) {
        let reader = CorpusReader()
        let (files, missing) = reader.expand(inputs)
        var documents: [Document] = [], problems = missing
        for file in files {
            let (docs, fileProblems) = reader.read(file)
            problems += fileProblems
            for var d in docs {
                if d.date == nil { d.date = defaultDate }
                documents.append(d)
            }
        }
        // Two inputs with the same id would mint the same document IRI: keep the first, say so.
        var seen = Set<String>(), unique: [Document] = []
        for d in documents {
            if seen.insert(d.id).inserted { unique.append(d) } else {
                problems.append(InputProblem(path: d.id, message: "a second document with the id '\(d.id)' was ignored"))
            }
        }
        return (unique, problems)
    }

    /// Runs extraction over `documents` on `jobs` workers; results come back in input order.
    public static func analyze(_ documents: [Document], pipeline: Pipeline, jobs: Int) -> [DocumentAnalysis] {
        let workers = max(1, min(jobs, documents.count))
        let results = AnalysisSlots(count: documents.count)
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            var i = worker
            while i < documents.count {
                results.set(i, pipeline.analyze(documents[i]))
                i += workers
            }
        }
        return results.values()
    }

    /// Builds the graph and writes every requested format into the output directory.
    public static func run(_ options: BuildOptions) throws -> BuildSummary {
        let start = Date()
        var summary = BuildSummary()
        let (documents, problems) = readDocuments(options.inputs, defaultDate: options.date)
        summary.problems = problems
        summary.documents = documents.count
        if documents.isEmpty {
            let detail = problems.map(\.description).joined(separator: "\n")
            throw NewsGraphFailure.unreadable("no readable article in \(options.inputs.joined(separator: " "))" + (detail.isEmpty ? "" : ":\n" + detail))
        }
        let pipeline = try Pipeline(options: options.extraction)
        let analyses = analyze(documents, pipeline: pipeline, jobs: options.jobs)
        let dataset = CorpusMerger.merge(analyses, options: options.extraction)
        summary.dataset = dataset
        let union = dataset.union
        summary.triples = union.count
        summary.quads = dataset.count
        let types = GraphIndex(union)
        let entityClasses = ["Person", "Country", "Organization", "GovernmentOrganization", "NewsMediaOrganization", "Corporation",
                             "EducationalOrganization", "Place", "City", "AdministrativeArea"].map { Term.iri(Vocab.schema.ns($0)) }
        summary.entities = Set(entityClasses.flatMap { types.subjects(Vocab.rdf.type, $0) }).count
        summary.events = types.subjects(Vocab.rdf.type, .iri(Vocab.schema.Event)).count

        try FileManager.default.createDirectory(atPath: options.outputDirectory, withIntermediateDirectories: true)
        for format in options.formats {
            let path = (options.outputDirectory as NSString).appendingPathComponent(fileName(format))
            try RDFFiles.withOutput(path: path) { output in
                try RDFFiles.write(dataset, as: format, to: output)
            }
            summary.files.append(path)
        }
        summary.seconds = Date().timeIntervalSince(start)
        return summary
    }
}

/// Result slots filled by concurrent workers, each index written exactly once.
final class AnalysisSlots: @unchecked Sendable {
    private var slots: [DocumentAnalysis?]
    private let lock = NSLock()
    init(count: Int) { slots = Array(repeating: nil, count: count) }
    func set(_ i: Int, _ value: DocumentAnalysis) { lock.lock(); slots[i] = value; lock.unlock() }
    func values() -> [DocumentAnalysis] { slots.compactMap { $0 } }
}
