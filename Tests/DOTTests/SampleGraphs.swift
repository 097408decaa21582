import Foundation
import RDF

/// Graphs built in code following Schemas/MODEL.md, so the DOT tests do not depend on the
/// extraction pipeline: a NewsGraph-like picture of the seeds' main story (the Trump–Putin phone
/// call reported by The Washington Post and denied by the Kremlin) and smaller ones.
struct GraphBuilder {
    var graph = Graph()
    static let schema = Vocab.schema.ns
    static let ng = Namespace(prefix: "ng", iri: "https://w3id.org/newsgraph/ontology#")
    static let id = Namespace(prefix: "id", iri: "https://w3id.org/newsgraph/id/")
    static let grasp = Namespace(prefix: "grasp", iri: "http://groundedannotationframework.org/grasp#")
    static let graspf = Namespace(prefix: "graspf", iri: "http://groundedannotationframework.org/grasp/factuality#")

    static func node(_ local: String) -> Term { .iri(id(local)) }

    mutating func add(_ s: Term, _ p: IRI, _ o: Term) { graph.insert(Triple(s, p, o)) }
    mutating func add(_ s: Term, _ p: IRI, _ literal: String) { graph.insert(Triple(s, p, .literal(Literal(literal)))) }
    mutating func type(_ s: Term, _ classes: IRI...) { for c in classes { add(s, Vocab.rdf.type, .iri(c)) } }

    @discardableResult
    mutating func entity(_ local: String, _ cls: IRI, _ name: String, wikidata: String? = nil, docs: [String] = []) -> Term {
        let s = Self.node(local)
        type(s, cls)
        add(s, Self.schema("name"), name)
        if let wikidata { add(s, Vocab.schema.sameAs, .iri(Vocab.wd.ns(wikidata))) }
        for d in docs { add(s, Vocab.prov.wasDerivedFrom, Self.node("doc-" + d)) }
        return s
    }

    mutating func role(person: String, personName: String, roleName: String, of org: String?) {
        let slug = roleName.lowercased().replacingOccurrences(of: " ", with: "-")
        let r = Self.node("role-\(person)-\(slug)" + (org.map { "-" + $0.replacingOccurrences(of: "country-", with: "").replacingOccurrences(of: "org-", with: "") } ?? ""))
        type(r, Self.schema("OrganizationRole"))
        add(r, Self.schema("roleName"), roleName)
        if let org { add(r, Self.schema("memberOf"), Self.node(org)) }
        add(Self.node("person-" + person), Self.schema("memberOf"), r)
    }

    mutating func event(_ local: String, _ cls: String, _ name: String, date: String?, participants: [String], location: String? = nil, docs: [String]) {
        let e = Self.node(local)
        type(e, Vocab.schema.Event, Self.ng(cls))
        add(e, Self.schema("name"), name)
        if let date {
            add(e, Self.schema("startDate"), .literal(Literal(date, datatype: Vocab.xsd.date)))
            add(e, Self.ng("dateStatus"), "explicit")
        }
        for p in participants { add(e, Self.schema("participant"), Self.node(p)) }
        if let location { add(e, Self.schema("location"), Self.node(location)) }
        for d in docs { add(e, Vocab.prov.wasDerivedFrom, Self.node("doc-" + d)) }
    }

    mutating func attribution(event: String, source: String, sourceSlug: String, negative: Bool, certainty: String = "CERTAIN", doc: String) {
        let a = Self.node("attr-\(event)-\(sourceSlug)")
        type(a, Self.grasp("Attribution"))
        add(a, Vocab.rdf.value, .iri(Self.graspf(certainty)))
        add(a, Vocab.rdf.value, .iri(Self.graspf(negative ? "NEG" : "POS")))
        add(a, Vocab.prov.ns("wasAttributedTo"), Self.node(source))
        add(a, Self.grasp("isAttributionFor"), Self.node(event))
        add(a, Vocab.prov.wasDerivedFrom, Self.node("doc-" + doc))
        add(Self.node(event), Self.grasp("hasAttribution"), a)
        if negative { add(Self.node(event), Self.ng("contested"), .literal(Literal("true", datatype: Vocab.xsd.boolean))) }
    }

    mutating func document(_ docid: String, title: String, date: String, length: Int) {
        let d = Self.node("doc-" + docid)
        type(d, Self.schema("NewsArticle"), Vocab.nif.Context)
        add(d, Self.schema("name"), title)
        add(d, Self.schema("datePublished"), .literal(Literal(date, datatype: Vocab.xsd.date)))
        add(d, Vocab.nif.beginIndex, .literal(Literal("0", datatype: Vocab.xsd.nonNegativeInteger)))
        add(d, Vocab.nif.endIndex, .literal(Literal(String(length), datatype: Vocab.xsd.nonNegativeInteger)))
    }

    mutating func mention(doc: String, begin: Int, text: String, entity: String, cls: IRI) {
        let m = Term.iri(IRI(unchecked: Self.id("doc-" + doc).value + "#char=\(begin),\(begin + text.unicodeScalars.count)"))
        type(m, Vocab.nif.Phrase)
        add(m, Vocab.nif.referenceContext, Self.node("doc-" + doc))
        add(m, Vocab.nif.beginIndex, .literal(Literal(String(begin), datatype: Vocab.xsd.nonNegativeInteger)))
        add(m, Vocab.nif.endIndex, .literal(Literal(String(begin + text.unicodeScalars.count), datatype: Vocab.xsd.nonNegativeInteger)))
        add(m, Vocab.nif.anchorOf, text)
        add(m, Vocab.itsrdf.taIdentRef, Self.node(entity))
        add(m, Vocab.itsrdf.taClassRef, .iri(cls))
    }

    mutating func quotation(doc: String, begin: Int, text: String, speaker: String, about: String?) {
        let q = Self.node("quote-\(doc)-\(begin)")
        type(q, Self.schema("Quotation"))
        add(q, Self.schema("text"), text)
        add(q, Self.schema("spokenByCharacter"), Self.node(speaker))
        if let about { add(q, Self.schema("about"), Self.node(about)) }
        add(q, Vocab.prov.wasDerivedFrom, Self.node("doc-" + doc))
    }
}

enum SampleGraphs {
    static let call = "event-2024-11-07-phonecall-donald-trump-vladimir-putin"

    /// The small graph of the golden test: the call, its two participants, its reporter and its denier.
    static func small() -> Graph {
        var b = GraphBuilder()
        let s = GraphBuilder.schema
        b.entity("person-donald-trump", Vocab.schema.Person, "Donald Trump", wikidata: "Q22686")
        b.entity("person-vladimir-putin", Vocab.schema.Person, "Vladimir Putin", wikidata: "Q7747")
        b.entity("person-dmitry-peskov", Vocab.schema.Person, "Dmitry Peskov")
        b.entity("country-russia", Vocab.schema.Country, "Russia", wikidata: "Q159")
        b.entity("org-the-washington-post", s("NewsMediaOrganization"), "The Washington Post", wikidata: "Q166032")
        b.entity("org-kremlin", s("GovernmentOrganization"), "Kremlin")
        b.add(GraphBuilder.node("org-kremlin"), s("areaServed"), GraphBuilder.node("country-russia"))
        b.add(GraphBuilder.node("person-vladimir-putin"), s("nationality"), GraphBuilder.node("country-russia"))
        b.role(person: "dmitry-peskov", personName: "Dmitry Peskov", roleName: "spokesman", of: "org-kremlin")
        b.event(call, "PhoneCall", "Phone call between Donald Trump and Vladimir Putin", date: "2024-11-07",
                participants: ["person-donald-trump", "person-vladimir-putin"], docs: ["000_8772a01b7b70947d"])
        b.attribution(event: call, source: "org-the-washington-post", sourceSlug: "the-washington-post", negative: false, doc: "000_8772a01b7b70947d")
        b.attribution(event: call, source: "org-kremlin", sourceSlug: "kremlin", negative: true, doc: "000_8772a01b7b70947d")
        b.attribution(event: call, source: "person-dmitry-peskov", sourceSlug: "dmitry-peskov", negative: true, doc: "000_8772a01b7b70947d")
        b.document("000_8772a01b7b70947d", title: "000_8772a01b7b70947d.txt", date: "2024-11-11", length: 9404)
        return b.graph
    }

    /// A NewsGraph-like picture of the five seed articles, about the size the extraction produces.
    static func seedsLike() -> Graph {
        var b = GraphBuilder()
        let s = GraphBuilder.schema
        let d0 = "000_8772a01b7b70947d", d1 = "001_f83cf19c55766815", d2 = "002_a632362f40734eb3"
        let d3 = "003_4001c5d61998cda0", d4 = "004_b6727b1656034c51"
        b.document(d0, title: "Trump’s calls with world leaders bypass the State Department", date: "2024-11-11", length: 9404)
        b.document(d1, title: "Trump has kept talking to foreign leaders", date: "2024-11-10", length: 9100)
        b.document(d2, title: "Trump spoke with Putin, sources told the Washington Post", date: "2024-11-10", length: 2300)
        b.document(d3, title: "Trump and Putin spoke by phone, people familiar say", date: "2024-11-10", length: 7400)
        b.document(d4, title: "What Putin wants from a Trump peace deal", date: "2024-11-12", length: 10300)

        b.entity("person-donald-trump", Vocab.schema.Person, "Donald Trump", wikidata: "Q22686", docs: [d0, d1, d2, d3, d4])
        b.add(GraphBuilder.node("person-donald-trump"), s("alternateName"), "Donald J. Trump")
        b.add(GraphBuilder.node("person-donald-trump"), s("alternateName"), "Trump")
        b.entity("person-vladimir-putin", Vocab.schema.Person, "Vladimir Putin", wikidata: "Q7747", docs: [d0, d1, d2, d3, d4])
        b.add(GraphBuilder.node("person-vladimir-putin"), s("alternateName"), "Vladimir V. Putin")
        b.entity("person-dmitry-peskov", Vocab.schema.Person, "Dmitry Peskov", wikidata: "Q3853", docs: [d0, d3])
        b.entity("person-kamala-harris", Vocab.schema.Person, "Kamala Harris", wikidata: "Q10853588", docs: [d0, d1])
        b.entity("person-volodymyr-zelensky", Vocab.schema.Person, "Volodymyr Zelensky", wikidata: "Q3881980", docs: [d1, d3, d4])
        b.entity("person-elon-musk", Vocab.schema.Person, "Elon Musk", wikidata: "Q317521", docs: [d1])
        b.entity("person-viktor-orban", Vocab.schema.Person, "Viktor Orbán", wikidata: "Q57641", docs: [d1])
        b.entity("person-siobhan-o-grady", Vocab.schema.Person, "Siobhán O’Grady", docs: [d4])
        b.entity("person-joe-biden", Vocab.schema.Person, "Joe Biden", wikidata: "Q6279", docs: [d1, d4])

        b.entity("country-united-states", Vocab.schema.Country, "United States", wikidata: "Q30", docs: [d0, d1, d2, d3, d4])
        b.entity("country-russia", Vocab.schema.Country, "Russia", wikidata: "Q159", docs: [d0, d1, d2, d3, d4])
        b.entity("country-ukraine", Vocab.schema.Country, "Ukraine", wikidata: "Q212", docs: [d0, d1, d2, d3, d4])
        b.entity("country-hungary", Vocab.schema.Country, "Hungary", wikidata: "Q28", docs: [d1])

        b.entity("org-the-washington-post", s("NewsMediaOrganization"), "The Washington Post", wikidata: "Q166032", docs: [d0, d2, d3])
        b.entity("org-kremlin", s("GovernmentOrganization"), "Kremlin", docs: [d0, d3])
        b.add(GraphBuilder.node("org-kremlin"), s("areaServed"), GraphBuilder.node("country-russia"))
        b.entity("org-state-department", s("GovernmentOrganization"), "United States Department of State", docs: [d0])
        b.add(GraphBuilder.node("org-state-department"), s("areaServed"), GraphBuilder.node("country-united-states"))
        b.entity("org-nato", s("Organization"), "NATO", wikidata: "Q7184", docs: [d4])
        b.entity("source-people-familiar-with-the-matter", GraphBuilder.ng("AnonymousSource"), "people familiar with the matter", docs: [d2, d3])

        b.entity("place-florida", s("AdministrativeArea"), "Florida", wikidata: "Q812", docs: [d2])
        b.add(GraphBuilder.node("place-florida"), s("containedInPlace"), GraphBuilder.node("country-united-states"))
        b.entity("place-mar-a-lago", s("Place"), "Mar-a-Lago", wikidata: "Q1141843", docs: [d2])
        b.add(GraphBuilder.node("place-mar-a-lago"), s("containedInPlace"), GraphBuilder.node("place-florida"))
        b.entity("place-europe", s("Place"), "Europe", wikidata: "Q46", docs: [d0, d2])
        b.entity("place-moscow", s("City"), "Moscow", wikidata: "Q649", docs: [d3])
        b.add(GraphBuilder.node("place-moscow"), s("containedInPlace"), GraphBuilder.node("country-russia"))

        for (p, c) in [("donald-trump", "united-states"), ("vladimir-putin", "russia"), ("dmitry-peskov", "russia"),
                       ("kamala-harris", "united-states"), ("volodymyr-zelensky", "ukraine"), ("viktor-orban", "hungary"),
                       ("joe-biden", "united-states")] {
            b.add(GraphBuilder.node("person-" + p), s("nationality"), GraphBuilder.node("country-" + c))
        }
        b.role(person: "vladimir-putin", personName: "Vladimir Putin", roleName: "President", of: "country-russia")
        b.role(person: "donald-trump", personName: "Donald Trump", roleName: "President-elect", of: "country-united-states")
        b.role(person: "dmitry-peskov", personName: "Dmitry Peskov", roleName: "spokesman", of: "org-kremlin")
        b.role(person: "kamala-harris", personName: "Kamala Harris", roleName: "Vice President", of: "country-united-states")
        b.role(person: "volodymyr-zelensky", personName: "Volodymyr Zelensky", roleName: "President", of: "country-ukraine")
        b.role(person: "viktor-orban", personName: "Viktor Orbán", roleName: "Prime Minister", of: "country-hungary")
        b.role(person: "joe-biden", personName: "Joe Biden", roleName: "President", of: "country-united-states")
        b.role(person: "siobhan-o-grady", personName: "Siobhán O’Grady", roleName: "reporter", of: "org-the-washington-post")
        b.add(GraphBuilder.node("person-siobhan-o-grady"), s("jobTitle"), "Kyiv correspondent")

        b.event(call, "PhoneCall", "Phone call between Donald Trump and Vladimir Putin", date: "2024-11-07",
                participants: ["person-donald-trump", "person-vladimir-putin"], location: "place-florida", docs: [d0, d2, d3, d4])
        b.attribution(event: call, source: "org-the-washington-post", sourceSlug: "the-washington-post", negative: false, doc: d2)
        b.attribution(event: call, source: "source-people-familiar-with-the-matter", sourceSlug: "people-familiar-with-the-matter",
                      negative: false, certainty: "PROBABLE", doc: d3)
        b.attribution(event: call, source: "org-kremlin", sourceSlug: "kremlin", negative: true, doc: d0)
        b.attribution(event: call, source: "person-dmitry-peskov", sourceSlug: "dmitry-peskov", negative: true, doc: d0)
        b.quotation(doc: d0, begin: 471, text: "Total fiction", speaker: "person-dmitry-peskov", about: call)

        b.event("event-2024-11-05-election-donald-trump-kamala-harris", "Election", "2024 United States presidential election",
                date: "2024-11-05", participants: ["person-donald-trump", "person-kamala-harris"], location: "country-united-states", docs: [d0, d1])
        let zcall = "event-2024-11-06-phonecall-donald-trump-elon-musk-volodymyr-zelensky"
        b.event(zcall, "PhoneCall", "Phone call between Donald Trump and Volodymyr Zelensky", date: "2024-11-06",
                participants: ["person-donald-trump", "person-volodymyr-zelensky", "person-elon-musk"], docs: [d1])
        b.attribution(event: zcall, source: "person-volodymyr-zelensky", sourceSlug: "volodymyr-zelensky", negative: false, doc: d1)
        let ocall = "event-undated-phonecall-donald-trump-viktor-orban"
        b.event(ocall, "PhoneCall", "Phone call between Donald Trump and Viktor Orbán", date: nil,
                participants: ["person-donald-trump", "person-viktor-orban"], docs: [d1])
        b.event("event-2022-02-24-invasion-russia-ukraine", "Invasion", "Russian invasion of Ukraine", date: "2022-02-24",
                participants: ["country-russia", "country-ukraine"], location: "country-ukraine", docs: [d0, d4])
        b.event("event-undated-negotiation-russia-ukraine", "Negotiation", "Peace talks on the war in Ukraine", date: nil,
                participants: ["person-vladimir-putin", "person-volodymyr-zelensky", "person-donald-trump"], docs: [d4])
        b.event("event-2025-01-20-inauguration-donald-trump", "Inauguration", "Inauguration of Donald Trump", date: "2025-01-20",
                participants: ["person-donald-trump"], location: "country-united-states", docs: [d4])

        b.mention(doc: d0, begin: 136, text: "Vladimir V. Putin", entity: "person-vladimir-putin", cls: Vocab.schema.Person)
        b.mention(doc: d0, begin: 47, text: "Donald J. Trump", entity: "person-donald-trump", cls: Vocab.schema.Person)
        return b.graph
    }
}
