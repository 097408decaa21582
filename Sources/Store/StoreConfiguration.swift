import Foundation
import RDF

/// The three URLs a triple store exposes. Stores disagree on the layout (see the README's
/// "Endpoint layouts" section), so the client never guesses beyond the Oxigraph defaults: every URL
/// can be given explicitly, and a missing one only fails the operation that needs it.
public struct StoreEndpoints: Sendable, Equatable {
    /// SPARQL 1.1 Graph Store Protocol service (`?graph=IRI` / `?default` are appended).
    public var graphStore: URL?
    /// SPARQL 1.1 Update service (`application/sparql-update` POST).
    public var update: URL?
    /// SPARQL 1.1 Query service (used by `verify` and ``GraphStoreClient/select(_:)``).
    public var query: URL?
    /// Where a whole N-Quads dataset may be POSTed (Oxigraph `/store`, Fuseki `/ds`).
    public var dataset: URL?

    public init(graphStore: URL? = nil, update: URL? = nil, query: URL? = nil, dataset: URL? = nil) {
        self.graphStore = graphStore; self.update = update; self.query = query; self.dataset = dataset
    }

    /// Oxigraph's layout under `base` (`http://localhost:7878` → `/store`, `/update`, `/query`).
    /// Also used when only `--endpoint` is given, because Oxigraph is the store the tests run.
    public static func oxigraph(base: URL) -> StoreEndpoints {
        StoreEndpoints(
            graphStore: base.appendingPathComponent("store"),
            update: base.appendingPathComponent("update"),
            query: base.appendingPathComponent("query"),
            dataset: base.appendingPathComponent("store"))
    }

    /// Apache Jena Fuseki: `base` is the dataset URL (`http://localhost:3030/ds`).
    public static func fuseki(dataset base: URL) -> StoreEndpoints {
        StoreEndpoints(
            graphStore: base.appendingPathComponent("data"),
            update: base.appendingPathComponent("update"),
            query: base.appendingPathComponent("query"),
            dataset: base)
    }

    /// Ontotext GraphDB: `base` is the repository URL (`http://localhost:7200/repositories/R`).
    public static func graphDB(repository base: URL) -> StoreEndpoints {
        StoreEndpoints(
            graphStore: base.appendingPathComponent("rdf-graphs").appendingPathComponent("service"),
            update: base.appendingPathComponent("statements"),
            query: base,
            dataset: base.appendingPathComponent("statements"))
    }

    /// OpenLink Virtuoso: `base` is the server root (`http://localhost:8890`). The `-auth` services
    /// are the writable ones; Virtuoso protects them with HTTP Digest authentication.
    public static func virtuoso(base: URL) -> StoreEndpoints {
        StoreEndpoints(
            graphStore: base.appendingPathComponent("sparql-graph-crud-auth"),
            update: base.appendingPathComponent("sparql-auth"),
            query: base.appendingPathComponent("sparql"),
            dataset: nil)
    }

    /// Replaces the URLs that are given (the `--gsp-url`, `--update-url`, `--query-url` options).
    public func overriding(graphStore: URL? = nil, update: URL? = nil, query: URL? = nil, dataset: URL? = nil) -> StoreEndpoints {
        StoreEndpoints(
            graphStore: graphStore ?? self.graphStore, update: update ?? self.update,
            query: query ?? self.query, dataset: dataset ?? self.dataset)
    }
}

/// How statements travel to the store.
public enum StoreProtocol: String, Sendable, CaseIterable {
    /// Graph Store Protocol: one N-Triples request per target graph per chunk (PUT replaces, POST adds).
    case graphStore = "gsp"
    /// One N-Quads request per chunk to the dataset URL; named graphs travel inside the body.
    case dataset = "dataset"
    /// SPARQL 1.1 Update `INSERT DATA` per chunk, for stores that accept only updates.
    case update = "update"
}

/// Credentials for the store. They are deliberately opaque: `description`, `debugDescription` and
/// reflection all print a redacted form, so a credential that ends up in a log line or an error
/// message (string interpolation, `dump`, `print`) never shows the secret.
public struct StoreCredentials: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    enum Kind: Sendable, Equatable {
        case basic(user: String, password: String)
        case token(scheme: String, token: String)
    }
    let kind: Kind

    /// HTTP Basic authentication.
    public static func basic(user: String, password: String) -> StoreCredentials { StoreCredentials(kind: .basic(user: user, password: password)) }
    /// A bearer token (`Authorization: Bearer …`); GraphDB's own tokens use the scheme `GDB`.
    public static func bearer(_ token: String, scheme: String = "Bearer") -> StoreCredentials { StoreCredentials(kind: .token(scheme: scheme, token: token)) }

    /// Reads `NEWSGRAPH_STORE_TOKEN` (with optional `NEWSGRAPH_STORE_TOKEN_SCHEME`, default `Bearer`)
    /// or `NEWSGRAPH_STORE_USER` + `NEWSGRAPH_STORE_PASSWORD`. Secrets come from the environment, not
    /// from options, so they stay out of shell history and process listings. A token wins over a user.
    public static func fromEnvironment(_ env: [String: String] = ProcessInfo.processInfo.environment) -> StoreCredentials? {
        if let token = env["NEWSGRAPH_STORE_TOKEN"], !token.isEmpty {
            let scheme = env["NEWSGRAPH_STORE_TOKEN_SCHEME"].flatMap { $0.isEmpty ? nil : $0 } ?? "Bearer"
            return .bearer(token, scheme: scheme)
        }
        if let user = env["NEWSGRAPH_STORE_USER"], !user.isEmpty {
            return .basic(user: user, password: env["NEWSGRAPH_STORE_PASSWORD"] ?? "")
        }
        return nil
    }

    /// The `Authorization` header value. Internal: only the transport needs it.
    var headerValue: String {
        switch kind {
        case let .basic(user, password): return "Basic " + Data("\(user):\(password)".utf8).base64EncodedString()
        case let .token(scheme, token): return scheme + " " + token
        }
    }

    /// Strings that must never appear in output; used to scrub server messages that echo them.
    var secrets: [String] {
        switch kind {
        case let .basic(user, password): return [password, headerValue, Data("\(user):\(password)".utf8).base64EncodedString()].filter { $0.count >= 3 }
        case let .token(_, token): return [token].filter { $0.count >= 3 }
        }
    }

    public var description: String {
        switch kind {
        case let .basic(user, _): return "basic(user: \(user), password: <redacted>)"
        case let .token(scheme, _): return "token(\(scheme) <redacted>)"
        }
    }
    public var debugDescription: String { description }
    public var customMirror: Mirror { Mirror(self, children: ["redacted": description]) }
}

/// Everything that shapes how a push talks to the store. The defaults suit a local Oxigraph;
/// tests shrink the delays so fault cases finish in milliseconds.
public struct StoreConfiguration: Sendable {
    public var protocolKind: StoreProtocol
    /// Statements per chunk (one HTTP request per graph per chunk). Bounds memory and request size.
    public var chunkTriples: Int
    /// Whole-request deadline in seconds (connect, upload, server work, download). Rounded up to
    /// whole seconds, at least 1: Linux Foundation truncates fractions, and 0 would fail at once.
    public var timeout: TimeInterval
    /// Extra attempts after the first on connection errors, time-outs, 5xx and 429.
    public var maxRetries: Int
    /// First back-off delay in seconds; doubles per retry up to `maxRetryDelay`.
    public var retryBaseDelay: TimeInterval
    public var maxRetryDelay: TimeInterval
    public var credentials: StoreCredentials?
    /// Media type for N-Triples bodies. Some stores (older Virtuoso) know only `text/turtle`;
    /// N-Triples is a subset of Turtle, so sending it as Turtle is always correct.
    public var triplesMediaType: String
    public var quadsMediaType: String

    public init(
        protocolKind: StoreProtocol = .graphStore,
        chunkTriples: Int = 50_000,
        timeout: TimeInterval = 120,
        maxRetries: Int = 4,
        retryBaseDelay: TimeInterval = 0.5,
        maxRetryDelay: TimeInterval = 16,
        credentials: StoreCredentials? = StoreCredentials.fromEnvironment(),
        triplesMediaType: String = "application/n-triples",
        quadsMediaType: String = "application/n-quads"
    ) {
        self.protocolKind = protocolKind
        self.chunkTriples = max(1, chunkTriples)
        self.timeout = max(1, timeout.rounded(.up))
        self.maxRetries = max(0, maxRetries)
        self.retryBaseDelay = retryBaseDelay
        self.maxRetryDelay = maxRetryDelay
        self.credentials = credentials
        self.triplesMediaType = triplesMediaType
        self.quadsMediaType = quadsMediaType
    }
}
