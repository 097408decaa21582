import JSON
import RDF

extension Processor {
    // MARK: Compaction algorithm (§6.1.2)

    func compact(_ activeIn: ActiveContext, _ activeProperty: String?, _ element: JSONValue) throws(JSONLDError) -> JSONValue {
        depth += 1
        defer { depth -= 1 }
        if depth > options.maxExpansionDepth { throw err(JSONLDErrorCode.loadingDocumentFailed, "document nested too deeply") }
        var active = activeIn
        switch element {
        case .null, .bool, .number, .string: return element
        case let .array(items):
            var result: [JSONValue] = []
            for item in items {
                let c = try compact(active, activeProperty, item)
                if !c.isNull { result.append(c) }
            }
            let container = activeProperty.flatMap { active.terms[$0]?.container } ?? []
            if result.count != 1 || !options.compactArrays || activeProperty == "@graph" || activeProperty == "@set"
                || container.contains("@list") || container.contains("@set") {
                return .array(result)
            }
            return result[0]
        case let .object(el):
            let propertyDef = activeProperty.flatMap { active.terms[$0] }
            if let prev = active.previous, el["@value"] == nil, !(el.count == 1 && el["@id"] != nil) {
                active = prev.context
            }
            if let d = propertyDef, let c = d.context {
                active = try processContext(active, c, baseURL: d.baseURL, overrideProtected: true)
            }
            if el["@value"] != nil {
                return try compactValue(&active, activeProperty, el)
            }
            if el["@id"] != nil && el.count == 1 {
                let r = try compactValue(&active, activeProperty, el)
                if r.isScalar { return r }
            }
            if let l = el["@list"], let ap = activeProperty, active.terms[ap]?.container.contains("@list") == true {
                return try compact(active, activeProperty, l)
            }
            return try compactNode(&active, activeProperty, el)
        }
    }

    func compactNode(_ active: inout ActiveContext, _ activeProperty: String?, _ el: JSONObject) throws(JSONLDError) -> JSONValue {
        let insideReverse = activeProperty == "@reverse"
        var result = JSONObject()
        var typeScoped = active
        if let types = el["@type"] {
            var compactedTypes: [String] = []
            for t in types.asArray { if let s = t.stringValue { compactedTypes.append(try compactIRI(&typeScoped, s, vocab: true)) } }
            for term in compactedTypes.sorted() {
                if let d = typeScoped.terms[term], let c = d.context {
                    active = try processContext(active, c, baseURL: d.baseURL, propagate: false)
                }
            }
        }
        let keys = options.ordered ? el.keys.sorted() : el.keys
        for expandedProperty in keys {
            guard let expandedValue = el[expandedProperty] else { continue }
            switch expandedProperty {
            case "@id":
                let alias = try compactIRI(&active, "@id", vocab: true)
                let v: JSONValue = expandedValue.stringValue.map { .string((try? compactIRI(&active, $0, vocab: false)) ?? $0) } ?? expandedValue
                result[alias] = v
                continue
            case "@type":
                var compactedValue: JSONValue
                if case let .string(s) = expandedValue {
                    compactedValue = .string(try compactIRI(&typeScoped, s, vocab: true))
                } else {
                    var arr: [JSONValue] = []
                    for t in expandedValue.asArray { arr.append(.string(try compactIRI(&typeScoped, t.stringValue ?? "", vocab: true))) }
                    compactedValue = .array(arr)
                }
                let alias = try compactIRI(&active, "@type", vocab: true)
                let asArray = (!mode10 && active.terms[alias]?.container.contains("@set") == true) || !options.compactArrays
                addValue(&result, alias, compactedValue, asArray: asArray)
                continue
            case "@reverse":
                guard case var .object(cv) = try compact(active, "@reverse", expandedValue) else { continue }
                for property in cv.keys {
                    guard let d = active.terms[property], d.reverse, let v = cv[property] else { continue }
                    let asArray = d.container.contains("@set") || !options.compactArrays
                    addValue(&result, property, v, asArray: asArray)
                    cv.removeValue(forKey: property)
                }
                if !cv.isEmpty {
                    let alias = try compactIRI(&active, "@reverse", vocab: true)
                    result[alias] = .object(cv)
                }
                continue
            case "@preserve":
                continue
            case "@index":
                if let ap = activeProperty, active.terms[ap]?.container.contains("@index") == true { continue }
                let alias = try compactIRI(&active, "@index", vocab: true)
                result[alias] = expandedValue
                continue
            case "@direction", "@language", "@value":
                let alias = try compactIRI(&active, expandedProperty, vocab: true)
                result[alias] = expandedValue
                continue
            default:
                break
            }
            let items = expandedValue.asArray
            if items.isEmpty {
                let itemActiveProperty = try compactIRI(&active, expandedProperty, value: expandedValue, vocab: true, reverse: insideReverse)
                try withNestResult(&active, &result, itemActiveProperty) { (nest: inout JSONObject) in
                    addValue(&nest, itemActiveProperty, .array([]), asArray: true)
                }
                continue
            }
            for expandedItem in items {
                let itemActiveProperty = try compactIRI(&active, expandedProperty, value: expandedItem, vocab: true, reverse: insideReverse)
                let def = active.terms[itemActiveProperty]
                let container = def?.container ?? []
                let asArray = container.contains("@set") || itemActiveProperty == "@graph" || itemActiveProperty == "@list" || !options.compactArrays
                let isList = expandedItem["@list"] != nil && expandedItem.objectValue.map { $0.keys.allSatisfy { $0 == "@list" || $0 == "@index" } } == true
                let isGraph = isGraphObject(expandedItem)
                var inner = expandedItem
                if isList { inner = expandedItem["@list"] ?? .null } else if isGraph { inner = expandedItem["@graph"] ?? .null }
                var compactedItem = try compact(active, itemActiveProperty, inner)
                if isList {
                    compactedItem = .array(compactedItem.asArray)
                    if !container.contains("@list") {
                        var wrapper: JSONObject = [try compactIRI(&active, "@list", vocab: true): compactedItem]
                        if let idx = expandedItem["@index"] { wrapper[try compactIRI(&active, "@index", vocab: true)] = idx }
                        let w = JSONValue.object(wrapper)
                        try withNestResult(&active, &result, itemActiveProperty) { (nest: inout JSONObject) in addValue(&nest, itemActiveProperty, w, asArray: asArray) }
                    } else {
                        let c = compactedItem
                        try withNestResult(&active, &result, itemActiveProperty) { (nest: inout JSONObject) in nest[itemActiveProperty] = c }
                    }
                } else if isGraph {
                    let simple = expandedItem["@id"] == nil
                    if container.contains("@graph") && container.contains("@id") {
                        let idValue = expandedItem["@id"]?.stringValue
                        let mapKey: String
                        if let idValue { mapKey = try compactIRI(&active, idValue, vocab: false) }
                        else { mapKey = try compactIRI(&active, "@none", vocab: true) }
                        let c = compactedItem
                        try withNestResult(&active, &result, itemActiveProperty) { (nest: inout JSONObject) in
                            var map = nest[itemActiveProperty]?.objectValue ?? JSONObject()
                            addValue(&map, mapKey, c, asArray: asArray)
                            nest[itemActiveProperty] = .object(map)
                        }
                    } else if container.contains("@graph") && container.contains("@index") && simple {
                        let mapKey: String
                        if let i = expandedItem["@index"]?.stringValue { mapKey = i } else { mapKey = try compactIRI(&active, "@none", vocab: true) }
                        let c = compactedItem
                        try withNestResult(&active, &result, itemActiveProperty) { (nest: inout JSONObject) in
                            var map = nest[itemActiveProperty]?.objectValue ?? JSONObject()
                            addValue(&map, mapKey, c, asArray: asArray)
                            nest[itemActiveProperty] = .object(map)
                        }
                    } else if container.contains("@graph") && simple {
                        if case let .array(a) = compactedItem, a.count > 1 {
                            compactedItem = [try compactIRI(&active, "@included", vocab: true): compactedItem]
                        }
                        let c = compactedItem
                        try withNestResult(&active, &result, itemActiveProperty) { (nest: inout JSONObject) in addValue(&nest, itemActiveProperty, c, asArray: asArray) }
                    } else {
                        var wrapper: JSONObject = [try compactIRI(&active, "@graph", vocab: true): compactedItem]
                        if let id = expandedItem["@id"]?.stringValue {
                            wrapper[try compactIRI(&active, "@id", vocab: true)] = .string(try compactIRI(&active, id, vocab: false))
                        }
                        if let idx = expandedItem["@index"] { wrapper[try compactIRI(&active, "@index", vocab: true)] = idx }
                        let w = JSONValue.object(wrapper)
                        try withNestResult(&active, &result, itemActiveProperty) { (nest: inout JSONObject) in addValue(&nest, itemActiveProperty, w, asArray: asArray) }
                    }
                } else if !container.contains("@graph") && (container.contains("@language") || container.contains("@index") || container.contains("@id") || container.contains("@type")) {
                    let which = container.contains("@language") ? "@language" : container.contains("@index") ? "@index" : container.contains("@id") ? "@id" : "@type"
                    var containerKey = try compactIRI(&active, which, vocab: true)
                    let indexKey = def?.index ?? "@index"
                    var mapKey: String?
                    if which == "@language", let v = expandedItem["@value"] {
                        compactedItem = v
                        mapKey = expandedItem["@language"]?.stringValue
                    } else if which == "@index" && indexKey == "@index" {
                        mapKey = expandedItem["@index"]?.stringValue
                    } else if which == "@index" {
                        containerKey = try compactIRI(&active, expandIRIConst(active, indexKey, vocab: true) ?? indexKey, vocab: true)
                        // Compacting the expanded index key without a value cannot select a term that
                        // has a type mapping (`"predicate": {"@id": …, "@type": "@vocab"}`), so the item
                        // holds it under the key as written; pyld and jsonld.js use that key (compact t0114).
                        if compactedItem[containerKey] == nil && compactedItem[indexKey] != nil { containerKey = indexKey }
                        if case var .object(co) = compactedItem, let values = co[containerKey] {
                            var arr = values.asArray
                            if let first = arr.first?.stringValue {
                                mapKey = first
                                arr.removeFirst()
                                co.removeValue(forKey: containerKey)
                                for r in arr { addValue(&co, containerKey, r, asArray: false) }
                                compactedItem = .object(co)
                            }
                        }
                    } else if which == "@id" {
                        if case var .object(co) = compactedItem {
                            mapKey = co.removeValue(forKey: containerKey)?.stringValue
                            compactedItem = .object(co)
                        }
                    } else {
                        if case var .object(co) = compactedItem, let values = co[containerKey] {
                            var arr = values.asArray
                            mapKey = arr.first?.stringValue
                            if !arr.isEmpty { arr.removeFirst() }
                            co.removeValue(forKey: containerKey)
                            if arr.count == 1 { co[containerKey] = arr[0] } else if !arr.isEmpty { co[containerKey] = .array(arr) }
                            compactedItem = .object(co)
                            if co.count == 1, let idAlias = Optional(try compactIRI(&active, "@id", vocab: true)), co[idAlias] != nil,
                               let id = expandedItem["@id"] {
                                compactedItem = try compact(active, itemActiveProperty, ["@id": id])
                            }
                        }
                    }
                    let key: String
                    if let mapKey { key = mapKey } else { key = try compactIRI(&active, "@none", vocab: true) }
                    let c = compactedItem
                    try withNestResult(&active, &result, itemActiveProperty) { (nest: inout JSONObject) in
                        var map = nest[itemActiveProperty]?.objectValue ?? JSONObject()
                        addValue(&map, key, c, asArray: asArray)
                        nest[itemActiveProperty] = .object(map)
                    }
                } else {
                    let c = compactedItem
                    try withNestResult(&active, &result, itemActiveProperty) { (nest: inout JSONObject) in addValue(&nest, itemActiveProperty, c, asArray: asArray) }
                }
            }
        }
        return .object(result)
    }

    /// Runs `body` on the object a property's values go into: `result` itself, or its `@nest` member.
    func withNestResult(_ active: inout ActiveContext, _ result: inout JSONObject, _ property: String,
                        _ body: (inout JSONObject) -> Void) throws(JSONLDError) {
        guard let nestTerm = active.terms[property]?.nest else { body(&result); return }
        if nestTerm != "@nest" {
            guard expandIRIConst(active, nestTerm, vocab: true) == "@nest" else {
                throw err(JSONLDErrorCode.invalidNestValue, "'\(nestTerm)' is not an alias of @nest")
            }
        }
        var nest = result[nestTerm]?.objectValue ?? JSONObject()
        body(&nest)
        result[nestTerm] = .object(nest)
    }

    func addValue(_ object: inout JSONObject, _ key: String, _ value: JSONValue, asArray: Bool) {
        if asArray, let existing = object[key], !existing.isArray { object[key] = [existing] }
        if asArray, object[key] == nil { object[key] = .array([]) }
        if case let .array(vs) = value {
            if vs.isEmpty && object[key] == nil { object[key] = .array([]) }
            for v in vs { addValue(&object, key, v, asArray: asArray) }
            return
        }
        if let existing = object[key] {
            var arr = existing.asArray
            object[key] = .null
            arr.append(value)
            object[key] = .array(arr)
        } else {
            object[key] = asArray ? [value] : value
        }
    }

    // MARK: Value compaction (§6.5.2, in the shape pyld and jsonld.js use)

    func compactValue(_ active: inout ActiveContext, _ activeProperty: String?, _ value: JSONObject) throws(JSONLDError) -> JSONValue {
        let def = activeProperty.flatMap { active.terms[$0] }
        let typeMapping = def?.typeMapping
        if value["@value"] == nil {
            guard let id = value["@id"]?.stringValue else { return .object(value) }
            let compacted = try compactIRI(&active, id, vocab: typeMapping == "@vocab")
            if typeMapping == "@id" || typeMapping == "@vocab" || activeProperty == "@graph" { return .string(compacted) }
            return [try compactIRI(&active, "@id", vocab: true): .string(compacted)]
        }
        let language: String? = def?.language.map { $0.string } ?? active.defaultLanguage
        let direction: String? = def?.direction.map { $0.string } ?? active.defaultDirection
        let container = def?.container ?? []
        let preserveIndex = value["@index"] != nil && !container.contains("@index")
        let v = value["@value"] ?? .null
        if !preserveIndex && typeMapping != "@none" {
            if let t = value["@type"]?.stringValue, t == typeMapping { return v }
            if value["@type"] == nil, let l = value["@language"]?.stringValue, l.lowercased() == language?.lowercased(),
               value["@direction"]?.stringValue == direction { return v }
            if value["@type"] == nil, value["@language"] == nil, let d = value["@direction"]?.stringValue, d == direction, language == nil { return v }
        }
        let isValueOnly = value.count == 1 || (value.count == 2 && value["@index"] != nil && !preserveIndex)
        if isValueOnly && typeMapping != "@none" && (!v.isString || (language == nil && direction == nil)) { return v }
        var r = JSONObject()
        if let t = value["@type"]?.stringValue {
            r[try compactIRI(&active, "@type", vocab: true)] = .string(try compactIRI(&active, t, vocab: true))
        }
        if let l = value["@language"] { r[try compactIRI(&active, "@language", vocab: true)] = l }
        if let d = value["@direction"] { r[try compactIRI(&active, "@direction", vocab: true)] = d }
        if preserveIndex, let i = value["@index"] { r[try compactIRI(&active, "@index", vocab: true)] = i }
        r[try compactIRI(&active, "@value", vocab: true)] = v
        return .object(r)
    }
}
