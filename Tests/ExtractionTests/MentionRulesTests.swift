import XCTest
@testable import Extraction

/// The error classes a held-out evaluation found (demonyms, places inside organisation names, shortened place
/// names, unlisted places, cue-less organisations, wrong types), each on sentences written for the test.
final class MentionRulesTests: XCTestCase {
    func analyze(_ s: String) -> DocumentAnalysis { Fixture.pipeline.analyze(Document(id: "r", text: s)) }
    /// Mentioned spans that reach an entity (what becomes a NIF mention), with the entity's type.
    func linked(_ s: String) -> [String: EntityType] {
        let a = analyze(s)
        var out: [String: EntityType] = [:]
        for (i, m) in a.mentions.enumerated() { if let e = a.mentionEntity[i] { out[m.text] = a.entities[e].type } }
        return out
    }

    func testDemonymIsACountryOnlyWhereItStandsForTheState() {
        let a = analyze("Syrian security forces fired on protesters. An Iranian drone hit a depot and Palestinians fled. Canadian goods face tariffs.")
        XCTAssertFalse(a.entities.contains { $0.type == .country && !$0.mentions.isEmpty }, "\(a.entities.map(\.name))")
        XCTAssertTrue(a.mentionEntity.allSatisfy { $0 == nil || a.entities[$0!].type != .country })
        let b = linked("The Russian president spoke to Israeli Prime Minister Benjamin Netanyahu. The Russian government and the Turkish foreign minister agreed.")
        XCTAssertEqual(b["Russian"], .country)
        XCTAssertEqual(b["Israeli"], .country)
        XCTAssertEqual(b["Turkish"], .country)
        XCTAssertEqual(linked("Officials said the move allows the Russians to listen in.")["Russians"], .country)
    }

    func testNationalityDemonymKeepsTheRelationButNoMention() {
        let a = analyze("The Ukrainian activist Olena Vardanyan said the talks failed.")
        XCTAssertFalse(a.mentions.indices.contains { a.mentions[$0].text == "Ukrainian" && a.mentionEntity[$0] != nil })
    }

    func testPlaceAtTheStartOfAnOrganisationName() {
        let t = linked("United States Central Command said the Israeli Air Force struck. Qatar Airways and Turkish Airlines cancelled flights. Kuwait Petroleum Corporation and the Cairo Stock Exchange fell. The Atomic Energy Organization of Iran and the Islamic Resistance in Iraq claimed it.")
        for name in ["United States Central Command", "Israeli Air Force", "Qatar Airways", "Turkish Airlines", "Kuwait Petroleum Corporation",
                     "Cairo Stock Exchange", "Atomic Energy Organization of Iran", "Islamic Resistance in Iraq"] {
            XCTAssertEqual(t[name], .organization, name)
        }
        XCTAssertNil(t["Iran"]); XCTAssertNil(t["Qatar"]); XCTAssertNil(t["Cairo"])
        let u = linked("Emirates, Turkish Airlines and Qatar Airways cancelled flights. Doctors at the University of Maiduguri Teaching Hospital said.")
        XCTAssertEqual(u["Turkish Airlines"], .organization); XCTAssertEqual(u["Qatar Airways"], .organization)
        XCTAssertEqual(u["University of Maiduguri Teaching Hospital"], .organization)
        let m = linked("The Foreign Ministry in Moscow spoke.")
        XCTAssertEqual(m["Foreign Ministry"], .organization, "a ministry located in a city is not named after it")
        XCTAssertEqual(m["Moscow"], .place)
    }

    func testLongerPlaceNameWins() {
        let t = linked("Floods hit Niger State, Gaza City, Central Texas and Northern Uganda. Rains reached New Mexico. The Deep State is a slogan.")
        for name in ["Niger State", "Gaza City", "Central Texas", "Northern Uganda", "New Mexico"] { XCTAssertEqual(t[name], .place, name) }
        XCTAssertNil(t["Niger"]); XCTAssertNil(t["Mexico"]); XCTAssertNil(t["Uganda"])
        XCTAssertNil(t["Deep State"])
    }

    func testPlacesInCommaChainsAndAfterPrepositions() {
        let t = linked("Fighting in Nasir, South Sudan, killed 12. A fire in Uttara, Dhaka, Bangladesh spread. Police in Las Cruces, New Mexico, said. Gunmen in Plateau State attacked. Strikes hit Kharkiv and Zaporizhzhia. A flight from Dubai landed in Puntland. Shelling in Deir al-Balah continued. British Columbia and Buenos Aires Province voted.")
        for name in ["Nasir", "Uttara", "Las Cruces", "New Mexico", "Plateau State", "Kharkiv", "Zaporizhzhia", "Dubai", "Puntland",
                     "Deir al-Balah", "British Columbia", "Buenos Aires Province"] {
            XCTAssertEqual(t[name], .place, name)
        }
        XCTAssertNil(t["British"]); XCTAssertNil(t["Buenos Aires"])
    }

    func testOrganisationsWithoutACueWord() {
        let t = linked("Al-Shabaab and the Houthis claimed attacks. Shin Bet said nothing. Axios reported it. The Eurogroup met. Officials said KVRZ condemned the attack and asked KVRZ staff to leave. Kyiv fired ATACMS missiles.")
        for name in ["Al-Shabaab", "Houthis", "Shin Bet", "Axios", "Eurogroup"] { XCTAssertEqual(t[name], .organization, name) }
        XCTAssertEqual(t["KVRZ"], .organization, "an unknown acronym standing as subject is an organisation")
        XCTAssertNil(t["ATACMS"], "an acronym used as a modifier is no organisation")
        let a = analyze("The Zorvan Relief Agency (ZRA) said. ZRA staff left, and ZRA returned.")
        let orgs = a.entities.filter { $0.type == .organization && !$0.mentions.isEmpty }
        XCTAssertEqual(orgs.count, 1, "an acronym the document spells out joins that organisation: \(orgs.map(\.name))")
    }

    func testWrongTypesFixed() {
        let t = linked("The International Organization of Migration said 40 died. Residents said the water rose. Floods hit Cauca Department, Colombia. The Police Department said. Paschal Donohoe is re-elected as president. Hurricane Melissa is expected to strike. Iraqi Prime Minister Mohammed Shia al-Sudani spoke. The fund raised US$1.4 trillion.")
        XCTAssertEqual(t["International Organization of Migration"], .organization)
        XCTAssertNil(t["Residents"])
        XCTAssertEqual(t["Cauca Department"], .place)
        XCTAssertEqual(t["Police Department"], .organization)
        XCTAssertEqual(t["Paschal Donohoe"], .person)
        XCTAssertNotEqual(t["Hurricane Melissa"], .person)
        XCTAssertEqual(t["Mohammed Shia al-Sudani"], .person)
        XCTAssertNil(t["US"], "US$ is a currency")
    }

    func testKnownTownStartingALongerName() {
        let t = linked("Storms hit Miami Gardens on Sunday. The Sinaloa Cartel denied it. Governor of Odesa Oblast Oleh Kiper said.")
        XCTAssertNil(t["Miami"], "Miami Gardens is not Miami")
        XCTAssertEqual(t["Sinaloa Cartel"], .organization)
        XCTAssertEqual(t["Odesa Oblast"], .place)
        XCTAssertEqual(t["Oleh Kiper"], .person)
    }
}
