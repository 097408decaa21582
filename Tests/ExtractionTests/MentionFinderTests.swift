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
}
