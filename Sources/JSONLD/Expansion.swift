import JSON
import RDF

extension Processor {
    // MARK: Expansion algorithm (§5.1.2)

    func expand(_ activeIn: ActiveContext, _ activeProperty: String?, _ element: JSONValue, baseURL: String?,
                fromMap: Bool = false) throws(JSONLDError) -> JSONValue {
        depth += 1
        defer { depth -= 1 }
        if depth > options.maxExpansionDepth { throw err(JSONLDErrorCode.loadingDocumentFailed, "document nested deeper than \(options.maxExpansionDepth) levels") }
        var active = activeIn
        let propDef = activeProperty.flatMap { active.terms[$0] }
        switch element {
        case .null: return .null
        case .bool, .number, .string:
            if activeProperty == nil || activeProperty == "@graph" { return .null }
            if let psc = propDef?.context {
                active = try processContext(active, psc, baseURL: propDef?.baseURL, overrideProtected: true)
            }
            return try expandValue(&active, activeProperty ?? "", element)
        case let .array(items):
            var result: [JSONValue] = []
            result.reserveCapacity(items.count)
            for (i, item) in items.enumerated() {
                path.append(String(i))
                var e = try expand(active, activeProperty, item, baseURL: baseURL, fromMap: fromMap)
                path.removeLast()
                if let d = propDef, d.container.contains("@list"), case .array = e { e = ["@list": e] }
                switch e {
                case let .array(a): result.append(contentsOf: a)
                case .null: break
                default: result.append(e)
                }
            }
            return .array(result)
        case let .object(obj):
            return try expandObject(&active, activeProperty, propDef, obj, baseURL: baseURL, fromMap: fromMap)
        }
    }

    func expandObject(_ active: inout ActiveContext, _ activeProperty: String?, _ propDef: TermDefinition?, _ obj: JSONObject,
                      baseURL: String?, fromMap: Bool) throws(JSONLDError) -> JSONValue {
        // 7: a term-scoped context does not propagate into new node objects.
        if let prev = active.previous, !fromMap {
            var revert = true
            for k in obj.keys {
                let e = expandIRIConst(active, k, vocab: true)
                if e == "@value" { revert = false; break }
                if e == "@id" && obj.count == 1 { revert = false; break }
            }
            if revert { active = prev.context }
        }
        if let psc = propDef?.context {
            active = try processContext(active, psc, baseURL: propDef?.baseURL, overrideProtected: true)
        }
        if let c = obj["@context"] {
            path.append("@context")
            active = try processContext(active, c, baseURL: baseURL)
            path.removeLast()
        }
        let typeScoped = active
        var inputType: String?
        var typeKeyFound = false
        let typeKeys = obj.keys.filter { expandIRIConst(active, $0, vocab: true) == "@type" }.sorted()
        for k in typeKeys {
            let values = obj[k]?.asArray ?? []
            if !typeKeyFound, let last = values.last?.stringValue {
                inputType = expandIRIConst(active, last, vocab: true)
            }
            typeKeyFound = true
            for t in values.compactMap(\.stringValue).sorted() {
                if let d = typeScoped.terms[t], let c = d.context {
                    active = try processContext(active, c, baseURL: d.baseURL, propagate: false)
                }
            }
        }
        if typeKeyFound, inputType != nil {
            // Re-expand with the final context (type-scoped contexts may redefine the type's term).
            for k in obj.keys.filter({ expandIRIConst(active, $0, vocab: true) == "@type" }).sorted() {
                if let last = obj[k]?.asArray.last?.stringValue { inputType = expandIRIConst(active, last, vocab: true) }
                break
            }
        }
        var result = JSONObject()
        var nests: [String] = []
        try expandEntries(&active, typeScoped, activeProperty, obj, &result, &nests, inputType: inputType, baseURL: baseURL)
        if !nests.isEmpty {
            try expandNests(&active, typeScoped, activeProperty, obj, nests, &result, inputType: inputType, baseURL: baseURL)
        }
        return try finishExpandedObject(result, activeProperty: activeProperty)
    }

    func expandNests(_ active: inout ActiveContext, _ typeScoped: ActiveContext, _ activeProperty: String?, _ obj: JSONObject,
                     _ nests: [String], _ result: inout JSONObject, inputType: String?, baseURL: String?) throws(JSONLDError) {
        depth += 1
        defer { depth -= 1 }
        if depth > options.maxExpansionDepth { throw err(JSONLDErrorCode.invalidNestValue, "@nest nested too deeply") }
        for nk in nests.sorted() {
            path.append(nk)
            var nestContext = active
            if let d = active.terms[nk], let c = d.context {
                nestContext = try processContext(active, c, baseURL: d.baseURL, overrideProtected: true)
            }
            for nv in (obj[nk] ?? .null).asArray {
                guard case let .object(no) = nv, !no.keys.contains(where: { expandIRIConst(active, $0, vocab: true) == "@value" }) else {
                    throw err(JSONLDErrorCode.invalidNestValue, "the value of @nest must be an object that is not a value object")
                }
                var inner: [String] = []
                try expandEntries(&nestContext, typeScoped, activeProperty, no, &result, &inner, inputType: inputType, baseURL: baseURL)
                if !inner.isEmpty { try expandNests(&nestContext, typeScoped, activeProperty, no, inner, &result, inputType: inputType, baseURL: baseURL) }
            }
            path.removeLast()
        }
    }

    func finishExpandedObject(_ resultIn: JSONObject, activeProperty: String?) throws(JSONLDError) -> JSONValue {
        var result = resultIn
        if let value = result["@value"] {
            let allowed: Set<String> = ["@direction", "@index", "@language", "@type", "@value"]
            if result.keys.contains(where: { !allowed.contains($0) }) || (result["@type"] != nil && (result["@language"] != nil || result["@direction"] != nil)) {
                throw err(JSONLDErrorCode.invalidValueObject, "a value object has unexpected entries: \(result.keys.joined(separator: ", "))")
            }
            if result["@type"] == .string("@json") {
                // any JSON value
            } else if value.isNull || value == .array([]) {
                return .null
            } else if !value.isString && result["@language"] != nil {
                throw err(JSONLDErrorCode.invalidLanguageTaggedValue, "@language is only allowed on string values")
            } else if let t = result["@type"] {
                guard case let .string(ts) = t, (try? IRI(ts)) != nil else {
                    throw err(JSONLDErrorCode.invalidTypedValue, "the @type of a value must be an IRI")
                }
            }
            if case .array = value, result["@type"] != .string("@json") {
                throw err(JSONLDErrorCode.invalidValueObjectValue, "@value cannot be an array")
            }
            if case .object = value, result["@type"] != .string("@json") {
                throw err(JSONLDErrorCode.invalidValueObjectValue, "@value cannot be an object")
            }
        } else if let t = result["@type"], !t.isArray {
            result["@type"] = [t]
        } else if result["@set"] != nil || result["@list"] != nil {
            if result.count > 2 || (result.count == 2 && result["@index"] == nil) {
                throw err(JSONLDErrorCode.invalidSetOrListObject, "@set and @list objects may only have @index besides")
            }
            if let s = result["@set"] { return s }
        }
        if result.count == 1 && result["@language"] != nil { return .null }
        if activeProperty == nil || activeProperty == "@graph" {
            if result.isEmpty || result["@value"] != nil || result["@list"] != nil { return .null }
            if result.count == 1 && result["@id"] != nil { return .null }
        }
        return .object(result)
    }

    // Steps 13–14: one object's entries into `result`.
    func expandEntries(_ active: inout ActiveContext, _ typeScoped: ActiveContext, _ activeProperty: String?, _ obj: JSONObject,
                       _ result: inout JSONObject, _ nests: inout [String], inputType: String?, baseURL: String?) throws(JSONLDError) {
        let keys = options.ordered ? obj.keys.sorted() : obj.keys
        var typeScopedMutable = typeScoped
        for key in keys {
            if key == "@context" { continue }
            guard let value = obj[key] else { continue }
            guard let expandedProperty = expandIRIConst(active, key, vocab: true),
                  expandedProperty.utf8.contains(UInt8(ascii: ":")) || isKeyword(expandedProperty) else { continue }
            path.append(key)
            defer { path.removeLast() }
            if isKeyword(expandedProperty) {
                if activeProperty == "@reverse" { throw err(JSONLDErrorCode.invalidReversePropertyMap, "keywords cannot be used inside @reverse") }
                if result.contains(expandedProperty) && (mode10 || (expandedProperty != "@included" && expandedProperty != "@type")) {
                    throw err(JSONLDErrorCode.collidingKeywords, "two entries expand to \(expandedProperty)")
                }
                var expandedValue: JSONValue = .null
                switch expandedProperty {
                case "@id":
                    guard case let .string(s) = value else { throw err(JSONLDErrorCode.invalidIdValue, "@id must be a string") }
                    expandedValue = (try expandIRI(&active, s, documentRelative: true)).map { .string($0) } ?? .null
                case "@type":
                    var types: [JSONValue] = []
                    switch value {
                    case let .string(s): types = [.string(s)]
                    case let .array(a) where a.allSatisfy(\.isString): types = a
                    default: throw err(JSONLDErrorCode.invalidTypeValue, "@type must be a string or an array of strings")
                    }
                    var out: [JSONValue] = []
                    for t in types {
                        if let e = try expandIRI(&typeScopedMutable, t.stringValue ?? "", documentRelative: true, vocab: true) { out.append(.string(e)) }
                    }
                    expandedValue = value.isArray || out.count != 1 ? .array(out) : out[0]
                    if let existing = result["@type"] { expandedValue = .array(existing.asArray + expandedValue.asArray) }
                case "@graph":
                    expandedValue = .array(try expand(active, "@graph", value, baseURL: baseURL).asArray)
                case "@included":
                    if mode10 { continue }
                    let inc = try expand(active, nil, value, baseURL: baseURL).asArray
                    for i in inc {
                        guard case let .object(o) = i, o["@value"] == nil, o["@list"] == nil, o["@set"] == nil else {
                            throw err(JSONLDErrorCode.invalidIncludedValue, "@included must hold node objects")
                        }
                    }
                    expandedValue = .array((result["@included"]?.asArray ?? []) + inc)
                case "@value":
                    if inputType == "@json" {
                        if mode10 { throw err(JSONLDErrorCode.invalidValueObjectValue, "@json needs json-ld-1.1") }
                        expandedValue = value
                    } else {
                        guard value.isScalar || value.isNull else { throw err(JSONLDErrorCode.invalidValueObjectValue, "@value must be a string, number, boolean or null") }
                        expandedValue = value
                        if value.isNull { result["@value"] = .null; continue }
                    }
                case "@language":
                    guard case let .string(s) = value else { throw err(JSONLDErrorCode.invalidLanguageTaggedString, "@language must be a string") }
                    expandedValue = .string(s.lowercased())
                case "@direction":
                    if mode10 { continue }
                    guard value == "ltr" || value == "rtl" else { throw err(JSONLDErrorCode.invalidBaseDirection, "@direction must be \"ltr\" or \"rtl\"") }
                    expandedValue = value
                case "@index":
                    guard value.isString else { throw err(JSONLDErrorCode.invalidIndexValue, "@index must be a string") }
                    expandedValue = value
                case "@list":
                    if activeProperty == nil || activeProperty == "@graph" { continue }
                    expandedValue = .array(try expand(active, activeProperty, value, baseURL: baseURL).asArray)
                    try checkListDepth(expandedValue)
                case "@set":
                    expandedValue = try expand(active, activeProperty, value, baseURL: baseURL)
                case "@reverse":
                    guard case .object = value else { throw err(JSONLDErrorCode.invalidReverseValue, "@reverse must be an object") }
                    let ev = try expand(active, "@reverse", value, baseURL: baseURL)
                    guard case let .object(eo) = ev else { continue }
                    if case let .object(rev)? = eo["@reverse"] {
                        for (p, items) in rev { result[p] = .array((result[p]?.asArray ?? []) + items.asArray) }
                    }
                    var reverseMap = result["@reverse"]?.objectValue ?? JSONObject()
                    var any = false
                    for (p, items) in eo where p != "@reverse" {
                        for item in items.asArray {
                            if item["@value"] != nil || item["@list"] != nil {
                                throw err(JSONLDErrorCode.invalidReversePropertyValue, "a reverse property cannot hold a value or a list")
                            }
                        }
                        reverseMap[p] = .array((reverseMap[p]?.asArray ?? []) + items.asArray)
                        any = true
                    }
                    if any { result["@reverse"] = .object(reverseMap) }
                    continue
                case "@nest":
                    nests.append(key)
                    continue
                default:
                    // @context handled above; other keywords (@none, @base, …) are not valid as keys here.
                    continue
                }
                if !(expandedValue.isNull && expandedProperty == "@value" && inputType != "@json") {
                    result[expandedProperty] = expandedValue
                }
                continue
            }
            let def = active.terms[key]
            let container = def?.container ?? []
            var expandedValue: JSONValue
            if def?.typeMapping == "@json" {
                expandedValue = ["@value": value, "@type": "@json"]
            } else if container.contains("@language"), case let .object(map) = value {
                var out: [JSONValue] = []
                var direction = active.defaultDirection
                if let d = def?.direction { direction = d.string }
                for language in (options.ordered ? map.keys.sorted() : map.keys) {
                    for item in (map[language] ?? .null).asArray {
                        if item.isNull { continue }
                        guard case .string = item else { throw err(JSONLDErrorCode.invalidLanguageMapValue, "language map values must be strings") }
                        var v: JSONObject = ["@value": item]
                        if expandIRIConst(active, language, vocab: true) != "@none" { v["@language"] = .string(language.lowercased()) }
                        if let direction { v["@direction"] = .string(direction) }
                        out.append(.object(v))
                    }
                }
                expandedValue = .array(out)
            } else if (container.contains("@index") || container.contains("@type") || container.contains("@id")), case let .object(map) = value {
                var out: [JSONValue] = []
                let indexKey = def?.index ?? "@index"
                for index in (options.ordered ? map.keys.sorted() : map.keys) {
                    var mapContext = active
                    if container.contains("@id") || container.contains("@type") { mapContext = active.previous?.context ?? active }
                    if container.contains("@type"), let td = mapContext.terms[index], let c = td.context {
                        mapContext = try processContext(mapContext, c, baseURL: td.baseURL)
                    }
                    let expandedIndex = expandIRIConst(active, index, vocab: true)
                    path.append(index)
                    let items = try expand(mapContext, key, .array((map[index] ?? .null).asArray), baseURL: baseURL, fromMap: true).asArray
                    path.removeLast()
                    for var item in items {
                        if container.contains("@graph") && !isGraphObject(item) { item = ["@graph": .array(item.asArray)] }
                        if container.contains("@index") && indexKey != "@index" && expandedIndex != "@none" {
                            let re = try expandValue(&active, indexKey, .string(index))
                            let eik = expandIRIConst(active, indexKey, vocab: true) ?? indexKey
                            if item["@value"] != nil {
                                throw err(JSONLDErrorCode.invalidValueObject, "a property-valued index cannot apply to a value object")
                            }
                            if case var .object(io) = item {
                                io[eik] = .array([re] + (io[eik]?.asArray ?? []))
                                item = .object(io)
                            }
                        } else if container.contains("@index") && item["@index"] == nil && expandedIndex != "@none" {
                            if case var .object(io) = item { io["@index"] = .string(index); item = .object(io) }
                        } else if container.contains("@id") && item["@id"] == nil && expandedIndex != "@none" {
                            if case var .object(io) = item {
                                io["@id"] = (try expandIRI(&active, index, documentRelative: true)).map { .string($0) } ?? .null
                                item = .object(io)
                            }
                        } else if container.contains("@type") && expandedIndex != "@none" {
                            if case var .object(io) = item {
                                io["@type"] = .array([.string(expandedIndex ?? index)] + (io["@type"]?.asArray ?? []))
                                item = .object(io)
                            }
                        }
                        out.append(item)
                    }
                }
                expandedValue = .array(out)
            } else {
                expandedValue = try expand(active, key, value, baseURL: baseURL)
            }
            if expandedValue.isNull { continue }
            if container.contains("@list") && expandedValue["@list"] == nil {
                expandedValue = ["@list": .array(expandedValue.asArray)]
            }
            if container.contains("@graph") && !container.contains("@id") && !container.contains("@index") {
                expandedValue = .array(expandedValue.asArray.map { ["@graph": .array($0.asArray)] })
            }
            if def?.reverse == true {
                var reverseMap = result["@reverse"]?.objectValue ?? JSONObject()
                for item in expandedValue.asArray {
                    if item["@value"] != nil || item["@list"] != nil {
                        throw err(JSONLDErrorCode.invalidReversePropertyValue, "a reverse property cannot hold a value or a list")
                    }
                    reverseMap[expandedProperty] = .array((reverseMap[expandedProperty]?.asArray ?? []) + [item])
                }
                result["@reverse"] = .object(reverseMap)
            } else {
                result[expandedProperty] = .array((result[expandedProperty]?.asArray ?? []) + expandedValue.asArray)
            }
        }
    }

    func checkListDepth(_ v: JSONValue) throws(JSONLDError) {
        // Lists of lists are bounded by the expansion depth already; nothing more to check.
    }

    func isGraphObject(_ v: JSONValue) -> Bool {
        guard case let .object(o) = v, o["@graph"] != nil else { return false }
        return o.keys.allSatisfy { ["@graph", "@id", "@index", "@context"].contains($0) }
    }

    // MARK: Value expansion (§5.3.2)

    func expandValue(_ active: inout ActiveContext, _ activeProperty: String, _ value: JSONValue) throws(JSONLDError) -> JSONValue {
        let def = active.terms[activeProperty]
        if def?.typeMapping == "@id", case let .string(s) = value {
            return ["@id": (try expandIRI(&active, s, documentRelative: true)).map { .string($0) } ?? .null]
        }
        if def?.typeMapping == "@vocab", case let .string(s) = value {
            return ["@id": (try expandIRI(&active, s, documentRelative: true, vocab: true)).map { .string($0) } ?? .null]
        }
        var result: JSONObject = ["@value": value]
        if let t = def?.typeMapping, t != "@id", t != "@vocab", t != "@none" {
            result["@type"] = .string(t)
        } else if value.isString {
            var language = active.defaultLanguage
            if let l = def?.language { language = l.string }
            var direction = active.defaultDirection
            if let d = def?.direction { direction = d.string }
            if let language { result["@language"] = .string(language) }
            if let direction { result["@direction"] = .string(direction) }
        }
        return .object(result)
    }
}
