import XCTest
@testable import Extraction

final class TokenizerTests: XCTestCase {
    func words(_ s: String) -> [String] {
        let kb = Fixture.pipeline.kb
        var text = s
        return text.withUTF8 { b in
            var out: [Token] = []
            Tokenizer.tokenize(bytes: b, range: 0..<b.count, abbreviations: kb.abbreviations, into: &out)
            return out.map { String(decoding: UnsafeBufferPointer(rebasing: b[$0.start..<$0.end]), as: UTF8.self) }
        }
    }
    func testPossessiveInitialsAbbreviations() {
        XCTAssertEqual(words("Trump’s call with Vladimir V. Putin on Nov. 7."),
                       ["Trump", "’s", "call", "with", "Vladimir", "V.", "Putin", "on", "Nov.", "7", "."])
        XCTAssertEqual(words("the U.S. would"), ["the", "U.S.", "would"])
        XCTAssertEqual(words("Russia's Defense Ministry"), ["Russia", "'s", "Defense", "Ministry"])
    }
    func testHyphensApostrophesNumbers() {
        XCTAssertEqual(words("president-elect Mar-a-Lago (R-Louisiana) 2,000 45th"),
                       ["president-elect", "Mar-a-Lago", "(", "R", "-", "Louisiana", ")", "2,000", "45th"])
        XCTAssertEqual(words("Siobhán O’Grady doesn’t"), ["Siobhán", "O’Grady", "doesn’t"])
    }
    func testShapesAndFolding() {
        let t = Tokenizer.tokenize("NBC Orbán")
        XCTAssertTrue(t[0].isAllCaps)
        XCTAssertTrue(t[1].isCapitalized)
        XCTAssertEqual(t[1].lower, "orban")
        XCTAssertTrue(Tokenizer.tokenize("").isEmpty)
    }
}
