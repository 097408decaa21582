import JSON
import RDF

/// A language or direction setting that distinguishes "explicitly null" from "not set" (a term's
/// `"@language": null` overrides the default language; a missing entry does not).
enum Setting: Equatable, Hashable {
    case null
    case value(String)
    var string: String? { if case let .value(s) = self { return s }; return nil }
}

/// One term definition (JSON-LD 1.1 API §4.1).
struct TermDefinition: Equatable {
    var iri: String?
    var prefix = false
    var protected = false
    var reverse = false
    var baseURL: String?
    var context: JSONValue?
    var container: Set<String> = []
    var direction: Setting?
    var index: String?
    var language: Setting?
    var nest: String?
    var typeMapping: String?

    /// Equality for the protected-term check: everything but `protected` (and where the definition was read).
    func sameDefinition(as o: TermDefinition) -> Bool {
        iri == o.iri && prefix == o.prefix && reverse == o.reverse && context == o.context && container == o.container
            && direction == o.direction && index == o.index && language == o.language && nest == o.nest && typeMapping == o.typeMapping
    }
}

final class ContextRef { let context: ActiveContext; init(_ c: ActiveContext) { context = c } }
/// iri → container key → "@language" / "@type" / "@any" → value → term.
typealias InverseContext = [String: [String: [String: [String: String]]]]
final class InverseCache {
    var value: InverseContext?
    /// Terms usable as compact IRI prefixes (see `Processor.prefixTerms`).
    var prefixTerms: [(term: String, iri: String)]?
    /// IRI compaction results (see `Processor.compactIRI`).
    var compactMemo: [CompactMemoKey: String] = [:]
}

/// The active context (JSON-LD 1.1 API §4.1). A value type: processing a local context copies it,
/// which is what the algorithms' "copy of active context" steps need.
struct ActiveContext {
    var terms: [String: TermDefinition] = [:]
    var base: String?
    var originalBase: String?
    var vocab: String?
    var defaultLanguage: String?
    var defaultDirection: String?
    var previous: ContextRef?
    var inverse = InverseCache()

    init(base: String?) { self.base = base; self.originalBase = base }

    var hasProtectedTerms: Bool { terms.values.contains { $0.protected } }
}

let keywords: Set<String> = [
    "@base", "@container", "@context", "@direction", "@graph", "@id", "@import", "@included", "@index", "@json",
    "@language", "@list", "@nest", "@none", "@prefix", "@propagate", "@protected", "@reverse", "@set", "@type",
    "@value", "@version", "@vocab",
]

@inline(__always) func isKeyword(_ s: String) -> Bool { s.utf8.first == UInt8(ascii: "@") && keywords.contains(s) }

/// `@` followed by one or more ASCII letters: reserved for future keywords, ignored with a warning.
func hasKeywordForm(_ s: String) -> Bool {
    let u = s.utf8
    guard u.count > 1, u.first == UInt8(ascii: "@") else { return false }
    return u.dropFirst().allSatisfy { ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x61 && $0 <= 0x7A) }
}

/// True when the string has a scheme (an absolute IRI, as far as JSON-LD cares).
func isAbsoluteIRI(_ s: String) -> Bool { IRIReference.hasScheme(s) }
func isBlankNodeID(_ s: String) -> Bool { s.hasPrefix("_:") }
/// An absolute IRI or a blank node identifier.
func isIRIOrBlank(_ s: String) -> Bool { isBlankNodeID(s) || isAbsoluteIRI(s) }

let genDelims: Set<Character> = [":", "/", "?", "#", "[", "]", "@"]

extension Processor {
    // MARK: Context processing (§4.1.2)

    func processContext(_ active: ActiveContext, _ local: JSONValue, baseURL: String?, remoteContexts: [String] = [],
                        overrideProtected: Bool = false, propagate: Bool = true, validateScoped: Bool = true) throws(JSONLDError) -> ActiveContext {
        var result = active
        result.inverse = InverseCache()
        var propagate = propagate
        if case let .object(o) = local, let p = o["@propagate"] {
            guard case let .bool(b) = p else { throw err(JSONLDErrorCode.invalidPropagateValue, "@propagate must be true or false") }
            propagate = b
        }
        if !propagate && result.previous == nil { result.previous = ContextRef(active) }
        var remoteContexts = remoteContexts
        for context in local.asArray {
            switch context {
            case .null:
                if !overrideProtected && result.hasProtectedTerms {
                    throw err(JSONLDErrorCode.invalidContextNullification, "a context with protected terms cannot be set to null")
                }
                let prior = result
                result = ActiveContext(base: active.originalBase)
                if !propagate { result.previous = ContextRef(prior) }
                continue
            case let .string(s):
                let url: String
                if let baseURL, isAbsoluteIRI(baseURL) { url = IRIReference.resolve(s, against: baseURL) }
                else if isAbsoluteIRI(s) { url = s }
                else { throw err(JSONLDErrorCode.loadingDocumentFailed, "relative context IRI <\(s)> with no base IRI") }
                if !validateScoped && remoteContexts.contains(url) { continue }
                if remoteContexts.contains(url) && validateScoped {
                    throw err(JSONLDErrorCode.recursiveContextInclusion, "<\(url)> includes itself")
                }
                if remoteContexts.count >= options.maxRemoteContexts {
                    throw err(JSONLDErrorCode.contextOverflow, "more than \(options.maxRemoteContexts) nested remote contexts")
                }
                remoteContexts.append(url)
                let doc = try loadContextDocument(url)
                result = try processContext(result, doc.context, baseURL: doc.url, remoteContexts: remoteContexts,
                                            overrideProtected: overrideProtected, validateScoped: validateScoped)
                continue
            case .object:
                break
            default:
                throw err(JSONLDErrorCode.invalidLocalContext, "a context must be an object, an IRI or null")
            }
            guard var ctx = context.objectValue else { continue }
            if let v = ctx["@version"] {
                guard case let .number(n) = v, n.value == 1.1 else { throw err(JSONLDErrorCode.invalidVersionValue, "@version must be 1.1") }
                if mode10 { throw err(JSONLDErrorCode.processingModeConflict, "@version 1.1 in json-ld-1.0 mode") }
            }
            if let imp = ctx["@import"] {
                if mode10 { throw err(JSONLDErrorCode.invalidContextEntry, "@import needs json-ld-1.1") }
                guard case let .string(s) = imp else { throw err(JSONLDErrorCode.invalidImportValue, "@import must be a string") }
                let url = baseURL.map { IRIReference.resolve(s, against: $0) } ?? s
                let doc = try loadContextDocument(url)
                guard case let .object(imported) = doc.context else {
                    throw err(JSONLDErrorCode.invalidRemoteContext, "<\(url)> does not hold a context object")
                }
                if imported["@import"] != nil { throw err(JSONLDErrorCode.invalidContextEntry, "an imported context cannot @import") }
                var merged = imported
                for (k, v) in ctx where k != "@import" { merged[k] = v }
                ctx = merged
            }
            if let b = ctx["@base"], remoteContexts.isEmpty {
                switch b {
                case .null: result.base = nil
                case let .string(s):
                    if isAbsoluteIRI(s) { result.base = s }
                    else if let base = result.base { result.base = IRIReference.resolve(s, against: base) }
                    else { throw err(JSONLDErrorCode.invalidBaseIRI, "relative @base <\(s)> with no base IRI") }
                default: throw err(JSONLDErrorCode.invalidBaseIRI, "@base must be a string or null")
                }
            }
            if let v = ctx["@vocab"] {
                switch v {
                case .null: result.vocab = nil
                case let .string(s):
                    if mode10 && !isIRIOrBlank(s) { throw err(JSONLDErrorCode.invalidVocabMapping, "@vocab must be absolute in json-ld-1.0") }
                    guard let e = try expandIRI(&result, s, documentRelative: true, vocab: true), !isKeyword(e) else {
                        throw err(JSONLDErrorCode.invalidVocabMapping, "@vocab <\(s)>")
                    }
                    result.vocab = e
                default: throw err(JSONLDErrorCode.invalidVocabMapping, "@vocab must be a string or null")
                }
            }
            if let l = ctx["@language"] {
                switch l {
                case .null: result.defaultLanguage = nil
                case let .string(s): result.defaultLanguage = s.lowercased()
                default: throw err(JSONLDErrorCode.invalidDefaultLanguage, "@language must be a string or null")
                }
            }
            if let d = ctx["@direction"] {
                if mode10 { throw err(JSONLDErrorCode.invalidContextEntry, "@direction needs json-ld-1.1") }
                switch d {
                case .null: result.defaultDirection = nil
                case .string("ltr"), .string("rtl"): result.defaultDirection = d.stringValue
                default: throw err(JSONLDErrorCode.invalidBaseDirection, "@direction must be \"ltr\", \"rtl\" or null")
                }
            }
            if let p = ctx["@propagate"] {
                if mode10 { throw err(JSONLDErrorCode.invalidContextEntry, "@propagate needs json-ld-1.1") }
                guard case .bool = p else { throw err(JSONLDErrorCode.invalidPropagateValue, "@propagate must be a boolean") }
            }
            var protectedDefault = false
            if let p = ctx["@protected"] {
                guard case let .bool(b) = p else { throw err(JSONLDErrorCode.invalidProtectedValue, "@protected must be a boolean") }
                protectedDefault = b
            }
            var defined: [String: Bool] = [:]
            let skip: Set<String> = ["@base", "@direction", "@import", "@language", "@propagate", "@protected", "@version", "@vocab"]
            for key in ctx.keys where !skip.contains(key) {
                try createTermDefinition(&result, ctx, key, &defined, baseURL: baseURL, protected: protectedDefault,
                                         overrideProtected: overrideProtected, remoteContexts: remoteContexts, validateScoped: validateScoped)
            }
        }
        return result
    }

    /// Loads a context document once per URL and extracts its `@context`.
    func loadContextDocument(_ url: String) throws(JSONLDError) -> (context: JSONValue, url: String) {
        if let c = contextDocuments[url] { return c }
        let doc: RemoteDocument
        do { doc = try options.documentLoader.loadDocument(url) } catch {
            throw err(JSONLDErrorCode.loadingRemoteContextFailed, error.message.isEmpty ? "<\(url)>" : error.message)
        }
        guard case let .object(o) = doc.document, let c = o["@context"] else {
            throw err(JSONLDErrorCode.invalidRemoteContext, "<\(url)> has no top-level @context")
        }
        contextDocuments[url] = (c, doc.documentURL)
        return (c, doc.documentURL)
    }

    // MARK: Create term definition (§4.2.2)

    func createTermDefinition(_ active: inout ActiveContext, _ local: JSONObject, _ term: String, _ defined: inout [String: Bool],
                              baseURL: String?, protected: Bool = false, overrideProtected: Bool = false,
                              remoteContexts: [String] = [], validateScoped: Bool = true) throws(JSONLDError) {
        if let d = defined[term] {
            if d { return }
            throw err(JSONLDErrorCode.cyclicIRIMapping, "term '\(term)' is defined in terms of itself")
        }
        if term.isEmpty { throw err(JSONLDErrorCode.invalidTermDefinition, "the empty string cannot be a term") }
        defined[term] = false
        let value = local[term] ?? .null
        if term == "@type" && !mode10 {
            guard case let .object(o) = value, !o.isEmpty,
                  o.keys.allSatisfy({ $0 == "@container" || $0 == "@protected" }),
                  o["@container"] == nil || o["@container"] == .string("@set") else {
                throw err(JSONLDErrorCode.keywordRedefinition, "@type can only be given @container: @set and @protected")
            }
        } else if isKeyword(term) {
            throw err(JSONLDErrorCode.keywordRedefinition, "'\(term)' is a keyword")
        } else if hasKeywordForm(term) {
            defined[term] = true
            return
        }
        let previous = active.terms.removeValue(forKey: term)
        var simpleTerm = false
        var v: JSONObject
        switch value {
        case .null: v = ["@id": .null]
        case let .string(s): v = ["@id": .string(s)]; simpleTerm = true
        case let .object(o): v = o
        default: throw err(JSONLDErrorCode.invalidTermDefinition, "the definition of '\(term)' must be a string, an object or null")
        }
        var def = TermDefinition()
        def.protected = protected
        if let p = v["@protected"] {
            if mode10 { throw err(JSONLDErrorCode.invalidTermDefinition, "@protected needs json-ld-1.1") }
            guard case let .bool(b) = p else { throw err(JSONLDErrorCode.invalidProtectedValue, "@protected must be a boolean") }
            def.protected = b
        }
        if let t = v["@type"] {
            guard case let .string(s) = t else { throw err(JSONLDErrorCode.invalidTypeMapping, "@type of '\(term)' must be a string") }
            guard let type = try expandIRI(&active, s, vocab: true, local: local, defined: &defined) else {
                throw err(JSONLDErrorCode.invalidTypeMapping, "@type of '\(term)'")
            }
            if (type == "@json" || type == "@none") && mode10 { throw err(JSONLDErrorCode.invalidTypeMapping, "\(type) needs json-ld-1.1") }
            guard type == "@id" || type == "@json" || type == "@none" || type == "@vocab" || (!isKeyword(type) && isAbsoluteIRI(type)) else {
                throw err(JSONLDErrorCode.invalidTypeMapping, "@type of '\(term)' is not an IRI: \(type)")
            }
            def.typeMapping = type
        }
        if let r = v["@reverse"] {
            if v["@id"] != nil || v["@nest"] != nil { throw err(JSONLDErrorCode.invalidReverseProperty, "'\(term)' has @reverse with @id or @nest") }
            guard case let .string(s) = r else { throw err(JSONLDErrorCode.invalidIRIMapping, "@reverse must be a string") }
            if hasKeywordForm(s) { defined[term] = true; return }
            guard let iri = try expandIRI(&active, s, vocab: true, local: local, defined: &defined), isIRIOrBlank(iri), !isKeyword(iri) else {
                throw err(JSONLDErrorCode.invalidIRIMapping, "@reverse of '\(term)' is not an IRI")
            }
            def.iri = iri
            if let c = v["@container"] {
                switch c {
                case .null: break
                case .string("@set"), .string("@index"): def.container = [c.stringValue ?? ""]
                default: throw err(JSONLDErrorCode.invalidReverseProperty, "a reverse property's container must be @set or @index")
                }
            }
            def.reverse = true
            if let i = v["@index"] {
                guard !mode10, def.container.contains("@index"), case let .string(s) = i,
                      let e = try expandIRI(&active, s, vocab: true), isAbsoluteIRI(e) || isBlankNodeID(e) else {
                    throw err(JSONLDErrorCode.invalidTermDefinition, "@index of '\(term)' must be an IRI and needs an @index container")
                }
                def.index = s
            }
            try checkProtected(previous, &def, term, overrideProtected)
            active.terms[term] = def
            defined[term] = true
            return
        }
        let colon = term.dropFirst().firstIndex(of: ":")
        if let id = v["@id"], id != .string(term) {
            switch id {
            case .null: def.iri = nil
            case let .string(s):
                if !isKeyword(s) && hasKeywordForm(s) { defined[term] = true; return }
                guard let iri = try expandIRI(&active, s, vocab: true, local: local, defined: &defined) else {
                    throw err(JSONLDErrorCode.invalidIRIMapping, "@id of '\(term)'")
                }
                guard isKeyword(iri) || isIRIOrBlank(iri) else { throw err(JSONLDErrorCode.invalidIRIMapping, "@id of '\(term)' is not an IRI: \(iri)") }
                if iri == "@context" { throw err(JSONLDErrorCode.invalidKeywordAlias, "@context cannot be aliased") }
                if (colon != nil && term.last != ":") || term.contains("/") {
                    defined[term] = true
                    let expandedTerm = try expandIRI(&active, term, vocab: true, local: local, defined: &defined)
                    if expandedTerm != iri { throw err(JSONLDErrorCode.invalidIRIMapping, "'\(term)' looks like an IRI but maps to a different one") }
                    defined[term] = false
                }
                def.iri = iri
                if !term.contains(":") && !term.contains("/") && simpleTerm,
                   let last = iri.last, genDelims.contains(last) || isBlankNodeID(iri) {
                    def.prefix = true
                }
            default: throw err(JSONLDErrorCode.invalidIRIMapping, "@id of '\(term)' must be a string or null")
            }
        } else if let c = colon {
            let prefix = String(term[..<c])
            let suffix = String(term[term.index(after: c)...])
            if local.contains(prefix) {
                try createTermDefinition(&active, local, prefix, &defined, baseURL: baseURL, protected: protected,
                                         overrideProtected: overrideProtected, remoteContexts: remoteContexts, validateScoped: validateScoped)
            }
            if let p = active.terms[prefix], let piri = p.iri { def.iri = piri + suffix } else { def.iri = term }
        } else if term.contains("/") {
            guard let iri = try expandIRI(&active, term, vocab: true), isAbsoluteIRI(iri) else {
                throw err(JSONLDErrorCode.invalidIRIMapping, "relative IRI term '\(term)'")
            }
            def.iri = iri
        } else if term == "@type" {
            def.iri = "@type"
        } else if let vocab = active.vocab {
            def.iri = vocab + term
        } else {
            throw err(JSONLDErrorCode.invalidIRIMapping, "'\(term)' has no @id and there is no @vocab")
        }
        if let c = v["@container"] {
            let values: [JSONValue] = mode10 ? [c] : c.asArray
            var set: Set<String> = []
            for x in values {
                guard case let .string(s) = x else { throw err(JSONLDErrorCode.invalidContainerMapping, "@container of '\(term)'") }
                set.insert(s)
            }
            if mode10 && (c.isArray || set.contains("@graph") || set.contains("@id") || set.contains("@type")) {
                throw err(JSONLDErrorCode.invalidContainerMapping, "@container of '\(term)' needs json-ld-1.1")
            }
            guard validContainer(set, values.count) else { throw err(JSONLDErrorCode.invalidContainerMapping, "@container of '\(term)'") }
            def.container = set
            if set.contains("@type") {
                if def.typeMapping == nil { def.typeMapping = "@id" }
                guard def.typeMapping == "@id" || def.typeMapping == "@vocab" else {
                    throw err(JSONLDErrorCode.invalidTypeMapping, "a @type container needs @type @id or @vocab")
                }
            }
        }
        if let i = v["@index"] {
            if mode10 || !def.container.contains("@index") { throw err(JSONLDErrorCode.invalidTermDefinition, "@index without an @index container") }
            guard case let .string(s) = i, let e = try expandIRI(&active, s, vocab: true), isAbsoluteIRI(e) || isBlankNodeID(e) else {
                throw err(JSONLDErrorCode.invalidTermDefinition, "@index of '\(term)' must be an IRI")
            }
            def.index = s
        }
        if let c = v["@context"] {
            if mode10 { throw err(JSONLDErrorCode.invalidTermDefinition, "scoped contexts need json-ld-1.1") }
            do {
                _ = try processContext(active, c, baseURL: baseURL, remoteContexts: remoteContexts, overrideProtected: true, validateScoped: false)
            } catch {
                if error.code == JSONLDErrorCode.recursiveContextInclusion || error.code == JSONLDErrorCode.contextOverflow { throw error }
                throw err(JSONLDErrorCode.invalidScopedContext, "scoped context of '\(term)': \(error.code) \(error.message)")
            }
            def.context = c
            def.baseURL = baseURL
        }
        if let l = v["@language"], v["@type"] == nil {
            switch l {
            case .null: def.language = .null
            case let .string(s): def.language = .value(s.lowercased())
            default: throw err(JSONLDErrorCode.invalidLanguageMapping, "@language of '\(term)' must be a string or null")
            }
        }
        if let d = v["@direction"], v["@type"] == nil {
            if mode10 { throw err(JSONLDErrorCode.invalidTermDefinition, "@direction needs json-ld-1.1") }
            switch d {
            case .null: def.direction = .null
            case .string("ltr"), .string("rtl"): def.direction = .value(d.stringValue ?? "")
            default: throw err(JSONLDErrorCode.invalidBaseDirection, "@direction of '\(term)'")
            }
        }
        if let n = v["@nest"] {
            if mode10 { throw err(JSONLDErrorCode.invalidTermDefinition, "@nest needs json-ld-1.1") }
            guard case let .string(s) = n, !isKeyword(s) || s == "@nest" else { throw err(JSONLDErrorCode.invalidNestValue, "@nest of '\(term)'") }
            def.nest = s
        }
        if let p = v["@prefix"] {
            if mode10 || term.contains(":") || term.contains("/") { throw err(JSONLDErrorCode.invalidTermDefinition, "@prefix on '\(term)'") }
            guard case let .bool(b) = p else { throw err(JSONLDErrorCode.invalidPrefixValue, "@prefix must be a boolean") }
            def.prefix = b
            if b, let iri = def.iri, isKeyword(iri) { throw err(JSONLDErrorCode.invalidTermDefinition, "a keyword alias cannot be a prefix") }
        }
        let allowed: Set<String> = ["@id", "@reverse", "@container", "@context", "@direction", "@index", "@language", "@nest", "@prefix", "@protected", "@type"]
        for k in v.keys where !allowed.contains(k) {
            throw err(JSONLDErrorCode.invalidTermDefinition, "'\(term)' has the unknown entry \(k)")
        }
        try checkProtected(previous, &def, term, overrideProtected)
        active.terms[term] = def
        defined[term] = true
    }

    func checkProtected(_ previous: TermDefinition?, _ def: inout TermDefinition, _ term: String, _ overrideProtected: Bool) throws(JSONLDError) {
        guard !overrideProtected, let previous, previous.protected else { return }
        if !def.sameDefinition(as: previous) {
            throw err(JSONLDErrorCode.protectedTermRedefinition, "'\(term)' is protected")
        }
        def = previous
    }

    func validContainer(_ set: Set<String>, _ count: Int) -> Bool {
        if set.count != count { return false }
        let known: Set<String> = ["@graph", "@id", "@index", "@language", "@list", "@set", "@type"]
        guard set.isSubset(of: known) else { return false }
        if set.count <= 1 { return true }
        if set.contains("@list") { return false }
        if set.contains("@graph") {
            return set.subtracting(["@graph", "@id", "@index", "@set"]).isEmpty && !(set.contains("@id") && set.contains("@index"))
        }
        return set.count == 2 && set.contains("@set")
    }

    // MARK: IRI expansion (§5.2.2)

    func expandIRI(_ active: inout ActiveContext, _ value: String, documentRelative: Bool = false, vocab: Bool = false) throws(JSONLDError) -> String? {
        var none: [String: Bool]? = nil
        return try expandIRI(&active, value, documentRelative: documentRelative, vocab: vocab, local: nil, definedOpt: &none)
    }

    func expandIRI(_ active: inout ActiveContext, _ value: String, documentRelative: Bool = false, vocab: Bool = false,
                   local: JSONObject?, defined: inout [String: Bool]) throws(JSONLDError) -> String? {
        var d: [String: Bool]? = defined
        defer { if let d { defined = d } }
        return try expandIRI(&active, value, documentRelative: documentRelative, vocab: vocab, local: local, definedOpt: &d)
    }

    func expandIRI(_ active: inout ActiveContext, _ value: String, documentRelative: Bool, vocab: Bool,
                   local: JSONObject?, definedOpt: inout [String: Bool]?) throws(JSONLDError) -> String? {
        if isKeyword(value) { return value }
        if hasKeywordForm(value) { return nil }
        if let local, local.contains(value), var defined = definedOpt, defined[value] != true {
            try createTermDefinition(&active, local, value, &defined, baseURL: nil)
            definedOpt = defined
        }
        if let t = active.terms[value] {
            if let iri = t.iri, isKeyword(iri) { return iri }
            if vocab { return t.iri }
        }
        if let c = value.utf8.dropFirst().firstIndex(of: UInt8(ascii: ":")) {
            let prefix = String(value[..<c])
            let suffix = value[value.index(after: c)...]
            if prefix == "_" || suffix.hasPrefix("//") { return value }
            if let local, local.contains(prefix), var defined = definedOpt, defined[prefix] != true {
                try createTermDefinition(&active, local, prefix, &defined, baseURL: nil)
                definedOpt = defined
            }
            if let t = active.terms[prefix], let iri = t.iri, t.prefix { return iri + suffix }
            if isAbsoluteIRI(value) { return value }
        }
        if vocab, let v = active.vocab { return v + value }
        if documentRelative {
            if let base = active.base { return IRIReference.resolve(value, against: base) }
            return value
        }
        return value
    }

    /// IRI expansion with a read-only context (no local context to define terms from).
    func expandIRIConst(_ active: ActiveContext, _ value: String, documentRelative: Bool = false, vocab: Bool = false) -> String? {
        if isKeyword(value) { return value }
        if hasKeywordForm(value) { return nil }
        if let t = active.terms[value] {
            if let iri = t.iri, isKeyword(iri) { return iri }
            if vocab { return t.iri }
        }
        if let c = value.utf8.dropFirst().firstIndex(of: UInt8(ascii: ":")) {
            let prefix = value[..<c]
            let suffix = value[value.index(after: c)...]
            if prefix == "_" || suffix.hasPrefix("//") { return value }
            if let t = active.terms[String(prefix)], let iri = t.iri, t.prefix { return iri + suffix }
            if isAbsoluteIRI(value) { return value }
        }
        if vocab, let v = active.vocab { return v + value }
        if documentRelative, let base = active.base { return IRIReference.resolve(value, against: base) }
        return value
    }

    var mode10: Bool { options.processingMode == .jsonLD10 }
}
