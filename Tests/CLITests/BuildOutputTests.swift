import Foundation
import XCTest

/// The committed `output/` is exactly what `newsgraph build seeds --output output` produces, the
/// same bytes whatever the number of jobs, and it validates.
final class BuildOutputTests: XCTestCase {
    static let builtFiles = ["graph.rdf", "graph.jsonld", "graph.dot", "graph.nt", "graph.ttl", "graph.nq"]

    func testCommittedOutputIsUpToDateAndIndependentOfJobs() throws {
        let tmp = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: tmp) }
        let one = tmp.appendingPathComponent("one"), two = tmp.appendingPathComponent("two")
        let r1 = try CLI.run(["build", "seeds", "--output", one.path, "--jobs", "1", "--quiet"])
        XCTAssertEqual(r1.status, 0, r1.stderr)
        let r2 = try CLI.run(["build", "seeds", "--output", two.path, "--jobs", "4", "--quiet"])
        XCTAssertEqual(r2.status, 0, r2.stderr)
        let committed = CLI.packageRoot.appendingPathComponent("output")
        for name in Self.builtFiles {
            let a = try Data(contentsOf: one.appendingPathComponent(name))
            let b = try Data(contentsOf: two.appendingPathComponent(name))
            XCTAssertEqual(a, b, "\(name) differs between --jobs 1 and --jobs 4")
            let c = try? Data(contentsOf: committed.appendingPathComponent(name))
            XCTAssertEqual(a, c, "output/\(name) is stale: run `scripts/run` (newsgraph build seeds --output output) and commit")
        }
    }

    func testStreamedNTriplesAndNQuadsAreTheSameBytes() throws {
        // `--formats nt,nq` never builds the dataset in memory: it writes each document graph as the merge
        // emits it. It must write what the in-memory path (any format list with Turtle, RDF/XML, …) writes.
        let tmp = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: tmp) }
        let streamed = tmp.appendingPathComponent("streamed")
        let r = try CLI.run(["build", "seeds", "--output", streamed.path, "--formats", "nq,nt", "--quiet", "--no-validate"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let committed = CLI.packageRoot.appendingPathComponent("output")
        for name in ["graph.nt", "graph.nq"] {
            XCTAssertEqual(try Data(contentsOf: streamed.appendingPathComponent(name)), try Data(contentsOf: committed.appendingPathComponent(name)), name)
        }
        // and its graph is validated like an in-memory build's (SHACL reads the streamed file back)
        func validationLines(_ formats: String) throws -> [Substring] {
            let r = try CLI.run(["build", "seeds", "--output", tmp.appendingPathComponent(formats).path, "--formats", formats, "--quiet"])
            XCTAssertEqual(r.status, 0, r.stderr)
            return r.stderr.split(separator: "\n").filter { $0.contains("validation") || $0.contains("violation") }
        }
        XCTAssertEqual(try validationLines("nt"), try validationLines("nt,ttl"))
    }

    func testDefaultCommandIsBuildSeedsIntoOutput() throws {
        // Same job as the README's main command, in a scratch copy so the test never writes output/.
        let tmp = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: tmp) }
        try FileManager.default.copyItem(at: CLI.packageRoot.appendingPathComponent("seeds"), to: tmp.appendingPathComponent("seeds"))
        let r = try CLI.run(["--quiet"], cwd: tmp)
        XCTAssertEqual(r.status, 0, r.stderr)
        for name in Self.builtFiles {
            XCTAssertTrue(FileManager.default.fileExists(atPath: tmp.appendingPathComponent("output/" + name).path), name)
        }
    }

    func testEveryCommittedOutputValidates() throws {
        let output = CLI.packageRoot.appendingPathComponent("output")
        let files = Self.builtFiles.map { output.appendingPathComponent($0).path }
        let r = try CLI.run(["validate"] + files)
        XCTAssertEqual(r.status, 0, r.stdout + r.stderr)
    }

    func testBadInputsAreReportedWithoutLosingTheOthers() throws {
        let tmp = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: tmp) }
        let corpus = tmp.appendingPathComponent("corpus")
        try FileManager.default.createDirectory(at: corpus, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: CLI.packageRoot.appendingPathComponent("seeds/002_a632362f40734eb3.txt"), to: corpus.appendingPathComponent("good.txt"))
        try Data([0x00, 0x01, 0xFF, 0xFE]).write(to: corpus.appendingPathComponent("binary.txt"))
        try Data([0x41, 0xC3, 0x28]).write(to: corpus.appendingPathComponent("badutf8.txt"))
        try Data().write(to: corpus.appendingPathComponent("empty.txt"))
        let out = tmp.appendingPathComponent("out")
        let r = try CLI.run(["build", corpus.path, "--output", out.path, "--quiet", "--no-validate"])
        XCTAssertEqual(r.status, 1, "bad inputs make the run fail")
        XCTAssertTrue(r.stderr.contains("binary.txt"), r.stderr)
        XCTAssertTrue(r.stderr.contains("badutf8.txt"), r.stderr)
        XCTAssertTrue(r.stderr.contains("empty.txt"), r.stderr)
        let nt = try String(contentsOf: out.appendingPathComponent("graph.nt"), encoding: .utf8)
        XCTAssertTrue(nt.contains("doc-good"), "the good document's output is kept")
        let k = try CLI.run(["build", corpus.path, "--output", out.path, "--quiet", "--no-validate", "--keep-going"])
        XCTAssertEqual(k.status, 0, "--keep-going: problems reported, exit 0")
        let missing = try CLI.run(["build", tmp.appendingPathComponent("nope").path, "--output", out.path, "--quiet"])
        XCTAssertEqual(missing.status, 2)
    }

    func testJSONLinesAndStandardInput() throws {
        let line = #"{"id":"a1","text":"President Joe Biden met Prime Minister Keir Starmer of Britain in Washington on Tuesday.","date":"2024-09-10","url":"https://example.org/a1","title":"Biden meets Starmer"}"#
        let tmp = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: tmp) }
        let r = try CLI.run(["build", "-", "--output", tmp.path, "--quiet", "--no-validate", "--formats", "nt"], stdin: Data((line + "\n").utf8))
        XCTAssertEqual(r.status, 0, r.stderr)
        let nt = try String(contentsOf: tmp.appendingPathComponent("graph.nt"), encoding: .utf8)
        XCTAssertTrue(nt.contains("doc-a1"), nt)
        XCTAssertTrue(nt.contains("Joe Biden"), nt)
    }
}
