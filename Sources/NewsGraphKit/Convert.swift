import RDF
import NTriples

/// One `newsgraph convert`: a file in any syntax to any syntax.
public struct ConvertRequest {
    public var input: String
    public var from: RDFFormat
    public var to: OutputFormat
    public var output: String?
    public var read: ReadOptions
    public var write: WriteOptions

    public init(input: String, from: RDFFormat, to: OutputFormat, output: String? = nil, read: ReadOptions = ReadOptions(), write: WriteOptions = WriteOptions()) {
        self.input = input; self.from = from; self.to = to; self.output = output; self.read = read; self.write = write
    }
}

public enum Converter {
    /// Every syntax with a streaming reader (N-Triples, N-Quads, Turtle, RDF/XML) converts to
    /// N-Triples/N-Quads quad by quad: constant memory, input order kept, the way rapper and serdi
    /// work. Everything else reads the graph, then writes it sorted; triple-only targets read
    /// the triples of all graphs into a plain list, which the writers sort and deduplicate,
    /// never building a dataset or a hashed graph first.
    public static func run(_ request: ConvertRequest) throws {
        let source = try InputSource(path: request.input)
        let fileName = request.input == "-" ? "<stdin>" : request.input
        do {
            if request.from == .jsonLD, case let .rdf(target) = request.to, target == .nTriples || target == .nQuads {
                // JSON-LD gives no order worth keeping: write the sorted set, as from a dataset, without building one.
                let quads = try RDFFiles.readJSONLDSorted(source: source, options: request.read)
                try RDFFiles.withOutput(path: request.output) { output in
                    var writer = NTriplesWriter(output: output, format: target == .nQuads ? .nQuads : .nTriples)
                    if target == .nQuads || !quads.contains(where: { $0.graph != nil }) {
                        for q in quads { try writer.write(q) }  // N-Triples: every quad is in the default graph
                    } else {
                        for t in TripleOrder.sortedUnique(quads.map(\.triple)) { try writer.write(t) }
                    }
                    try writer.finish()
                }
                return
            }
            var reader = try RDFFiles.reader(request.from, source: source, options: request.read)
            switch request.to {
            case let .rdf(target) where target == .nTriples || target == .nQuads:  // JSON-LD returned above
                try RDFFiles.withOutput(path: request.output) { output in
                    var writer = NTriplesWriter(output: output, format: target == .nQuads ? .nQuads : .nTriples)
                    while let q = try reader.next() { try writer.write(q) }
                    try writer.finish()
                }
            case .rdf(.turtle), .rdf(.rdfXML), .dot:
                var triples: [Triple] = []
                while let q = try reader.next() { triples.append(q.triple) }
                try RDFFiles.withOutput(path: request.output) { output in
                    try RDFFiles.write(triples: triples, as: request.to, to: output, options: request.write)
                }
            case .rdf(.jsonLD):
                // The writer takes the quads as read (repeats included), so no dataset is hashed.
                var quads: [Quad] = []
                while let q = try reader.next() { quads.append(q) }
                try RDFFiles.withOutput(path: request.output) { output in
                    try RDFFiles.writeJSONLD(quads: quads, to: output, options: request.write)
                }
            default:
                let dataset = try reader.readDataset()
                try RDFFiles.withOutput(path: request.output) { output in
                    try RDFFiles.write(dataset, as: request.to, to: output, options: request.write)
                }
            }
        } catch let e as SyntaxError {
            throw e.inFile(fileName)
        }
    }
}
