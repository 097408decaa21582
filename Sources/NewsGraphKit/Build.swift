import Foundation
import RDF
import Extraction
import NTriples

/// Everything `newsgraph build` can be told.
public struct BuildOptions: Sendable {
    public var inputs: [String] = ["seeds"]
    public var outputDirectory: String = "output"
    public var extraction = ExtractionOptions(mentions: true)
    /// The publication date for documents that carry none (`yyyy-mm-dd`).
    public var date: String?
    /// Parallel workers for extraction; the output does not depend on it.
    public var jobs: Int = ProcessInfo.processInfo.activeProcessorCount
    public var formats: [OutputFormat] = Builder.defaultFormats
    /// `--shard I/N`: take only the documents whose stable hash falls in share I of N (1-based).
    public var shard: Shard?
    /// Progress on stderr while extracting (the CLI turns it on when stderr is a terminal).
    public var progress = false
    /// Keep the merged dataset in ``BuildSummary/dataset`` (for validation). Building it hashes every quad
    /// of the corpus, so the CLI turns it off with `--no-validate`.
    public var keepsDataset = true

    public init() {}
}

/// A deterministic share of a corpus, so N machines can each build 1/N of it. Membership depends
/// only on the document id (FNV-1a), never on file order or on the machine.
public struct Shard: Sendable, Equatable {
    public var index: Int
    public var count: Int

    /// Parses `I/N` with 1 ≤ I ≤ N.
    public init?(_ text: String) {
        let parts = text.split(separator: "/")
        guard parts.count == 2, let i = Int(parts[0]), let n = Int(parts[1]), n >= 1, i >= 1, i <= n else { return nil }
        index = i; count = n
    }

    public func contains(_ id: String) -> Bool {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in id.utf8 { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
        return Int(h % UInt64(count)) == index - 1
    }
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
    /// Wall time of each stage (`--verbose`), to see where a corpus run spends its time.
    public var stages: [(name: String, seconds: Double)] = []

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

    /// Runs extraction over `documents` on `jobs` workers; results come back in input order. Each analysis
    /// passes through `keep` as soon as it is made (``AnalysisSpill/park(_:)`` parks most of it on disk).
    public static func analyze(_ documents: [Document], pipeline: Pipeline, jobs: Int, progress: Progress? = nil,
                               keep: @Sendable (DocumentAnalysis) throws -> DocumentAnalysis = { $0 }) throws -> [DocumentAnalysis] {
        let workers = max(1, min(jobs, documents.count))
        let results = AnalysisSlots(count: documents.count)
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            var i = worker
            while i < documents.count {
                do { results.set(i, try keep(pipeline.analyze(documents[i]).forMerging(pipeline.options))) } catch {
                    results.fail(error)
                    return
                }
                progress?.done(bytes: documents[i].text.utf8.count)
                i += workers
            }
        }
        progress?.finish()
        return try results.values()
    }

    /// Builds the graph and writes every requested format into the output directory.
    public static func run(_ options: BuildOptions) throws -> BuildSummary {
        let start = Date()
        var summary = BuildSummary()
        var (documents, problems) = readDocuments(options.inputs, defaultDate: options.date)
        var mark = start
        func stage(_ name: String) { let now = Date(); summary.stages.append((name, now.timeIntervalSince(mark))); mark = now }
        stage("read")
        if let shard = options.shard { documents = documents.filter { shard.contains($0.id) } }
        summary.problems = problems
        summary.documents = documents.count
        if documents.isEmpty && options.shard == nil {
            let detail = problems.map(\.description).joined(separator: "\n")
            throw NewsGraphFailure.unreadable("no readable article in \(options.inputs.joined(separator: " "))" + (detail.isEmpty ? "" : ":\n" + detail))
        }
        let pipeline = try Pipeline(options: options.extraction)
        let progress = options.progress ? Progress(total: documents.count, totalBytes: documents.reduce(0) { $0 + $1.text.utf8.count }) : nil
        try FileManager.default.createDirectory(atPath: options.outputDirectory, withIntermediateDirectories: true)
        // A shard writes its whole analyses for `newsgraph merge`; a build parks what only the emission of each
        // document's graph reads, so it holds the compact rest of the corpus' analyses, not all of them.
        let spill = options.shard == nil ? try AnalysisSpill(directory: options.outputDirectory) : nil
        let analyses = try analyze(documents, pipeline: pipeline, jobs: options.jobs, progress: progress) { try spill?.park($0) ?? $0 }
        stage("extract")
        documents = []  // the analyses keep what the merge needs
        if options.shard != nil {
            let path = (options.outputDirectory as NSString).appendingPathComponent(AnalysisFile.name)
            try RDFFiles.withOutput(path: path) { try AnalysisFile.write(analyses, options: options.extraction, kb: pipeline.kb, to: $0) }
            summary.files.append(path)
        }
        try writeGraph(analyses, kb: pipeline.kb, options: options.extraction, to: options.outputDirectory,
                       formats: options.formats, keepDataset: options.keepsDataset, restore: { try spill?.restore($0) ?? $0 },
                       summary: &summary)
        stage("merge and write")
        summary.seconds = Date().timeIntervalSince(start)
        return summary
    }

    /// Merges the analyses of a corpus and writes every requested format. N-Triples and N-Quads are written
    /// one document graph at a time as the merge emits them, whatever else is asked for. The other formats
    /// (Turtle, RDF/XML, JSON-LD, DOT) describe the merged graph, so they get its triples, each once, in the
    /// order the merge first emitted them, collected on the way: the corpus' quads are never gathered into a
    /// `Dataset` (hashing every quad) nor merged into a `Graph` (hashing every triple again) unless
    /// `keepDataset` asks for the dataset in `summary` (validation reads it).
    public static func writeGraph(_ analyses: [DocumentAnalysis], kb: KnowledgeBase, options: ExtractionOptions,
                                  to directory: String, formats: [OutputFormat], keepDataset: Bool = true,
                                  restore: (DocumentAnalysis) throws -> DocumentAnalysis = { $0 },
                                  summary: inout BuildSummary) throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        var unique: [OutputFormat] = []
        for f in formats where !unique.contains(f) { unique.append(f) }
        let merged = unique.filter { !StreamingGraphFiles.streams($0) }
        var sinks = try StreamingGraphFiles(directory: directory, formats: unique.filter(StreamingGraphFiles.streams),
                                            collectUnion: !merged.isEmpty)
        // a build that writes only N-Triples / N-Quads keeps no dataset: its memory stays flat
        let keep = keepDataset && !merged.isEmpty
        var quads: [[Quad]] = []
        let counts = try CorpusMerger.stream(analyses, options: options, kb: kb, restore: restore) { _, graph in
            try sinks.write(graph)
            if keep { quads.append(graph) }
        }
        _ = try sinks.finish()
        summary.entities = counts.entities; summary.events = counts.events
        summary.triples = sinks.triples; summary.quads = sinks.quads
        if keep {
            // each document graph is free of duplicates, and graphs never share a quad
            summary.dataset = Dataset(uniqueQuads: quads.flatMap { $0 })
        }
        quads = []
        try write(union: sinks.union, to: directory, formats: merged)
        summary.files += unique.map { (directory as NSString).appendingPathComponent(fileName($0)) }
    }
}

/// N-Triples and N-Quads files fed one document graph at a time. The N-Quads need no memory at all (a quad
/// names its graph, so graphs never share one); the N-Triples drop a triple that an earlier graph already
/// stated, remembered as a 128-bit digest (16 bytes a triple, not the triple itself). With `collectUnion`
/// the distinct triples are also kept, in the same order, for the formats that describe the merged graph.
struct StreamingGraphFiles {
    var nq: (sink: AtomicFileSink, writer: NTriplesWriter)?
    var nt: (sink: AtomicFileSink, writer: NTriplesWriter)?
    let collectUnion: Bool
    var seen = Set<TripleDigest>()
    var union: [Triple] = []
    var triples = 0, quads = 0
    var paths: [String] = []

    /// The formats written here rather than from the merged graph.
    static func streams(_ format: OutputFormat) -> Bool { format == .rdf(.nTriples) || format == .rdf(.nQuads) }

    init(directory: String, formats: [OutputFormat], collectUnion: Bool = false) throws {
        self.collectUnion = collectUnion
        for format in formats {
            let path = (directory as NSString).appendingPathComponent(Builder.fileName(format))
            let sink = try AtomicFileSink(path: path)
            let output = OutputBuffer(sink: sink)
            if format == .rdf(.nQuads) { nq = (sink, NTriplesWriter(output: output, format: .nQuads)) }
            else { nt = (sink, NTriplesWriter(output: output, format: .nTriples)) }
            paths.append(path)
        }
    }

    mutating func write(_ graph: [Quad]) throws {
        quads += graph.count
        if nq != nil { for q in graph { try nq?.writer.write(q) } }
        guard nt != nil || collectUnion else { return }
        for q in graph where StreamingGraphFiles.ownsTriple(q) || seen.insert(TripleDigest(q)).inserted {
            triples += 1
            try nt?.writer.write(q)  // an N-Triples writer drops the graph name
            if collectUnion { union.append(q.triple) }
        }
    }

    /// A triple only its own document graph can state: one about the graph's document (its name is the
    /// subject or the object) or about a fragment of it (a NIF mention, `doc-…#char=…`). The builder names
    /// each graph after its document, whose IRI is minted from the unique document id and never has a
    /// fragment, so no other graph repeats such a triple and the union needs no look-up for it. These
    /// are most of a corpus' triples (mentions), which keeps the digest set, and memory, small.
    /// Quads in the default graph get no such pass.
    static func ownsTriple(_ q: Quad) -> Bool {
        guard case let .iri(g)? = q.graph else { return false }
        if case let .iri(o) = q.object, o == g { return true }
        guard case let .iri(s) = q.subject else { return false }
        if s == g { return true }
        var name = g.value, subject = s.value
        return name.withUTF8 { n in
            subject.withUTF8 { t in
                guard t.count > n.count, t[n.count] == UInt8(ascii: "#"), let tb = t.baseAddress, let nb = n.baseAddress else { return false }
                return memcmp(tb, nb, n.count) == 0
            }
        }
    }

    mutating func finish() throws -> [String] {
        try nq?.writer.finish(); try nq?.sink.commit()
        try nt?.writer.finish(); try nt?.sink.commit()
        return paths
    }
}

/// Two independent 64-bit hashes of a triple's terms: a stand-in for the triple in duplicate detection, with a
/// collision chance of about n²/2¹²⁹ (nil for any corpus that fits on a disk).
struct TripleDigest: Hashable {
    var a: UInt64 = 0xcbf2_9ce4_8422_2325
    var b: UInt64 = 0x9E37_79B9_7F4A_7C15

    /// The digest of the quad's triple (its graph name left out).
    init(_ q: Quad) {
        add(q.subject); add(q.predicate); add(q.object)
    }

    private mutating func add(_ term: Term) {
        switch term {
        case let .iri(i): byte(1); string(i.value)
        case let .blank(n): byte(2); string(n.id)
        case let .literal(l):
            byte(3); string(l.lexicalForm); string(l.datatype.value)
            if let language = l.language { string(language.lowercased()) } else { byte(0xFF) }
            string(l.direction ?? "")
        }
    }

    private mutating func string(_ s: String) {
        var s = s
        s.withUTF8 { for u in $0 { byte(u) } }
        byte(0xFF)  // never inside UTF-8: separates fields
    }

    @inline(__always) private mutating func byte(_ x: UInt8) {
        a = (a ^ UInt64(x)) &* 0x0000_0100_0000_01B3
        b = (b &+ UInt64(x)) &* 0xFF51_AFD7_ED55_8CCD
        b ^= b >> 29
    }
}

extension Builder {
    /// Writes the merged graph, given as its distinct triples, in each of `formats` into `directory`, each
    /// file atomically. N-Triples and N-Quads are not among them: ``StreamingGraphFiles`` writes those as
    /// the merge emits each document's graph.
    static func write(union: [Triple], to directory: String, formats: [OutputFormat]) throws {
        for format in formats where !StreamingGraphFiles.streams(format) {
            let path = (directory as NSString).appendingPathComponent(fileName(format))
            try RDFFiles.withOutput(path: path) { output in
                if format == .rdf(.jsonLD) {
                    // like the triple syntaxes, JSON-LD gets the merged graph, the form web developers and
                    // schema.org tools expect
                    try RDFFiles.writeJSONLD(quads: union.map { Quad($0, graph: nil) }, to: output)
                } else {
                    // Turtle, RDF/XML and DOT sort or index the list themselves, without another Graph
                    try RDFFiles.write(triples: union, as: format, to: output)
                }
            }
        }
    }
}

/// Result slots filled by concurrent workers, each index written exactly once; the first error wins.
final class AnalysisSlots: @unchecked Sendable {
    private var slots: [DocumentAnalysis?]
    private var error: (any Error)?
    private let lock = NSLock()
    init(count: Int) { slots = Array(repeating: nil, count: count) }
    func set(_ i: Int, _ value: DocumentAnalysis) { lock.lock(); slots[i] = value; lock.unlock() }
    func fail(_ e: any Error) { lock.lock(); if error == nil { error = e }; lock.unlock() }
    func values() throws -> [DocumentAnalysis] {
        if let error { throw error }
        return slots.compactMap { $0 }
    }
}

/// A progress line on stderr, redrawn at most ten times a second: documents done, documents/s,
/// MB/s and the time left.
public final class Progress: @unchecked Sendable {
    let total: Int
    let totalBytes: Int
    let start = Date()
    var doneCount = 0
    var doneBytes = 0
    var lastDraw = Date.distantPast
    let lock = NSLock()

    public init(total: Int, totalBytes: Int) { self.total = total; self.totalBytes = totalBytes }

    func done(bytes: Int) {
        lock.lock()
        defer { lock.unlock() }
        doneCount += 1
        doneBytes += bytes
        let now = Date()
        guard now.timeIntervalSince(lastDraw) >= 0.1 || doneCount == total else { return }
        lastDraw = now
        let elapsed = max(now.timeIntervalSince(start), 1e-6)
        let rate = Double(doneCount) / elapsed
        let left = rate > 0 ? Double(total - doneCount) / rate : 0
        let line = String(format: "\r\u{1B}[Kextracting: %d/%d documents, %.0f docs/s, %.1f MB/s, %.0f s left",
                          doneCount, total, rate, Double(doneBytes) / elapsed / 1e6, left)
        FileHandle.standardError.write(Data(line.utf8))
    }

    func finish() {
        lock.lock()
        defer { lock.unlock() }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}
