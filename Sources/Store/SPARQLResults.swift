import Foundation
import RDF

/// A SPARQL SELECT or ASK answer (`application/sparql-results+json`), with bindings as RDF terms
/// so callers compare them with the same types they pushed.
public struct SPARQLResults: Sendable, Equatable {
    public var variables: [String]
    /// One dictionary per solution; unbound variables are absent.
    public var rows: [[String: Term]]
    /// The answer of an ASK query.
    public var boolean: Bool?

    /// Parses the W3C JSON results format.
    public static func parse(json data: Data) throws(StoreError) -> SPARQLResults {
        let object: Any
        do { object = try JSONSerialization.jsonObject(with: data) } catch {
            throw .invalidResponse(url: "", message: "not JSON: \(quoteServerMessage(data, secrets: [], limit: 200))")
        }
        guard let root = object as? [String: Any] else { throw .invalidResponse(url: "", message: "JSON results are not an object") }
        if let b = root["boolean"] as? Bool { return SPARQLResults(variables: [], rows: [], boolean: b) }
        let vars = (root["head"] as? [String: Any])?["vars"] as? [String] ?? []
        guard let bindings = (root["results"] as? [String: Any])?["bindings"] as? [[String: Any]] else {
            throw .invalidResponse(url: "", message: "JSON results lack results.bindings")
        }
        var rows: [[String: Term]] = []
        rows.reserveCapacity(bindings.count)
        for b in bindings {
            var row: [String: Term] = [:]
            for (name, value) in b {
                guard let v = value as? [String: Any], let type = v["type"] as? String, let lexical = v["value"] as? String else {
                    throw .invalidResponse(url: "", message: "malformed binding for ?\(name)")
                }
                switch type {
                case "uri": row[name] = .iri(IRI(unchecked: lexical))
                case "bnode": row[name] = .blank(BlankNode(lexical))
                case "literal", "typed-literal":
                    if let lang = v["xml:lang"] as? String {
                        row[name] = .literal(Literal(lexical, language: lang, direction: v["its:dir"] as? String))
                    } else if let dt = v["datatype"] as? String {
                        row[name] = .literal(Literal(lexical, datatype: IRI(unchecked: dt)))
                    } else {
                        row[name] = .literal(Literal(lexical))
                    }
                default: throw .invalidResponse(url: "", message: "unknown term type \(type) for ?\(name)")
                }
            }
            rows.append(row)
        }
        return SPARQLResults(variables: vars, rows: rows, boolean: nil)
    }
}
