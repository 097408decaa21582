import Foundation
import RDF
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Loads RDF into a triple store over HTTP: the SPARQL 1.1 Graph Store Protocol, an N-Quads POST
/// to the dataset, or SPARQL 1.1 Update, in bounded chunks read from a streaming ``QuadSource``.
///
/// Why chunks: a store's request-size limit and the client's memory both bound what one request
/// may carry, and a failure then costs one chunk, not the whole load (``PushReport`` says which
/// chunks landed). Why `replace` is PUT-then-POST: it makes a repeated push idempotent without a
/// separate, non-atomic "delete everything" step.
public final class GraphStoreClient: @unchecked Sendable {
    public let endpoints: StoreEndpoints
    public let configuration: StoreConfiguration
    let transport: HTTPTransport

    public init(endpoints: StoreEndpoints, configuration: StoreConfiguration = StoreConfiguration()) {
        self.endpoints = endpoints
        self.configuration = configuration
        self.transport = HTTPTransport(configuration: configuration)
    }

    /// A client for a store with Oxigraph's layout under `endpoint` (`/store`, `/update`, `/query`).
    public convenience init(endpoint: URL, configuration: StoreConfiguration = StoreConfiguration()) {
        self.init(endpoints: .oxigraph(base: endpoint), configuration: configuration)
    }

    // MARK: Push

    /// Streams `source` into the store. Throws ``StoreError/interrupted(report:cause:)`` when a
    /// chunk fails after others landed, ``StoreError/verification(graph:expected:actual:rule:)``
    /// when `verify` disagrees; `progress` is called after every acknowledged chunk.
    @discardableResult
    public func push<S: QuadSource>(_ source: inout S, options: PushOptions = PushOptions(),
                                    progress: ((PushReport) -> Void)? = nil) throws(StoreError) -> PushReport {
        let start = Date()
        try checkConfiguration(options)
        var state = PushState(options: options)
        var chunk = ChunkBuilder(format: configuration.protocolKind == .dataset ? .quads : .triples)
        var chunkNumber = 0

        func flush() throws(StoreError) {
            guard !chunk.isEmpty else { return }
            chunkNumber += 1
            do {
                try send(chunk, state: &state)
            } catch {
                state.report.failedChunk = chunkNumber
                state.report.seconds = Date().timeIntervalSince(start)
                throw .interrupted(report: state.report, cause: error)
            }
            state.report.chunksSent += 1
            state.report.triplesSent += chunk.count
            chunk.reset()
            progress?(state.report)
        }

        while true {
            let quad: Quad?
            do { quad = try source.next() } catch {
                let cause = StoreError.input(String(describing: error))
                if state.report.chunksSent == 0 { throw cause }
                state.report.seconds = Date().timeIntervalSince(start)
                throw .interrupted(report: state.report, cause: cause)
            }
            guard var q = quad else { break }
            if case let .skolemize(prefix) = options.blankNodes {
                q.subject = skolemize(q.subject, prefix); q.object = skolemize(q.object, prefix)
                if let g = q.graph { q.graph = skolemize(g, prefix) }
            }
            let graph: StoreGraph
            switch options.target {
            case .defaultGraph: graph = .defaultGraph
            case let .graph(iri): graph = .named(iri)
            case .asIs:
                switch q.graph {
                case nil: graph = .defaultGraph
                case let .iri(iri)?: graph = .named(iri)
                case let g?:
                    throw .unsupported("graph name \(g) is not an IRI; stores address graphs by IRI (push with --graph, or skolemize blank nodes)")
                }
            }
            let hasBlank = q.subject.isBlank || q.object.isBlank || q.predicate.isBlank
            if hasBlank { state.report.blankNodeTriples += 1 }
            if options.verify { state.recordDistinct(q, graph: graph, chunk: hasBlank ? chunkNumber + 1 : 0) }
            chunk.add(q.subject, q.predicate, q.object, to: graph)
            if chunk.count >= configuration.chunkTriples { try flush() }
        }
        try flush()

        // Replacing an explicit target with nothing must still empty it.
        if options.replace {
            let explicit: StoreGraph? = switch options.target {
            case .asIs: nil
            case .defaultGraph: .defaultGraph
            case let .graph(iri): .named(iri)
            }
            if let g = explicit, !state.touched.contains(g) {
                do {
                    try clear(g)
                    state.touch(g)
                    state.report.requestsSent += 1
                } catch {
                    state.report.failedChunk = chunkNumber + 1
                    throw .interrupted(report: state.report, cause: error)
                }
            }
        }
        state.report.chunksTotal = chunkNumber
        if options.verify { try verify(&state) }
        state.report.seconds = Date().timeIntervalSince(start)
        return state.report
    }

    /// Bookkeeping shared by the chunk senders.
    struct PushState {
        let options: PushOptions
        var report = PushReport()
        var touched: Set<StoreGraph> = []
        /// Per graph: hashes of the distinct statements sent (only with `verify`).
        var distinct: [StoreGraph: Set<Int>] = [:]
        /// Per graph: its count before the push touched it (only with `verify` and no `replace`).
        var before: [StoreGraph: Int] = [:]

        init(options: PushOptions) { self.options = options }

        mutating func touch(_ g: StoreGraph) {
            if touched.insert(g).inserted { report.graphs.append(g) }
        }

        /// The store keeps a set: duplicates collapse, but a blank-node statement from another
        /// chunk is another statement (another document, another node), hence the chunk number.
        mutating func recordDistinct(_ q: Quad, graph: StoreGraph, chunk: Int) {
            var h = Hasher()
            h.combine(q.subject); h.combine(q.predicate); h.combine(q.object); h.combine(chunk)
            distinct[graph, default: []].insert(h.finalize())
        }
    }

    private func checkConfiguration(_ options: PushOptions) throws(StoreError) {
        switch configuration.protocolKind {
        case .graphStore: if endpoints.graphStore == nil { throw .configuration("no Graph Store Protocol URL (give --gsp-url)") }
        case .dataset: if endpoints.dataset == nil { throw .configuration("no dataset URL for the N-Quads POST") }
        case .update: if endpoints.update == nil { throw .configuration("no SPARQL Update URL (give --update-url)") }
        }
        if options.verify && endpoints.query == nil { throw .configuration("verify needs a SPARQL query URL (give --query-url)") }
    }

    private func send(_ chunk: ChunkBuilder, state: inout PushState) throws(StoreError) {
        let replace = state.options.replace
        // Remember the counts of graphs this push is about to change, for a non-replacing verify.
        if state.options.verify && !replace {
            for group in chunk.groups where !state.touched.contains(group.graph) && state.before[group.graph] == nil {
                state.before[group.graph] = try count(group.graph)
            }
        }
        switch configuration.protocolKind {
        case .graphStore:
            guard let base = endpoints.graphStore else { throw .configuration("no Graph Store Protocol URL") }
            for group in chunk.groups {
                let first = !state.touched.contains(group.graph)
                let method = replace && first ? "PUT" : "POST"
                _ = try transport.send(method: method, url: Self.graphURL(base, group.graph),
                                       contentType: configuration.triplesMediaType, body: Data(group.bytes))
                state.touch(group.graph)
                state.report.requestsSent += 1
            }
        case .dataset:
            guard let url = endpoints.dataset else { throw .configuration("no dataset URL") }
            for group in chunk.groups where !state.touched.contains(group.graph) {
                if replace {
                    try clear(group.graph)
                    state.report.requestsSent += 1
                }
            }
            var body = Data()
            for group in chunk.groups { body.append(contentsOf: group.bytes) }
            _ = try transport.send(method: "POST", url: url, contentType: configuration.quadsMediaType, body: body)
            for group in chunk.groups { state.touch(group.graph) }
            state.report.requestsSent += 1
        case .update:
            guard let url = endpoints.update else { throw .configuration("no SPARQL Update URL") }
            var body: [UInt8] = []
            if replace {
                // In the same request as the insert, so stores that run one update request as one
                // transaction never show the graph empty.
                for group in chunk.groups where !state.touched.contains(group.graph) {
                    body.append(contentsOf: "DROP SILENT \(group.graph.updateRef) ;\n".utf8)
                }
            }
            body.append(contentsOf: "INSERT DATA {\n".utf8)
            for group in chunk.groups {
                if case let .named(g) = group.graph {
                    body.append(contentsOf: "GRAPH \(Term.iri(g)) {\n".utf8)
                    body.append(contentsOf: group.bytes)
                    body.append(contentsOf: "}\n".utf8)
                } else {
                    body.append(contentsOf: group.bytes)
                }
            }
            body.append(contentsOf: "}\n".utf8)
            _ = try transport.send(method: "POST", url: url, contentType: "application/sparql-update", body: Data(body))
            for group in chunk.groups { state.touch(group.graph) }
            state.report.requestsSent += 1
        }
    }

    /// Empties one graph: a GSP `DELETE` (a 404 means already absent) or `DROP SILENT` by update.
    public func clear(_ graph: StoreGraph) throws(StoreError) {
        if configuration.protocolKind != .update, let base = endpoints.graphStore {
            do {
                _ = try transport.send(method: "DELETE", url: Self.graphURL(base, graph))
            } catch {
                if case let .http(_, _, status, _, _) = error, status == 404 { return }
                throw error
            }
        } else if let url = endpoints.update {
            _ = try transport.send(method: "POST", url: url, contentType: "application/sparql-update",
                                   body: Data("DROP SILENT \(graph.updateRef)".utf8))
        } else {
            throw .configuration("neither a Graph Store Protocol URL nor an update URL to clear \(graph)")
        }
    }

    private func verify(_ state: inout PushState) throws(StoreError) {
        for graph in state.report.graphs {
            let sent = state.distinct[graph]?.count ?? 0
            let actual = try count(graph)
            state.report.verified.append(GraphCount(graph: graph, expected: sent, actual: actual))
            if state.options.replace {
                guard actual == sent else {
                    throw .verification(graph: graph.description, expected: sent, actual: actual,
                                        rule: "replaced graph: distinct triples sent")
                }
            } else {
                // Without replace the graph may already hold some of the statements: the count must
                // be at least max(before, sent) (nothing lost) and at most before + sent (no extras).
                let before = state.before[graph] ?? 0
                let low = max(before, sent), high = before + sent
                guard actual >= low && actual <= high else {
                    throw .verification(graph: graph.description, expected: actual < low ? low : high, actual: actual,
                                        rule: "added to a graph of \(before): between \(low) and \(high)")
                }
            }
        }
    }

    // MARK: Query

    /// Runs a SELECT or ASK query on the query URL.
    public func select(_ query: String) throws(StoreError) -> SPARQLResults {
        guard let url = endpoints.query else { throw .configuration("no SPARQL query URL (give --query-url)") }
        let body = "query=" + Self.formEncode(query)
        let result = try transport.send(method: "POST", url: url, contentType: "application/x-www-form-urlencoded",
                                        accept: "application/sparql-results+json", body: Data(body.utf8))
        do { return try SPARQLResults.parse(json: result.body) } catch {
            if case let .invalidResponse(_, m) = error { throw .invalidResponse(url: displayURL(url), message: m) }
            throw error
        }
    }

    /// The number of triples in `graph`. For the default graph this is what the store's query
    /// service calls the default graph: with Oxigraph `--union-default-graph` or Fuseki
    /// `unionDefaultGraph` that is the union of all graphs.
    public func count(_ graph: StoreGraph) throws(StoreError) -> Int {
        let q: String
        switch graph {
        case .defaultGraph: q = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
        case let .named(iri): q = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH \(Term.iri(iri)) { ?s ?p ?o } }"
        }
        let results = try select(q)
        guard let term = results.rows.first?["n"], case let .literal(l) = term, let n = Int(l.lexicalForm) else {
            throw .invalidResponse(url: endpoints.query.map(displayURL) ?? "", message: "COUNT query returned no integer")
        }
        return n
    }

    // MARK: URLs

    /// `base?graph=IRI` or `base?default`, keeping a query the base URL already has.
    static func graphURL(_ base: URL, _ graph: StoreGraph) -> URL {
        guard var c = URLComponents(url: base, resolvingAgainstBaseURL: false) else { return base }
        let param: String
        switch graph {
        case .defaultGraph: param = "default"
        case let .named(iri): param = "graph=" + formEncode(iri.value)
        }
        c.percentEncodedQuery = c.percentEncodedQuery.map { $0.isEmpty ? param : $0 + "&" + param } ?? param
        return c.url ?? base
    }

    /// Percent-encodes all but RFC 3986 unreserved characters, so `&`, `=`, `+`, `#` in an IRI or
    /// a query survive form and query-string decoding.
    static func formEncode(_ s: String) -> String {
        var allowed = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
        allowed.insert(charactersIn: "-._~")
        return s.addingPercentEncoding(withAllowedCharacters: allowed) ?? s
    }

    private func skolemize(_ t: Term, _ prefix: String) -> Term {
        if case let .blank(b) = t { return .iri(IRI(unchecked: prefix + b.id)) }
        return t
    }
}
