import JSON
import RDF

/// The JSON-LD 1.1 API (https://www.w3.org/TR/json-ld11-api/): expansion, compaction, flattening
/// and conversion to and from RDF, each taking the API's options. Every function is a pure
/// transformation of values; the only I/O is through `options.documentLoader`, which by default
/// never touches the network.
///
/// ```swift
/// let doc = try JSONLD.parse(bytes, file: "in.jsonld")          // JSON with line:column errors
/// let dataset = try JSONLD.toRDF(doc, options: JSONLDOptions(base: "https://example.org/"))
/// let compacted = try JSONLD.compact(JSONLD.fromRDF(dataset), context: ctx)
/// ```
public enum JSONLD {
    /// Parses JSON text for JSON-LD (a later duplicate key wins, as in JavaScript processors).
    public static func parse(_ bytes: [UInt8], file: String? = nil) throws(SyntaxError) -> JSONValue {
        try JSONParser.parse(bytes, file: file, options: .init(duplicateKeys: .lastWins))
    }

    /// Expansion (§5.1): an array of expanded node objects.
    public static func expand(_ input: JSONValue, options: JSONLDOptions = JSONLDOptions()) throws(JSONLDError) -> JSONValue {
        let p = Processor(options: options)
        return try onLargeStack { () throws(JSONLDError) in try p.expandDocument(input) }
    }

    /// Deserialize JSON-LD to RDF (§8.1). Documents in the common shape (see ``toRDFDirectly(_:options:)``)
    /// skip the expanded document and the node map; the dataset is the same either way.
    public static func toRDF(_ input: JSONValue, options: JSONLDOptions = JSONLDOptions()) throws(JSONLDError) -> Dataset {
        if let direct = try directQuads(input, options) {
            return direct.unique ? Dataset(uniqueQuads: direct.quads) : Dataset(direct.quads)
        }
        var d = Dataset()
        try toRDFGeneral(input, options: options) { d.insert($0) }
        return d
    }

    /// Like ``toRDF(_:options:)`` but hands each quad to `sink` instead of building a dataset.
    public static func toRDF(_ input: JSONValue, options: JSONLDOptions = JSONLDOptions(), sink: (Quad) -> Void) throws(JSONLDError) {
        if let direct = try directQuads(input, options) {
            for q in direct.quads { sink(q) }
            return
        }
        try toRDFGeneral(input, options: options, sink: sink)
    }

    /// The quads of the direct path, in the order ``toRDFGeneral(_:options:sink:)`` emits them, or
    /// nil when the document uses something that path does not cover (then nothing was done).
    /// Public so tests can hold it against the general algorithm.
    public static func toRDFDirectly(_ input: JSONValue, options: JSONLDOptions = JSONLDOptions()) throws(JSONLDError) -> [Quad]? {
        try directQuads(input, options)?.quads
    }

    /// The dataset's quads in ``Quad`` order, each once: what a sorted writer (N-Triples, N-Quads)
    /// needs, without building a hashed ``Dataset`` on the way.
    public static func toRDFSortedQuads(_ input: JSONValue, options: JSONLDOptions = JSONLDOptions()) throws(JSONLDError) -> [Quad] {
        if let direct = try directQuads(input, options, canonical: true) { return direct.quads }
        var quads: [Quad] = []
        try toRDFGeneral(input, options: options) { quads.append($0) }
        quads.sort()
        var unique: [Quad] = []
        unique.reserveCapacity(quads.count)
        for q in quads where unique.last != q { unique.append(q) }
        return unique
    }

    static func directQuads(_ input: JSONValue, _ options: JSONLDOptions, canonical: Bool = false) throws(JSONLDError) -> (quads: [Quad], unique: Bool)? {
        let p = Processor(options: options)
        return try onLargeStack { () throws(JSONLDError) in DirectToRDF.quads(input, p, canonical: canonical) }
    }

    /// The full algorithm (expansion, node map, toRdf), never the direct path: what the direct path
    /// is tested against, and the path for every document it declines.
    public static func toRDFGeneral(_ input: JSONValue, options: JSONLDOptions = JSONLDOptions(), sink: (Quad) -> Void) throws(JSONLDError) {
        let p = Processor(options: options)
        try withoutActuallyEscaping(sink) { (s: @escaping (Quad) -> Void) throws(JSONLDError) in
            try onLargeStack { () throws(JSONLDError) in
                let expanded = try p.expandDocument(input)
                p.resetBlankNodes()
                try p.toRDF(expanded, into: s)
            }
        }
    }
}

extension Processor {
    func expandDocument(_ input: JSONValue) throws(JSONLDError) -> JSONValue {
        let active = try initialContext()
        var e = try expand(active, nil, input, baseURL: options.base)
        if case let .object(o) = e, o.count == 1, let g = o["@graph"] { e = g }
        if e.isNull { return .array([]) }
        return .array(e.asArray)
    }
}
