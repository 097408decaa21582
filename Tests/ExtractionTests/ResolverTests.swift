import XCTest
@testable import Extraction

final class ResolverTests: XCTestCase {
    func entities(_ s: String) -> [LocalEntity] { Fixture.pipeline.analyze(Document(id: "r", text: s)).entities }

    func testInitialsSurnamesAndPossessives() {
        let e = entities("Donald J. Trump spoke to President Vladimir V. Putin. Trump’s aides said Putin agreed.")
        let trump = e.filter { $0.name == "Donald Trump" }
        XCTAssertEqual(trump.count, 1)
        XCTAssertTrue(trump[0].names.contains("Donald J. Trump"))
        XCTAssertTrue(trump[0].names.contains("Trump"))
        XCTAssertEqual(e.filter { $0.name == "Vladimir Putin" }.count, 1)
    }
    func testSharedSurnamesStayApart() {
        let e = entities("Vice President Biden and his son, Hunter Biden, flew. Later President Joe Biden spoke. Biden smiled. Melania Trump and Donald Trump arrived; Trump waved.")
        let names = Set(e.map(\.name))
        XCTAssertTrue(names.isSuperset(of: ["Joe Biden", "Hunter Biden", "Melania Trump", "Donald Trump"]))
        XCTAssertFalse(e.first { $0.name == "Hunter Biden" }!.names.contains("Biden"))
        XCTAssertTrue(e.first { $0.name == "Joe Biden" }!.names.contains("Biden"))
    }
    func testDescriptionResolvesToOfficeHolder() {
        let a = Fixture.pipeline.analyze(Document(id: "d", text: "Trump called Russian President Vladimir Putin. He urged the Russian president to wait."))
        let i = a.mentions.firstIndex { $0.text == "the Russian president" }
        XCTAssertEqual(i.flatMap { a.mentionEntity[$0] }.map { a.entities[$0].name }, "Vladimir Putin")
    }
    func testAcronymDefinedByTheText() {
        let e = entities("The team has not signed with the General Services Administration. The GSA declined.")
        let gsa = e.filter { $0.type == .organization && $0.name == "General Services Administration" }
        XCTAssertEqual(gsa.count, 1)
        XCTAssertTrue(gsa[0].names.contains("GSA"))
    }
    func testSpellingVariantsMergeAcrossDocuments() {
        let p = Fixture.pipeline
        let a = p.analyze(Document(id: "a", text: "Ukrainian President Volodymyr Zelensky spoke."))
        let b = p.analyze(Document(id: "b", text: "Volodymyr Zelenskyy spoke."))
        let ds = CorpusMerger.merge([a, b], options: .init(), kb: p.kb)
        let people = Set(ds.quads.filter { $0.predicate.iri?.value == "http://schema.org/name" && ($0.subject.iri?.value.contains("person-") ?? false) }.map(\.subject))
        XCTAssertEqual(people.count, 1)
    }
    func testNoWrongLinkForAmbiguousSurname() {
        // "Harris" alone could be several known people: no link rather than a wrong one
        let a = Fixture.pipeline.analyze(Document(id: "h", text: "Harris said the plan was sound."))
        XCTAssertTrue(a.entities.allSatisfy { $0.kb == nil })
    }

    func testSpellingVariantsShareAPersonKey() {
        XCTAssertEqual(Resolver.personKey(["Brian", "Katulis"]), Resolver.personKey(["Brian", "Cutulis"]))
        XCTAssertEqual(Resolver.personKey(["Volodymyr", "Zelensky"]), Resolver.personKey(["Volodymyr", "Zelenskyy"]))
        XCTAssertEqual(Resolver.personKey(["Donald", "J.", "Trump"]), Resolver.personKey(["Donald", "Trump"]))
        XCTAssertNotEqual(Resolver.personKey(["Joe", "Biden"]), Resolver.personKey(["Hunter", "Biden"]))
        XCTAssertNotEqual(Resolver.personKey(["Donald", "Trump"]), Resolver.personKey(["Melania", "Trump"]))
        XCTAssertNotEqual(Resolver.personKey(["Anna", "Marek"]), Resolver.personKey(["Anna", "Novak"]))
    }
    func testLoneSurnameSpeltAnotherWay() {
        let e = entities("“Keep talking,” said Brian Cutulis, a senior fellow. Katulis called it a nightmare.")
        let p = e.filter { $0.type == .person }
        XCTAssertEqual(p.count, 1)
        XCTAssertTrue(p.first?.names.contains("Katulis") ?? false)
    }
    func testDescriptionsAndTitlesAreNotNames() {
        let e = entities("Russian President Vladimir Putin spoke on Monday. The Russian president later left. King Charles arrived.")
        let putin = e.first { $0.name == "Vladimir Putin" }
        XCTAssertNotNil(putin)
        XCTAssertFalse(putin?.names.contains { $0.lowercased().contains("president") } ?? true)
        XCTAssertFalse(e.contains { $0.names.contains("King Charles") })
    }
    func testLoneSurnameOfTheOneOfficeHolderLinks() {
        let e = entities("While Biden and his aides disagreed, the United States waited. “Biden said no,” one aide recalled.")
        let biden = e.filter { $0.names.contains("Biden") || $0.name == "Joe Biden" }
        XCTAssertEqual(biden.map(\.name), ["Joe Biden"], "the only US office-holder called Biden, not Hunter or Jill; one node")
        XCTAssertFalse(entities("Biden said nothing.").contains { $0.name == "Hunter Biden" })
        let h = entities("Critics of Harris in the United States were loud.")
        XCTAssertFalse(h.contains { $0.kb != nil && $0.type == .person }, "the only office-holder called Harris governs another country")
    }
}

