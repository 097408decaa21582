import RDF

/// What a resource is for the picture. Entities are drawn; the structural nodes of the NewsGraph
/// model (roles, attributions, quotations) are folded into edges; documents and mentions are
/// drawn only on request; classes and link targets such as Wikidata IRIs are folded into labels.
enum Category: Hashable {
    case entity(EntityKind)
    case role, attribution, quotation, document, mention
    case hidden
}

/// Maps RDF classes onto ``Category``: schema.org, FOAF, the NewsGraph ontology, GRaSP and NIF by
/// name, and any other class through the `rdfs:subClassOf` chain declared in the graph itself.
struct NodeClassifier {
    private var memo: [IRI: Category?] = [:]
    /// Class IRI → its name as words ("news media organization"), computed once per class.
    var words: [IRI: String] = [:]
    /// Class IRI → its tooltip line ("a schema:Person"), computed once per class.
    private var typeLines: [IRI: String] = [:]
    private let superClasses: [IRI: [IRI]]

    mutating func typeLine(_ cls: IRI) -> String {
        if let line = typeLines[cls] { return line }
        let line = "a " + shortForm(.iri(cls))
        typeLines[cls] = line
        return line
    }

    init(superClasses: [IRI: [IRI]]) { self.superClasses = superClasses }

    static let eventClasses: Set<String> = [
        "Event", "PhoneCall", "Meeting", "Election", "Inauguration", "Attack", "Invasion", "Indictment",
        "Impeachment", "PrisonerExchange", "AssassinationAttempt", "Statement", "Denial", "Publication",
        "Visit", "Negotiation", "Sanction", "Ceasefire", "Trial", "Arrest", "Death", "Summit", "Protest",
        "Speech", "Interview", "Agreement", "Resignation", "Appointment", "Conviction", "Acquittal",
        "Verdict", "Strike", "Bombing", "Shooting", "Explosion", "Disaster", "Accident", "Referendum",
        "Vote", "Talks", "Call", "Announcement", "Campaign", "War", "Conflict", "Ruling", "Lawsuit",
    ]
    static let organizationClasses: Set<String> = [
        "Organization", "Organisation", "GovernmentOrganization", "NewsMediaOrganization", "Corporation",
        "EducationalOrganization", "NGO", "PoliticalParty", "MedicalOrganization", "SportsOrganization",
        "LocalBusiness", "Consortium", "ResearchOrganization", "OnlineBusiness", "PerformingGroup",
        "FundingScheme", "Project", "MilitaryOrganization", "MilitaryUnit", "Agency", "Company",
        "NewsAgency", "Court", "Legislature", "Parliament", "Ministry", "Party",
    ]
    static let placeClasses: Set<String> = [
        "Place", "City", "AdministrativeArea", "State", "Continent", "Landform", "TouristDestination",
        "Airport", "LandmarksOrHistoricalBuildings", "CivicStructure", "GovernmentBuilding", "Residence",
        "BodyOfWater", "Mountain", "Region", "Town", "Village", "Location", "SpatialThing", "Building",
    ]

    /// The category of a resource with these `rdf:type`s. Several types: the most specific reading
    /// wins (a `schema:Country` is also a `schema:Place`, a `nif:Context` document is also a string).
    mutating func category<C: Collection<IRI>>(types: C) -> Category? {
        var found: [Category] = []
        for t in types { if let c = classify(t) { found.append(c) } }
        let order: [Category] = [
            .mention, .document, .attribution, .quotation, .role, .entity(.event), .entity(.country),
            .entity(.person), .entity(.organization), .entity(.place), .entity(.other),
        ]
        for c in order where found.contains(c) { return c }
        return nil
    }

    private mutating func classify(_ cls: IRI) -> Category? {
        if let m = memo[cls] { return m }
        memo[cls] = .some(nil)  // cycle guard while walking rdfs:subClassOf
        var result = Self.byName(cls)
        if result == nil {
            for sup in (superClasses[cls] ?? []).sorted() {
                if let c = classify(sup) { result = c; break }
            }
        }
        memo[cls] = .some(result)
        return result
    }

    private static func byName(_ cls: IRI) -> Category? {
        let v = cls.value
        let local = localName(v)
        let known = v.hasPrefix(Vocab.schema.ns.iri) || v.hasPrefix(DOTVocab.schemaHTTPS.iri) || v.hasPrefix(DOTVocab.ng.iri)
            || v.hasPrefix(DOTVocab.foaf.iri) || v.hasPrefix("http://dbpedia.org/ontology/")
            || v.hasPrefix("https://example.org/newsgraph/ontology#")
        if v.hasPrefix(DOTVocab.grasp.iri) { return local == "Attribution" ? .attribution : nil }
        if v.hasPrefix(Vocab.nif.ns.iri) {
            return local == "Context" ? .document : (local == "Phrase" || local == "Word" || local == "String" || local == "RFC5147String") ? .mention : nil
        }
        guard known else { return nil }
        switch local {
        case "Person": return .entity(.person)
        case "Country": return .entity(.country)
        case "Role", "OrganizationRole", "EmployeeRole", "PerformanceRole", "LinkRole": return .role
        case "Quotation": return .quotation
        case "NewsArticle", "Article", "ReportageNewsArticle", "AnalysisNewsArticle", "OpinionNewsArticle",
            "BlogPosting", "WebPage", "Report", "Document":
            return .document
        case "AnonymousSource": return .entity(.other)
        default: break
        }
        if eventClasses.contains(local) || (local.hasSuffix("Event") && local.count > 5) { return .entity(.event) }
        if organizationClasses.contains(local) { return .entity(.organization) }
        if placeClasses.contains(local) { return .entity(.place) }
        return nil
    }
}
