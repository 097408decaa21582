import RDF

/// Namespaces of the graph model (MODEL.md).
public enum NG {
    public static let ng = Namespace(prefix: "ng", iri: "https://w3id.org/newsgraph/ontology#")
    public static let schema = Namespace(prefix: "schema", iri: "http://schema.org/")
    public static let prov = Namespace(prefix: "prov", iri: "http://www.w3.org/ns/prov#")
    public static let nif = Namespace(prefix: "nif", iri: "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
    public static let itsrdf = Namespace(prefix: "itsrdf", iri: "http://www.w3.org/2005/11/its/rdf#")
    public static let grasp = Namespace(prefix: "grasp", iri: "http://groundedannotationframework.org/grasp#")
    public static let graspf = Namespace(prefix: "graspf", iri: "http://groundedannotationframework.org/grasp/factuality#")
    public static let wd = Namespace(prefix: "wd", iri: "http://www.wikidata.org/entity/")
    public static let rdf = Namespace(prefix: "rdf", iri: "http://www.w3.org/1999/02/22-rdf-syntax-ns#")
    public static let owl = Namespace(prefix: "owl", iri: "http://www.w3.org/2002/07/owl#")
    public static let xsd = Namespace(prefix: "xsd", iri: "http://www.w3.org/2001/XMLSchema#")
}

/// One entity of the whole corpus: the merge of the local entities of every document that names it.
public struct GlobalEntity: Sendable, Hashable {
    public var key: String
    public var type: EntityType
    public var name: String
    public var names: Set<String> = []
    public var kb: Int?
    public var orgClass: String?
    public var docs: Set<String> = []
}

/// Cross-document resolution and graph building. Order-independent: analyses are sorted by document id first, and
/// every choice (canonical name, IRIs) is made from sorted data, so sharded runs produce the same graph.
public struct CorpusMerger {
    public static func merge(_ analyses: [DocumentAnalysis], options: ExtractionOptions) -> Dataset {
        guard let kb = try? KnowledgeBase.load() else { return Dataset() }
        return merge(analyses, options: options, kb: kb)
    }

    /// The merged corpus as one dataset (every document's named graph, in document order).
    public static func merge(_ input: [DocumentAnalysis], options: ExtractionOptions, kb: KnowledgeBase) -> Dataset {
        var quads: [Quad] = []
        stream(input, options: options, kb: kb) { _, graph in quads += graph }
        return Dataset(quads)
    }

    /// Counts of what a merge produced, for the build summary.
    public struct Summary: Sendable { public var entities = 0; public var events = 0 }

    /// Resolves the corpus, then hands each document's named graph to `body` in document-id order, one at a
    /// time, so a caller can write N-Quads without holding the corpus' quads. Each call's quads are free of
    /// duplicates; a quad never repeats across calls because every quad names its document's graph.
    @discardableResult
    public static func stream(_ input: [DocumentAnalysis], options: ExtractionOptions, kb: KnowledgeBase,
                              _ body: (_ document: String, _ quads: [Quad]) throws -> Void) rethrows -> Summary {
        try stream(input, options: options, kb: kb, restore: { $0 }, body)
    }

    /// ``stream(_:options:kb:_:)`` over compact analyses: `restore` gives back what
    /// ``DocumentAnalysis/splitForMerging()`` took out of an analysis (the caller parked it) just before its
    /// graph is emitted. The first pass reads only the compact part, so a caller need not hold a corpus'
    /// texts and mentions until the end.
    @discardableResult
    public static func stream(_ input: [DocumentAnalysis], options: ExtractionOptions, kb: KnowledgeBase,
                              restore: (DocumentAnalysis) throws -> DocumentAnalysis,
                              _ body: (_ document: String, _ quads: [Quad]) throws -> Void) rethrows -> Summary {
        let analyses = input.sorted { $0.document.id < $1.document.id }
        var b = GraphBuilder(options: options, kb: kb)
        // 1. global entities
        var globals: [String: GlobalEntity] = [:]
        var localKey: [[String?]] = analyses.map { [String?](repeating: nil, count: $0.entities.count) }
        var nameCounts: [String: [String: Int]] = [:]
        func baseKey(_ e: LocalEntity) -> String? {
            if let k = e.kb { let x = kb.entities[k]; return "\(x.type.rawValue):\(slug(x.name))" }
            switch e.type {
            case .person:
                let ws = e.name.split(separator: " ").map(String.init)
                if let pk = Resolver.personKey(ws) { return "person:" + slug(pk) }
                return nil   // surname only: decided below
            default: return "\(e.type.rawValue):\(slug(stripThe(e.name)))"
            }
        }
        for (d, a) in analyses.enumerated() {
            for (i, e) in a.entities.enumerated() where !e.mentions.isEmpty {
                if let k = baseKey(e) { localKey[d][i] = k }
            }
        }
        // surname-only people join the unique full-named person with that surname in the corpus
        var fullBySurname: [String: Set<String>] = [:]
        for (d, a) in analyses.enumerated() {
            for (i, e) in a.entities.enumerated() where e.type == .person {
                guard let k = localKey[d][i], let last = e.name.split(separator: " ").last else { continue }
                fullBySurname[surnameKey(String(last)), default: []].insert(k)
            }
        }
        for (d, a) in analyses.enumerated() {
            for (i, e) in a.entities.enumerated() where e.type == .person && localKey[d][i] == nil && !e.mentions.isEmpty {
                let sk = surnameKey(e.name)
                if let set = fullBySurname[sk], set.count == 1, let only = set.first { localKey[d][i] = only }
                else { localKey[d][i] = "person:" + slug(e.name) }
            }
        }
        for (d, a) in analyses.enumerated() {
            for (i, e) in a.entities.enumerated() {
                guard let k = localKey[d][i] else { continue }
                var g = globals[k] ?? GlobalEntity(key: k, type: e.type, name: e.name, kb: e.kb, orgClass: e.orgClass)
                g.docs.insert(a.document.id)
                g.names.formUnion(e.names); g.names.insert(e.name)
                if g.kb == nil { g.kb = e.kb }
                if g.orgClass == nil { g.orgClass = e.orgClass }
                nameCounts[k, default: [:]][e.name, default: 0] += e.mentions.count
                globals[k] = g
                // a person's IRI shows the surname as written; among spelling variants ("Katulis", "Cutulis")
                // the first in code-point order, so it depends on the set of spellings, not on document order
                if e.kb == nil, e.type == .person, let spelled = Resolver.spelledKey(e.name.split(separator: " ").map(String.init)) {
                    let s = slug(spelled)
                    if let old = b.slugs[k], old <= s {} else { b.slugs[k] = s }
                }
            }
        }
        for k in globals.keys.sorted() {
            guard var g = globals[k] else { continue }
            if let x = g.kb { g.name = kb.entities[x].name }
            else if let counts = nameCounts[k] {
                g.name = counts.keys.sorted { (counts[$0]!, $0.count, $0) > (counts[$1]!, $1.count, $1) }.first ?? g.name
            }
            g.names.remove(g.name)
            globals[k] = g
        }
        // countries referred to by organisations and places (areaServed / containedInPlace) exist as nodes too
        for k in globals.keys.sorted() {
            guard let g = globals[k], let x = g.kb, let ck = kb.entities[x].country, let ci = kb.countryByKey[ck] else { continue }
            let key = "country:" + slug(kb.entities[ci].name)
            // a country only referred to this way derives from the documents that refer to it; one that is
            // named somewhere keeps exactly the documents that name it
            if globals[key] == nil {
                var c = GlobalEntity(key: key, type: .country, name: kb.entities[ci].name, kb: ci)
                c.docs = g.docs
                globals[key] = c
            }
        }
        b.globals = globals
        // 2. documents, entities, relations, events, quotes, mentions
        for (d, a) in analyses.enumerated() { b.collect(a, keys: localKey[d]) }
        b.prepare()
        for (d, a) in analyses.enumerated() { try body(a.document.id, b.emitDocument(try restore(a), keys: localKey[d])) }
        return Summary(entities: globals.count, events: b.events.count)
    }
}

extension DocumentAnalysis {
    /// The analysis with only what the cross-document merge reads: a corpus' analyses are held until every
    /// document is done, and a mention's name tokens and descriptors are most of their size.
    public func forMerging(_ options: ExtractionOptions) -> DocumentAnalysis {
        var a = self
        a.mentions = mentions.map { m in
            Mention(begin: m.begin, end: m.end, text: m.text, type: m.type, kb: m.kb, sentence: m.sentence, words: [])
        }
        if !options.mentions { a.document.text = "" }
        return a
    }
}

/// What only the emission of a document's own graph reads from its analysis (``GraphBuilder/emitDocument``):
/// the text, the mentions linked to an entity and the quotations. Most of an analysis' size, and nothing the
/// cross-document pass looks at.
public struct EmissionDetail: Sendable, Equatable {
    /// A mention as its NIF node needs it: span, text and local entity.
    public struct MentionSpan: Sendable, Equatable {
        public var begin: Int, end: Int
        public var text: String
        public var entity: Int
        public init(begin: Int, end: Int, text: String, entity: Int) { self.begin = begin; self.end = end; self.text = text; self.entity = entity }
    }
    public var text: String
    public var mentions: [MentionSpan]
    public var quotes: [Quote]
    public init(text: String, mentions: [MentionSpan], quotes: [Quote]) { self.text = text; self.mentions = mentions; self.quotes = quotes }
}

extension DocumentAnalysis {
    /// The analysis in two parts: what the cross-document pass reads (entities, relations, events, the
    /// document's metadata) and the ``EmissionDetail``; ``restoring(_:)`` joins them into an analysis that
    /// emits the same graph. Mentions linked to no entity are left out: they emit nothing.
    public func splitForMerging() -> (compact: DocumentAnalysis, detail: EmissionDetail) {
        var spans: [EmissionDetail.MentionSpan] = []
        for (i, m) in mentions.enumerated() {
            guard i < mentionEntity.count, let e = mentionEntity[i] else { continue }
            spans.append(.init(begin: m.begin, end: m.end, text: m.text, entity: e))
        }
        var compact = self
        compact.document.text = ""
        compact.mentions = []
        compact.mentionEntity = []
        compact.quotes = []
        return (compact, EmissionDetail(text: document.text, mentions: spans, quotes: quotes))
    }

    /// The compact part of ``splitForMerging()`` with its detail put back.
    public func restoring(_ detail: EmissionDetail) -> DocumentAnalysis {
        var a = self
        a.document.text = detail.text
        a.mentions = detail.mentions.map { Mention(begin: $0.begin, end: $0.end, text: $0.text, type: nil, kb: nil, sentence: 0, words: []) }
        a.mentionEntity = detail.mentions.map(\.entity)
        a.quotes = detail.quotes
        return a
    }
}
