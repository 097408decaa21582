import JSON
import RDF

extension Processor {
    // MARK: Inverse context creation (§6.3.2)

    func inverse(_ active: ActiveContext) -> InverseContext {
        if let v = active.inverse.value { return v }
        var result: InverseContext = [:]
        let defaultLanguage = active.defaultLanguage?.lowercased() ?? "@none"
        let terms = active.terms.keys.sorted { $0.count != $1.count ? $0.count < $1.count : $0 < $1 }
        for term in terms {
            guard let def = active.terms[term], let iri = def.iri else { continue }
            let container = def.container.isEmpty ? "@none" : def.container.sorted().joined()
            var containerMap = result[iri] ?? [:]
            var tl = containerMap[container] ?? ["@language": [:], "@type": [:], "@any": ["@none": term]]
            func setIfAbsent(_ map: String, _ key: String) { if tl[map]?[key] == nil { tl[map, default: [:]][key] = term } }
            if def.reverse {
                setIfAbsent("@type", "@reverse")
            } else if def.typeMapping == "@none" {
                setIfAbsent("@language", "@any")
                setIfAbsent("@type", "@any")
            } else if let t = def.typeMapping {
                setIfAbsent("@type", t)
            } else if let l = def.language, let d = def.direction {
                let key: String
                switch (l, d) {
                case let (.value(ls), .value(ds)): key = ls.lowercased() + "_" + ds
                case let (.value(ls), .null): key = ls.lowercased()
                case let (.null, .value(ds)): key = "_" + ds
                case (.null, .null): key = "@null"
                }
                setIfAbsent("@language", key)
            } else if let l = def.language {
                setIfAbsent("@language", l.string?.lowercased() ?? "@null")
            } else if let d = def.direction {
                setIfAbsent("@language", d.string.map { "_" + $0 } ?? "@none")
            } else if let dd = active.defaultDirection {
                setIfAbsent("@language", (active.defaultLanguage?.lowercased() ?? "") + "_" + dd)
                setIfAbsent("@language", "@none")
                setIfAbsent("@type", "@none")
            } else {
                setIfAbsent("@language", defaultLanguage)
                setIfAbsent("@language", "@none")
                setIfAbsent("@type", "@none")
            }
            containerMap[container] = tl
            result[iri] = containerMap
        }
        active.inverse.value = result
        return result
    }

    // MARK: IRI compaction (§6.2.2)

    func compactIRI(_ active: inout ActiveContext, _ iri: String, value: JSONValue? = nil, vocab: Bool = false, reverse: Bool = false) throws(JSONLDError) -> String {
        let inv = inverse(active)
        // Memo for the common cases (property IRIs with plain values or node references): the
        // result depends only on these features of the value, not on the value itself.
        var memoKey: CompactMemoKey?
        if vocab, !reverse, case let .object(v)? = value, v["@list"] == nil, v["@graph"] == nil {
            var f = ""
            if let val = v["@value"] {
                f = "v\u{1}" + (v["@language"]?.stringValue?.lowercased() ?? "\u{2}") + "\u{1}" + (v["@direction"]?.stringValue ?? "")
                    + "\u{1}" + (v["@type"]?.stringValue ?? "") + "\u{1}" + (v["@index"] != nil ? "i" : "") + (v.count == 1 ? "1" : "") + (val.isString ? "s" : "")
            } else if v.count == 1, let id = v["@id"]?.stringValue {
                f = "r\u{1}" + (inv[id] != nil ? id : "")
            }
            if !f.isEmpty { memoKey = CompactMemoKey(iri: iri, features: f) }
        } else if value == nil, !reverse {
            // Keywords' aliases, node identifiers, datatypes: the result depends on the IRI alone.
            memoKey = CompactMemoKey(iri: iri, features: vocab ? "v" : "d")
        }
        if let memoKey, let hit = active.inverse.compactMemo[memoKey] { return hit }
        let result = try compactIRIUncached(&active, iri, inv: inv, value: value, vocab: vocab, reverse: reverse)
        if let memoKey, active.inverse.compactMemo.count < 200_000 { active.inverse.compactMemo[memoKey] = result }
        return result
    }

    func compactIRIUncached(_ active: inout ActiveContext, _ iri: String, inv: InverseContext, value: JSONValue?, vocab: Bool, reverse: Bool) throws(JSONLDError) -> String {
        if vocab, inv[iri] != nil {
            var defaultLanguage = "@none"
            if let dd = active.defaultDirection { defaultLanguage = (active.defaultLanguage?.lowercased() ?? "") + "_" + dd }
            else if let dl = active.defaultLanguage { defaultLanguage = dl.lowercased() }
            var containers: [String] = []
            var typeLanguage = "@language"
            var typeLanguageValue = "@null"
            let v = value?.objectValue
            if let v, v["@index"] != nil, !isGraphObject(.object(v)) { containers += ["@index", "@index@set"] }
            if reverse {
                typeLanguage = "@type"; typeLanguageValue = "@reverse"; containers.append("@set")
            } else if let v, let list = v["@list"]?.arrayValue {
                if v["@index"] == nil { containers.append("@list") }
                var commonType: String?
                var commonLanguage: String? = list.isEmpty ? defaultLanguage : nil
                for item in list {
                    var itemLanguage = "@none", itemType = "@none"
                    if let io = item.objectValue, io["@value"] != nil {
                        if let d = io["@direction"]?.stringValue {
                            itemLanguage = (io["@language"]?.stringValue?.lowercased() ?? "") + "_" + d
                        } else if let l = io["@language"]?.stringValue {
                            itemLanguage = l.lowercased()
                        } else if let t = io["@type"]?.stringValue {
                            itemType = t
                        } else {
                            itemLanguage = "@null"
                        }
                    } else {
                        itemType = "@id"
                    }
                    if commonLanguage == nil { commonLanguage = itemLanguage }
                    else if itemLanguage != commonLanguage, item["@value"] != nil { commonLanguage = "@none" }
                    if commonType == nil { commonType = itemType } else if itemType != commonType { commonType = "@none" }
                    if commonLanguage == "@none" && commonType == "@none" { break }
                }
                let cl = commonLanguage ?? "@none", ct = commonType ?? "@none"
                if ct != "@none" { typeLanguage = "@type"; typeLanguageValue = ct } else { typeLanguageValue = cl }
            } else if let v, isGraphObject(.object(v)) {
                if v["@index"] != nil { containers += ["@graph@index", "@graph@index@set"] }
                if v["@id"] != nil { containers += ["@graph@id", "@graph@id@set"] }
                containers += ["@graph", "@graph@set", "@set"]
                if v["@index"] == nil { containers += ["@graph@index", "@graph@index@set"] }
                if v["@id"] == nil { containers += ["@graph@id", "@graph@id@set"] }
                containers += ["@index", "@index@set"]
                typeLanguage = "@type"; typeLanguageValue = "@id"
            } else {
                if let v, v["@value"] != nil {
                    if let d = v["@direction"]?.stringValue, v["@index"] == nil {
                        typeLanguageValue = (v["@language"]?.stringValue?.lowercased() ?? "") + "_" + d
                        containers += ["@language", "@language@set"]
                    } else if let l = v["@language"]?.stringValue, v["@index"] == nil {
                        typeLanguageValue = l.lowercased()
                        containers += ["@language", "@language@set"]
                    } else if let t = v["@type"]?.stringValue {
                        typeLanguage = "@type"; typeLanguageValue = t
                    }
                } else {
                    typeLanguage = "@type"; typeLanguageValue = "@id"
                    containers += ["@id", "@id@set", "@type", "@set@type"]
                }
                containers.append("@set")
            }
            containers.append("@none")
            if !mode10 && (v == nil || v?["@index"] == nil) { containers += ["@index", "@index@set"] }
            if !mode10, let v, v.count == 1, v["@value"] != nil { containers += ["@language", "@language@set"] }
            var preferred: [String] = []
            if typeLanguageValue == "@reverse" { preferred.append("@reverse") }
            if (typeLanguageValue == "@id" || typeLanguageValue == "@reverse"), let id = v?["@id"]?.stringValue {
                let compacted = try compactIRI(&active, id, vocab: true)
                if let d = active.terms[compacted], d.iri == id { preferred += ["@vocab", "@id", "@none"] }
                else { preferred += ["@id", "@vocab", "@none"] }
            } else {
                preferred += [typeLanguageValue, "@none"]
                if let l = v?["@list"]?.arrayValue, l.isEmpty { typeLanguage = "@any" }
            }
            preferred.append("@any")
            if let u = preferred.first(where: { $0.utf8.contains(UInt8(ascii: "_")) }), let r = u.firstIndex(of: "_") {
                preferred.append(String(u[r...]))
            }
            if let term = selectTerm(inv, iri, containers, typeLanguage, preferred) { return term }
        }
        if vocab, let vocabIRI = active.vocab, iri.utf8.count > vocabIRI.utf8.count, hasUTF8Prefix(iri, vocabIRI) {
            let suffix = String(iri.utf8.dropFirst(vocabIRI.utf8.count)) ?? ""
            // Guard (beyond the spec): a suffix that would read back as an absolute or compact IRI,
            // a blank node or a keyword is not used.
            if active.terms[suffix] == nil && !suffix.utf8.contains(UInt8(ascii: ":")) && !suffix.hasPrefix("@") { return suffix }
        }
        var best: String?
        for (term, tiri) in prefixTerms(active) {
            guard hasUTF8Prefix(iri, tiri), tiri != iri else { continue }
            let candidate = term + ":" + iri.dropFirst(tiri.count)
            let better = best == nil || candidate.count < best!.count || (candidate.count == best!.count && candidate < best!)
            if better && (active.terms[candidate] == nil || (active.terms[candidate]?.iri == iri && value == nil)) { best = candidate }
        }
        if let best { return best }
        if let c = iri.utf8.firstIndex(of: UInt8(ascii: ":")), firstDoubleSlash(iri) != iri.utf8.index(after: c) {
            let scheme = String(iri[..<c])
            if let d = active.terms[scheme], d.prefix, !isBlankNodeID(iri) {
                throw err(JSONLDErrorCode.iriConfusedWithPrefix, "<\(iri)> would read as a compact IRI with prefix '\(scheme)'")
            }
        }
        if !vocab, options.compactToRelative, let base = active.base {
            let rel = relativize(iri, against: base)
            if hasKeywordForm(rel) { return "./" + rel }
            return rel
        }
        return iri
    }

    /// `iri.utf8.starts(with: prefix.utf8)`, comparing contiguous bytes: this runs for every prefix
    /// term on every IRI a writer compacts, and the generic sequence comparison was a tenth of it.
    func hasUTF8Prefix(_ iri: String, _ prefix: String) -> Bool {
        var s = iri, p = prefix
        return s.withUTF8 { sb in
            p.withUTF8 { pb in
                guard sb.count >= pb.count else { return false }
                for i in 0..<pb.count where sb[i] != pb[i] { return false }
                return true
            }
        }
    }

    /// The terms that may prefix a compact IRI (`def.prefix`), with their IRIs: found once per
    /// context, so compacting a node identifier does not walk every term definition (a schema.org
    /// context has thousands).
    func prefixTerms(_ active: ActiveContext) -> [(term: String, iri: String)] {
        if let p = active.inverse.prefixTerms { return p }
        var p: [(term: String, iri: String)] = []
        for (term, def) in active.terms where def.prefix {
            if let tiri = def.iri { p.append((term, tiri)) }
        }
        p.sort { $0.term < $1.term }
        active.inverse.prefixTerms = p
        return p
    }

    /// Where `//` first occurs in `s` (UTF-8 index), if anywhere.
    func firstDoubleSlash(_ s: String) -> String.Index? {
        let u = s.utf8
        var i = u.startIndex
        while let j = u[i...].firstIndex(of: UInt8(ascii: "/")) {
            let k = u.index(after: j)
            if k < u.endIndex && u[k] == UInt8(ascii: "/") { return j }
            i = k
        }
        return nil
    }

    func selectTerm(_ inv: InverseContext, _ iri: String, _ containers: [String], _ typeLanguage: String, _ preferred: [String]) -> String? {
        guard let containerMap = inv[iri] else { return nil }
        for c in containers {
            guard let tl = containerMap[c], let valueMap = tl[typeLanguage] else { continue }
            for p in preferred { if let t = valueMap[p] { return t } }
        }
        return nil
    }

    /// The shortest relative reference that resolves back to `iri` against `base` (as pyld's remove_base).
    func relativize(_ iri: String, against base: String) -> String {
        let b = IRIReference.parse(base), r = IRIReference.parse(iri)
        guard b.scheme == r.scheme, b.authority == r.authority, r.scheme != nil else { return iri }
        var baseSegments = IRIReference.removeDotSegments(b.path).split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        var iriSegments = IRIReference.removeDotSegments(r.path).split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        let last = (r.fragment != nil || r.query != nil) ? 0 : 1
        while !baseSegments.isEmpty && iriSegments.count > last && baseSegments[0] == iriSegments[0] {
            baseSegments.removeFirst(); iriSegments.removeFirst()
        }
        var out = ""
        if !baseSegments.isEmpty {
            baseSegments.removeLast()
            out += String(repeating: "../", count: baseSegments.count)
        }
        out += iriSegments.joined(separator: "/")
        if let q = r.query { out += "?" + q }
        if let f = r.fragment { out += "#" + f }
        if out.isEmpty { out = "./" }
        // A first segment with a colon would read as a scheme.
        if let firstSeg = out.split(separator: "/").first, firstSeg.contains(":"), !out.hasPrefix("../") { out = "./" + out }
        return IRIReference.resolve(out, against: base) == iri ? out : iri
    }
}

extension JSONLD {
    /// Compaction (§9, `compact()`): `input` is expanded, then compacted against `context`
    /// (a context, a document with `@context`, or an IRI loaded through the document loader).
    public static func compact(_ input: JSONValue, context: JSONValue, options: JSONLDOptions = JSONLDOptions()) throws(JSONLDError) -> JSONValue {
        let p = Processor(options: options)
        return try onLargeStack { () throws(JSONLDError) in
            let expanded = try p.expandDocument(input)
            return try p.compactDocument(expanded, context: context)
        }
    }

    /// Flattening (§9, `flatten()`): every node at the top level (in `@graph`), blank nodes
    /// relabelled; compacted when a context is given.
    public static func flatten(_ input: JSONValue, context: JSONValue? = nil, options: JSONLDOptions = JSONLDOptions()) throws(JSONLDError) -> JSONValue {
        let p = Processor(options: options)
        return try onLargeStack { () throws(JSONLDError) in
            let expanded = try p.expandDocument(input)
            p.resetBlankNodes()
            let flat = try p.flattenExpanded(expanded)
            guard let context, !context.isNull else { return flat }
            return try p.compactDocument(flat, context: context, alwaysGraph: true)
        }
    }
}

extension Processor {
    func compactDocument(_ expanded: JSONValue, context contextIn: JSONValue, alwaysGraph: Bool = false) throws(JSONLDError) -> JSONValue {
        var context = contextIn
        if case let .object(o) = contextIn, let c = o["@context"] { context = c }
        var active = try processContext(ActiveContext(base: options.base), context, baseURL: options.base)
        var compacted = try compact(active, nil, expanded)
        if case let .array(a) = compacted {
            if a.isEmpty && !alwaysGraph { compacted = .object([:]) }
            else { compacted = .object([try compactIRI(&active, "@graph", vocab: true): compacted]) }
        } else if alwaysGraph, case .object = compacted {
            compacted = .object([try compactIRI(&active, "@graph", vocab: true): [compacted]])
        }
        var isEmptyContext = false
        switch context {
        case .null: isEmptyContext = true
        case let .object(o): isEmptyContext = o.isEmpty
        case let .array(a): isEmptyContext = a.isEmpty
        default: break
        }
        guard case let .object(body) = compacted, !isEmptyContext else { return compacted }
        var out: JSONObject = ["@context": context]
        for (k, v) in body { out[k] = v }
        return .object(out)
    }

    func flattenExpanded(_ expanded: JSONValue) throws(JSONLDError) -> JSONValue {
        let map = NodeMap()
        _ = map.graph("@default")
        var none: [JSONValue]? = nil
        try generateNodeMap(expanded, map, list: &none)
        guard let defaultGraph = map.graphs["@default"] else { return .array([]) }
        for name in map.order.sorted() where name != "@default" {
            guard let g = map.graphs[name] else { continue }
            let entry = defaultGraph.node(name)
            var members: [JSONValue] = []
            for id in g.order.sorted() {
                guard let n = g.nodes[id] else { continue }
                if n.object.count == 1 && n.object["@id"] != nil { continue }
                members.append(.object(n.object))
            }
            entry.object["@graph"] = .array(members)
        }
        var out: [JSONValue] = []
        for id in defaultGraph.order.sorted() {
            guard let n = defaultGraph.nodes[id] else { continue }
            if n.object.count == 1 && n.object["@id"] != nil { continue }
            out.append(.object(n.object))
        }
        return .array(out)
    }
}

/// A memoised IRI compaction; the memo lives in the context's `InverseCache`, so it is dropped
/// with the context it was computed for.
struct CompactMemoKey: Hashable {
    let iri: String
    let features: String
}
