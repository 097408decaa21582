import XCTest
@testable import Extraction

final class SentenceSplitterTests: XCTestCase {
    func sentences(_ s: String) -> Int {
        let toks = Tokenizer.tokenize(s, abbreviations: Fixture.pipeline.kb.abbreviations)
        return SentenceSplitter.split(toks, in: 0..<toks.count).count
    }
    func testSplitsOnFinalPunctuationOnly() {
        XCTAssertEqual(sentences("It was Nov. 7. Donald J. Trump called. “Total fiction,” said Peskov."), 3)
        XCTAssertEqual(sentences("The U.S. would have a record."), 1)
        XCTAssertEqual(sentences("Is it true? Yes!"), 2)
    }
    func testSentenceLengthIsBounded() {
        let long = Array(repeating: "word", count: 2000).joined(separator: " ")
        XCTAssertGreaterThan(sentences(long), 5)
    }
    func testNoiseFilter() {
        let kb = Fixture.pipeline.kb
        XCTAssertEqual(NoiseFilter.classify("Join the discussion", kb: kb), .commentsStart)
        XCTAssertEqual(NoiseFilter.classify("Subscribe", kb: kb), .boilerplate)
        XCTAssertEqual(NoiseFilter.classify("Sign up for our newsletter", kb: kb), .boilerplate)
        XCTAssertEqual(NoiseFilter.classify("Trump spoke with Putin.", kb: kb), .text)
    }
    func testReaderCommentsBecomeNoFacts() {
        let text = "Donald Trump spoke with Vladimir Putin on Thursday.\nJoin the discussion\nDon Jr. trolled Zelensky, said Hunter Biden."
        let a = Fixture.pipeline.analyze(Document(id: "c", text: text, date: "2024-11-10"))
        XCTAssertNotNil(a.noiseStart)
        XCTAssertFalse(a.entities.contains { $0.name.contains("Zelensk") || $0.name.contains("Hunter") })
        XCTAssertTrue(a.mentions.allSatisfy { $0.end <= (a.noiseStart ?? 0) })
    }
}
