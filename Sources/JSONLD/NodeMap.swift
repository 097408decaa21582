import JSON

/// One node in the node map: an ordered object whose property arrays are mutated in place.
final class NodeEntry {
    var object: JSONObject
    /// Per property, the set of values already present (deduplication in O(1)).
    var seen: [String: Set<JSONValue>] = [:]
    init(id: String) { object = ["@id": .string(id)] }

    func ensure(_ property: String) {
        if object[property] == nil { object[property] = .array([]) }
    }

    /// Appends unless an equal value is present (the node map's "add value" with no duplicates).
    func addUnique(_ property: String, _ value: JSONValue) {
        if seen[property] == nil {
            seen[property] = Set(object[property]?.asArray ?? [])
        }
        if seen[property]?.contains(value) == true { return }
        seen[property]?.insert(value)
        var arr = object[property]?.asArray ?? []
        object[property] = .array([])
        arr.append(value)
        object[property] = .array(arr)
    }

    /// Appends always (lists may repeat values).
    func append(_ property: String, _ value: JSONValue) {
        var arr = object[property]?.asArray ?? []
        object[property] = .array([])
        arr.append(value)
        object[property] = .array(arr)
        seen[property]?.insert(value)
    }
}

/// graph name → (subject → node), both in first-seen order.
final class NodeGraph {
    var order: [String] = []
    var nodes: [String: NodeEntry] = [:]
    func node(_ id: String) -> NodeEntry {
        if let n = nodes[id] { return n }
        let n = NodeEntry(id: id)
        nodes[id] = n
        order.append(id)
        return n
    }
    func remove(_ id: String) {
        if nodes.removeValue(forKey: id) != nil { order.removeAll { $0 == id } }
    }
}

final class NodeMap {
    var order: [String] = []
    var graphs: [String: NodeGraph] = [:]
    func graph(_ name: String) -> NodeGraph {
        if let g = graphs[name] { return g }
        let g = NodeGraph()
        graphs[name] = g
        order.append(name)
        return g
    }
}

extension Processor {
    // MARK: Node map generation (§7.2.2)

    /// `list` collects list members when inside an `@list`; `reverseSubject` is the node reference
    /// of the referencing node when processing `@reverse`.
    func generateNodeMap(_ element: JSONValue, _ map: NodeMap, graph activeGraph: String = "@default", subject: String? = nil,
                         reverseSubject: JSONValue? = nil, property: String? = nil, list: inout [JSONValue]?) throws(JSONLDError) {
        if case let .array(items) = element {
            for item in items {
                try generateNodeMap(item, map, graph: activeGraph, subject: subject, reverseSubject: reverseSubject, property: property, list: &list)
            }
            return
        }
        guard case var .object(el) = element else { return }
        let graph = map.graph(activeGraph)
        if case let .array(types)? = el["@type"] {
            el["@type"] = .array(types.map { v in
                if case let .string(s) = v, isBlankNodeID(s) { return .string(blankNodeID(s)) }
                return v
            })
        }
        if el["@value"] != nil {
            if list == nil {
                if let subject, let property { graph.node(subject).addUnique(property, .object(el)) }
            } else {
                list?.append(.object(el))
            }
        } else if let l = el["@list"] {
            var inner: [JSONValue]? = []
            try generateNodeMap(l, map, graph: activeGraph, subject: subject, property: property, list: &inner)
            var result: JSONObject = ["@list": .array(inner ?? [])]
            if let idx = el["@index"] { result["@index"] = idx }
            if list == nil {
                if let subject, let property { graph.node(subject).append(property, .object(result)) }
            } else {
                list?.append(.object(result))
            }
        } else {
            let id: String
            let idValue = el.removeValue(forKey: "@id")
            if case let .string(s)? = idValue {
                id = isBlankNodeID(s) ? blankNodeID(s) : s
            } else if idValue == .null {
                id = "@null"  // an @id that expanded to null: kept apart, never turned into RDF
            } else {
                id = blankNodeID(nil)
            }
            let node = graph.node(id)
            if let reverseSubject, let property {
                node.addUnique(property, reverseSubject)
            } else if let property {
                let reference: JSONValue = ["@id": .string(id)]
                if list == nil {
                    if let subject { graph.node(subject).addUnique(property, reference) }
                } else {
                    list?.append(reference)
                }
            }
            if let t = el.removeValue(forKey: "@type") {
                for x in t.asArray { node.addUnique("@type", x) }
            }
            if let idx = el.removeValue(forKey: "@index") {
                if let existing = node.object["@index"], existing != idx {
                    throw err(JSONLDErrorCode.conflictingIndexes, "node \(id) has two different @index values")
                }
                node.object["@index"] = idx
            }
            if case let .object(rev)? = el.removeValue(forKey: "@reverse") {
                let referenced: JSONValue = ["@id": .string(id)]
                for (p, values) in rev {
                    for v in values.asArray {
                        var none: [JSONValue]? = nil
                        try generateNodeMap(v, map, graph: activeGraph, subject: nil, reverseSubject: referenced, property: p, list: &none)
                    }
                }
            }
            if let g = el.removeValue(forKey: "@graph") {
                var none: [JSONValue]? = nil
                _ = map.graph(id)
                try generateNodeMap(g, map, graph: id, list: &none)
            }
            if let inc = el.removeValue(forKey: "@included") {
                var none: [JSONValue]? = nil
                try generateNodeMap(inc, map, graph: activeGraph, list: &none)
            }
            for p in el.keys.sorted() {
                guard let v = el[p] else { continue }
                let prop = isBlankNodeID(p) ? blankNodeID(p) : p
                node.ensure(prop)
                var none: [JSONValue]? = nil
                try generateNodeMap(v, map, graph: activeGraph, subject: id, property: prop, list: &none)
            }
        }
    }
}
