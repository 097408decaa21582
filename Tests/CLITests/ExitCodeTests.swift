import Foundation
import XCTest

/// The contract CI pipelines rely on: 0 success, 1 invalid input or data, 2 usage or unreadable
/// path, never another code, never a signal, errors as FILE:LINE:COLUMN.
final class ExitCodeTests: XCTestCase {
    var tmp: URL!

    override func setUpWithError() throws { tmp = try CLI.temporaryDirectory() }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: tmp) }

    func write(_ name: String, _ content: String) throws -> String {
        let url = tmp.appendingPathComponent(name)
        try Data(content.utf8).write(to: url)
        return url.path
    }

    func testVersionAndHelpOnEverySubcommand() throws {
        let version = try CLI.run(["--version"])
        XCTAssertEqual(version.status, 0)
        XCTAssertFalse(version.stdout.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty)
        for sub in ["build", "convert", "validate", "render", "push"] {
            let help = try CLI.run([sub, "--help"])
            XCTAssertEqual(help.status, 0, sub)
            XCTAssertTrue(help.stdout.contains("USAGE"), "\(sub) --help prints usage")
        }
    }

    func testUsageErrorsExitTwo() throws {
        for args in [["convert"], ["convert", "x.nt"], ["convert", "x.nt", "--to", "bogus"], ["--no-such-flag"], ["validate"],
                     ["build", "--jobs", "0"], ["push", "x.nt"], ["convert", "x.unknown", "--to", "nt"]] {
            let r = try CLI.run(args)
            XCTAssertEqual(r.status, 2, "\(args): \(r.stderr)")
            XCTAssertFalse(r.uncaughtSignal)
            XCTAssertFalse(r.stderr.isEmpty, "\(args) explains itself")
        }
    }

    func testUnreadablePathsExitTwo() throws {
        let missing = try CLI.run(["convert", tmp.appendingPathComponent("missing.nt").path, "--to", "ttl"])
        XCTAssertEqual(missing.status, 2)
        XCTAssertTrue(missing.stderr.contains("missing.nt"), missing.stderr)
        let dir = tmp.appendingPathComponent("adir.nt")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let directory = try CLI.run(["convert", dir.path, "--to", "ttl"])
        XCTAssertEqual(directory.status, 2)
        XCTAssertTrue(directory.stderr.contains("directory"), directory.stderr)
    }

    func testSyntaxErrorNamesFileLineColumnAndExitsOne() throws {
        let path = try write("bad.ttl", "@prefix ex: <http://example.org/> .\nex:a ex:b ex:c .\nex:a ex:b \"unterminated .\n")
        let r = try CLI.run(["convert", path, "--to", "nt"])
        XCTAssertEqual(r.status, 1, r.stderr)
        XCTAssertTrue(r.stderr.contains(path + ":3:"), r.stderr)
    }

    func testInvalidUTF8AndEmptyFiles() throws {
        let bad = tmp.appendingPathComponent("bad.nt")
        try Data([0x3C, 0x68, 0x74, 0x74, 0x70, 0x3A, 0x2F, 0x2F, 0x61, 0xFF, 0x3E]).write(to: bad)
        let r = try CLI.run(["convert", bad.path, "--to", "nt"])
        XCTAssertEqual(r.status, 1, r.stderr)
        XCTAssertTrue(r.stderr.contains("bad.nt:1:"), r.stderr)
        let empty = try write("empty.nt", "")
        let e = try CLI.run(["convert", empty, "--to", "ttl"])
        XCTAssertEqual(e.status, 0, "an empty N-Triples file is a valid empty graph: \(e.stderr)")
    }

    func testFailedConversionLeavesNoOutputFile() throws {
        let path = try write("half.nt", "<http://a/s> <http://a/p> <http://a/o> .\n<http://a/s> <http://a/p> .\n")
        let out = tmp.appendingPathComponent("out.nt")
        let r = try CLI.run(["convert", path, "--to", "nt", "--output", out.path])
        XCTAssertEqual(r.status, 1)
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.path), "no half-written output")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: tmp.path).filter { $0.contains(".tmp-") }
        XCTAssertEqual(leftovers, [], "temporary files are cleaned up")
    }

    func testConvertFromStandardInput() throws {
        let r = try CLI.run(["convert", "-", "--from", "nt", "--to", "ttl"], stdin: Data("<http://example.org/a> <http://schema.org/name> \"A\" .\n".utf8))
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.contains("schema:name \"A\""), r.stdout)
    }
}
