import ArgumentParser
import NewsGraphKit

struct Push: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Load RDF files into a triple store over the SPARQL 1.1 Graph Store Protocol or Update.",
        discussion: """
        Credentials come from the environment, never from flags: NEWSGRAPH_STORE_USER and \
        NEWSGRAPH_STORE_PASSWORD (basic) or NEWSGRAPH_STORE_TOKEN (bearer). The endpoint is the \
        store's base URL (Oxigraph: http://host:7878); use --gsp-url, --update-url and --query-url \
        for stores laid out differently (Fuseki, GraphDB, Virtuoso: see README).
        """)

    @Argument(help: "RDF files in any supported format.")
    var files: [String]
    @Option(help: "The store's base URL.")
    var endpoint: String
    @Option(help: "Load into this named graph.")
    var graph: String?
    @Flag(name: .customLong("default-graph"), help: "Load into the default graph.")
    var defaultGraph = false
    @Flag(help: "Replace the target graph(s) instead of adding to them (makes a repeated push idempotent).")
    var replace = false
    @Option(name: .customLong("protocol"), help: "gsp (Graph Store Protocol, one request per graph), dataset (N-Quads POST to the dataset) or update (SPARQL Update INSERT DATA).")
    var storeProtocol: String = "gsp"
    @Option(name: .customLong("chunk-triples"), help: "Triples per request.")
    var chunkTriples: Int = 50_000
    @Flag(help: "Count the triples in the target graph afterwards and fail when they differ from what was sent.")
    var verify = false
    @Option(name: .customLong("gsp-url"), help: "Graph Store Protocol URL, when not {endpoint}/store.")
    var gspURL: String?
    @Option(name: .customLong("update-url"), help: "SPARQL Update URL, when not {endpoint}/update.")
    var updateURL: String?
    @Option(name: .customLong("query-url"), help: "SPARQL Query URL, when not {endpoint}/query.")
    var queryURL: String?
    @Option(help: "Seconds before a request times out.")
    var timeout: Double = 60
    @Option(help: "Retries after a connection error or a 5xx answer.")
    var retries: Int = 3
    @Option(help: "Input RDF format, when the extensions do not tell.")
    var from: String?
    @Option(help: "Base IRI for relative references.")
    var base: String?
    @OptionGroup var jsonld: JSONLDReadFlags

    func run() throws {
        if graph != nil && defaultGraph { throw NewsGraphFailure.usage("--graph and --default-graph exclude each other") }
        guard chunkTriples >= 1 else { throw NewsGraphFailure.usage("--chunk-triples must be at least 1") }
        let request = PushRequest(
            files: files, endpoint: endpoint, graph: graph, defaultGraph: defaultGraph, replace: replace,
            protocolName: storeProtocol, chunkTriples: chunkTriples, verify: verify, gspURL: gspURL, updateURL: updateURL,
            queryURL: queryURL, timeout: timeout, retries: retries, from: from, read: try jsonld.options(base: base))
        let report = try PushRunner.run(request)
        printError(report)
    }
}
