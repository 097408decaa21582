import XCTest
@testable import Extraction

final class RelationExtractorTests: XCTestCase {
    func relations(_ s: String) -> [(String, Relation.Kind, String, String)] {
        let a = Fixture.pipeline.analyze(Document(id: "rel", text: s))
        return a.relations.map { (a.entities[$0.subject].name, $0.kind, $0.roleName ?? "", $0.object.map { a.entities[$0].name } ?? "") }
    }
    func testTitleBeforeName() {
        let r = relations("Kremlin spokesman Dmitry Peskov spoke. Russian President Vladimir Putin listened.")
        XCTAssertTrue(r.contains { $0 == ("Dmitry Peskov", .role, "spokesman", "Kremlin") })
        XCTAssertTrue(r.contains { $0 == ("Vladimir Putin", .role, "President", "Russia") })
        XCTAssertTrue(r.contains { $0 == ("Vladimir Putin", .nationality, "", "Russia") })
    }
    func testAppositions() {
        let r = relations("“No,” said David Marchick, the director of the Center for Presidential Transition. “Total fiction,” said the Kremlin’s main spokesman, Dmitry Peskov.")
        XCTAssertTrue(r.contains { $0 == ("David Marchick", .role, "director", "Center for Presidential Transition") })
        XCTAssertTrue(r.contains { $0 == ("Dmitry Peskov", .role, "spokesman", "Kremlin") })
    }
    func testReporterOfWhatAndFamily() {
        let r = relations("Wall Street Journal reporter Ivan Gershkovich was freed. Vice President Biden and his son, Hunter Biden, left. President Joe Biden stayed.")
        XCTAssertTrue(r.contains { $0 == ("Ivan Gershkovich", .role, "reporter", "The Wall Street Journal") })
        XCTAssertTrue(r.contains { $0.0 == "Joe Biden" && $0.1 == .child && $0.3 == "Hunter Biden" })
    }
    func testAmbassadorToIsNotMemberOf() {
        let r = relations("He asked Zelensky to fire his ambassador to the United States, Oksana Markarova.")
        XCTAssertTrue(r.contains { $0.0 == "Oksana Markarova" && $0.2.hasPrefix("Ambassador to") && $0.3.isEmpty })
    }
}
