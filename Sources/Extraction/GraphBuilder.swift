import RDF

/// Final stage: RDF per MODEL.md. Deterministic IRIs from stable keys, no blank nodes, prov:wasDerivedFrom on every
/// entity, event, role, attribution and quotation; one named graph per document holding the facts it supports.
/// Two passes: `collect` every document, `prepare`, then `emitDocument` one graph at a time, so a corpus can be
/// streamed to N-Quads without ever holding its quads. A document's IRI, and the fragments of it that name its
/// mentions (`doc-…#char=b,e`), appear in that document's graph only: the N-Triples union relies on it.
public struct GraphBuilder {
    public let options: ExtractionOptions
    let kb: KnowledgeBase
    var globals: [String: GlobalEntity] = [:]
    var quads: [Quad] = []

    struct RoleNode { var person: String; var roleName: String; var qualifier: String?; var docs: Set<String> }
    struct Fact: Hashable { var subject: String; var predicate: String; var object: String }
    struct AttrNode { var source: String?; var anonymous: String?; var positive: Bool; var certainty: String; var docs: Set<String> }
    struct EventNode {
        var cls: String; var label: String; var participants: [String]; var location: String?
        var date: ResolvedDate?; var docs: Set<String>; var attributions: [String: AttrNode] = [:]
    }
    var roles: [String: RoleNode] = [:]
    var facts: [Fact: Set<String>] = [:]
    var events: [String: EventNode] = [:]
    var renamed: [String: String] = [:]
    var docIRICache: [String: Term] = [:]
    /// Per document, its events in analysis order (quotations refer to them by index).
    var documentEvents: [String: [String]] = [:]
    /// The shared nodes (entities, roles, facts, events) each document's graph describes, sorted.
    struct DocumentIndex { var entities: [String] = []; var roles: [String] = []; var facts: [Fact] = []; var events: [String] = [] }
    var documentIndex: [String: DocumentIndex] = [:]
    var entityCache: [String: [(IRI, Term)]] = [:]
    /// The readable slug of a key whose merge key is not readable (a person's surname skeleton).
    var slugs: [String: String] = [:]
    /// Each entity's IRI and class, made once (mentions refer to them thousands of times).
    var entityTerms: [String: (iri: Term, cls: Term)] = [:]
    var eventCache: [String: [(IRI, Term)]] = [:]

    init(options: ExtractionOptions, kb: KnowledgeBase) { self.options = options; self.kb = kb }

    // MARK: IRIs
    func iri(_ local: String) -> Term { .iri(IRI(unchecked: options.baseIRI + local)) }
    static func encode(_ s: String) -> String {
        if s.utf8.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x61 && $0 <= 0x7A) || $0 == 0x2D || $0 == 0x2E || $0 == 0x5F || $0 == 0x7E }) { return s }
        var out = ""
        for b in s.utf8 {
            let c = Character(Unicode.Scalar(b))
            if (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == 0x2D || b == 0x2E || b == 0x5F || b == 0x7E { out.append(c) }
            else { out += "%" + String(b, radix: 16, uppercase: true).leftPadded(2) }
        }
        return out
    }
    func docIRI(_ id: String) -> Term {
        if let t = docIRICache[id] { return t }
        return iri("doc-" + GraphBuilder.encode(id))
    }
    /// Document IRIs are needed for every quad: encode each id once.
    mutating func cacheDocIRI(_ id: String) { docIRICache[id] = iri("doc-" + GraphBuilder.encode(id)) }
    func localName(_ key: String) -> String {
        let parts = key.split(separator: ":", maxSplits: 1)
        let type = EntityType(rawValue: String(parts[0])) ?? .organization
        return type.iriPrefix + "-" + entitySlug(key)
    }
    func entityIRI(_ key: String) -> Term { entityTerms[key]?.iri ?? iri(localName(key)) }
    func entitySlug(_ key: String) -> String {
        slugs[key] ?? key.split(separator: ":", maxSplits: 1).dropFirst().first.map(String.init) ?? "x"
    }

    // MARK: emission
    mutating func add(_ s: Term, _ p: IRI, _ o: Term, _ g: Term) { quads.append(Quad(s, .iri(p), o, graph: g)) }
    func lit(_ s: String) -> Term { .literal(Literal(s)) }
    func typed(_ s: String, _ dt: IRI) -> Term { .literal(Literal(s, datatype: dt)) }
    func t(_ n: Namespace, _ l: String) -> Term { .iri(n(l)) }

    /// Pass 1 over a document: gathers its roles, facts and events into the corpus-wide tables. Emits nothing:
    /// what a document's graph says about a shared node depends on every document, so emission waits for
    /// `emitDocument`.
    mutating func collect(_ a: DocumentAnalysis, keys: [String?]) {
        let doc = a.document
        cacheDocIRI(doc.id)
        // relations
        for r in a.relations {
            guard let p = keys[r.subject] else { continue }
            let o = r.object.flatMap { keys[$0] }
            switch r.kind {
            case .role:
                guard let name = r.roleName else { continue }
                var local = "role-" + entitySlug(p) + "-" + slug(name)
                if let o { local += "-" + entitySlug(o) }
                roles[local, default: RoleNode(person: p, roleName: name, qualifier: o, docs: [])].docs.insert(doc.id)
            case .affiliation: if let o { facts[Fact(subject: p, predicate: "affiliation", object: o), default: []].insert(doc.id) }
            case .nationality: if let o { facts[Fact(subject: p, predicate: "nationality", object: o), default: []].insert(doc.id) }
            case .spouse: if let o { facts[Fact(subject: p, predicate: "spouse", object: o), default: []].insert(doc.id); facts[Fact(subject: o, predicate: "spouse", object: p), default: []].insert(doc.id) }
            case .child: if let o { facts[Fact(subject: p, predicate: "children", object: o), default: []].insert(doc.id); facts[Fact(subject: o, predicate: "parent", object: p), default: []].insert(doc.id) }
            case .parent: if let o { facts[Fact(subject: p, predicate: "parent", object: o), default: []].insert(doc.id); facts[Fact(subject: o, predicate: "children", object: p), default: []].insert(doc.id) }
            case .sibling: if let o { facts[Fact(subject: p, predicate: "sibling", object: o), default: []].insert(doc.id); facts[Fact(subject: o, predicate: "sibling", object: p), default: []].insert(doc.id) }
            case .relatedTo: if let o { facts[Fact(subject: p, predicate: "relatedTo", object: o), default: []].insert(doc.id) }
            }
        }
        // events
        var eventLocals: [String] = []
        for ev in a.events {
            var parts = ev.participants.compactMap { keys[$0] }
            let persons = parts.filter { $0.hasPrefix("person:") }
            if persons.count >= 2, ["PhoneCall", "Meeting"].contains(ev.eventClass) { parts = persons }
            parts = Array(Set(parts)).sorted()
            let dateKey = ev.resolved?.iso ?? "undated"
            var local = "event-" + dateKey + "-" + slug(ev.label)
            for p in parts.prefix(4) { local += "-" + entitySlug(p) }
            var node = events[local] ?? EventNode(cls: ev.eventClass, label: ev.label, participants: parts, location: nil, date: ev.resolved, docs: [])
            node.docs.insert(doc.id)
            if node.location == nil { node.location = ev.location.flatMap { keys[$0] } }
            if let d = ev.resolved, node.date == nil || (node.date?.status != "explicit" && d.status == "explicit") { node.date = d }
            for at in ev.attributions {
                let src = at.source.flatMap { keys[$0] }
                guard src != nil || at.anonymousSource != nil else { continue }
                let srcSlug = src.map { entitySlug($0) } ?? slug(at.anonymousSource ?? "anonymous")
                let akey = srcSlug + (at.positive ? "" : "-denial")
                var an = node.attributions[akey] ?? AttrNode(source: src, anonymous: at.anonymousSource, positive: at.positive, certainty: at.certainty, docs: [])
                an.docs.insert(doc.id)
                node.attributions[akey] = an
            }
            events[local] = node
            eventLocals.append(local)
        }
        documentEvents[doc.id] = eventLocals
    }

    /// Pass 2 over a document, after every document was collected and events merged: the quads of its named
    /// graph, in a fixed order (the article, then the entities, roles, facts and events it supports, then its
    /// quotations and mentions), without duplicates. Nothing here depends on other documents' emission, so a
    /// corpus can be written one document at a time.
    mutating func emitDocument(_ a: DocumentAnalysis, keys: [String?]) -> [Quad] {
        quads.removeAll(keepingCapacity: true)
        let doc = a.document
        let g = docIRI(doc.id)
        add(g, K.rdf_type, K.schema_NewsArticle_term, g)
        add(g, K.rdf_type, K.nif_Context_term, g)
        add(g, K.schema_name, lit(doc.title ?? doc.id), g)
        if let d = doc.date, CivilDate.parse(d) != nil { add(g, K.schema_datePublished, typed(d, K.xsd_date), g) }
        if let u = doc.url, let i = try? IRI(u) { add(g, K.schema_url, .iri(i), g) }
        add(g, K.nif_beginIndex, typed("0", K.xsd_nonNegativeInteger), g)
        add(g, K.nif_endIndex, typed(String(a.length), K.xsd_nonNegativeInteger), g)
        if options.mentions { add(g, K.nif_isString, lit(doc.text), g) }
        let index = documentIndex[doc.id] ?? DocumentIndex()
        for key in index.entities { emitEntity(key, in: g) }
        for local in index.roles { emitRole(local, in: g) }
        for f in index.facts { add(entityIRI(f.subject), NG.schema(f.predicate), entityIRI(f.object), g) }
        for local in index.events { emitEvent(local, document: doc.id, in: g) }
        // quotations
        let eventLocals = documentEvents[doc.id] ?? []
        for q in a.quotes {
            // A quotation is only a fact with its speaker; unattributed quoted text is left out.
            guard let speaker = q.speaker.flatMap({ keys[$0] }) else { continue }
            let qi = iri("quote-" + GraphBuilder.encode(doc.id) + "-" + String(q.begin))
            add(qi, K.rdf_type, K.schema_Quotation_term, g)
            add(qi, K.schema_text, lit(q.text), g)
            add(qi, K.schema_spokenByCharacter, entityIRI(speaker), g)
            if let e = q.event, e < eventLocals.count {
                var target = eventLocals[e]
                while let r = renamed[target] { target = r }
                add(qi, K.schema_about, iri(target), g)
            }
            add(qi, K.prov_wasDerivedFrom, g, g)
        }
        // Only the shared-node part can repeat a quad (two attributions to one anonymous source, two roles with
        // one title); mentions are unique per span, so they skip the hash set that costs more than emitting them.
        var seen = Set<Quad>(minimumCapacity: quads.count)
        quads = quads.filter { seen.insert($0).inserted }
        // mentions
        if options.mentions {
            var spans = Set<Int>()
            for (i, m) in a.mentions.enumerated() {
                guard let e = a.mentionEntity[i], let k = keys[e], let terms = entityTerms[k],
                      spans.insert(m.begin << 32 | m.end).inserted else { continue }
                let mi = Term.iri(IRI(unchecked: (g.iri?.value ?? "") + "#char=\(m.begin),\(m.end)"))
                add(mi, K.rdf_type, K.nif_Phrase_term, g)
                add(mi, K.nif_referenceContext, g, g)
                add(mi, K.nif_beginIndex, typed(String(m.begin), K.xsd_nonNegativeInteger), g)
                add(mi, K.nif_endIndex, typed(String(m.end), K.xsd_nonNegativeInteger), g)
                add(mi, K.nif_anchorOf, lit(m.text), g)
                add(mi, K.itsrdf_taIdentRef, terms.iri, g)
                add(mi, K.itsrdf_taClassRef, terms.cls, g)
            }
        }
        return quads
    }

    func classTerm(_ g: GlobalEntity) -> Term {
        switch g.type {
        case .person: return K.schema_Person_term
        case .country: return K.schema_Country_term
        case .place: return t(NG.schema, (g.kb.flatMap { kb.entities[$0].schemaClass }) ?? g.orgClass ?? "Place")
        case .organization:
            let c = (g.kb.flatMap { kb.entities[$0].schemaClass }) ?? g.orgClass ?? "Organization"
            if c == "acronym" { return K.schema_Organization_term }
            if c.hasPrefix("ng:") { return t(NG.ng, String(c.dropFirst(3))) }
            return t(NG.schema, c)
        }
    }

    /// What an entity's description says in every graph of a document that names it (computed once).
    mutating func entityTriples(_ key: String) -> [(IRI, Term)] {
        if let cached = entityCache[key] { return cached }
        guard let e = globals[key] else { return [] }
        var triples: [(IRI, Term)] = []
        triples.append((K.rdf_type, classTerm(e)))
        if case .iri(let c) = classTerm(e), c.value.hasPrefix(NG.ng.iri) { triples.append((K.rdf_type, K.schema_Organization_term)) }
        triples.append((K.schema_name, lit(e.name)))
        for n in e.names.sorted() { triples.append((K.schema_alternateName, lit(n))) }
        if let k = e.kb {
            let x = kb.entities[k]
            if let q = x.qid {
                triples.append((K.schema_sameAs, .iri(NG.wd(q))))
                if options.owlSameAs { triples.append((K.owl_sameAs, .iri(NG.wd(q)))) }
            }
            if e.type == .country, let a2 = x.alpha2 { triples.append((K.schema_identifier, lit(a2))) }
            if let ck = x.country, let ci = kb.countryByKey[ck] {
                let ckey = "country:" + slug(kb.entities[ci].name)
                if e.type == .organization { triples.append((K.schema_areaServed, entityIRI(ckey))) }
                if e.type == .place { triples.append((K.schema_containedInPlace, entityIRI(ckey))) }
            }
            if let p = x.parent, let pi = kb.orgByName[p] {
                let pkey = "organization:" + slug(kb.entities[pi].name)
                if globals[pkey] != nil { triples.append((K.schema_parentOrganization, entityIRI(pkey))) }
            }
        }
        entityCache[key] = triples
        return triples
    }

    /// Each document's graph carries the merged description and its own provenance link; the union of the
    /// graphs carries every source (linear in the corpus, where listing all sources in every graph is not).
    mutating func emitEntity(_ key: String, in g: Term) {
        let s = entityIRI(key)
        for (p, o) in entityTriples(key) { add(s, p, o, g) }
        add(s, K.prov_wasDerivedFrom, g, g)
    }

    mutating func emitRole(_ local: String, in g: Term) {
        guard let r = roles[local] else { return }
        let ri = iri(local), person = entityIRI(r.person)
        add(ri, K.rdf_type, K.schema_OrganizationRole_term, g)
        add(ri, K.schema_roleName, lit(r.roleName), g)
        add(person, K.schema_memberOf, ri, g)
        var title = r.roleName
        if let q = r.qualifier, let qe = globals[q] {
            if qe.type == .organization || qe.type == .country { add(ri, K.schema_memberOf, entityIRI(q), g) }
            title += " of " + qe.name
        }
        add(person, K.schema_jobTitle, lit(title), g)
        add(ri, K.prov_wasDerivedFrom, g, g)
    }

    /// The same dated event told with fewer named participants in one article ("a reported call with Putin on
    /// Thursday") joins the unique fuller telling of the same class and day ("Trump spoke with Putin").
    mutating func mergeSubsumedEvents() {
        // candidates share class and day: group once (comparing every pair of a corpus would be quadratic)
        var byDay: [String: [String]] = [:]
        for local in events.keys.sorted() { if let ev = events[local], let d = ev.date { byDay[ev.cls + "|" + d.iso, default: []].append(local) } }
        for local in events.keys.sorted() {
            guard let ev = events[local], let d = ev.date, !ev.participants.isEmpty else { continue }
            let mine = Set(ev.participants)
            let supers = (byDay[ev.cls + "|" + d.iso] ?? []).filter { other in
                guard other != local, let o = events[other], o.cls == ev.cls, o.date?.iso == d.iso else { return false }
                return mine.isSubset(of: Set(o.participants)) && o.participants.count > mine.count
            }
            guard supers.count == 1, let target = supers.first, var t = events[target] else { continue }
            t.docs.formUnion(ev.docs)
            if t.location == nil { t.location = ev.location }
            for (k, a) in ev.attributions {
                if var existing = t.attributions[k] { existing.docs.formUnion(a.docs); t.attributions[k] = existing } else { t.attributions[k] = a }
            }
            events[target] = t
            events[local] = nil
            renamed[local] = target
        }
    }

    /// Ends pass 1: merges subsumed events and lists, per document, the shared nodes its graph describes.
    mutating func prepare() {
        mergeSubsumedEvents()
        for (key, e) in globals { entityTerms[key] = (iri(localName(key)), classTerm(e)) }
        for key in globals.keys.sorted() {
            for d in globals[key]?.docs ?? [] { documentIndex[d, default: DocumentIndex()].entities.append(key) }
        }
        for local in roles.keys.sorted() {
            for d in roles[local]?.docs ?? [] { documentIndex[d, default: DocumentIndex()].roles.append(local) }
        }
        for f in facts.keys.sorted(by: { ($0.subject, $0.predicate, $0.object) < ($1.subject, $1.predicate, $1.object) }) {
            for d in facts[f] ?? [] { documentIndex[d, default: DocumentIndex()].facts.append(f) }
        }
        for local in events.keys.sorted() {
            for d in events[local]?.docs ?? [] { documentIndex[d, default: DocumentIndex()].events.append(local) }
        }
    }

    mutating func eventTriples(_ local: String) -> [(IRI, Term)] {
        if let cached = eventCache[local] { return cached }
        guard let ev = events[local] else { return [] }
        var triples: [(IRI, Term)] = []
        triples.append((K.rdf_type, K.schema_Event_term))
        triples.append((K.rdf_type, t(NG.ng, ev.cls)))
        let names = ev.participants.compactMap { globals[$0]?.name }
        var name = ev.label
        if names.count >= 2 { name += " between " + names.dropLast().joined(separator: ", ") + " and " + (names.last ?? "") }
        else if let n = names.first { name += (["Indictment", "Impeachment", "AssassinationAttempt", "Arrest", "Death", "Inauguration", "Release"].contains(ev.cls) ? " of " : (["Denial", "Publication", "Statement", "Attack", "Invasion", "Visit"].contains(ev.cls) ? " by " : " involving ")) + n }
        if let d = ev.date { name += " (" + d.iso + ")" }
        triples.append((K.schema_name, lit(name)))
        for p in ev.participants { triples.append((K.schema_participant, entityIRI(p))) }
        if let l = ev.location { triples.append((K.schema_location, entityIRI(l))) }
        if let d = ev.date {
            triples.append((K.schema_startDate, typed(d.iso, K.xsd_date)))
            triples.append((K.ng_dateStatus, lit(d.status)))
        }
        if ev.attributions.values.contains(where: { !$0.positive }) { triples.append((K.ng_contested, typed("true", K.xsd_boolean))) }
        eventCache[local] = triples
        return triples
    }

    /// An event's description and provenance in one document's graph, with the attributions that document reports.
    mutating func emitEvent(_ local: String, document: String, in g: Term) {
        guard let ev = events[local] else { return }
        let ei = iri(local)
        for (p, o) in eventTriples(local) { add(ei, p, o, g) }
        add(ei, K.prov_wasDerivedFrom, g, g)
        for akey in ev.attributions.keys.sorted() {
            guard let a = ev.attributions[akey], a.docs.contains(document) else { continue }
            let ai = iri("attr-" + local.replacingOccurrences(of: "event-", with: "") + "-" + akey)
            let src: Term
            if let s = a.source { src = entityIRI(s) } else { src = iri("source-" + slug(a.anonymous ?? "anonymous")) }
            add(ei, K.grasp_hasAttribution, ai, g)
            add(ai, K.rdf_type, K.grasp_Attribution_term, g)
            add(ai, K.rdf_value, t(NG.graspf, a.certainty), g)
            add(ai, K.rdf_value, t(NG.graspf, a.positive ? "POS" : "NEG"), g)
            add(ai, K.prov_wasAttributedTo, src, g)
            add(ai, K.grasp_isAttributionFor, ei, g)
            add(ai, K.prov_wasDerivedFrom, g, g)
            if a.source == nil {
                add(src, K.rdf_type, K.ng_AnonymousSource_term, g)
                add(src, K.schema_name, lit(a.anonymous ?? "anonymous"), g)
                add(src, K.prov_wasDerivedFrom, g, g)
            }
        }
    }
}

/// The vocabulary terms the builder writes, made once: building them per quad (string concatenation) cost as
/// much as the rest of the emission.
enum K {
    static let grasp_Attribution_term = Term.iri(NG.grasp("Attribution"))
    static let grasp_hasAttribution = NG.grasp("hasAttribution")
    static let grasp_isAttributionFor = NG.grasp("isAttributionFor")
    static let itsrdf_taClassRef = NG.itsrdf("taClassRef")
    static let itsrdf_taIdentRef = NG.itsrdf("taIdentRef")
    static let ng_AnonymousSource_term = Term.iri(NG.ng("AnonymousSource"))
    static let ng_contested = NG.ng("contested")
    static let ng_dateStatus = NG.ng("dateStatus")
    static let nif_Context_term = Term.iri(NG.nif("Context"))
    static let nif_Phrase_term = Term.iri(NG.nif("Phrase"))
    static let nif_anchorOf = NG.nif("anchorOf")
    static let nif_beginIndex = NG.nif("beginIndex")
    static let nif_endIndex = NG.nif("endIndex")
    static let nif_isString = NG.nif("isString")
    static let nif_referenceContext = NG.nif("referenceContext")
    static let owl_sameAs = NG.owl("sameAs")
    static let prov_wasAttributedTo = NG.prov("wasAttributedTo")
    static let prov_wasDerivedFrom = NG.prov("wasDerivedFrom")
    static let rdf_type = NG.rdf("type")
    static let rdf_value = NG.rdf("value")
    static let schema_Country_term = Term.iri(NG.schema("Country"))
    static let schema_Event_term = Term.iri(NG.schema("Event"))
    static let schema_NewsArticle_term = Term.iri(NG.schema("NewsArticle"))
    static let schema_OrganizationRole_term = Term.iri(NG.schema("OrganizationRole"))
    static let schema_Organization_term = Term.iri(NG.schema("Organization"))
    static let schema_Person_term = Term.iri(NG.schema("Person"))
    static let schema_Quotation_term = Term.iri(NG.schema("Quotation"))
    static let schema_about = NG.schema("about")
    static let schema_alternateName = NG.schema("alternateName")
    static let schema_areaServed = NG.schema("areaServed")
    static let schema_containedInPlace = NG.schema("containedInPlace")
    static let schema_datePublished = NG.schema("datePublished")
    static let schema_identifier = NG.schema("identifier")
    static let schema_jobTitle = NG.schema("jobTitle")
    static let schema_location = NG.schema("location")
    static let schema_memberOf = NG.schema("memberOf")
    static let schema_name = NG.schema("name")
    static let schema_parentOrganization = NG.schema("parentOrganization")
    static let schema_participant = NG.schema("participant")
    static let schema_roleName = NG.schema("roleName")
    static let schema_sameAs = NG.schema("sameAs")
    static let schema_spokenByCharacter = NG.schema("spokenByCharacter")
    static let schema_startDate = NG.schema("startDate")
    static let schema_text = NG.schema("text")
    static let schema_url = NG.schema("url")
    static let xsd_boolean = NG.xsd("boolean")
    static let xsd_date = NG.xsd("date")
    static let xsd_nonNegativeInteger = NG.xsd("nonNegativeInteger")
}

extension String {
    func leftPadded(_ n: Int) -> String { count >= n ? self : String(repeating: "0", count: n - count) + self }
}
