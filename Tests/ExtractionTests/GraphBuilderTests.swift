import XCTest
import RDF
@testable import Extraction

final class GraphBuilderTests: XCTestCase {
    let nif = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#"

    /// Every NIF mention's anchorOf equals the document text between beginIndex and endIndex (code points).
    func testEveryMentionAnchorMatchesText() throws {
        let docs = try Fixture.seeds()
        let extra = Document(id: "non-ascii", text: "“Orbán”, said Siobhán O’Grady — the 👍 Kremlin’s spokesman, Dmitry Peskov, in Kyiv.")
        let analyses = Fixture.seedAnalyses + [Fixture.pipeline.analyze(extra)]
        let ds = CorpusMerger.merge(analyses, options: ExtractionOptions(mentions: true), kb: Fixture.pipeline.kb)
        let texts = Dictionary(uniqueKeysWithValues: (docs + [extra]).map { ("https://w3id.org/newsgraph/id/doc-" + $0.id, Array($0.text.unicodeScalars)) })
        let idx = GraphIndex(ds.union)
        var checked = 0
        for t in ds.union where t.predicate.iri?.value == nif + "anchorOf" {
            let m = t.subject
            let ctx = try XCTUnwrap(idx.objects(m, IRI(unchecked: nif + "referenceContext")).first?.iri?.value)
            let b = try XCTUnwrap(Int(idx.objects(m, IRI(unchecked: nif + "beginIndex")).first?.literal?.lexicalForm ?? ""))
            let e = try XCTUnwrap(Int(idx.objects(m, IRI(unchecked: nif + "endIndex")).first?.literal?.lexicalForm ?? ""))
            let scalars = try XCTUnwrap(texts[ctx])
            XCTAssertLessThanOrEqual(e, scalars.count)
            var s = String.UnicodeScalarView(); s.append(contentsOf: scalars[b..<e])
            XCTAssertEqual(String(s), t.object.literal?.lexicalForm, "\(m)")
            XCTAssertEqual(m.iri?.value, ctx + "#char=\(b),\(e)")
            checked += 1
        }
        XCTAssertGreaterThan(checked, 300)
        print("NIF mentions checked: \(checked)")
    }

    /// A place typed by its keyword keeps the keyword's schema.org class ("Krai" → AdministrativeArea).
    func testKeywordTypedPlacesKeepTheirClass() {
        let doc = Document(id: "krai", text: "Drones struck a refinery in Krasnodar Krai on Monday, officials in Gaza City said.")
        let ds = CorpusMerger.merge([Fixture.pipeline.analyze(doc)], options: ExtractionOptions(), kb: Fixture.pipeline.kb)
        let idx = GraphIndex(ds.union)
        let type = IRI(unchecked: "http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
        let krai = Term.iri(IRI(unchecked: "https://w3id.org/newsgraph/id/place-krasnodar-krai"))
        XCTAssertEqual(idx.objects(krai, type).map { $0.iri?.value }, ["http://schema.org/AdministrativeArea"])
    }

    func testNoBlankNodesAndProvenanceEverywhere() {
        let ds = Fixture.seedDataset
        XCTAssertFalse(ds.quads.contains { $0.subject.isBlank || $0.object.isBlank || ($0.graph?.isBlank ?? false) })
        XCTAssertTrue(ds.quads.allSatisfy { $0.graph != nil }, "every fact sits in its document's named graph")
        let idx = GraphIndex(ds.union)
        let derived = IRI(unchecked: "http://www.w3.org/ns/prov#wasDerivedFrom")
        let needs = ["person-", "country-", "org-", "place-", "event-", "role-", "attr-", "quote-", "source-"]
        var subjects = Set<Term>()
        for q in ds.quads { if let v = q.subject.iri?.value, needs.contains(where: { v.contains("/id/" + $0) }) { subjects.insert(q.subject) } }
        for s in subjects { XCTAssertFalse(idx.objects(s, derived).isEmpty, "no provenance on \(s)") }
        XCTAssertGreaterThan(subjects.count, 100)
    }

    func testDeterministicAndOrderIndependent() {
        let a = Fixture.seedAnalyses
        let k = Fixture.pipeline.kb
        let opts = ExtractionOptions(mentions: true)
        let one = CorpusMerger.merge(a, options: opts, kb: k).sorted()
        let two = CorpusMerger.merge(a.reversed(), options: opts, kb: k).sorted()
        XCTAssertEqual(one, two)
        XCTAssertEqual(one, Fixture.seedDataset.sorted())
    }

    func testOptionsShapeTheGraph() {
        let a = [Fixture.pipeline.analyze(Document(id: "x y", text: "Vladimir Putin met Narendra Modi in Moscow on Monday.", date: "2024-07-08", url: "https://example.org/a"))]
        let ds = CorpusMerger.merge(a, options: ExtractionOptions(baseIRI: "http://ex.org/", mentions: false, owlSameAs: true), kb: Fixture.pipeline.kb)
        XCTAssertTrue(ds.quads.contains { $0.predicate.iri?.value == "http://www.w3.org/2002/07/owl#sameAs" && $0.object.iri?.value == "http://www.wikidata.org/entity/Q7747" })
        XCTAssertFalse(ds.quads.contains { $0.predicate.iri?.value == nif + "anchorOf" })
        XCTAssertTrue(ds.quads.allSatisfy { $0.graph?.iri?.value == "http://ex.org/doc-x%20y" })
        XCTAssertTrue(ds.quads.contains { $0.predicate.iri?.value == "http://schema.org/datePublished" })
        XCTAssertTrue(ds.quads.contains { ($0.subject.iri?.value.hasPrefix("http://ex.org/event-2024-07-08-meeting-") ?? false) })
        XCTAssertTrue(ds.quads.contains { $0.subject.iri?.value == "http://ex.org/place-moscow" && $0.predicate.iri?.value == "http://schema.org/containedInPlace" })
    }

    func testSlug() {
        XCTAssertEqual(slug("Viktor Orbán"), "viktor-orban")
        XCTAssertEqual(slug("The Washington Post"), "the-washington-post")
        XCTAssertEqual(slug("Mar-a-Lago"), "mar-a-lago")
    }
}

final class OntologyTests: XCTestCase {
    /// Every ng: term the graph uses is declared in Schemas/ontology.ttl with a label and a comment.
    func testEveryProjectTermIsDeclared() throws {
        let url = Fixture.packageRoot.appendingPathComponent("Schemas/ontology.ttl")
        let ttl = try String(contentsOf: url, encoding: .utf8)
        let ns = "https://w3id.org/newsgraph/ontology#"
        var used = Set<String>()
        for q in Fixture.seedDataset {
            for t in [q.predicate, q.object] { if let v = t.iri?.value, v.hasPrefix(ns) { used.insert(String(v.dropFirst(ns.count))) } }
        }
        for line in try String(contentsOf: Fixture.packageRoot.appendingPathComponent("Sources/Extraction/Resources/events.tsv"), encoding: .utf8).split(separator: "\n") where !line.hasPrefix("#") {
            let cols = line.split(separator: "\t"); if cols.count > 1 { used.insert(String(cols[1])) }
        }
        XCTAssertGreaterThan(used.count, 10)
        for term in used.sorted() {
            guard let r = ttl.range(of: "ng:\(term) a ") else { XCTFail("ng:\(term) is not declared"); continue }
            let block = ttl[r.lowerBound...].prefix { $0 != "." || false }
            XCTAssertTrue(block.contains("rdfs:label") && block.contains("rdfs:comment"), "ng:\(term) needs a label and a comment")
            if term.first?.isUppercase == true && term != "AnonymousSource" && term != "PoliticalParty" {
                XCTAssertTrue(block.contains("rdfs:subClassOf schema:Event"), "ng:\(term) must be an event class")
            }
        }
    }
}
