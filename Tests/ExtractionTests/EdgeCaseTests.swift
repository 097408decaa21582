import XCTest
import RDF
@testable import Extraction

final class EdgeCaseTests: XCTestCase {
    func testEmptyText() {
        let a = Fixture.pipeline.analyze(Document(id: "empty", text: ""))
        XCTAssertEqual(a.length, 0)
        XCTAssertTrue(a.mentions.isEmpty && a.entities.isEmpty && a.events.isEmpty)
        let ds = CorpusMerger.merge([a], options: .init(), kb: Fixture.pipeline.kb)
        XCTAssertTrue(ds.quads.contains { $0.predicate.iri?.value.hasSuffix("#endIndex") ?? false })
    }
    func testTextWithoutEntities() {
        let a = Fixture.pipeline.analyze(Document(id: "plain", text: "the weather was mild and nothing much happened today.\n\n"))
        XCTAssertTrue(a.entities.isEmpty)
        XCTAssertEqual(a.length, 55)
    }
    func testHostileInputDoesNotCrash() {
        let junk = String(repeating: "“", count: 5000) + String(repeating: "A. ", count: 3000) + "\u{0}\u{FFFD}’s ’s -- ..." + String(repeating: "Ab ", count: 5000)
        let a = Fixture.pipeline.analyze(Document(id: "junk", text: junk))
        XCTAssertGreaterThan(a.length, 0)
    }
    /// Linear time: 8× the text takes about 8× as long (a quadratic stage would take ~64×).
    func testLargeTextScalesLinearly() {
        let para = "Russian President Vladimir Putin spoke with Donald Trump on Thursday, said Kremlin spokesman Dmitry Peskov. “It was fine,” he said. Officials in Kyiv were not told.\n"
        func time(_ n: Int) -> Double {
            let text = String(repeating: para, count: n)
            let t0 = Date()
            let a = Fixture.pipeline.analyze(Document(id: "big", text: text, date: "2024-11-10"))
            XCTAssertEqual(a.entities.filter { $0.name == "Vladimir Putin" }.count, 1)
            return Date().timeIntervalSince(t0)
        }
        let small = time(250), large = time(2000)
        print(String(format: "large text: %.3fs for %d KB, %.3fs for %d KB", small, 250 * para.utf8.count / 1024, large, 2000 * para.utf8.count / 1024))
        XCTAssertLessThan(large, small * 20)
    }
    /// The 100 MB case runs on request (it takes minutes in a debug build): NEWSGRAPH_BIG=1.
    func testHundredMegabytes() throws {
        guard ProcessInfo.processInfo.environment["NEWSGRAPH_BIG"] != nil else { throw XCTSkip("set NEWSGRAPH_BIG=1 for the 100 MB run") }
        let para = "Ukraine launched a drone attack on Moscow on Sunday, officials in Moscow said, and Zelensky thanked the General Services Administration.\n"
        let text = String(repeating: para, count: 100_000_000 / para.utf8.count)
        let t0 = Date()
        let a = Fixture.pipeline.analyze(Document(id: "huge", text: text, date: "2024-11-10"))
        print(String(format: "100 MB: %.1fs, %d mentions", Date().timeIntervalSince(t0), a.mentions.count))
    }
}
