import ArgumentParser
import NewsGraphKit
import JSONLD
import DOT

/// JSON-LD API options as flags, shared by `convert`, `validate` and `push`.
struct JSONLDReadFlags: ParsableArguments {
    @Option(name: .customLong("processing-mode"), help: "JSON-LD processing mode: json-ld-1.0 or json-ld-1.1.")
    var processingMode: String?
    @Option(name: .customLong("expand-context"), help: "A context file applied before the document's own (JSON-LD expandContext).")
    var expandContext: String?
    @Option(name: .customLong("rdf-direction"), help: "How @direction becomes RDF: i18n-datatype or compound-literal.")
    var rdfDirection: String?
    @Flag(name: .customLong("generalized-rdf"), help: "Keep triples whose predicate is a blank node (generalized RDF).")
    var generalizedRDF = false
    @Option(name: .customLong("map-url"), help: "Serve a URL prefix from a local folder: URL=PATH (repeatable).")
    var mapURL: [String] = []
    @Flag(name: .customLong("allow-remote-contexts"), help: "Allow fetching remote JSON-LD contexts over the network (off by default).")
    var allowRemoteContexts = false

    func options(base: String?) throws -> ReadOptions {
        try ReadOptionsBuilder.make(
            base: base, processingMode: processingMode, expandContext: expandContext, rdfDirection: rdfDirection,
            generalizedRDF: generalizedRDF, mapURLs: mapURL, allowRemote: allowRemoteContexts)
    }
}

/// The DOT view flags, shared by `convert --to dot` and `render`.
struct DOTViewFlags: ParsableArguments {
    @Option(help: "Show only the neighbourhood of this entity (name or IRI).")
    var focus: String?
    @Option(help: "How many edges away from --focus to include.")
    var depth: Int = 2
    @Option(help: "Entity kinds to show, comma-separated: person,country,organization,place,event,other.")
    var types: String?
    @Option(name: .customLong("max-nodes"), help: "Keep only the N most connected nodes.")
    var maxNodes: Int?
    @Option(name: .customLong("cluster-by"), help: "Group nodes: none, document or type.")
    var clusterBy: String = "none"
    @Option(help: "Layout direction: LR, TB, RL or BT.")
    var rankdir: String = "LR"
    @Flag(name: .customLong("provenance"), help: "Also draw documents and prov:wasDerivedFrom edges.")
    var provenance = false
    @Flag(name: .customLong("mentions"), help: "Also draw NIF mention nodes.")
    var mentions = false

    func options() throws -> DOTOptions {
        try DOTOptionsBuilder.make(
            focus: focus, depth: depth, types: types, maxNodes: maxNodes, clusterBy: clusterBy, rankdir: rankdir,
            provenance: provenance, mentions: mentions)
    }
}

struct Convert: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Convert an RDF file between N-Triples, N-Quads, Turtle, RDF/XML and JSON-LD, or draw it as DOT.",
        discussion: "The input format comes from the file extension (.nt .nq .ttl .rdf/.xml/.owl .jsonld/.json) unless --from is given; '-' reads standard input. Output goes to standard output unless --output is given, and is then written to a temporary file renamed at the end.")

    @Argument(help: "The input file, or - for standard input.")
    var input: String
    @Option(help: "Output format: \(OutputFormat.allNames.joined(separator: ", ")).")
    var to: String
    @Option(name: [.short, .long], help: "Write to this file instead of standard output.")
    var output: String?
    @Option(help: "Input format, when the extension does not tell: \(RDFFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
    var from: String?
    @Option(help: "Base IRI for relative references (default: the file's own location).")
    var base: String?
    @Option(name: .customLong("jsonld-form"), help: "JSON-LD output form: compact, expanded or flattened.")
    var jsonldForm: String = "compact"
    @Option(help: "Reference this context IRI in JSON-LD output instead of embedding the project context.")
    var context: String?
    @Flag(help: "Embed referenced nodes in JSON-LD output instead of linking them by id.")
    var embed = false
    @OptionGroup var jsonld: JSONLDReadFlags
    @OptionGroup(title: "DOT") var dot: DOTViewFlags

    func run() throws {
        guard let target = OutputFormat(name: to) else {
            throw NewsGraphFailure.usage("unknown output format '\(to)'; use one of \(OutputFormat.allNames.joined(separator: ", "))")
        }
        let format = try RDFFiles.inputFormat(path: input, explicit: from == nil && input == "-" ? "nt" : from)
        var write = WriteOptions()
        write.jsonldForm = try JSONLDFormName.parse(jsonldForm)
        write.jsonldContextIRI = context
        write.jsonldEmbed = embed
        write.dot = try dot.options()
        let request = ConvertRequest(
            input: input, from: format, to: target, output: output, read: try jsonld.options(base: base), write: write)
        try Converter.run(request)
    }
}
