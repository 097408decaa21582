import Foundation
import RDF
import Extraction

/// The per-document analyses of a sharded build (`analyses.jsonl`), one JSON object a line after a header.
///
/// A shard cannot know what the rest of the corpus says: a surname that another article ties to a full
/// name, the fuller telling of an event another article gives. So a shard keeps what the extractor found in
/// each of its documents, before any cross-document decision, and `newsgraph merge` runs the one
/// cross-document merge over all shards' analyses together: the result is the single build's, byte for byte.
public enum AnalysisFile {
    public static let name = "analyses.jsonl"
    static let format = "newsgraph-analyses/1"

    /// Analyses refer to bundled knowledge by index, so they are only meaningful to the same knowledge base:
    /// the header names the tool version and a fingerprint of the knowledge.
    static func fingerprint(_ kb: KnowledgeBase) -> String {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for e in kb.entities {
            for b in (e.type.rawValue + "\u{1}" + e.name + "\u{1}" + (e.qid ?? "") + "\u{2}").utf8 { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
        }
        return String(kb.entities.count) + "-" + String(h, radix: 16)
    }

    struct Header: Codable, Equatable { var format: String; var version: String; var knowledge: String; var options: ExtractionOptions }

    /// `options` go in the header: the merge must mint the same IRIs and emit the same detail as the shards' build.
    public static func write(_ analyses: [DocumentAnalysis], options: ExtractionOptions, kb: KnowledgeBase, to output: OutputBuffer) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        output.append(bytes: try encoder.encode(Header(format: format, version: NewsGraphVersion.string, knowledge: fingerprint(kb), options: options)))
        output.append(byte: 0x0A)
        for a in analyses.sorted(by: { $0.document.id < $1.document.id }) {
            output.append(bytes: try encoder.encode(a))
            output.append(byte: 0x0A)
        }
    }

    public static func read(path: String, kb: KnowledgeBase) throws -> (options: ExtractionOptions, analyses: [DocumentAnalysis]) {
        guard let data = FileManager.default.contents(atPath: path) else { throw NewsGraphFailure.unreadable("\(path): cannot read") }
        let decoder = JSONDecoder()
        var analyses: [DocumentAnalysis] = []
        var options = ExtractionOptions()
        var line = 0
        for chunk in data.split(separator: 0x0A, omittingEmptySubsequences: true) {
            line += 1
            if line == 1 {
                guard let header = try? decoder.decode(Header.self, from: Data(chunk)), header.format == format else {
                    throw NewsGraphFailure.invalid("\(path):1:1: not a newsgraph analyses file")
                }
                let expected = Header(format: format, version: NewsGraphVersion.string, knowledge: fingerprint(kb), options: header.options)
                options = header.options
                guard header == expected else {
                    throw NewsGraphFailure.invalid("\(path):1:1: written by newsgraph \(header.version) with other knowledge (\(header.knowledge)); "
                        + "this is \(expected.version) (\(expected.knowledge)): rebuild the shard with this version")
                }
                continue
            }
            do { analyses.append(try decoder.decode(DocumentAnalysis.self, from: Data(chunk))) } catch {
                throw NewsGraphFailure.invalid("\(path):\(line):1: not a document analysis (\(error))")
            }
        }
        guard line >= 1 else { throw NewsGraphFailure.invalid("\(path):1:1: empty file, not a newsgraph analyses file") }
        return (options, analyses)
    }
}

/// `newsgraph merge`: joins the outputs of sharded builds (`build --shard I/N`) into the files a single
/// build of the whole corpus writes, by running the same cross-document merge over every shard's analyses.
public enum ShardMerger {
    public static func run(shardDirectories: [String], output: String, formats: [OutputFormat] = Builder.defaultFormats) throws -> BuildSummary {
        let start = Date()
        guard !shardDirectories.isEmpty else { throw NewsGraphFailure.usage("give at least one shard directory") }
        let kb = try KnowledgeBase.load()
        var analyses: [DocumentAnalysis] = []
        var seen = Set<String>()
        var extraction: ExtractionOptions?
        for dir in shardDirectories {
            let path = (dir as NSString).appendingPathComponent(AnalysisFile.name)
            guard FileManager.default.fileExists(atPath: path) else {
                throw NewsGraphFailure.unreadable("\(dir): no \(AnalysisFile.name) (it is written by `newsgraph build --shard I/N`)")
            }
            let (options, shard) = try AnalysisFile.read(path: path, kb: kb)
            if let extraction, extraction != options {
                throw NewsGraphFailure.invalid("\(path): built with other options (--base-iri, --mentions, --owl-sameas) than \(shardDirectories[0])")
            }
            extraction = options
            for a in shard {
                guard seen.insert(a.document.id).inserted else {
                    throw NewsGraphFailure.invalid("\(path): document '\(a.document.id)' is in two shards (were the shards built with the same --shard N?)")
                }
                analyses.append(a)
            }
        }
        var summary = BuildSummary()
        summary.documents = analyses.count
        try Builder.writeGraph(analyses, kb: kb, options: extraction ?? ExtractionOptions(), to: output, formats: formats, summary: &summary)
        summary.seconds = Date().timeIntervalSince(start)
        return summary
    }
}
