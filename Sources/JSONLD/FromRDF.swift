import JSON
import RDF

extension Processor {
    // MARK: Serialize RDF as JSON-LD (§8.4)

    /// Where a value sits: node, property, index in the property's array.
    struct Usage { let node: NodeEntry; let property: String; let index: Int }

    func fromRDF<S: Sequence>(_ dataset: S) throws(JSONLDError) -> JSONValue where S.Element == Quad {
        let graphMap = NodeMap()
        let defaultGraph = graphMap.graph("@default")
        var referencedOnce: [String: Usage?] = [:]  // nil value = referenced more than once
        var nilUsages: [String: [Usage]] = [:]      // graph name → usages of rdf:nil
        var compoundLiteralSubjects: [String: Set<String>] = [:]
        let rdfType = Vocab.rdf.type.value
        let rdfNil = Vocab.rdf.nil.value

        for quad in dataset {
            let name = quad.graph.map(idString) ?? "@default"
            let nodeMap = graphMap.graph(name)
            if name != "@default" { _ = defaultGraph.node(name) }
            let subject = idString(quad.subject)
            let predicate = idString(quad.predicate)
            let node = nodeMap.node(subject)
            if options.rdfDirection == .compoundLiteral && predicate == Vocab.rdf.direction.value {
                compoundLiteralSubjects[name, default: []].insert(subject)
            }
            let objectIsNode: Bool
            switch quad.object { case .iri, .blank: objectIsNode = true; default: objectIsNode = false }
            if objectIsNode { _ = nodeMap.node(idString(quad.object)) }
            if predicate == rdfType && !options.useRdfType && objectIsNode {
                node.addUnique("@type", .string(idString(quad.object)))
                continue
            }
            let value = try rdfToObject(quad.object)
            let before = (node.object[predicate]?.asArray.count) ?? 0
            node.addUnique(predicate, value)
            let after = node.object[predicate]?.asArray.count ?? 0
            guard after > before else { continue }
            let usage = Usage(node: node, property: predicate, index: after - 1)
            if case let .iri(i) = quad.object, i.value == rdfNil {
                nilUsages[name, default: []].append(usage)
            } else if case let .blank(b) = quad.object {
                let id = "_:" + b.id
                if referencedOnce[id] != nil { referencedOnce[id] = .some(nil) } else { referencedOnce[id] = usage }
            } else if objectIsNode {
                let id = idString(quad.object)
                if referencedOnce[id] != nil { referencedOnce[id] = .some(nil) } else { referencedOnce[id] = usage }
            }
        }

        for name in graphMap.order {
            guard let graph = graphMap.graphs[name] else { continue }
            if let cls = compoundLiteralSubjects[name] {
                for cl in cls.sorted() {
                    guard let entry = referencedOnce[cl], let usage = entry, let clNode = graph.nodes[cl] else { continue }
                    graph.remove(cl)
                    var v: JSONObject = [:]
                    v["@value"] = clNode.object[Vocab.rdf.value.value]?.asArray.first?["@value"]
                    if let l = clNode.object[Vocab.rdf.language.value]?.asArray.first?["@value"] { v["@language"] = l }
                    if let d = clNode.object[Vocab.rdf.direction.value]?.asArray.first?["@value"] { v["@direction"] = d }
                    var arr = usage.node.object[usage.property]?.asArray ?? []
                    for i in arr.indices where arr[i]["@id"] == .string(cl) { arr[i] = .object(v) }
                    usage.node.object[usage.property] = .array(arr)
                }
            }
            guard graph.nodes[rdfNil] != nil else { continue }
            var listFor: [String: [JSONValue]] = [:]
            for usage in nilUsages[name] ?? [] {
                var node = usage.node
                var property = usage.property
                var head = usage
                var list: [JSONValue] = []
                var listNodes: [String] = []
                while property == Vocab.rdf.rest.value, let id = node.object["@id"]?.stringValue, isBlankNodeID(id),
                      case let .some(.some(nodeUsage)) = referencedOnce[id], isWellFormedListNode(node) {
                    list.append(node.object[Vocab.rdf.first.value]?.asArray.first ?? .null)
                    listNodes.append(id)
                    node = nodeUsage.node
                    property = nodeUsage.property
                    head = nodeUsage
                    if let nid = node.object["@id"]?.stringValue, !isBlankNodeID(nid) { break }
                }
                for id in listNodes { graph.remove(id) }
                if let first = listNodes.last {
                    // Substituted below, so a list nested in another list is found whichever ends first.
                    listFor[first] = list.reversed()
                    continue
                }
                var arr = head.node.object[head.property]?.asArray ?? []
                guard head.index < arr.count, case var .object(h) = arr[head.index] else { continue }
                h.removeValue(forKey: "@id")
                h["@list"] = .array(list.reversed())
                arr[head.index] = .object(h)
                head.node.object[head.property] = .array(arr)
            }
            if !listFor.isEmpty {
                func substitute(_ v: JSONValue, _ depth: Int) -> JSONValue {
                    guard depth < 10_000, case let .object(o) = v, o.count == 1, let id = o["@id"]?.stringValue, let items = listFor[id] else { return v }
                    return ["@list": .array(items.map { substitute($0, depth + 1) })]
                }
                for id in graph.order {
                    guard let n = graph.nodes[id] else { continue }
                    for k in n.object.keys where k != "@id" && k != "@type" {
                        if case let .array(vals)? = n.object[k] { n.object[k] = .array(vals.map { substitute($0, 0) }) }
                    }
                }
            }
        }

        var result: [JSONValue] = []
        let subjects = options.ordered ? defaultGraph.order.sorted() : defaultGraph.order
        for subject in subjects {
            guard let node = defaultGraph.nodes[subject] else { continue }
            if name(subject, isGraphIn: graphMap), let g = graphMap.graphs[subject] {
                var members: [JSONValue] = []
                for s in (options.ordered ? g.order.sorted() : g.order) {
                    guard let n = g.nodes[s] else { continue }
                    if n.object.count == 1 && n.object["@id"] != nil { continue }
                    members.append(.object(n.object))
                }
                node.object["@graph"] = .array(members)
            }
            if node.object.count == 1 && node.object["@id"] != nil { continue }
            result.append(.object(node.object))
        }
        return .array(result)
    }

    func name(_ subject: String, isGraphIn map: NodeMap) -> Bool { subject != "@default" && map.graphs[subject] != nil }

    func isWellFormedListNode(_ node: NodeEntry) -> Bool {
        let first = Vocab.rdf.first.value, rest = Vocab.rdf.rest.value
        guard node.object[first]?.asArray.count == 1, node.object[rest]?.asArray.count == 1 else { return false }
        for k in node.object.keys where k != "@id" && k != first && k != rest {
            if k == "@type", node.object["@type"]?.asArray == [.string(Vocab.rdf.List.value)] { continue }
            return false
        }
        return true
    }

    func idString(_ t: Term) -> String {
        switch t {
        case let .iri(i): return i.value
        case let .blank(b): return "_:" + b.id
        case let .literal(l): return l.lexicalForm
        }
    }

    // RDF to object (§8.4.3)
    func rdfToObject(_ t: Term) throws(JSONLDError) -> JSONValue {
        guard case let .literal(l) = t else { return ["@id": .string(idString(t))] }
        var result = JSONObject()
        var converted: JSONValue = .string(l.lexicalForm)
        var type: String?
        let dt = l.datatype.value
        if options.useNativeTypes && (dt == Vocab.xsd.string.value || dt == Vocab.xsd.boolean.value || dt == Vocab.xsd.integer.value || dt == Vocab.xsd.double.value) {
            switch dt {
            case Vocab.xsd.string.value: break
            case Vocab.xsd.boolean.value:
                if l.lexicalForm == "true" || l.lexicalForm == "1" { converted = true }
                else if l.lexicalForm == "false" || l.lexicalForm == "0" { converted = false } else { type = dt }
            case Vocab.xsd.integer.value:
                if isIntegerLexical(l.lexicalForm), let i = Int(l.lexicalForm.hasPrefix("+") ? String(l.lexicalForm.dropFirst()) : l.lexicalForm) {
                    converted = .int(i)
                } else { type = dt }
            default:
                if isDoubleLexical(l.lexicalForm), let d = Double(l.lexicalForm), d.isFinite { converted = .double(d) } else { type = dt }
            }
        } else if !mode10 && parseJSONLiterals && dt == Vocab.rdf.JSON.value {
            do { converted = try JSONParser.parse(Array(l.lexicalForm.utf8), options: .init(duplicateKeys: .lastWins)) } catch {
                throw err(JSONLDErrorCode.invalidJSONLiteral, "rdf:JSON literal is not JSON: \(error.message)")
            }
            type = "@json"
        } else if dt.hasPrefix("https://www.w3.org/ns/i18n#") && options.rdfDirection == .i18nDatatype {
            let suffix = dt.dropFirst("https://www.w3.org/ns/i18n#".count)
            if let u = suffix.firstIndex(of: "_") {
                let lang = suffix[..<u]
                if !lang.isEmpty { result["@language"] = .string(String(lang)) }
                result["@direction"] = .string(String(suffix[suffix.index(after: u)...]))
            }
        } else if let lang = l.language {
            result["@language"] = .string(lang)
            if let d = l.direction { result["@direction"] = .string(d) }
        } else if dt != Vocab.xsd.string.value {
            type = dt
        }
        var out: JSONObject = ["@value": converted]
        for (k, v) in result { out[k] = v }
        if let type { out["@type"] = .string(type) }
        return .object(out)
    }

    func isIntegerLexical(_ s: String) -> Bool {
        var u = Substring(s)
        if u.first == "+" || u.first == "-" { u = u.dropFirst() }
        return !u.isEmpty && u.allSatisfy { $0.isASCII && $0.isNumber }
    }

    func isDoubleLexical(_ s: String) -> Bool {
        // [+-]?(digits(.digits?)?|.digits)([eE][+-]?digits)?  — also INF/NaN are not converted.
        var u = Substring(s)
        if u.first == "+" || u.first == "-" { u = u.dropFirst() }
        var mant = u, exp: Substring = ""
        if let e = u.firstIndex(where: { $0 == "e" || $0 == "E" }) { mant = u[..<e]; exp = u[u.index(after: e)...]
            if exp.first == "+" || exp.first == "-" { exp = exp.dropFirst() }
            if exp.isEmpty || !exp.allSatisfy({ $0.isASCII && $0.isNumber }) { return false }
        }
        let parts = mant.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, parts.joined().count > 0 else { return false }
        return parts.allSatisfy { $0.allSatisfy { $0.isASCII && $0.isNumber } }
    }
}

extension JSONLD {
    /// Serialize RDF as JSON-LD (§8.4): expanded JSON-LD for a dataset.
    public static func fromRDF(_ dataset: Dataset, options: JSONLDOptions = JSONLDOptions()) throws(JSONLDError) -> JSONValue {
        let p = Processor(options: options)
        return try onLargeStack { () throws(JSONLDError) in try p.fromRDF(dataset) }
    }
}
