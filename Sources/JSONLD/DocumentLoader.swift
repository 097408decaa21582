import Foundation
import JSON
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A loaded document (JSON-LD 1.1 API `RemoteDocument`).
public struct RemoteDocument: Sendable {
    /// The final URL after redirects; relative IRIs in the document resolve against it.
    public var documentURL: String
    public var document: JSONValue
    public var contextURL: String?
    public init(documentURL: String, document: JSONValue, contextURL: String? = nil) {
        self.documentURL = documentURL; self.document = document; self.contextURL = contextURL
    }
}

/// Resolves context IRIs to documents. A protocol so that tests, the CLI's `--map-url` and a
/// network-enabled loader are interchangeable; the processor never opens a URL itself.
public protocol DocumentLoader: AnyObject {
    /// Errors use the code `loading document failed` (the processor turns it into
    /// `loading remote context failed` when a context was being loaded).
    func loadDocument(_ url: String) throws(JSONLDError) -> RemoteDocument
}

/// The default loader. It never touches the network unless `allowRemote` is set:
/// 1. URLs under a mapped prefix (`--map-url URL=PATH`) are read from the local folder or file;
/// 2. `http(s)://schema.org/` (and `/docs/jsonldcontext.json[ld]`) are served from the bundled
///    schema.org 29.0 context, so the most common real-world JSON-LD works offline;
/// 3. `file:` URLs and plain paths are read from disk;
/// 4. anything else is fetched over HTTP only with `allowRemote` (timeout `timeout` seconds),
///    otherwise it fails with a message naming `--allow-remote-contexts` and `--map-url`.
/// Loaded documents are cached for the loader's lifetime, so a context used a thousand times is
/// parsed once.
public final class StandardDocumentLoader: DocumentLoader {
    public var mappings: [(prefix: String, path: String)]
    public var allowRemote: Bool
    public var timeout: Double
    /// Documents larger than this are refused (a context is rarely more than a few hundred KB).
    public var maxDocumentBytes: Int
    var cache: [String: RemoteDocument] = [:]

    public init(mappings: [(prefix: String, path: String)] = [], allowRemote: Bool = false, timeout: Double = 10,
                maxDocumentBytes: Int = 64 << 20) {
        self.mappings = mappings; self.allowRemote = allowRemote; self.timeout = timeout; self.maxDocumentBytes = maxDocumentBytes
    }

    /// Parses a `URL=PATH` argument (the CLI's `--map-url`).
    public func addMapping(_ argument: String) throws(JSONLDError) {
        guard let eq = argument.firstIndex(of: "=") else {
            throw JSONLDError(JSONLDErrorCode.loadingDocumentFailed, "--map-url expects URL=PATH, got '\(argument)'")
        }
        mappings.append((String(argument[..<eq]), String(argument[argument.index(after: eq)...])))
    }

    public static let schemaOrgURLs: Set<String> = [
        "http://schema.org", "http://schema.org/", "https://schema.org", "https://schema.org/",
        "http://schema.org/docs/jsonldcontext.json", "https://schema.org/docs/jsonldcontext.json",
        "http://schema.org/docs/jsonldcontext.jsonld", "https://schema.org/docs/jsonldcontext.jsonld",
    ]

    public func loadDocument(_ url: String) throws(JSONLDError) -> RemoteDocument {
        if let d = cache[url] { return d }
        let d = try load(url)
        cache[url] = d
        return d
    }

    func load(_ url: String) throws(JSONLDError) -> RemoteDocument {
        var stripped = url
        if let h = stripped.firstIndex(of: "#") { stripped = String(stripped[..<h]) }
        // Longest mapping first, so a more specific --map-url wins.
        for m in mappings.sorted(by: { $0.prefix.count > $1.prefix.count }) where stripped.hasPrefix(m.prefix) {
            let rest = String(stripped.dropFirst(m.prefix.count))
            var path = m.path
            if !rest.isEmpty { path = (path.hasSuffix("/") ? path : path + "/") + rest }
            return RemoteDocument(documentURL: url, document: try readFile(path, url: url))
        }
        if Self.schemaOrgURLs.contains(stripped) {
            guard let resource = Bundle.module.url(forResource: "schemaorgcontext", withExtension: "jsonld", subdirectory: "Resources")
                ?? Bundle.module.url(forResource: "schemaorgcontext", withExtension: "jsonld") else {
                throw JSONLDError(JSONLDErrorCode.loadingDocumentFailed, "the bundled schema.org context is missing from the installation")
            }
            return RemoteDocument(documentURL: url, document: try readFile(resource.path, url: url))
        }
        if stripped == JSONLDWriter.projectContextIRI || stripped == "https://w3id.org/newsgraph/context" {
            guard let resource = Bundle.module.url(forResource: "newsgraph-context", withExtension: "jsonld", subdirectory: "Resources")
                ?? Bundle.module.url(forResource: "newsgraph-context", withExtension: "jsonld") else {
                throw JSONLDError(JSONLDErrorCode.loadingDocumentFailed, "the bundled project context is missing from the installation")
            }
            return RemoteDocument(documentURL: url, document: try readFile(resource.path, url: url))
        }
        if stripped.hasPrefix("file://") {
            return RemoteDocument(documentURL: url, document: try readFile(String(stripped.dropFirst(7)), url: url))
        }
        if stripped.hasPrefix("http://") || stripped.hasPrefix("https://") {
            guard allowRemote else {
                throw JSONLDError(JSONLDErrorCode.loadingDocumentFailed,
                                  "<\(url)> is not available offline; remote contexts are never fetched unless you pass --allow-remote-contexts, or serve a local copy with --map-url \(url)=PATH")
            }
            return try fetch(url)
        }
        throw JSONLDError(JSONLDErrorCode.loadingDocumentFailed, "cannot load <\(url)>: not a mapped, bundled, file: or http(s): URL")
    }

    func readFile(_ path: String, url: String) throws(JSONLDError) -> JSONValue {
        let bytes: [UInt8]
        do {
            let attrs = try FileManager.default.attributesOfItem(atPath: path)
            if let size = attrs[.size] as? Int, size > maxDocumentBytes {
                throw JSONLDError(JSONLDErrorCode.loadingDocumentFailed, "<\(url)> (\(path)) is larger than \(maxDocumentBytes) bytes")
            }
            bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        } catch let e as JSONLDError {
            throw e
        } catch {
            throw JSONLDError(JSONLDErrorCode.loadingDocumentFailed, "cannot read <\(url)> from \(path): \(error.localizedDescription)")
        }
        do {
            return try JSONParser.parse(bytes, file: path, options: .init(duplicateKeys: .lastWins))
        } catch {
            throw JSONLDError(JSONLDErrorCode.loadingDocumentFailed, "<\(url)> is not JSON: \(error)")
        }
    }

    final class FetchResult: @unchecked Sendable { var data: Data?; var error: String?; var finalURL: String? }

    func fetch(_ url: String) throws(JSONLDError) -> RemoteDocument {
        guard let u = URL(string: url) else { throw JSONLDError(JSONLDErrorCode.loadingDocumentFailed, "invalid URL <\(url)>") }
        var request = URLRequest(url: u, timeoutInterval: timeout)
        request.setValue("application/ld+json, application/json;q=0.9", forHTTPHeaderField: "Accept")
        let result = FetchResult()
        let semaphore = DispatchSemaphore(value: 0)
        let task = URLSession.shared.dataTask(with: request) { data, response, error in
            if let error { result.error = error.localizedDescription }
            else if let http = response as? HTTPURLResponse, !(200..<300).contains(http.statusCode) { result.error = "HTTP status \(http.statusCode)" }
            else { result.data = data; result.finalURL = response?.url?.absoluteString }
            semaphore.signal()
        }
        task.resume()
        if semaphore.wait(timeout: .now() + timeout + 1) == .timedOut {
            task.cancel()
            throw JSONLDError(JSONLDErrorCode.loadingDocumentFailed, "timed out after \(timeout) s fetching <\(url)>")
        }
        guard let data = result.data else { throw JSONLDError(JSONLDErrorCode.loadingDocumentFailed, "fetching <\(url)> failed: \(result.error ?? "no data")") }
        guard data.count <= maxDocumentBytes else { throw JSONLDError(JSONLDErrorCode.loadingDocumentFailed, "<\(url)> is larger than \(maxDocumentBytes) bytes") }
        do {
            let v = try JSONParser.parse(Array(data), file: url, options: .init(duplicateKeys: .lastWins))
            return RemoteDocument(documentURL: result.finalURL ?? url, document: v)
        } catch {
            throw JSONLDError(JSONLDErrorCode.loadingDocumentFailed, "<\(url)> is not JSON: \(error)")
        }
    }
}

/// A loader that serves only local folders (`--map-url`), never the network or the bundled copies.
/// Kept as a name of its own because tests and the CLI ask for exactly this.
public typealias LocalDocumentLoader = StandardDocumentLoader
