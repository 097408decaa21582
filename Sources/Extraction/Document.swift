import RDF

/// One input article. The lead's readers fill it from files, JSON Lines or stdin; the extractor never reads files itself.
public struct Document: Sendable, Codable {
    /// Stable identifier (file name without extension, or the JSONL `id`): it names the document IRI, so it must not change between runs.
    public var id: String
    public var text: String
    /// Publication date `yyyy-mm-dd`, when known: the anchor for relative dates ("on Thursday").
    public var date: String?
    public var url: String?
    public var title: String?
    public init(id: String, text: String, date: String? = nil, url: String? = nil, title: String? = nil) {
        self.id = id; self.text = text; self.date = date; self.url = url; self.title = title
    }
}

/// Options that change the shape of the graph, not what is extracted.
public struct ExtractionOptions: Sendable, Codable, Equatable {
    /// Prefix of every minted instance IRI; runs with the same base name the same entity the same way.
    public var baseIRI: String = "https://w3id.org/newsgraph/id/"
    /// Emit NIF mentions (and `nif:isString`) so every node can be traced back to its characters.
    public var mentions: Bool = false
    /// Emit `owl:sameAs` to Wikidata as well as `schema:sameAs`, for OWL reasoners.
    public var owlSameAs: Bool = false
    public init(baseIRI: String = "https://w3id.org/newsgraph/id/", mentions: Bool = false, owlSameAs: Bool = false) {
        self.baseIRI = baseIRI; self.mentions = mentions; self.owlSameAs = owlSameAs
    }
}

/// The kinds of named things the graph describes.
public enum EntityType: String, Sendable, Hashable, Codable, Comparable, CaseIterable {
    case person, country, organization, place
    public static func < (a: EntityType, b: EntityType) -> Bool { a.rawValue < b.rawValue }
    /// Prefix of the minted IRI (`id:person-…`), fixed by MODEL.md.
    public var iriPrefix: String {
        switch self { case .person: "person"; case .country: "country"; case .organization: "org"; case .place: "place" }
    }
}

/// A span of the document that names or describes an entity. Offsets are Unicode code points (NIF), end exclusive.
public struct Mention: Sendable, Hashable, Codable {
    public var begin: Int
    public var end: Int
    public var text: String
    /// nil while the finder cannot tell (a lone capitalised word): the resolver decides.
    public var type: EntityType?
    /// Index into `KnowledgeBase.entities` when the gazetteer recognised the span.
    public var kb: Int?
    /// A demonym ("Russian") standing for its country: a mention of the country, never one of its names.
    public var isDemonym: Bool = false
    /// A demonym that stands for its state as an actor: before a role title ("the Russian president", "Israeli Prime
    /// Minister") or a word for the government ("the Russian government", "Israeli officials"). Only these are
    /// mentions of the country; "Syrian security forces" or "Canadian goods" merely describe (MentionFinder).
    public var demonymActor: Bool = false
    /// A description such as "the Russian president": resolved to a person, recorded as an alternate name.
    public var descriptor: Descriptor?
    /// Evidence that an unseen capitalised span is a person (title before it, speech verb next to it, given name, apposition).
    public var personEvidence: Bool = false
    /// A role title stands right before the span ("President Erdogan").
    public var titled: Bool = false
    /// Organisation class guessed from a keyword ("Ministry" → GovernmentOrganization).
    public var orgClass: String?
    public var sentence: Int
    /// Name tokens in their written case (initials dropped for keys).
    public var words: [String]
    public var inQuote: Bool = false
    /// The span opens its sentence (or follows an opening quote or bracket): its capital proves nothing.
    public var sentenceInitial: Bool = false
    /// The only evidence of a person is an apposition ("X, a former …"), which places have too ("Bajaur, Khyber
    /// Pakhtunkhwa, a former stronghold"): context may still make it a place.
    public var appositive: Bool = false
    public init(begin: Int, end: Int, text: String, type: EntityType?, kb: Int?, sentence: Int, words: [String]) {
        self.begin = begin; self.end = end; self.text = text; self.type = type; self.kb = kb; self.sentence = sentence; self.words = words
    }
}

/// "the Russian president": a role title, optionally qualified by a country or organisation mention.
public struct Descriptor: Sendable, Hashable, Codable {
    public var role: String
    public var qualifier: Int?   // mention index of the country / org
}

/// A resolved cluster of mentions inside one document: one entity as this document knows it.
public struct LocalEntity: Sendable, Hashable, Codable {
    public var type: EntityType
    public var name: String
    public var kb: Int?
    public var names: [String]
    public var mentions: [Int]
    public var orgClass: String?
}

public enum DateExpr: Sendable, Hashable, Codable {
    case full(year: Int, month: Int, day: Int)
    case monthDay(month: Int, day: Int)
    case weekday(Int)          // 1 = Sunday … 7 = Saturday (Gregorian weekday numbering)
    case today
    case yesterday
}

/// A date resolved for the graph: `status` is "explicit", "relative" or "inferred" (MODEL.md ng:dateStatus).
public struct ResolvedDate: Sendable, Hashable, Codable, Comparable {
    public var year: Int, month: Int, day: Int
    public var status: String
    public var iso: String { pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2) }
    public static func < (a: ResolvedDate, b: ResolvedDate) -> Bool { (a.year, a.month, a.day) < (b.year, b.month, b.day) }
}

@inline(__always) func pad(_ n: Int, _ w: Int) -> String {
    let s = String(n); return s.count >= w ? s : String(repeating: "0", count: w - s.count) + s
}

/// A relation the text states between two entities (or an entity and a role).
public struct Relation: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable { case role, affiliation, nationality, spouse, child, parent, sibling, relatedTo }
    public var kind: Kind
    public var subject: Int            // local entity index
    public var object: Int?            // local entity index (org/country/person)
    public var roleName: String?
    public var sentence: Int
}

/// An event as one document tells it: its class, participants and the date expression still to be anchored.
public struct LocalEvent: Sendable, Hashable, Codable {
    public var eventClass: String      // ng local name, e.g. "PhoneCall"
    public var label: String           // readable base, e.g. "Phone call"
    public var participants: [Int]     // local entity indices, sorted
    public var location: Int?
    public var date: DateExpr?
    public var resolved: ResolvedDate?
    public var triggerBegin: Int, triggerEnd: Int, triggerText: String
    public var sentence: Int
    public var attributions: [Attribution]
}

/// GRaSP attribution: who asserts or denies an event, with what certainty.
public struct Attribution: Sendable, Hashable, Codable {
    public var source: Int?            // local entity index; nil = anonymous source
    public var anonymousSource: String?
    public var positive: Bool
    public var certainty: String       // CERTAIN / PROBABLE / POSSIBLE
}

public struct Quote: Sendable, Hashable, Codable {
    public var begin: Int, end: Int
    public var text: String
    public var speaker: Int?           // local entity index
    public var event: Int?             // local event index
    public init(begin: Int, end: Int, text: String, speaker: Int?, event: Int?) {
        self.begin = begin; self.end = end; self.text = text; self.speaker = speaker; self.event = event
    }
}

/// Everything one document yields, before cross-document merging. Pure data: safe to compute in parallel, and
/// Codable so a sharded build can hand it to `newsgraph merge`, which then merges exactly as one build would.
public struct DocumentAnalysis: Sendable, Codable {
    public var document: Document
    public var length: Int             // code points
    public var mentions: [Mention]
    public var entities: [LocalEntity]
    public var mentionEntity: [Int?]   // mention index → local entity
    public var relations: [Relation]
    public var events: [LocalEvent]
    public var quotes: [Quote]
    public var referenceDate: ResolvedDate?
    /// Code-point offset where the reader-comment section starts, if any (nothing after it is used).
    public var noiseStart: Int?
}
