import Foundation
import JSON
import RDF

/// One JSON Schema failure, before it is attributed to a file position.
public struct JSONSchemaViolation: Hashable, Sendable, CustomStringConvertible {
    /// JSON Pointer (RFC 6901) of the instance value that failed, `""` for the root.
    public var instancePointer: String
    /// The keyword that failed (`required`, `type`, `pattern`, …).
    public var keyword: String
    /// Where the keyword sits in the schema, as a URI fragment (`#/$defs/node/required`).
    public var schemaLocation: String
    public var message: String

    public var description: String { "\(instancePointer.isEmpty ? "/" : instancePointer): \(message) [json-schema:\(keyword)]" }
}

/// The keywords evaluation reads, as array slots: a schema object is turned into a
/// ``JSONSchemaKeywords`` once at load, so evaluating a value costs array reads, not hashing.
enum JSONSchemaKeyword: Int, CaseIterable {
    case dollarRef
    case additionalProperties
    case allOf
    case anyOf
    case constValue
    case contains
    case dependentRequired
    case elseSchema
    case enumValues
    case exclusiveMaximum
    case exclusiveMinimum
    case format
    case ifSchema
    case items
    case maxContains
    case maxItems
    case maxLength
    case maxProperties
    case maximum
    case minContains
    case minItems
    case minLength
    case minProperties
    case minimum
    case multipleOf
    case notSchema
    case oneOf
    case pattern
    case patternProperties
    case prefixItems
    case properties
    case propertyNames
    case required
    case thenSchema
    case type
    case uniqueItems

    var name: String {
        switch self {
        case .dollarRef: return "$ref"
        case .additionalProperties: return "additionalProperties"
        case .allOf: return "allOf"
        case .anyOf: return "anyOf"
        case .constValue: return "const"
        case .contains: return "contains"
        case .dependentRequired: return "dependentRequired"
        case .elseSchema: return "else"
        case .enumValues: return "enum"
        case .exclusiveMaximum: return "exclusiveMaximum"
        case .exclusiveMinimum: return "exclusiveMinimum"
        case .format: return "format"
        case .ifSchema: return "if"
        case .items: return "items"
        case .maxContains: return "maxContains"
        case .maxItems: return "maxItems"
        case .maxLength: return "maxLength"
        case .maxProperties: return "maxProperties"
        case .maximum: return "maximum"
        case .minContains: return "minContains"
        case .minItems: return "minItems"
        case .minLength: return "minLength"
        case .minProperties: return "minProperties"
        case .minimum: return "minimum"
        case .multipleOf: return "multipleOf"
        case .notSchema: return "not"
        case .oneOf: return "oneOf"
        case .pattern: return "pattern"
        case .patternProperties: return "patternProperties"
        case .prefixItems: return "prefixItems"
        case .properties: return "properties"
        case .propertyNames: return "propertyNames"
        case .required: return "required"
        case .thenSchema: return "then"
        case .type: return "type"
        case .uniqueItems: return "uniqueItems"
        }
    }
}

struct JSONSchemaKeywords {
    private var slots: [JSONValue?] = Array(repeating: nil, count: JSONSchemaKeyword.allCases.count)
    init(_ o: JSONObject) {
        for k in JSONSchemaKeyword.allCases { slots[k.rawValue] = o[k.name] }
    }
    subscript(_ k: JSONSchemaKeyword) -> JSONValue? { slots[k.rawValue] }
}

/// A JSON Schema (draft 2020-12) validator over ``JSON/JSONValue``.
///
/// Why in the library rather than a package: no Swift JSON Schema package is on the machine, and
/// the findings need JSON Pointers that map back to lines and columns. Supported: type, enum,
/// const, properties, patternProperties, additionalProperties, required, propertyNames,
/// minProperties/maxProperties, dependentRequired, items, prefixItems, contains (with
/// minContains/maxContains), minItems/maxItems, uniqueItems, minLength/maxLength, pattern,
/// format (date, date-time, iri, uri, iri-reference, uri-reference — asserted), minimum, maximum,
/// exclusiveMinimum, exclusiveMaximum, multipleOf, $ref to local JSON pointers (`#`, `#/$defs/…`)
/// and `$anchor`s, allOf/anyOf/oneOf/not, if/then/else, boolean schemas. Unknown keywords are
/// annotations and ignored, as the specification says. Not supported: remote `$ref`,
/// `$dynamicRef`, unevaluated*; a schema using them is rejected at load time, not half-applied.
public final class JSONSchemaValidator: @unchecked Sendable {
    // @unchecked: all state is immutable after init; compiled regexes are only read.
    public let schema: JSONValue
    public let name: String
    private let regexes: [String: NSRegularExpression]
    private let anchors: [String: JSONValue]
    /// Every `$ref` in the schema, resolved once at load time.
    private var resolved: [String: JSONValue] = [:]
    /// Every schema object's keywords as a hash table, keyed by its location (`#/$defs/node`):
    /// evaluation looks up a dozen keywords per instance value, and JSONObject lookups are linear.
    private let keywordTables: [String: JSONSchemaKeywords]
    /// Bounds `$ref` recursion on recursive schemas over deep instances.
    public var maxDepth = 160
    /// At most this many violations per document (the rest are counted in one final finding).
    public var maxViolations = 1000

    /// Loads a schema file; throws a ``SyntaxError`` with position when it is not JSON, and a
    /// ``SyntaxError`` naming the keyword when it uses something this validator cannot honour.
    public convenience init(schemaPath: String) throws {
        let bytes: [UInt8]
        do { bytes = try InputSource(path: schemaPath).readAll() } catch {
            throw SyntaxError("cannot read the JSON Schema: \(error)", file: schemaPath)
        }
        let value: JSONValue
        do { value = try JSONParser.parse(bytes, file: schemaPath) } catch {
            throw SyntaxError("JSON Schema does not parse: " + error.message, at: error.position, file: schemaPath)
        }
        try self.init(schema: value, name: schemaPath)
    }

    public init(schema: JSONValue, name: String = "<schema>") throws {
        self.schema = schema
        self.name = name
        var regexes: [String: NSRegularExpression] = [:]
        var anchors: [String: JSONValue] = [:]
        var refs: [(String, String)] = []
        var tables: [String: JSONSchemaKeywords] = [:]
        func walk(_ s: JSONValue, _ loc: String, _ depth: Int) throws {
            guard depth < 1000 else { throw SyntaxError("JSON Schema nested too deeply at \(loc)", file: name) }
            switch s {
            case let .object(o):
                tables[loc] = JSONSchemaKeywords(o)
                for (k, v) in o {
                    let here = loc + "/" + Self.escape(k)
                    switch k {
                    case "pattern":
                        guard let p = v.stringValue else { throw SyntaxError("\"pattern\" must be a string at \(loc)", file: name) }
                        regexes[p] = try Self.compile(p, at: here, schema: name)
                    case "patternProperties":
                        for key in v.objectValue?.keys ?? [] { regexes[key] = try Self.compile(key, at: here, schema: name) }
                    case "$ref":
                        guard let r = v.stringValue else { throw SyntaxError("\"$ref\" must be a string at \(loc)", file: name) }
                        refs.append((r, here))
                    case "$anchor":
                        if let a = v.stringValue { anchors[a] = s }
                    case "$dynamicRef", "$recursiveRef", "unevaluatedProperties", "unevaluatedItems":
                        throw SyntaxError("JSON Schema keyword \"\(k)\" at \(here) is not supported by this validator", file: name)
                    case "enum", "const", "examples", "default":
                        continue // values, not schemas
                    default: break
                    }
                    try walk(v, here, depth + 1)
                }
            case let .array(a):
                for (i, v) in a.enumerated() { try walk(v, loc + "/\(i)", depth + 1) }
            default: break
            }
        }
        try walk(schema, "#", 0)
        self.regexes = regexes
        self.anchors = anchors
        self.keywordTables = tables
        for (r, loc) in refs {
            guard let target = resolve(r) else {
                throw SyntaxError("\"$ref\": \"\(r)\" at \(loc) does not resolve (only local references such as #/$defs/name are supported)", file: name)
            }
            resolved[r] = target
        }
    }

    /// ICU regular expressions (NSRegularExpression, as the SHACL engine uses): close to the
    /// ECMA-262 dialect JSON Schema specifies, and thread-safe once compiled.
    static func compile(_ pattern: String, at loc: String, schema: String) throws -> NSRegularExpression {
        do { return try NSRegularExpression(pattern: pattern) } catch {
            throw SyntaxError("invalid regular expression \"\(pattern)\" at \(loc)", file: schema)
        }
    }

    static func matches(_ re: NSRegularExpression, _ s: String) -> Bool {
        re.firstMatch(in: s, options: [], range: NSRange(location: 0, length: s.utf16.count)) != nil
    }

    /// The subschema a local reference designates.
    func resolve(_ ref: String) -> JSONValue? {
        guard ref.hasPrefix("#") else { return nil }
        let fragment = String(ref.dropFirst())
        if fragment.isEmpty { return schema }
        if !fragment.hasPrefix("/") { return anchors[fragment] }
        var current = schema
        for raw in fragment.split(separator: "/", omittingEmptySubsequences: false).dropFirst() {
            let token = Self.unescape(String(raw))
            switch current {
            case let .object(o):
                guard let next = o[token] else { return nil }
                current = next
            case let .array(a):
                guard let i = Int(token), a.indices.contains(i) else { return nil }
                current = a[i]
            default: return nil
            }
        }
        return current
    }

    // MARK: validating

    /// Every violation of the schema by `instance`, in document order.
    public func violations(_ instance: JSONValue) -> [JSONSchemaViolation] {
        var out: [JSONSchemaViolation] = []
        var budget = maxViolations
        evaluate(schema, instance, "", "#", 0, &out, &budget)
        return out
    }

    /// Parses and validates one JSON document: a syntax finding when it does not parse, else one
    /// finding per violation, with the line and column of the offending value.
    public func validate(bytes: [UInt8], file: String) -> [Finding] {
        let value: JSONValue
        do { value = try JSONParser.parse(bytes, file: file) } catch {
            return [Finding(stage: .syntax, file: file, line: error.position?.line, column: error.position?.column,
                            constraint: "syntax", message: error.message)]
        }
        var findings: [Finding] = []
        let all = violations(value)
        for v in all {
            let pos = JSONParser.position(ofPointer: v.instancePointer, in: bytes)
            findings.append(Finding(stage: .schema, file: file, line: pos?.line, column: pos?.column,
                                    focusNode: v.instancePointer.isEmpty ? "/" : v.instancePointer,
                                    constraint: "json-schema:" + v.keyword, message: v.message,
                                    source: name + v.schemaLocation))
        }
        if all.count >= maxViolations {
            findings.append(Finding(severity: .info, stage: .schema, file: file, constraint: "json-schema",
                                    message: "stopped after \(maxViolations) violations"))
        }
        return findings
    }

    public func validate(file path: String) -> [Finding] {
        do { return validate(bytes: try InputSource(path: path).readAll(), file: path) } catch {
            return [Finding(stage: .syntax, file: path, constraint: "syntax", message: "cannot read the file: \(error)")]
        }
    }

    /// True when `instance` satisfies `schema` (no violations recorded).
    private func passes(_ schema: JSONValue, _ instance: JSONValue, _ pointer: String, _ loc: String, _ depth: Int) -> Bool {
        var scratch: [JSONSchemaViolation] = []
        var budget = 1
        evaluate(schema, instance, pointer, loc, depth, &scratch, &budget, true)
        return scratch.isEmpty
    }

    /// `quiet`: only whether there is a violation matters (inside anyOf/oneOf/not/if), so no
    /// message is built.
    private func evaluate(_ schema: JSONValue, _ instance: JSONValue, _ pointer: String, _ loc: String, _ depth: Int,
                          _ out: inout [JSONSchemaViolation], _ budget: inout Int, _ quiet: Bool = false) {
        guard budget > 0 else { return }
        func fail(_ keyword: String, _ message: @autoclosure () -> String, at p: String? = nil) {
            guard budget > 0 else { return }
            budget -= 1
            if quiet {
                out.append(JSONSchemaViolation(instancePointer: "", keyword: keyword, schemaLocation: "", message: ""))
            } else {
                out.append(JSONSchemaViolation(instancePointer: p ?? pointer, keyword: keyword, schemaLocation: loc + "/" + keyword, message: message()))
            }
        }
        guard depth < maxDepth else { fail("$ref", "schema recursion deeper than \(maxDepth) levels"); return }
        switch schema {
        case .bool(true): return
        case .bool(false): fail("false", "no value is allowed here"); return
        case .object: break
        default: return
        }
        guard let object = schema.objectValue else { return }
        let s = keywordTables[loc] ?? JSONSchemaKeywords(object)

        if let ref = s[.dollarRef]?.stringValue {
            if let target = resolved[ref] { evaluate(target, instance, pointer, ref, depth + 1, &out, &budget, quiet) }
            else { fail("$ref", "unresolvable reference \(ref)") }
        }

        if let t = s[.type] {
            let allowed = t.asArray.compactMap(\.stringValue)
            if !allowed.contains(where: { Self.hasType(instance, $0) }) {
                fail("type", "expected \(allowed.joined(separator: " or ")), found \(Self.typeName(instance))")
            }
        }
        if let e = s[.enumValues]?.arrayValue, !e.contains(instance) {
            fail("enum", "\(Self.show(instance)) is not one of " + e.prefix(8).map(Self.show).joined(separator: ", ") + (e.count > 8 ? ", …" : ""))
        }
        if let c = s[.constValue], c != instance {
            fail("const", "expected \(Self.show(c)), found \(Self.show(instance))")
        }

        switch instance {
        case let .string(str):
            if let n = s[.minLength]?.numberValue?.value, Double(str.unicodeScalars.count) < n { fail("minLength", "string shorter than \(Int(n)) characters") }
            if let n = s[.maxLength]?.numberValue?.value, Double(str.unicodeScalars.count) > n { fail("maxLength", "string longer than \(Int(n)) characters") }
            if let p = s[.pattern]?.stringValue, let re = regexes[p], !Self.matches(re, str) {
                fail("pattern", "\(Self.show(instance)) does not match the pattern \(p)")
            }
            if let f = s[.format]?.stringValue, let problem = Self.formatProblem(f, str) {
                fail("format", "\(Self.show(instance)) is not a valid \(f): \(problem)")
            }
        case let .number(num):
            let x = num.value
            if let m = s[.minimum]?.numberValue?.value, x < m { fail("minimum", "\(num) is less than the minimum \(Self.show(.number(JSONNumber(m))))") }
            if let m = s[.maximum]?.numberValue?.value, x > m { fail("maximum", "\(num) is greater than the maximum \(Self.show(.number(JSONNumber(m))))") }
            if let m = s[.exclusiveMinimum]?.numberValue?.value, x <= m { fail("exclusiveMinimum", "\(num) must be greater than \(JSONNumber(m))") }
            if let m = s[.exclusiveMaximum]?.numberValue?.value, x >= m { fail("exclusiveMaximum", "\(num) must be less than \(JSONNumber(m))") }
            if let m = s[.multipleOf]?.numberValue?.value, m > 0 {
                let q = x / m
                if !q.isFinite || q.rounded() != q { fail("multipleOf", "\(num) is not a multiple of \(JSONNumber(m))") }
            }
        case let .array(items):
            if let n = s[.minItems]?.numberValue?.value, Double(items.count) < n { fail("minItems", "array has \(items.count) items, at least \(Int(n)) required") }
            if let n = s[.maxItems]?.numberValue?.value, Double(items.count) > n { fail("maxItems", "array has \(items.count) items, at most \(Int(n)) allowed") }
            if s[.uniqueItems]?.boolValue == true {
                var seen = Set<JSONValue>()
                for (i, item) in items.enumerated() where !seen.insert(item).inserted {
                    fail("uniqueItems", "item \(i) repeats an earlier item", at: pointer + "/\(i)")
                    break
                }
            }
            var prefixCount = 0
            if let prefix = s[.prefixItems]?.arrayValue {
                prefixCount = prefix.count
                for (i, sub) in prefix.enumerated() where i < items.count {
                    evaluate(sub, items[i], pointer + "/\(i)", loc + "/prefixItems/\(i)", depth + 1, &out, &budget, quiet)
                }
            }
            if let itemSchema = s[.items], items.count > prefixCount {
                for i in prefixCount..<items.count {
                    if case .bool(false) = itemSchema {
                        fail("items", "no items allowed beyond the first \(prefixCount)", at: pointer + "/\(i)")
                        break
                    }
                    evaluate(itemSchema, items[i], pointer + "/\(i)", loc + "/items", depth + 1, &out, &budget, quiet)
                }
            }
            if let containsSchema = s[.contains] {
                let matches = items.indices.filter { passes(containsSchema, items[$0], pointer + "/\($0)", loc + "/contains", depth + 1) }.count
                let minC = s[.minContains]?.numberValue?.intValue ?? 1
                if matches < minC { fail("contains", minC == 1 ? "no item matches the required form" : "only \(matches) items match, at least \(minC) required") }
                if let maxC = s[.maxContains]?.numberValue?.intValue, matches > maxC { fail("maxContains", "\(matches) items match, at most \(maxC) allowed") }
            }
        case let .object(obj):
            if let req = s[.required]?.arrayValue {
                for k in req.compactMap(\.stringValue) where !obj.contains(k) {
                    fail("required", "missing required property \"\(k)\"")
                }
            }
            if let n = s[.minProperties]?.numberValue?.value, Double(obj.count) < n { fail("minProperties", "object has fewer than \(Int(n)) properties") }
            if let n = s[.maxProperties]?.numberValue?.value, Double(obj.count) > n { fail("maxProperties", "object has more than \(Int(n)) properties") }
            if let dr = s[.dependentRequired]?.objectValue {
                for (k, v) in dr where obj.contains(k) {
                    for r in v.arrayValue?.compactMap(\.stringValue) ?? [] where !obj.contains(r) {
                        fail("dependentRequired", "property \"\(k)\" requires property \"\(r)\"")
                    }
                }
            }
            let props = s[.properties]?.objectValue
            let patterns = s[.patternProperties]?.objectValue
            let additional = s[.additionalProperties]
            let names = s[.propertyNames]
            for (k, v) in obj {
                let child = pointer + "/" + Self.escape(k)
                var matched = false
                if let sub = props?[k] {
                    matched = true
                    evaluate(sub, v, child, loc + "/properties/" + Self.escape(k), depth + 1, &out, &budget, quiet)
                }
                if let patterns {
                    for (p, sub) in patterns {
                        if let re = regexes[p], Self.matches(re, k) {
                            matched = true
                            evaluate(sub, v, child, loc + "/patternProperties/" + Self.escape(p), depth + 1, &out, &budget, quiet)
                        }
                    }
                }
                if !matched, let additional {
                    if case .bool(false) = additional {
                        fail("additionalProperties", "property \"\(k)\" is not allowed here", at: child)
                    } else {
                        evaluate(additional, v, child, loc + "/additionalProperties", depth + 1, &out, &budget, quiet)
                    }
                }
                if let names, !passes(names, .string(k), child, loc + "/propertyNames", depth + 1) {
                    fail("propertyNames", "property name \"\(k)\" is not allowed", at: child)
                }
            }
        default: break
        }

        if let all = s[.allOf]?.arrayValue {
            for (i, sub) in all.enumerated() { evaluate(sub, instance, pointer, loc + "/allOf/\(i)", depth + 1, &out, &budget, quiet) }
        }
        if let any = s[.anyOf]?.arrayValue {
            if !any.indices.contains(where: { passes(any[$0], instance, pointer, loc + "/anyOf/\($0)", depth + 1) }) {
                fail("anyOf", "\(Self.show(instance)) matches none of the \(any.count) allowed forms")
            }
        }
        if let one = s[.oneOf]?.arrayValue {
            let n = one.indices.filter { passes(one[$0], instance, pointer, loc + "/oneOf/\($0)", depth + 1) }.count
            if n != 1 { fail("oneOf", n == 0 ? "\(Self.show(instance)) matches none of the \(one.count) allowed forms" : "\(Self.show(instance)) matches \(n) forms where exactly one is allowed") }
        }
        if let not = s[.notSchema], passes(not, instance, pointer, loc + "/not", depth + 1) {
            fail("not", "\(Self.show(instance)) matches a form that is not allowed")
        }
        if let cond = s[.ifSchema] {
            if passes(cond, instance, pointer, loc + "/if", depth + 1) {
                if let then = s[.thenSchema] { evaluate(then, instance, pointer, loc + "/then", depth + 1, &out, &budget, quiet) }
            } else if let els = s[.elseSchema] {
                evaluate(els, instance, pointer, loc + "/else", depth + 1, &out, &budget, quiet)
            }
        }
    }

    // MARK: helpers


    static func hasType(_ v: JSONValue, _ t: String) -> Bool {
        switch (t, v) {
        case ("null", .null), ("boolean", .bool), ("string", .string), ("array", .array), ("object", .object), ("number", .number): return true
        case let ("integer", .number(n)): return n.value.isFinite && n.hasIntegralValue
        default: return false
        }
    }

    static func typeName(_ v: JSONValue) -> String {
        switch v {
        case .null: return "null"
        case .bool: return "boolean"
        case let .number(n): return n.hasIntegralValue ? "integer" : "number"
        case .string: return "string"
        case .array: return "array"
        case .object: return "object"
        }
    }

    /// A short rendering of a value for messages.
    static func show(_ v: JSONValue) -> String {
        switch v {
        case .null: return "null"
        case let .bool(b): return b ? "true" : "false"
        case let .number(n): return n.description
        case let .string(s):
            let cut = s.unicodeScalars.count > 60 ? String(String.UnicodeScalarView(s.unicodeScalars.prefix(60))) + "…" : s
            return ReportFormatter.jsonString(cut)
        case let .array(a): return "an array of \(a.count)"
        case .object: return "an object"
        }
    }

    /// Nil when `s` is a valid value of `format`; otherwise why not. Unknown formats pass (they
    /// are annotations in 2020-12).
    static func formatProblem(_ format: String, _ s: String) -> String? {
        switch format {
        case "date": return dateProblem(s)
        case "date-time":
            guard let t = s.firstIndex(where: { $0 == "T" || $0 == "t" }) else { return "expected YYYY-MM-DDThh:mm:ss with a time zone" }
            if let p = dateProblem(String(s[..<t])) { return p }
            let time = Array(s[s.index(after: t)...].utf8)
            func digits(_ r: Range<Int>) -> Int? {
                guard r.upperBound <= time.count, r.allSatisfy({ time[$0] >= 48 && time[$0] <= 57 }) else { return nil }
                return r.reduce(0) { $0 * 10 + Int(time[$1] - 48) }
            }
            guard time.count >= 9, let h = digits(0..<2), time[2] == 58, let m = digits(3..<5), time[5] == 58, let sec = digits(6..<8),
                  h < 24, m < 60, sec <= 60 else { return "expected hh:mm:ss after T" }
            var i = 8
            if i < time.count, time[i] == 46 { i += 1; let start = i; while i < time.count, time[i] >= 48, time[i] <= 57 { i += 1 }; if i == start { return "empty fraction of a second" } }
            guard i < time.count else { return "missing time zone (Z or ±hh:mm)" }
            if time[i] == 90 || time[i] == 122 { return i + 1 == time.count ? nil : "unexpected text after the time zone" }
            guard time[i] == 43 || time[i] == 45, time.count == i + 6, let zh = digits(i + 1..<i + 3), time[i + 3] == 58, let zm = digits(i + 4..<i + 6),
                  zh < 24, zm < 60 else { return "bad time zone (Z or ±hh:mm)" }
            return nil
        case "iri", "uri":
            guard let colon = s.firstIndex(of: ":"), colon != s.startIndex else { return "not an absolute IRI (no scheme)" }
            if format == "uri", s.unicodeScalars.contains(where: { $0.value > 0x7F }) { return "non-ASCII characters are not allowed in a URI" }
            do { _ = try IRI(s) } catch { return error.reason }
            return nil
        case "iri-reference", "uri-reference":
            if s.unicodeScalars.contains(where: { $0.value <= 0x20 || "<>\"{}|\\^`".unicodeScalars.contains($0) }) { return "contains characters not allowed in an IRI" }
            if format == "uri-reference", s.unicodeScalars.contains(where: { $0.value > 0x7F }) { return "non-ASCII characters are not allowed in a URI" }
            return nil
        default: return nil
        }
    }

    static func dateProblem(_ s: String) -> String? {
        let b = Array(s.utf8)
        guard b.count == 10, b[4] == 45, b[7] == 45,
              [0, 1, 2, 3, 5, 6, 8, 9].allSatisfy({ b[$0] >= 48 && b[$0] <= 57 }) else { return "expected YYYY-MM-DD" }
        func n(_ r: [Int]) -> Int { r.reduce(0) { $0 * 10 + Int(b[$1] - 48) } }
        let y = n([0, 1, 2, 3]), m = n([5, 6]), d = n([8, 9])
        guard (1...12).contains(m) else { return "month \(m) does not exist" }
        let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]
        guard (1...days).contains(d) else { return "day \(d) does not exist in month \(m) of \(y)" }
        return nil
    }

    /// RFC 6901 escaping of one pointer token (`~` → `~0`, `/` → `~1`).
    static func escape(_ token: String) -> String {
        guard token.utf8.contains(where: { $0 == 0x7E || $0 == 0x2F }) else { return token }
        var out = ""
        for c in token.unicodeScalars {
            if c == "~" { out += "~0" } else if c == "/" { out += "~1" } else { out.unicodeScalars.append(c) }
        }
        return out
    }

    static func unescape(_ token: String) -> String {
        guard token.utf8.contains(0x7E) else { return token }
        var out = "", tilde = false
        for c in token.unicodeScalars {
            if tilde { out += c == "1" ? "/" : c == "0" ? "~" : "~" + String(c); tilde = false }
            else if c == "~" { tilde = true } else { out.unicodeScalars.append(c) }
        }
        if tilde { out += "~" }
        return out
    }
}
