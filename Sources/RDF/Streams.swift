/// The seam between readers and everything else: a reader is a source of quads (triples are quads
/// in the default graph), consumed one at a time, so conversion streams without building a graph.
public protocol QuadSource {
    /// The next quad, or nil at the end of the input. Errors are ``SyntaxError`` with a position.
    mutating func next() throws -> Quad?
}

extension QuadSource {
    /// Drains the source into a dataset.
    public mutating func readDataset() throws -> Dataset {
        var d = Dataset()
        while let q = try next() { d.insert(q) }
        return d
    }

    /// Drains the source into one graph, ignoring graph names.
    public mutating func readGraph() throws -> Graph {
        var g = Graph()
        while let q = try next() { g.insert(q.triple) }
        return g
    }
}

/// The streaming side of a writer: quads go in one at a time, `finish` completes the document.
/// Writers that need the whole graph to pretty-print (Turtle, RDF/XML, JSON-LD) take a ``Graph``
/// or ``Dataset`` instead.
public protocol QuadSink {
    mutating func write(_ quad: Quad) throws
    mutating func finish() throws
}
