/// The one table of the syntaxes NewsGraph reads and writes: names, file extensions and media
/// types live here and nowhere else, and every reader and writer is chosen by a `switch` on it.
public enum RDFFormat: String, CaseIterable, Sendable, CustomStringConvertible {
    case nTriples = "nt"
    case nQuads = "nq"
    case turtle = "ttl"
    case rdfXML = "rdf"
    case jsonLD = "jsonld"

    /// The name users type after `--to` / `--from`.
    public var name: String { rawValue }
    public var description: String { rawValue }

    public var displayName: String {
        switch self {
        case .nTriples: "N-Triples"
        case .nQuads: "N-Quads"
        case .turtle: "Turtle"
        case .rdfXML: "RDF/XML"
        case .jsonLD: "JSON-LD"
        }
    }

    public var fileExtensions: [String] {
        switch self {
        case .nTriples: ["nt"]
        case .nQuads: ["nq"]
        case .turtle: ["ttl"]
        case .rdfXML: ["rdf", "xml", "owl"]
        case .jsonLD: ["jsonld", "json"]
        }
    }

    public var mediaType: String {
        switch self {
        case .nTriples: "application/n-triples"
        case .nQuads: "application/n-quads"
        case .turtle: "text/turtle"
        case .rdfXML: "application/rdf+xml"
        case .jsonLD: "application/ld+json"
        }
    }

    /// Whether the syntax can hold named graphs (others receive the union of all graphs).
    public var supportsDatasets: Bool { self == .nQuads || self == .jsonLD }

    /// The format a file name implies, from its extension (case-insensitive).
    public init?(path: String) {
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return nil }
        self.init(fileExtension: String(path[path.index(after: dot)...]))
    }

    public init?(fileExtension: String) {
        let e = fileExtension.lowercased()
        guard let f = RDFFormat.allCases.first(where: { $0.fileExtensions.contains(e) }) else { return nil }
        self = f
    }

    /// Accepts the canonical names and the common aliases (`ntriples`, `turtle`, `rdfxml`, `xml`, `json-ld`).
    public init?(name: String) {
        switch name.lowercased() {
        case "nt", "ntriples", "n-triples": self = .nTriples
        case "nq", "nquads", "n-quads": self = .nQuads
        case "ttl", "turtle": self = .turtle
        case "rdf", "rdfxml", "rdf/xml", "xml", "owl": self = .rdfXML
        case "jsonld", "json-ld", "json": self = .jsonLD
        default: return nil
        }
    }
}

/// What `convert --to` accepts: an RDF syntax, or the GraphViz picture language.
public enum OutputFormat: Sendable, Hashable, CustomStringConvertible {
    case rdf(RDFFormat)
    case dot

    public init?(name: String) {
        if name.lowercased() == "dot" || name.lowercased() == "gv" { self = .dot; return }
        guard let f = RDFFormat(name: name) else { return nil }
        self = .rdf(f)
    }

    public init?(path: String) {
        if path.lowercased().hasSuffix(".dot") || path.lowercased().hasSuffix(".gv") { self = .dot; return }
        guard let f = RDFFormat(path: path) else { return nil }
        self = .rdf(f)
    }

    public var description: String {
        switch self {
        case let .rdf(f): f.rawValue
        case .dot: "dot"
        }
    }

    public static var allNames: [String] { RDFFormat.allCases.map(\.rawValue) + ["dot"] }
}
