import Foundation
import RDF
import TestSupport
import XCTest

/// Sharded builds and `merge`: shards partition the documents, merging one shard reproduces the
/// single build byte for byte, and merging several keeps every shard's statements.
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

        let merged = tmp.appendingPathComponent("merged")
        let m = try CLI.run(["merge"] + shardDirs + ["-o", merged.path, "-q"])
        XCTAssertEqual(m.status, 0, m.stderr)
        let mergedData = try readNQuads(merged.appendingPathComponent("graph.nq"))
        XCTAssertEqual(Set(mergedData.graphNames), Set(all.graphNames))
        for shard in shardQuads { for q in shard { XCTAssertTrue(mergedData.contains(q), "\(q) lost in the merge") } }

        let one = tmp.appendingPathComponent("one"), mergedOne = tmp.appendingPathComponent("merged-one")
        XCTAssertEqual(try CLI.run(["build", "seeds", "-o", one.path, "-q", "--no-validate", "--formats", "nq", "--shard", "1/1"]).status, 0)
        XCTAssertEqual(try CLI.run(["merge", one.path, "-o", mergedOne.path, "-q"]).status, 0)
        for name in BuildOutputTests.builtFiles {
            XCTAssertEqual(
                try Data(contentsOf: mergedOne.appendingPathComponent(name)), try Data(contentsOf: full.appendingPathComponent(name)),
                "merging a single shard reproduces \(name)")
        }
    }
}
