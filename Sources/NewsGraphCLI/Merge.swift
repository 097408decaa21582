import ArgumentParser
import NewsGraphKit

struct Merge: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Merge the outputs of sharded builds (build --shard I/N) into the files one build of the whole corpus writes.",
        discussion: "Reads analyses.jsonl (what the extractor found in each document, written by build --shard) from each shard directory, runs the cross-document merge over all of them and writes the same files, with the same bytes, as one build of the whole corpus.")

    @Argument(help: "Output directories of `newsgraph build --shard I/N` runs.")
    var shards: [String]
    @Option(name: [.short, .long], help: "Output directory.")
    var output: String
    @Option(help: "Formats to write, comma-separated (default: rdf,jsonld,dot,nt,ttl,nq).")
    var formats: String?
    @Flag(name: .shortAndLong, help: "Print nothing but errors.")
    var quiet = false

    func run() throws {
        var selected = Builder.defaultFormats
        if let formats {
            selected = try formats.split(separator: ",").map { name in
                guard let f = OutputFormat(name: String(name)) else {
                    throw NewsGraphFailure.usage("unknown format '\(name)' in --formats; use \(OutputFormat.allNames.joined(separator: ","))")
                }
                return f
            }
        }
        let summary = try ShardMerger.run(shardDirectories: shards, output: output, formats: selected)
        if !quiet { printError("newsgraph: merged \(shards.count) shards: " + summary.line + " → " + output) }
    }
}
