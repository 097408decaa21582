import JSON
import RDF

extension Processor {
    // MARK: Deserialize JSON-LD to RDF (§8.1)

    func toRDF(_ expanded: JSONValue, into sink: (Quad) -> Void) throws(JSONLDError) {
        let map = NodeMap()
        var none: [JSONValue]? = nil
        _ = map.graph("@default")
        try generateNodeMap(expanded, map, list: &none)
        for graphName in map.order.sorted() {
            guard let graph = map.graphs[graphName] else { continue }
            let graphTerm: Term?
            if graphName == "@default" { graphTerm = nil }
            else if let t = term(for: graphName) { graphTerm = t }
            else { continue }
            for subject in graph.order.sorted() {
                guard let node = graph.nodes[subject], let s = term(for: subject) else { continue }
                for property in node.object.keys.sorted() {
                    guard let values = node.object[property] else { continue }
                    if property == "@type" {
                        for t in values.asArray {
                            if let ts = t.stringValue, let o = term(for: ts) {
                                sink(Quad(s, .iri(Vocab.rdf.type), o, graph: graphTerm))
                            }
                        }
                        continue
                    }
                    if isKeyword(property) { continue }
                    if isBlankNodeID(property) && !options.produceGeneralizedRdf { continue }
                    guard let p = term(for: property) else { continue }
                    for item in values.asArray {
                        var extra: [Triple] = []
                        if let o = try objectToRDF(item, &extra) {
                            sink(Quad(s, p, o, graph: graphTerm))
                        }
                        for t in extra { sink(Quad(t, graph: graphTerm)) }
                    }
                }
            }
        }
    }

    /// An IRI or blank node term for a node identifier; nil when the identifier is not well-formed.
    func term(for id: String) -> Term? {
        if let cached = termCache[id] { return cached }
        let t = uncachedTerm(for: id)
        if termCache.count < 1 << 20 { termCache[id] = .some(t) }
        return t
    }

    /// ``term(for:)`` without the cache, for callers that meet each identifier once.
    func uncachedTerm(for id: String) -> Term? {
        if isBlankNodeID(id) { return .blank(BlankNode(String(id.dropFirst(2)))) }
        if let iri = try? IRI(id), id.utf8.lazy.filter({ $0 == UInt8(ascii: "#") }).count <= 1 { return .iri(iri) }
        return nil
    }

    func objectToRDF(_ item: JSONValue, _ extra: inout [Triple]) throws(JSONLDError) -> Term? {
        guard case let .object(o) = item else { return nil }
        if let id = o["@id"]?.stringValue, o["@value"] == nil { return term(for: id) }
        if o["@id"] != nil && o["@value"] == nil { return nil }
        if let l = o["@list"] { return listToRDF(l.asArray, &extra) }
        guard let value = o["@value"] else { return nil }
        let language = o["@language"]?.stringValue
        guard let (lexical, datatype) = literalForm(value, type: o["@type"]?.stringValue, language: language) else { return nil }
        if let direction = o["@direction"]?.stringValue, let mode = options.rdfDirection {
            switch mode {
            case .i18nDatatype:
                let dt = "https://www.w3.org/ns/i18n#" + (language?.lowercased() ?? "") + "_" + direction
                return .literal(Literal(lexical, datatype: IRI(unchecked: dt)))
            case .compoundLiteral:
                let b = Term.blank(BlankNode(String(blankNodeID(nil).dropFirst(2))))
                extra.append(Triple(b, Vocab.rdf.value, .literal(Literal(lexical))))
                if let language { extra.append(Triple(b, Vocab.rdf.language, .literal(Literal(language.lowercased())))) }
                extra.append(Triple(b, Vocab.rdf.direction, .literal(Literal(direction))))
                return b
            }
        }
        if let language { return .literal(Literal(lexical, language: language)) }
        return .literal(Literal(lexical, datatype: IRI(unchecked: datatype)))
    }

    /// The lexical form and datatype IRI of a value object's literal (§8.1.3 steps 2–12), or nil
    /// when the value yields no literal (a datatype that is no IRI, a malformed language tag).
    /// Shared by ``objectToRDF(_:_:)`` and the direct path (``DirectToRDF``), so both convert
    /// values the same way.
    func literalForm(_ value: JSONValue, type: String?, language: String?) -> (lexical: String, datatype: String)? {
        var datatype = type
        if let dt = datatype, dt != "@json", term(for: dt)?.iri == nil { return nil }
        if let language, !isWellFormedLanguageTag(language) { return nil }
        let lexical: String
        if datatype == "@json" {
            lexical = JSONWriter.canonical(value)
            datatype = Vocab.rdf.JSON.value
        } else {
            switch value {
            case let .bool(b):
                lexical = b ? "true" : "false"
                if datatype == nil { datatype = Vocab.xsd.boolean.value }
            case let .number(n):
                if !n.hasIntegralValue || abs(n.value) >= 1e21 || datatype == Vocab.xsd.double.value {
                    lexical = canonicalDouble(n.value)
                    if datatype == nil { datatype = Vocab.xsd.double.value }
                } else {
                    lexical = n.intValue.map(String.init) ?? canonicalDouble(n.value)
                    if datatype == nil { datatype = Vocab.xsd.integer.value }
                }
            case let .string(s):
                lexical = s
                if datatype == nil { datatype = language != nil ? Vocab.rdf.langString.value : Vocab.xsd.string.value }
            default:
                return nil
            }
        }
        return (lexical, datatype ?? Vocab.xsd.string.value)
    }

    func listToRDF(_ items: [JSONValue], _ extra: inout [Triple]) -> Term? {
        if items.isEmpty { return .iri(Vocab.rdf.nil) }
        let nodes = items.map { _ in Term.blank(BlankNode(String(blankNodeID(nil).dropFirst(2)))) }
        for (i, item) in items.enumerated() {
            var inner: [Triple] = []
            if let o = try? objectToRDF(item, &inner) {
                extra.append(Triple(nodes[i], Vocab.rdf.first, o))
            }
            extra.append(contentsOf: inner)
            extra.append(Triple(nodes[i], Vocab.rdf.rest, i + 1 < nodes.count ? nodes[i + 1] : .iri(Vocab.rdf.nil)))
        }
        return nodes[0]
    }

    /// XSD canonical double: one digit, a point, at least one digit, `E`, the exponent (`1.05E1`).
    func canonicalDouble(_ d: Double) -> String {
        if d == 0 { return d.sign == .minus ? "-0.0E0" : "0.0E0" }
        if d.isNaN { return "NaN" }
        if d.isInfinite { return d < 0 ? "-INF" : "INF" }
        let (digits, n) = JSONNumber.shortestDigits(abs(d))
        let first = digits.prefix(1)
        var rest = String(digits.dropFirst())
        if rest.isEmpty { rest = "0" }
        return (d < 0 ? "-" : "") + first + "." + rest + "E" + String(n - 1)
    }

    func isWellFormedLanguageTag(_ s: String) -> Bool {
        let parts = s.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, (1...8).contains(first.count), first.allSatisfy({ $0.isASCII && $0.isLetter }) else { return false }
        return parts.dropFirst().allSatisfy { (1...8).contains($0.count) && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } }
    }
}
