import JSON

/// The options of the JSON-LD 1.1 API (`JsonLdOptions`, §9.2), one field per option, so every CLI
/// flag maps onto exactly one of them:
/// `--base-iri` → `base`, `--processing-mode` → `processingMode`, `--expand-context FILE` →
/// `expandContext`, `--rdf-direction` → `rdfDirection`, `--generalized-rdf` →
/// `produceGeneralizedRdf`, `--map-url URL=PATH` / `--allow-remote-contexts` → `documentLoader`
/// (a ``StandardDocumentLoader``).
public struct JSONLDOptions {
    public enum ProcessingMode: String, Sendable { case jsonLD10 = "json-ld-1.0", jsonLD11 = "json-ld-1.1" }
    public enum RDFDirection: String, Sendable { case i18nDatatype = "i18n-datatype", compoundLiteral = "compound-literal" }

    /// The document's IRI, against which relative IRIs resolve.
    public var base: String?
    public var processingMode: ProcessingMode = .jsonLD11
    /// A context applied before the document's own (`expandContext`); a context document, a context
    /// object, or the IRI of one (loaded through `documentLoader`).
    public var expandContext: JSONValue?
    public var rdfDirection: RDFDirection?
    public var produceGeneralizedRdf = false
    public var compactArrays = true
    public var compactToRelative = true
    /// Sort keys and nodes (deterministic output at the cost of a sort).
    public var ordered = false
    public var useNativeTypes = false
    public var useRdfType = false
    /// Where remote contexts come from. The default never touches the network.
    public var documentLoader: DocumentLoader = StandardDocumentLoader()
    /// Bounds that keep hostile input from exhausting memory or time.
    public var maxRemoteContexts = 32
    public var maxExpansionDepth = 512
    public var maxListDepth = 256

    public init(base: String? = nil) { self.base = base }
}
