import Foundation
import RDF
import NTriples
import Turtle
import RDFXML
import JSON
import JSONLD
import DOT

/// How to read RDF: the base IRI for relative references and the JSON-LD API options.
public struct ReadOptions {
    public var base: String?
    public var jsonld: JSONLDOptions

    public init(base: String? = nil, jsonld: JSONLDOptions = JSONLDOptions()) {
        self.base = base
        self.jsonld = jsonld
    }
}

/// How to write: prefixes for the syntaxes that abbreviate, the JSON-LD form and context, and
/// the DOT view.
public struct WriteOptions {
    public var prefixes: PrefixMap
    public var base: String?
    public var jsonldForm: JSONLDWriter.Form
    public var jsonldContextIRI: String?
    public var jsonldEmbed: Bool
    public var dot: DOTOptions

    public init(
        prefixes: PrefixMap = NewsGraphPrefixes.all, base: String? = nil, jsonldForm: JSONLDWriter.Form = .compacted,
        jsonldContextIRI: String? = nil, jsonldEmbed: Bool = false, dot: DOTOptions = DOTOptions()
    ) {
        self.prefixes = prefixes; self.base = base; self.jsonldForm = jsonldForm
        self.jsonldContextIRI = jsonldContextIRI; self.jsonldEmbed = jsonldEmbed; self.dot = dot
    }
}

/// The prefixes NewsGraph output uses: the standard vocabularies plus GRaSP and the project's own.
public enum NewsGraphPrefixes {
    public static let grasp = Namespace(prefix: "grasp", iri: "http://groundedannotationframework.org/grasp#")
    public static let graspf = Namespace(prefix: "graspf", iri: "http://groundedannotationframework.org/grasp/factuality#")
    public static let ng = Namespace(prefix: "ng", iri: "https://w3id.org/newsgraph/ontology#")
    public static let all = PrefixMap(Vocab.wellKnown.filter { $0.prefix != "sh" } + [grasp, graspf, ng])
}

/// Reading and writing files in any supported syntax, dispatched on ``RDFFormat``.
public enum RDFFiles {
    /// A streaming reader for the line- and statement-based syntaxes; RDF/XML streams through
    /// libxml2; JSON-LD is read whole (JSON cannot be processed before it is complete).
    public static func reader(_ format: RDFFormat, source: InputSource, options: ReadOptions) throws -> any QuadSource {
        switch format {
        case .nTriples: return NTriplesReader(source: source, format: .nTriples)
        case .nQuads: return NTriplesReader(source: source, format: .nQuads)
        case .turtle: return TurtleReader(source: source, base: options.base ?? defaultBase(source.name))
        case .rdfXML: return RDFXMLReader(source: source, base: options.base ?? defaultBase(source.name))
        case .jsonLD:
            let document = try JSONLD.parse(try source.readAll(), file: source.name)
            return DatasetSource(try JSONLD.toRDF(document, options: jsonLDOptions(source, options)))
        }
    }

    /// A JSON-LD file's quads in ``Quad`` order, each once (for the sorted N-Triples/N-Quads
    /// writers, which then need no ``Dataset``).
    public static func readJSONLDSorted(source: InputSource, options: ReadOptions) throws -> [Quad] {
        let document = try JSONLD.parse(try source.readAll(), file: source.name)
        return try JSONLD.toRDFSortedQuads(document, options: jsonLDOptions(source, options))
    }

    static func jsonLDOptions(_ source: InputSource, _ options: ReadOptions) -> JSONLDOptions {
        var jsonld = options.jsonld
        if jsonld.base == nil { jsonld.base = options.base ?? defaultBase(source.name) }
        return jsonld
    }

    /// A file's own location as its base IRI, the way browsers and rapper resolve relative references.
    public static func defaultBase(_ path: String) -> String? {
        guard path != "-" && !path.hasPrefix("<") else { return nil }
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        return "file://" + absolute
    }

    /// The format to read `path` as: `explicit` if given, else from the extension.
    public static func inputFormat(path: String, explicit: String?) throws -> RDFFormat {
        if let explicit {
            guard let f = RDFFormat(name: explicit) else {
                throw NewsGraphFailure.usage("unknown input format '\(explicit)'; use one of \(RDFFormat.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            return f
        }
        guard let f = RDFFormat(path: path) else {
            throw NewsGraphFailure.usage("cannot tell the format of '\(path)' from its extension; pass --from \(RDFFormat.allCases.map(\.rawValue).joined(separator: "|"))")
        }
        return f
    }

    /// Reads a whole file into a dataset; errors name the file.
    public static func read(path: String, format: RDFFormat, options: ReadOptions = ReadOptions()) throws -> Dataset {
        let source = try InputSource(path: path)
        do {
            var reader = try reader(format, source: source, options: options)
            return try reader.readDataset()
        } catch let e as SyntaxError {
            throw e.inFile(path == "-" ? "<stdin>" : path)
        }
    }

    /// Writes a dataset in `format`. Triple-only syntaxes get the union of all graphs.
    public static func write(_ dataset: Dataset, as format: OutputFormat, to output: OutputBuffer, options: WriteOptions = WriteOptions()) throws {
        switch format {
        case .rdf(.nTriples):
            var w = NTriplesWriter(output: output, format: .nTriples)
            // Sorting the union's triples with duplicates dropped gives what `union.sorted()` gives,
            // without hashing every triple into a graph first.
            for t in TripleOrder.sortedUnique(dataset.quads.map(\.triple)) { try w.write(t) }
            try w.finish()
        case .rdf(.nQuads):
            var w = NTriplesWriter(output: output, format: .nQuads)
            for q in dataset.sorted() { try w.write(q) }
            try w.finish()
        case .rdf(.turtle), .rdf(.rdfXML):
            try write(dataset.union, as: format, to: output, options: options)
            return
        case .rdf(.jsonLD):
            try jsonLDWriter(options).write(dataset, to: output)
        case .dot:
            try DOTWriter(options: options.dot).write(dataset, to: output)
        }
        try output.flush()
    }

    /// Writes quads (duplicates once) as JSON-LD, as ``write(_:as:to:options:)`` writes the
    /// dataset they make, without building one when the writer's direct path takes them.
    public static func writeJSONLD(quads: [Quad], to output: OutputBuffer, options: WriteOptions = WriteOptions()) throws {
        try jsonLDWriter(options).write(quads: quads, to: output)
        try output.flush()
    }

    static func jsonLDWriter(_ options: WriteOptions) -> JSONLDWriter {
        let context: JSONLDWriter.ContextChoice = options.jsonldContextIRI.map { .reference($0) } ?? .embedded
        return JSONLDWriter(form: options.jsonldForm, context: context, embed: options.jsonldEmbed)
    }

    /// Writes triples as one graph (duplicates once) in `format`. Turtle, RDF/XML and DOT read
    /// the list themselves, so no ``Graph`` is built: the fast path for converting large files.
    public static func write(triples: [Triple], as format: OutputFormat, to output: OutputBuffer, options: WriteOptions = WriteOptions()) throws {
        switch format {
        case .rdf(.turtle):
            try TurtleWriter(prefixes: options.prefixes, base: options.base).write(triples, to: output)
        case .rdf(.rdfXML):
            try RDFXMLWriter(prefixes: options.prefixes, base: options.base).write(triples, to: output)
        case .dot:
            try DOTWriter(options: options.dot).write(triples: triples, to: output)
        default:
            try write(Graph(triples), as: format, to: output, options: options)
            return
        }
        try output.flush()
    }

    /// Writes one graph in `format`; the dataset-only formats (N-Quads, JSON-LD) get it as the
    /// default graph.
    public static func write(_ graph: Graph, as format: OutputFormat, to output: OutputBuffer, options: WriteOptions = WriteOptions()) throws {
        switch format {
        case .rdf(.turtle):
            try TurtleWriter(prefixes: options.prefixes, base: options.base).write(graph, to: output)
        case .rdf(.rdfXML):
            try RDFXMLWriter(prefixes: options.prefixes, base: options.base).write(graph, to: output)
        case .dot:
            try DOTWriter(options: options.dot).write(graph, to: output)
        case .rdf(.nTriples), .rdf(.nQuads), .rdf(.jsonLD):
            try write(Dataset(graph), as: format, to: output, options: options)
            return
        }
        try output.flush()
    }

    /// Writes to `path` through a temporary file renamed at the end (`-` is stdout), so a failed
    /// run never leaves half a file behind.
    public static func withOutput(path: String?, _ body: (OutputBuffer) throws -> Void) throws {
        guard let path, path != "-" else {
            let output = OutputBuffer(sink: FileDescriptorSink())
            try body(output)
            try output.flush()
            return
        }
        let sink = try AtomicFileSink(path: path)
        do {
            let output = OutputBuffer(sink: sink)
            try body(output)
            try output.flush()
            try sink.commit()
        } catch {
            sink.abandon()
            throw error
        }
    }
}

/// A dataset already in memory, served as a ``QuadSource``.
public struct DatasetSource: QuadSource {
    var iterator: IndexingIterator<[Quad]>
    public init(_ dataset: Dataset) { iterator = Array(dataset.quads).makeIterator() }
    public mutating func next() throws -> Quad? { iterator.next() }
}
