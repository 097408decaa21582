import JSON
import RDF

/// Holds what one API call shares across the algorithms: the options, the blank node issuer, the
/// cache of loaded contexts and the JSON path being processed (for error messages).
final class Processor {
    let options: JSONLDOptions
    var contextDocuments: [String: (context: JSONValue, url: String)] = [:]
    var path: [String] = []
    var depth = 0
    var blankCounter = 0
    var blankMap: [String: String] = [:]
    /// fromRdf turns rdf:JSON literals into @json values (the API's behaviour); the writer keeps
    /// them as typed strings so a non-canonical lexical form survives the round trip.
    var parseJSONLiterals = true
    /// Node identifiers already checked and converted to terms (IRI validation is not free).
    var termCache: [String: Term?] = [:]

    init(options: JSONLDOptions) { self.options = options }

    /// An error at the current path.
    func err(_ code: String, _ message: String) -> JSONLDError {
        JSONLDError(code, message, path: pointer)
    }

    var pointer: String {
        path.map { "/" + $0.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1") }.joined()
    }

    /// Blank node identifier issuer (§7.2.1): the same input label always maps to the same fresh one.
    func blankNodeID(_ old: String?) -> String {
        if let old, let n = blankMap[old] { return n }
        let n = "_:b\(blankCounter)"
        blankCounter += 1
        if let old { blankMap[old] = n }
        return n
    }

    func resetBlankNodes() { blankCounter = 0; blankMap = [:] }

    /// The initial active context for a call: base from the options, then `expandContext`.
    func initialContext() throws(JSONLDError) -> ActiveContext {
        var active = ActiveContext(base: options.base)
        if let ec = options.expandContext {
            var ctx = ec
            if case let .object(o) = ec, let c = o["@context"] { ctx = c }
            active = try processContext(active, ctx, baseURL: options.base)
        }
        return active
    }
}
