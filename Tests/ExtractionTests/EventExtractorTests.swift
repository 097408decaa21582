import XCTest
@testable import Extraction

final class EventExtractorTests: XCTestCase {
    func events(_ s: String, date: String? = nil) -> [(String, [String], String?, [Attribution], DocumentAnalysis)] {
        let a = Fixture.pipeline.analyze(Document(id: "ev", text: s, date: date))
        return a.events.map { ($0.eventClass, $0.participants.map { a.entities[$0].name }, $0.resolved?.iso, $0.attributions, a) }
    }
    func testRelativeWeekdayAgainstDocumentDate() {
        let e = events("Donald Trump spoke with Vladimir Putin on Thursday, said people familiar with the matter.", date: "2024-11-10")
        let call = e.first { $0.0 == "PhoneCall" }
        XCTAssertEqual(call?.1.sorted(), ["Donald Trump", "Vladimir Putin"])
        XCTAssertEqual(call?.2, "2024-11-07")
        XCTAssertEqual(call?.4.events.first?.resolved?.status, "relative")
        XCTAssertTrue(call?.3.contains { $0.anonymousSource != nil && $0.positive } ?? false)
    }
    func testYearInferredAndDenialContests() {
        let e = events("President-elect Donald Trump spoke directly with Russian President Vladimir Putin on Nov. 7, the Washington Post reported. The Kremlin denied that the call took place.")
        let call = e.first { $0.0 == "PhoneCall" }
        XCTAssertEqual(call?.2, "2024-11-07", "year inferred from the president-elect's term start")
        XCTAssertEqual(call?.4.events.first?.resolved?.status, "inferred")
        XCTAssertTrue(call?.3.contains { !$0.positive } ?? false, "the Kremlin's denial is a negative attribution")
        XCTAssertTrue(call?.3.contains { $0.positive && $0.source != nil } ?? false, "reported by the Post")
        XCTAssertTrue(e.contains { $0.0 == "Denial" && $0.1 == ["Kremlin"] })
    }
    func testTypedEventsWithoutSeedWording() {
        let e = events("Rebels launched a drone attack on Kyiv on Monday. Prosecutors indicted Sam Bankman-Fried.", date: "2022-12-15")
        XCTAssertTrue(e.contains { $0.0 == "Attack" && $0.2 == "2022-12-12" })
        XCTAssertTrue(e.contains { $0.0 == "Indictment" })
    }
    func testCivilDates() {
        XCTAssertEqual(CivilDate.weekday(CivilDate.days(2024, 11, 7)), 5)   // Thursday
        let (y, m, d) = CivilDate.date(CivilDate.days(2024, 2, 29) + 1)
        XCTAssertEqual([y, m, d], [2024, 3, 1])
        let r = CivilDate.resolve(.monthDay(month: 1, day: 20), reference: ResolvedDate(year: 2024, month: 11, day: 11, status: "explicit"))
        XCTAssertEqual(r?.iso, "2025-01-20")
    }
    func testVerbCallNeedsBothSides() {
        XCTAssertFalse(events("He said he had talked to more than 70 world leaders.").contains { $0.0 == "PhoneCall" })
    }

    func testEventWithoutParticipantNeedsANameOrAnchor() {
        XCTAssertFalse(events("There was an attack. Nobody knows more.").contains { $0.0 == "Attack" }, "no participant, place or date")
        XCTAssertTrue(events("The 2020 election was close.").contains { $0.0 == "Election" }, "a named election stands alone")
    }
    func testGerundFragmentTakesThePreviousActor() {
        let e = events("Reporter Anna Kovac was released. Negotiating a prisoner exchange.")
        XCTAssertEqual(e.first { $0.0 == "PrisonerExchange" }?.1, ["Anna Kovac"])
    }
}

