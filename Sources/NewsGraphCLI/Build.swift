import ArgumentParser
import Foundation
import NewsGraphKit
import RDF

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Extract the graph from news articles and write it in every format (the default command).",
        discussion: "Inputs are .txt files (one article each; the id is the file name), directories (searched recursively for .txt and .jsonl), JSON Lines files with {\"id\",\"text\",\"date\",\"url\",\"title\"} per line, or - for standard input. Writes graph.rdf, graph.jsonld, graph.dot, graph.nt, graph.ttl and graph.nq (one named graph per document) to the output directory, then validates them.")

    @Argument(help: "Articles: files, directories, JSON Lines, or - for standard input.")
    var inputs: [String] = ["seeds"]
    @Option(name: [.short, .long], help: "Output directory.")
    var output: String = "output"
    @Option(name: .customLong("base-iri"), help: "Namespace for minted IRIs.")
    var baseIRI: String = "https://w3id.org/newsgraph/id/"
    @Option(help: "Publication date (yyyy-mm-dd) for articles that carry none; relative dates resolve against it.")
    var date: String?
    @Flag(inversion: .prefixedNo, help: "Write NIF mentions (document spans) for every entity and event.")
    var mentions = true
    @Flag(name: .customLong("owl-sameas"), help: "Link to Wikidata with owl:sameAs as well as schema:sameAs.")
    var owlSameAs = false
    @Option(name: [.short, .long], help: "Parallel extraction workers (default: all cores). The output does not depend on it.")
    var jobs: Int?
    @Flag(name: .customLong("keep-going"), help: "Exit 0 even when some inputs could not be read (they are still reported).")
    var keepGoing = false
    @Option(help: "Formats to write, comma-separated (default: rdf,jsonld,dot,nt,ttl,nq).")
    var formats: String?
    @Flag(inversion: .prefixedNo, help: "Validate what was written against the bundled schemas and shapes.")
    var validate = true
    @Option(help: "After building, push the N-Quads to this triple store endpoint (see `newsgraph push`).")
    var push: String?
    @Option(help: "Build only share I of N of the documents (1-based, by a stable hash of the document id); also writes analyses.jsonl for `newsgraph merge`.")
    var shard: String?
    @Flag(name: .shortAndLong, help: "Print nothing but errors.")
    var quiet = false
    @Flag(name: .shortAndLong, help: "Also list every file written and the time of each stage.")
    var verbose = false

    func run() throws {
        var options = BuildOptions()
        options.inputs = inputs
        options.outputDirectory = output
        guard (try? IRI(baseIRI)) != nil else { throw NewsGraphFailure.usage("--base-iri '\(baseIRI)' is not an absolute IRI") }
        options.extraction.baseIRI = baseIRI
        options.extraction.mentions = mentions
        options.extraction.owlSameAs = owlSameAs
        if let date {
            guard CorpusReader.isoDate(date) == date else { throw NewsGraphFailure.usage("--date must look like 2024-11-07, not '\(date)'") }
            options.date = date
        }
        if let jobs {
            guard jobs >= 1 else { throw NewsGraphFailure.usage("--jobs must be at least 1") }
            options.jobs = jobs
        }
        if let formats {
            options.formats = try formats.split(separator: ",").map { name in
                guard let f = OutputFormat(name: String(name)) else {
                    throw NewsGraphFailure.usage("unknown format '\(name)' in --formats; use \(OutputFormat.allNames.joined(separator: ","))")
                }
                return f
            }
        }
        if let shard {
            guard let s = Shard(shard) else { throw NewsGraphFailure.usage("--shard must look like 2/8 (share 2 of 8), not '\(shard)'") }
            options.shard = s
        }
        options.progress = !quiet && isatty(2) != 0
        options.keepsDataset = validate

        let summary = try Builder.run(options)
        for problem in summary.problems { printError("error: " + problem.description) }
        var failed = !summary.problems.isEmpty && !keepGoing
        if validate {
            let report = try ValidationRunner.validateBuild(summary)
            if !report.isEmpty { printError(report.text) }
            if report.failed { failed = true }
        }
        if let push {
            let result = try PushRunner.pushBuild(summary, endpoint: push)
            if !quiet { printError(result) }
        }
        if verbose {
            for file in summary.files { printError("newsgraph: wrote " + file) }
            for (name, seconds) in summary.stages { printError("newsgraph: " + name + String(format: ": %.2f s", seconds)) }
        }
        if !quiet { printError("newsgraph: " + summary.line + " → " + output) }
        if failed { throw NewsGraphFailure.alreadyReported }
    }
}
