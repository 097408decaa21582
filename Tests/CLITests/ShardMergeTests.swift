import Foundation
import RDF
import TestSupport
import XCTest

/// Sharded builds and `merge`: shards partition the documents, and merging them reproduces the single
/// build byte for byte.
final class ShardMergeTests: XCTestCase {
    func testShardsPartitionAndMerge() throws {
        let tmp = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: tmp) }
        let full = tmp.appendingPathComponent("full")
        XCTAssertEqual(try CLI.run(["build", "seeds", "-o", full.path, "-q", "--no-validate"]).status, 0)
        var shardDirs: [String] = []
        var documents: [Term] = []
        var shardQuads: [Dataset] = []
        for i in 1...3 {
            let dir = tmp.appendingPathComponent("shard\(i)")
            let r = try CLI.run(["build", "seeds", "-o", dir.path, "-q", "--no-validate", "--formats", "nq", "--shard", "\(i)/3"])
            XCTAssertEqual(r.status, 0, r.stderr)
            let d = try readNQuads(dir.appendingPathComponent("graph.nq"))
            documents += d.graphNames
            shardQuads.append(d)
            shardDirs.append(dir.path)
        }
        let all = try readNQuads(full.appendingPathComponent("graph.nq"))
        XCTAssertEqual(Set(documents), Set(all.graphNames), "every document is in exactly one shard")
        XCTAssertEqual(documents.count, all.graphNames.count)

        // merge(shards) is the single build, byte for byte, in every format
        let merged = tmp.appendingPathComponent("merged")
        let m = try CLI.run(["merge"] + shardDirs + ["-o", merged.path, "-q"])
        XCTAssertEqual(m.status, 0, m.stderr)
        for name in BuildOutputTests.builtFiles {
            XCTAssertEqual(
                try Data(contentsOf: merged.appendingPathComponent(name)), try Data(contentsOf: full.appendingPathComponent(name)),
                "merging the 3 shards reproduces \(name)")
        }
        // the shards' N-Quads loaded together hold every document graph of the single build
        let mergedData = try readNQuads(merged.appendingPathComponent("graph.nq"))
        XCTAssertEqual(Set(mergedData.graphNames), Set(all.graphNames))
    }

    func testMergeRefusesWhatIsNotAShard() throws {
        let tmp = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: tmp) }
        let plain = tmp.appendingPathComponent("plain")
        XCTAssertEqual(try CLI.run(["build", "seeds", "-o", plain.path, "-q", "--no-validate", "--formats", "nq"]).status, 0)
        let r = try CLI.run(["merge", plain.path, "-o", tmp.appendingPathComponent("m").path])
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.stderr.contains("analyses.jsonl"), r.stderr)

        let bad = tmp.appendingPathComponent("bad")
        try FileManager.default.createDirectory(at: bad, withIntermediateDirectories: true)
        try Data("{\"format\":\"something else\"}\n".utf8).write(to: bad.appendingPathComponent("analyses.jsonl"))
        let b = try CLI.run(["merge", bad.path, "-o", tmp.appendingPathComponent("m").path])
        XCTAssertEqual(b.status, 1)
        XCTAssertTrue(b.stderr.contains("analyses.jsonl:1:1"), b.stderr)

        // two shards built with different --shard counts overlap: refused, not silently doubled
        let a = tmp.appendingPathComponent("a"), c = tmp.appendingPathComponent("c")
        XCTAssertEqual(try CLI.run(["build", "seeds", "-o", a.path, "-q", "--no-validate", "--formats", "nq", "--shard", "1/1"]).status, 0)
        XCTAssertEqual(try CLI.run(["build", "seeds", "-o", c.path, "-q", "--no-validate", "--formats", "nq", "--shard", "1/1"]).status, 0)
        let o = try CLI.run(["merge", a.path, c.path, "-o", tmp.appendingPathComponent("m").path])
        XCTAssertEqual(o.status, 1)
        XCTAssertTrue(o.stderr.contains("in two shards"), o.stderr)
    }
}
