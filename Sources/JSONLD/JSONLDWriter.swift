import Foundation
import JSON
import RDF

/// Writes an RDF dataset as JSON-LD for people and for schema.org-aware tools.
///
/// Output profile (what the project's JSON Schema checks), for `.compacted` with the project context:
/// - The document is one JSON object. `@context` comes first: the project context object
///   (`Schemas/context.jsonld`'s `@context`) when embedded, or the string
///   ``JSONLDWriter/projectContextIRI`` when referenced.
/// - One top-level node: its members follow `@context` directly. Several: they are in `@graph`,
///   sorted by `id` (code-point order).
/// - Every node object: `id` (IRI, compact IRI such as `ngid:person-x`/`wd:Q1`, or `_:bN`), then
///   `type` (string or array of strings: terms of schema.org such as `Person`, or compact IRIs such
///   as `ng:PhoneCall`), then properties sorted by name. Property names are the context's terms
///   (`name`, `participant`, `startDate`, `wasDerivedFrom`, …), schema.org terms via `@vocab`, or
///   compact IRIs (`rdfs:label`). A property holds one value or an array of values.
/// - Values: plain strings; references as bare id strings for `@type: @id` terms (e.g.
///   `"participant": ["ngid:person-a", …]`) and `{"id": …}` elsewhere; dates as strings for
///   `startDate`/`endDate`/`datePublished`; `beginIndex`/`endIndex` as strings (typed
///   `xsd:nonNegativeInteger` by the context); `contested` as `"true"`/`"false"`; other typed
///   literals as `{"@type": datatype, "@value": string}`; language strings as
///   `{"@language": tag, "@value": string}`; lists as `{"@list": [...]}`.
/// - Named graphs: a node object with `id` and `@graph` (an array of node objects sorted by id).
/// - With `embed`, a node referenced exactly once in its graph (and not a graph name, not in a
///   cycle, nesting at most 64 deep) appears in place of its reference instead of at the top level.
///
/// Determinism: quads are sorted before conversion, nodes are sorted by id, keys ordered as above,
/// so the same dataset always gives the same bytes.
public struct JSONLDWriter {
    public enum Form: String, Sendable { case compacted = "compact", expanded, flattened }
    public enum ContextChoice {
        /// The project context, written inline.
        case embedded
        /// The project context, referenced by an IRI (``JSONLDWriter/projectContextIRI`` or another
        /// IRI a reader can resolve, e.g. with `--map-url`).
        case reference(String)
        /// Any other context (a context object or a document with `@context`).
        case custom(JSONValue)
    }

    /// Where the project context will be published; the default document loader serves it offline.
    public static let projectContextIRI = "https://w3id.org/newsgraph/context.jsonld"

    public var form: Form
    public var context: ContextChoice
    public var embed: Bool
    public var style: JSONWriter.Style
    public var options: JSONLDOptions

    public init(form: Form = .compacted, context: ContextChoice = .embedded, embed: Bool = false,
                style: JSONWriter.Style = .pretty, options: JSONLDOptions = JSONLDOptions()) {
        self.form = form; self.context = context; self.embed = embed; self.style = style; self.options = options
    }

    /// The project context document (`{"@context": {...}}`) bundled with the library.
    public static func projectContext() throws(JSONLDError) -> JSONValue {
        guard let url = Bundle.module.url(forResource: "newsgraph-context", withExtension: "jsonld", subdirectory: "Resources")
            ?? Bundle.module.url(forResource: "newsgraph-context", withExtension: "jsonld"),
            let data = try? Data(contentsOf: url) else {
            throw JSONLDError(JSONLDErrorCode.loadingDocumentFailed, "the bundled project context is missing from the installation")
        }
        do { return try JSONParser.parse(Array(data), file: url.path) } catch {
            throw JSONLDError(JSONLDErrorCode.invalidLocalContext, "bundled project context: \(error)")
        }
    }

    public func write(_ dataset: Dataset, to output: OutputBuffer) throws {
        if try writeCompactedDirectly(dataset, to: output) { return }
        let value = try document(for: dataset)
        JSONWriter(style: style).write(value, to: output)
        output.append(byte: 0x0A)
    }

    /// Writes quads that may repeat (a reader's output) as ``write(_:to:)`` writes the dataset
    /// they make; the direct compacted path then needs no ``Dataset``.
    public func write(quads: [Quad], to output: OutputBuffer) throws {
        if try writeCompactedDirectly(quads: quads, to: output) { return }
        try write(Dataset(quads), to: output)
    }

    /// The JSON-LD document as a value (what ``write(_:to:)`` prints).
    public func document(for dataset: Dataset) throws(JSONLDError) -> JSONValue {
        try onLargeStack { () throws(JSONLDError) in try buildDocument(dataset) }
    }

    func buildDocument(_ dataset: Dataset) throws(JSONLDError) -> JSONValue {
        for q in dataset where q.predicate.isBlank || q.predicate.isLiteral {
            throw JSONLDError("invalid IRI mapping", "JSON-LD cannot write a triple whose predicate is \(q.predicate) (generalized RDF)")
        }
        var opts = options
        opts.ordered = true
        opts.useNativeTypes = false
        opts.useRdfType = false
        let p = Processor(options: opts)
        p.parseJSONLiterals = false
        let expanded = JSONLDWriter.sortValues(try p.fromRDF(dataset))
        if form == .expanded { return JSONLDWriter.ordered(expanded) }

        let (contextValue, contextForOutput) = try resolveContext()
        var body: JSONValue
        if form == .flattened {
            p.resetBlankNodes()
            let flat = try p.flattenExpanded(expanded)
            body = try p.compactDocument(flat, context: contextValue, alwaysGraph: true)
        } else {
            let input = embed ? JSONLDWriter.embedOnce(expanded) : expanded
            body = try p.compactDocument(input, context: contextValue)
        }
        if case var .object(o) = body, o["@context"] != nil {
            o["@context"] = contextForOutput
            body = .object(o)
        }
        return JSONLDWriter.ordered(body)
    }

    func resolveContext() throws(JSONLDError) -> (JSONValue, JSONValue) {
        switch context {
        case .embedded:
            let c = try JSONLDWriter.projectContext()
            return (c, c["@context"] ?? .null)
        case let .reference(iri):
            if iri == JSONLDWriter.projectContextIRI {
                return (try JSONLDWriter.projectContext(), .string(iri))
            }
            return (.string(iri), .string(iri))
        case let .custom(v):
            return (v, v["@context"] ?? v)
        }
    }

    /// Stable key order: `@context`, `id`/`@id`, `type`/`@type`, then the rest in code-point order;
    /// arrays of node objects sorted by id (never `@list` contents).
    static func ordered(_ v: JSONValue, parentKey: String? = nil, depth: Int = 0) -> JSONValue {
        if depth > 10_000 { return v }
        switch v {
        case let .object(o):
            func rank(_ k: String) -> Int {
                switch k { case "@context": return 0; case "id", "@id": return 1; case "type", "@type": return 2; default: return 3 }
            }
            let keys = o.keys.sorted { a, b in
                let pa = rank(a), pb = rank(b)
                return pa != pb ? pa < pb : a < b
            }
            var out = JSONObject()
            for k in keys { if let x = o[k] { out[k] = k == "@context" ? x : ordered(x, parentKey: k, depth: depth + 1) } }
            return .object(out)
        case let .array(a):
            let items = a.map { ordered($0, parentKey: parentKey, depth: depth + 1) }
            guard parentKey != "@list" && parentKey != "@context", items.count > 1 else { return .array(items) }
            // Each id is looked up once, not once per comparison (a top-level @graph has one node per subject).
            var keyed: [(id: String, node: JSONValue)] = []
            keyed.reserveCapacity(items.count)
            for item in items {
                guard let id = nodeID(item) else { return .array(items) }
                keyed.append((id, item))
            }
            keyed.sort { $0.id < $1.id }
            return .array(keyed.map(\.node))
        default:
            return v
        }
    }

    /// Puts every property's values (not list members) in a canonical order, so the output does
    /// not depend on the order the quads arrived in. Cheaper than sorting the whole dataset:
    /// arrays are short and the keys compare as bytes.
    static func sortValues(_ v: JSONValue, depth: Int = 0) -> JSONValue {
        guard depth < 10_000 else { return v }
        switch v {
        case let .array(a):
            return .array(a.map { sortValues($0, depth: depth + 1) })
        case let .object(o):
            var out = JSONObject()
            for (k, x) in o {
                switch k {
                case "@id", "@value", "@language", "@direction", "@index":
                    out[k] = x
                case "@list":
                    out[k] = .array(x.asArray.map { sortValues($0, depth: depth + 1) })
                case "@graph":
                    out[k] = sortValues(x, depth: depth + 1)
                default:
                    guard case let .array(items) = x, items.count > 1 else { out[k] = sortValues(x, depth: depth + 1); continue }
                    let keyed = items.map { (key: Array(sortKey($0).utf8), value: sortValues($0, depth: depth + 1)) }
                    out[k] = .array(keyed.sorted { $0.key.lexicographicallyPrecedes($1.key) }.map(\.value))
                }
            }
            return .object(out)
        default:
            return v
        }
    }

    static func sortKey(_ v: JSONValue) -> String {
        switch v {
        case let .string(s): return "0" + s
        case let .object(o):
            if let id = o["@id"]?.stringValue, o.count == 1 { return "0" + id }
            if let value = o["@value"] {
                let lexical = value.stringValue ?? JSONWriter(style: .compact).string(value)
                return "1" + lexical + "\u{0}" + (o["@type"]?.stringValue ?? "") + "\u{0}" + (o["@language"]?.stringValue?.lowercased() ?? "")
                    + "\u{0}" + (o["@direction"]?.stringValue ?? "")
            }
            return "2" + JSONWriter.canonical(v)
        default: return "3" + JSONWriter.canonical(v)
        }
    }

    static func nodeID(_ v: JSONValue) -> String? {
        guard case let .object(o) = v, o["@value"] == nil, o["@list"] == nil else { return nil }
        return o["@id"]?.stringValue ?? o["id"]?.stringValue
    }

    /// Inlines every node referenced exactly once in its graph (not a graph name, no cycles,
    /// at most 64 levels deep) at the place of its reference. Works on expanded, flat input.
    static func embedOnce(_ expanded: JSONValue) -> JSONValue {
        guard case let .array(top) = expanded else { return expanded }
        // Graph names are never embedded (their @graph would move with them).
        var graphNames: Set<String> = []
        var blankTypes: Set<String> = []
        func collectTypes(_ v: JSONValue) {
            switch v {
            case let .array(a): a.forEach(collectTypes)
            case let .object(o):
                for t in o["@type"]?.asArray ?? [] { if let s = t.stringValue, s.hasPrefix("_:") { blankTypes.insert(s) } }
                for (k, x) in o where k != "@type" { collectTypes(x) }
            default: break
            }
        }
        collectTypes(expanded)
        for n in top { if n["@graph"] != nil, let id = n["@id"]?.stringValue { graphNames.insert(id) } }
        func embedGraph(_ nodes: [JSONValue]) -> [JSONValue] {
            var byID: [String: JSONObject] = [:]
            var order: [String] = []
            var count: [String: Int] = [:]
            var referrer: [String: String] = [:]
            for n in nodes {
                guard case let .object(o) = n, let id = o["@id"]?.stringValue else { continue }
                byID[id] = o
                order.append(id)
            }
            func scan(_ v: JSONValue, from: String) {
                switch v {
                case let .array(a): for x in a { scan(x, from: from) }
                case let .object(o):
                    if o.count == 1, let id = o["@id"]?.stringValue { count[id, default: 0] += 1; referrer[id] = from; return }
                    if let l = o["@list"] { scan(l, from: from) }
                default: break
                }
            }
            for id in order {
                guard let o = byID[id] else { continue }
                for (k, v) in o where k != "@id" && k != "@type" && k != "@graph" { scan(v, from: id) }
            }
            // A node is embeddable when referenced once, and following referrers never loops back.
            var embeddable: Set<String> = []
            for id in order where count[id] == 1 && !graphNames.contains(id) {
                var seen: Set<String> = [id]
                var cur = referrer[id]
                var cyclic = false
                while let c = cur {
                    if seen.contains(c) { cyclic = true; break }
                    seen.insert(c)
                    cur = count[c] == 1 ? referrer[c] : nil
                }
                if !cyclic && referrer[id] != id { embeddable.insert(id) }
            }
            var placed: Set<String> = []
            var forcedTop: [String] = []
            func inline(_ v: JSONValue, depth: Int) -> JSONValue {
                switch v {
                case let .array(a): return .array(a.map { inline($0, depth: depth) })
                case var .object(o):
                    if o.count == 1, let id = o["@id"]?.stringValue, embeddable.contains(id), let node = byID[id] {
                        if depth >= 64 { forcedTop.append(id); return v }
                        placed.insert(id)
                        return build(node, depth: depth + 1)
                    }
                    if let l = o["@list"] { o["@list"] = inline(l, depth: depth) }
                    return .object(o)
                default: return v
                }
            }
            func build(_ node: JSONObject, depth: Int) -> JSONValue {
                var out = JSONObject()
                for (k, v) in node {
                    if k == "@id" || k == "@type" || k == "@graph" { out[k] = v } else { out[k] = inline(v, depth: depth) }
                }
                // An embedded blank node needs no label unless something else names it (as a type).
                if depth > 0, let id = node["@id"]?.stringValue, id.hasPrefix("_:"), !blankTypes.contains(id) {
                    out.removeValue(forKey: "@id")
                }
                return .object(out)
            }
            var result: [JSONValue] = []
            for id in order where !embeddable.contains(id) {
                guard var o = byID[id] else { continue }
                if case let .array(g)? = o["@graph"] { o["@graph"] = .array(embedGraph(g)) }
                result.append(build(o, depth: 0))
            }
            var i = 0
            while i < forcedTop.count {
                let id = forcedTop[i]
                i += 1
                if let o = byID[id] { result.append(build(o, depth: 0)) }
            }
            // Anything embeddable that was never reached (its referrer is itself embedded too deep) stays on top.
            for id in order where embeddable.contains(id) && !placed.contains(id) && !forcedTop.contains(id) {
                if let o = byID[id] { result.append(build(o, depth: 0)) }
            }
            return result
        }
        return .array(embedGraph(top))
    }
}
