import Foundation
import RDF

/// A QuadSource over an array, as a reader would yield them.
struct ArraySource: QuadSource {
    var quads: [Quad]
    var position = 0
    init(_ quads: [Quad]) { self.quads = quads }
    init(_ triples: [Triple]) { self.quads = triples.map { Quad($0) } }
    mutating func next() throws -> Quad? {
        guard position < quads.count else { return nil }
        defer { position += 1 }
        return quads[position]
    }
}

/// A source that fails after `count` statements, like a reader hitting a syntax error.
struct FailingSource: QuadSource {
    var inner: ArraySource
    var failAfter: Int
    var served = 0
    mutating func next() throws -> Quad? {
        if served == failAfter { throw SyntaxError("unexpected token", at: TextPosition(line: 7, column: 3, offset: 99), file: "news.nt") }
        served += 1
        return try inner.next()
    }
}

/// Generates `count` distinct statements without holding them (benchmark input).
struct GeneratedSource: QuadSource {
    let count: Int
    var i = 0
    mutating func next() throws -> Quad? {
        guard i < count else { return nil }
        defer { i += 1 }
        let s = Term.iri(IRI(unchecked: "https://w3id.org/newsgraph/id/person-\(i / 10)"))
        switch i % 10 {
        case 0: return Quad(s, .iri(Vocab.rdf.type), .iri(IRI(unchecked: "http://schema.org/Person")))
        case 1: return Quad(s, .iri(IRI(unchecked: "http://schema.org/name")), .literal(Literal("Person number \(i / 10)")))
        default:
            return Quad(s, .iri(IRI(unchecked: "http://schema.org/relatedTo")),
                        .iri(IRI(unchecked: "https://w3id.org/newsgraph/id/person-\((i * 7919) % (count / 10 + 1))-\(i % 10)")))
        }
    }
}

/// A small graph shaped like NewsGraph output (Schemas/MODEL.md): people, countries, a document,
/// a phone call between Donald Trump and Vladimir Putin and a meeting, with awkward literals.
enum NewsFixture {
    static let id = "https://w3id.org/newsgraph/id/"
    static let schema = "http://schema.org/"
    static let ng = "https://w3id.org/newsgraph/ontology#"
    static func i(_ s: String) -> Term { .iri(IRI(unchecked: s)) }
    static func node(_ local: String) -> Term { i(id + local) }
    static func s(_ local: String) -> Term { i(schema + local) }
    static func n(_ local: String) -> Term { i(ng + local) }
    static let type = Term.iri(Vocab.rdf.type)
    static let derived = Term.iri(IRI(unchecked: "http://www.w3.org/ns/prov#wasDerivedFrom"))
    static let date = Vocab.xsd.date

    static let quote = "He said: \"we will talk again\"\nand left — Orbán agreed\t(!)"

    /// Statements per document, so the N-Quads test can put each document in its own graph.
    static func document(_ n: Int) -> [Triple] {
        let doc = node("doc-00\(n)")
        var t: [Triple] = [
            Triple(doc, type, s("NewsArticle")),
            Triple(doc, type, i("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#Context")),
            Triple(doc, s("name"), .literal(Literal("00\(n).txt"))),
        ]
        let people = [("donald-trump", "Donald Trump", "united-states", "Q22686"),
                      ("vladimir-putin", "Vladimir Putin", "russia", "Q7747"),
                      ("volodymyr-zelenskyy", "Volodymyr Zelenskyy", "ukraine", "Q3881285")]
        for (slug, name, country, q) in people {
            let p = node("person-" + slug)
            t += [Triple(p, type, s("Person")), Triple(p, s("name"), .literal(Literal(name))),
                  Triple(p, s("nationality"), node("country-" + country)),
                  Triple(p, s("sameAs"), i("http://www.wikidata.org/entity/" + q)), Triple(p, derived, doc)]
        }
        for (slug, name, code) in [("united-states", "United States", "US"), ("russia", "Russia", "RU"), ("ukraine", "Ukraine", "UA")] {
            let c = node("country-" + slug)
            t += [Triple(c, type, s("Country")), Triple(c, s("name"), .literal(Literal(name))),
                  Triple(c, s("identifier"), .literal(Literal(code))), Triple(c, derived, doc)]
        }
        if n == 1 {
            let call = node("event-2025-02-12-phone-call-donald-trump-vladimir-putin")
            t += [Triple(call, type, s("Event")), Triple(call, type, self.n("PhoneCall")),
                  Triple(call, s("name"), .literal(Literal("Phone call between Donald Trump and Vladimir Putin", language: "en"))),
                  Triple(call, s("participant"), node("person-donald-trump")),
                  Triple(call, s("participant"), node("person-vladimir-putin")),
                  Triple(call, s("startDate"), .literal(Literal("2025-02-12", datatype: date))),
                  Triple(call, self.n("dateStatus"), .literal(Literal("explicit"))),
                  Triple(call, derived, doc)]
            let quoteNode = node("quote-001-120")
            t += [Triple(quoteNode, type, s("Quotation")), Triple(quoteNode, s("text"), .literal(Literal(quote))),
                  Triple(quoteNode, s("spokenByCharacter"), node("person-donald-trump")), Triple(quoteNode, s("about"), call)]
        } else {
            let meeting = node("event-2025-02-28-meeting-donald-trump-volodymyr-zelenskyy")
            t += [Triple(meeting, type, s("Event")), Triple(meeting, type, self.n("Meeting")),
                  Triple(meeting, s("participant"), node("person-donald-trump")),
                  Triple(meeting, s("participant"), node("person-volodymyr-zelenskyy")),
                  Triple(meeting, s("startDate"), .literal(Literal("2025-02-28", datatype: date))),
                  Triple(meeting, derived, doc)]
        }
        return t
    }

    /// Both documents merged into one graph, as `newsgraph build` writes N-Triples.
    static var merged: [Triple] {
        var seen = Set<Triple>(), out: [Triple] = []
        for t in document(1) + document(2) where seen.insert(t).inserted { out.append(t) }
        return out
    }

    static func quads() -> [Quad] {
        document(1).map { Quad($0, graph: node("doc-001")) } + document(2).map { Quad($0, graph: node("doc-002")) }
    }
}
