import XCTest
@testable import Extraction

final class MentionFinderTests: XCTestCase {
    func mentions(_ s: String) -> [Mention] { Fixture.pipeline.analyze(Document(id: "m", text: s)).mentions }

    func testGazetteerWithCaseShape() {
        let m = mentions("Kremlin spokesman Dmitry Peskov told NBC that the US and us agree.")
        XCTAssertTrue(m.contains { $0.text == "Kremlin" && $0.type == .organization })
        XCTAssertTrue(m.contains { $0.text == "NBC" && $0.type == .organization })
        XCTAssertTrue(m.contains { $0.text == "US" && $0.type == .country })
        XCTAssertFalse(m.contains { $0.text == "us" })
    }
    func testUnseenNamesFromEvidence() {
        let m = mentions("“It is fine,” said Brett Bruen, a former diplomat. Zorana Kvitka said nothing. The Ministry of Fisheries agreed.")
        XCTAssertTrue(m.contains { $0.text == "Brett Bruen" && $0.type == .person })
        XCTAssertTrue(m.contains { $0.text == "Zorana Kvitka" && $0.type == .person }, "a speech verb makes an unseen name a person")
        XCTAssertTrue(m.contains { $0.text == "Ministry of Fisheries" && $0.type == .organization })
    }
    func testDemonymsAndDescriptions() {
        let m = mentions("Russian President Vladimir Putin spoke. Later the Russian president left.")
        XCTAssertTrue(m.contains { $0.text == "Russian" && $0.isDemonym && $0.type == .country })
        XCTAssertTrue(m.contains { $0.text == "the Russian president" && $0.descriptor != nil })
    }
    func testNonASCIINames() {
        let m = mentions("Hungarian Prime Minister Viktor Orbán met Siobhán O’Grady, a reporter.")
        XCTAssertTrue(m.contains { $0.text == "Viktor Orbán" && $0.kb != nil })
        XCTAssertTrue(m.contains { $0.text == "Siobhán O’Grady" && $0.type == .person })
    }
    func testSentenceInitialWordIsNotAName() {
        XCTAssertFalse(mentions("Normally, the U.S. would keep a record.").contains { $0.text == "Normally" && $0.type == .person })
    }

    func typed(_ s: String) -> [String: EntityType] {
        var out: [String: EntityType] = [:]
        for m in mentions(s) { if let t = m.type { out[m.text] = t } }
        return out
    }
    func testPlaceAndOrganisationKeywordsFromData() {
        let t = typed("Floods hit Zorvan Province and the Velna River, and Mount Kestrel erupted. The Zorvan Air Force and the University of Velna helped.")
        XCTAssertEqual(t["Zorvan Province"], .place)
        XCTAssertEqual(t["Velna River"], .place)
        XCTAssertEqual(t["Mount Kestrel"], .place, "a leading keyword types the run")
        XCTAssertEqual(t["Zorvan Air Force"], .organization, "a two-word keyword")
        XCTAssertEqual(t["University of Velna"], .organization)
        XCTAssertNil(t["Floods"], "a sentence-initial word without evidence stays untyped")
    }
    func testPlacesFromCommaChainAndPrepositions() {
        let t = typed("A bomb exploded in Velnaro, Tarsk Oblast, Ukraine. Two men died in Dornak, Greece. Police searched farms near Kestrelby.")
        XCTAssertEqual(t["Velnaro"], .place, "a name followed by a comma and a place is a place")
        XCTAssertEqual(t["Tarsk Oblast"], .place)
        XCTAssertEqual(t["Dornak"], .place, "followed by a comma and a country")
        XCTAssertEqual(t["Kestrelby"], .place, "after near")
        let v = typed("In Kovac's view the deal failed. Talks in NATO stalled.")
        XCTAssertNotEqual(v["Kovac"], .place, "a possessive is no place")
    }
    func testGivenNamesOfKnownLeadersAreEvidence() {
        // "Abdoulaye" is in no hand list: it comes from the first names of the bundled office-holders
        XCTAssertTrue(Fixture.pipeline.kb.givenNames.contains("abdoulaye"))
        XCTAssertEqual(typed("Yesterday Abdoulaye Zorkani arrived late.")["Abdoulaye Zorkani"], .person)
    }
    func testHonorificIsNotPartOfAName() {
        let a = Fixture.pipeline.analyze(Document(id: "h", text: "Sir Velmar Oskin spoke to reporters. Oskin said little."))
        XCTAssertTrue(a.entities.contains { $0.name == "Velmar Oskin" && $0.type == .person })
        XCTAssertFalse(a.entities.contains { $0.names.contains { $0.hasPrefix("Sir") } })
    }

    func testSpeakingAcronymIsAnOrganisation() {
        let t = typed("Officials met. ZEFOR reports that the dam failed. The XQ team left.")
        XCTAssertEqual(t["ZEFOR"], .organization)
        XCTAssertNil(t["XQ"], "a lone acronym without evidence is not typed")
    }

    func testContextCorrectionsFromDevelopmentText() {
        let t = typed("The mayor of Velnorsk declares an emergency. Troops moved in Bajarna, Kestrel Pakhtun, a former stronghold.")
        XCTAssertNotEqual(t["Velnorsk"], .person, "a name after a preposition is not the speaker")
        XCTAssertNotEqual(t["Kestrel Pakhtun"], .person, "an apposition without a person's title does not make a person")
        let g = typed("Zarvan Air, the flag carrier of Bahrain, announces cuts. Then Velmora announces more.")
        XCTAssertEqual(g["Zarvan Air"], .organization)
        XCTAssertNil(g["Velmora"], "a lone word that announces is not yet a person")
        XCTAssertEqual(typed("Fighting in Al-Fashir, North Darfur, went on.")["Al-Fashir"], .place, "an Arabic article stays in the name")
        let u = typed("The Bureau of Immigration confirms it. José Murguía Santiago, the mayor, is arrested.")
        XCTAssertEqual(u["Bureau of Immigration"], .organization, "a keyword that opens a longer run")
        XCTAssertEqual(u["José Murguía Santiago"], .person, "a one-word place inside a name")
        XCTAssertEqual(typed("Russian YouTuber Zarko Velinov was deported.")["Zarko Velinov"], .person)
    }
}

