import RDF
@testable import SHACL

/// Builds small graphs in code: terms are written `ex:a`, `sh:minCount`, `_:b`, `'text'`,
/// `'5'^^xsd:integer`, `'hi'@en`, or `<http://…>`.
struct GraphBuilder {
    static let prefixes: [String: String] = [
        "ex": "http://example.org/", "sh": "http://www.w3.org/ns/shacl#",
        "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#", "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
        "xsd": "http://www.w3.org/2001/XMLSchema#", "schema": "http://schema.org/",
    ]
    var graph = Graph()
    private var listCounter = 0

    static func term(_ s: String) -> Term {
        if s.hasPrefix("_:") { return .blank(BlankNode(String(s.dropFirst(2)))) }
        if s.hasPrefix("<") { return .iri(IRI(unchecked: String(s.dropFirst().dropLast()))) }
        if s.hasPrefix("'") {
            let body = s.dropFirst()
            guard let end = body.lastIndex(of: "'") else { return .literal(Literal(String(body))) }
            let lex = String(body[..<end]), rest = body[body.index(after: end)...]
            if rest.hasPrefix("^^") { return .literal(Literal(lex, datatype: iri(String(rest.dropFirst(2))))) }
            if rest.hasPrefix("@") { return .literal(Literal(lex, language: String(rest.dropFirst()))) }
            return .literal(Literal(lex))
        }
        return .iri(iri(s))
    }

    static func iri(_ s: String) -> IRI {
        let parts = s.split(separator: ":", maxSplits: 1)
        if parts.count == 2, let ns = prefixes[String(parts[0])] { return IRI(unchecked: ns + parts[1]) }
        return IRI(unchecked: s)
    }

    mutating func add(_ s: String, _ p: String, _ o: String) { graph.insert(Triple(Self.term(s), Self.term(p), Self.term(o))) }
    mutating func add(_ s: String, _ p: String, _ os: [String]) { for o in os { add(s, p, o) } }

    /// Adds an RDF list and returns its head as a term string.
    mutating func list(_ items: [String]) -> String {
        guard !items.isEmpty else { return "rdf:nil" }
        listCounter += 1
        let base = "_:list\(listCounter)_"
        for (i, item) in items.enumerated() {
            add(base + "\(i)", "rdf:first", item)
            add(base + "\(i)", "rdf:rest", i + 1 < items.count ? base + "\(i + 1)" : "rdf:nil")
        }
        return base + "0"
    }
}
