import NewsGraphKit
import XCTest

final class FormatTableTests: XCTestCase {
    func testExtensionsAndNames() {
        XCTAssertEqual(RDFFormat(path: "a/b.TTL"), .turtle)
        XCTAssertEqual(RDFFormat(path: "x.owl"), .rdfXML)
        XCTAssertEqual(RDFFormat(path: "x.xml"), .rdfXML)
        XCTAssertEqual(RDFFormat(path: "x.json"), .jsonLD)
        XCTAssertNil(RDFFormat(path: "dir.d/file"))
        XCTAssertEqual(RDFFormat(name: "N-Quads"), .nQuads)
        XCTAssertEqual(OutputFormat(name: "dot"), .dot)
        XCTAssertEqual(OutputFormat(path: "g.gv"), .dot)
        for f in RDFFormat.allCases { XCTAssertEqual(RDFFormat(name: f.rawValue), f) }
    }
}

final class ShardTests: XCTestCase {
    func testShardsPartitionTheCorpus() {
        let ids = (0..<1000).map { "doc-\($0)" }
        let shards = (1...4).compactMap { Shard("\($0)/4") }
        XCTAssertEqual(shards.count, 4)
        var seen = Set<String>()
        for s in shards {
            let mine = ids.filter(s.contains)
            XCTAssertGreaterThan(mine.count, 150, "shares are roughly even")
            for id in mine { XCTAssertTrue(seen.insert(id).inserted, "\(id) is in two shards") }
        }
        XCTAssertEqual(seen.count, ids.count, "every document is in some shard")
        XCTAssertNil(Shard("0/4"))
        XCTAssertNil(Shard("5/4"))
        XCTAssertNil(Shard("x"))
    }
}

final class CorpusReaderTests: XCTestCase {
    func testDatesAndJSONLines() throws {
        XCTAssertEqual(CorpusReader.isoDate("2024-11-07T10:00:00Z"), "2024-11-07")
        XCTAssertNil(CorpusReader.isoDate("Nov 7, 2024"))
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ng-corpus-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("c.jsonl")
        try Data("{\"id\":\"a\",\"text\":\"Hello.\",\"date\":\"2024-01-02\"}\nnot json\n{\"id\":7,\"text\":\"Bye.\"}\n".utf8).write(to: file)
        let (docs, problems) = CorpusReader().read(file.path)
        XCTAssertEqual(docs.map(\.id), ["a", "7"])
        XCTAssertEqual(docs.first?.date, "2024-01-02")
        XCTAssertEqual(problems.map(\.line), [2])
    }
}
