import JSON
import RDF

/// Reads a JSON-LD document into RDF (parse → expand → toRdf). JSON syntax errors are
/// ``SyntaxError``s with line and column; JSON-LD errors are ``JSONLDError``s carrying the
/// specification's error code, the JSON Pointer of the offending member and, found from that
/// pointer, its line and column.
///
/// ```swift
/// var options = JSONLDOptions(base: "file:///data/in.jsonld")
/// options.documentLoader = StandardDocumentLoader(mappings: [("https://example.org/ctx/", "/srv/ctx")])
/// let dataset = try JSONLDReader(options: options).read(InputSource(path: "in.jsonld"))
/// ```
public struct JSONLDReader {
    public var options: JSONLDOptions
    /// Inputs larger than this are refused before parsing (JSON-LD needs the whole document in memory).
    public var maxDocumentBytes: Int

    public init(options: JSONLDOptions = JSONLDOptions(), maxDocumentBytes: Int = 1 << 31) {
        self.options = options; self.maxDocumentBytes = maxDocumentBytes
    }

    public func read(_ source: InputSource) throws -> Dataset {
        try read(try source.readAll(), file: source.name)
    }

    public func read(_ bytes: [UInt8], file: String? = nil) throws -> Dataset {
        var d = Dataset()
        try read(bytes, file: file) { d.insert($0) }
        return d
    }

    /// Streams the quads to `sink` (the dataset is never built twice).
    public func read(_ bytes: [UInt8], file: String? = nil, sink: (Quad) -> Void) throws {
        guard bytes.count <= maxDocumentBytes else {
            throw JSONLDError(JSONLDErrorCode.loadingDocumentFailed, "document of \(bytes.count) bytes exceeds the limit of \(maxDocumentBytes)", file: file)
        }
        let json: JSONValue
        do { json = try JSONLD.parse(bytes, file: file) } catch { throw error.inFile(file) }
        do {
            try JSONLD.toRDF(json, options: options, sink: sink)
        } catch {
            var e = error
            e.file = file
            if let path = e.path { e.position = JSONParser.position(ofPointer: path, in: bytes) }
            throw e
        }
    }
}
