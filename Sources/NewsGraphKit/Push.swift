import Foundation
import RDF
import Store

/// One `newsgraph push`, as the CLI parsed it.
public struct PushRequest {
    public var files: [String]
    public var endpoint: String
    public var graph: String?
    public var defaultGraph: Bool
    public var replace: Bool
    public var protocolName: String
    public var chunkTriples: Int
    public var verify: Bool
    public var gspURL: String?
    public var updateURL: String?
    public var queryURL: String?
    public var timeout: Double
    public var retries: Int
    public var from: String?
    public var read: ReadOptions

    public init(
        files: [String], endpoint: String, graph: String? = nil, defaultGraph: Bool = false, replace: Bool = false,
        protocolName: String = "gsp", chunkTriples: Int = 50_000, verify: Bool = false, gspURL: String? = nil,
        updateURL: String? = nil, queryURL: String? = nil, timeout: Double = 60, retries: Int = 3, from: String? = nil,
        read: ReadOptions = ReadOptions()
    ) {
        self.files = files; self.endpoint = endpoint; self.graph = graph; self.defaultGraph = defaultGraph
        self.replace = replace; self.protocolName = protocolName; self.chunkTriples = chunkTriples; self.verify = verify
        self.gspURL = gspURL; self.updateURL = updateURL; self.queryURL = queryURL; self.timeout = timeout
        self.retries = retries; self.from = from; self.read = read
    }
}

/// Several files read one after the other as one stream, so `--replace` replaces once for all.
struct ChainedSource: QuadSource {
    var files: [(path: String, format: RDFFormat)]
    let options: ReadOptions
    var current: (any QuadSource)?
    var index = 0

    mutating func next() throws -> Quad? {
        while true {
            if current == nil {
                guard index < files.count else { return nil }
                let (path, format) = files[index]
                index += 1
                current = try RDFFiles.reader(format, source: try InputSource(path: path), options: options)
            }
            do {
                if let q = try current?.next() { return q }
            } catch let e as SyntaxError {
                throw e.inFile(files[index - 1].path)
            }
            current = nil
        }
    }
}

public enum PushRunner {
    static func url(_ s: String, _ flag: String) throws -> URL {
        guard let u = URL(string: s), let scheme = u.scheme?.lowercased(), scheme == "http" || scheme == "https", u.host != nil else {
            throw NewsGraphFailure.usage("\(flag) '\(s)' is not an http(s) URL")
        }
        return u
    }

    /// Pushes files; returns the one-line summary to print.
    public static func run(_ request: PushRequest) throws -> String {
        guard let kind = StoreProtocol(rawValue: request.protocolName) else {
            throw NewsGraphFailure.usage("--protocol must be gsp, dataset or update, not '\(request.protocolName)'")
        }
        var endpoints = StoreEndpoints.oxigraph(base: try url(request.endpoint, "--endpoint"))
        endpoints = endpoints.overriding(
            graphStore: try request.gspURL.map { try url($0, "--gsp-url") },
            update: try request.updateURL.map { try url($0, "--update-url") },
            query: try request.queryURL.map { try url($0, "--query-url") })
        let configuration = StoreConfiguration(
            protocolKind: kind, chunkTriples: request.chunkTriples, timeout: request.timeout, maxRetries: max(0, request.retries))
        var target = PushTarget.asIs
        if request.defaultGraph { target = .defaultGraph }
        if let g = request.graph {
            guard let iri = try? IRI(g) else { throw NewsGraphFailure.usage("--graph '\(g)' is not an absolute IRI") }
            target = .graph(iri)
        }
        var files: [(String, RDFFormat)] = []
        for f in request.files {
            let format = try RDFFiles.inputFormat(path: f, explicit: request.from)
            // Fail on a missing file before the first byte is sent.
            _ = try InputSource(path: f)
            files.append((f, format))
        }
        var source = ChainedSource(files: files, options: request.read)
        let client = GraphStoreClient(endpoints: endpoints, configuration: configuration)
        do {
            let report = try client.push(&source, options: PushOptions(target: target, replace: request.replace, verify: request.verify))
            return String(format: "newsgraph: pushed %d statements in %d chunks (%d requests) in %.2f s", report.triplesSent, report.chunksSent, report.requestsSent, report.seconds)
        } catch {
            let e = error
            if case let .input(message) = e { throw NewsGraphFailure.invalid(message) }
            throw NewsGraphFailure.unreadable(e.description)
        }
    }

    /// `build --push URL`: loads the N-Quads just written (one named graph per document), replacing
    /// those graphs so that rebuilding and pushing again is idempotent.
    public static func pushBuild(_ summary: BuildSummary, endpoint: String) throws -> String {
        guard let nq = summary.files.first(where: { $0.hasSuffix(".nq") }) else {
            throw NewsGraphFailure.usage("--push needs the N-Quads output; include nq in --formats")
        }
        return try run(PushRequest(files: [nq], endpoint: endpoint, replace: true, protocolName: "gsp"))
    }
}
