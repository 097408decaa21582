import Foundation
import JSON
import JSONLD
import RDF
import XCTest

/// Independent processors (pyld, rdflib) read the writer's output to the same graph.
final class JSONLDInteropTests: XCTestCase {
    func python(_ module: String) -> Bool {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", "-c", "import \(module)"]
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        do { try p.run(); p.waitUntilExit(); return p.terminationStatus == 0 } catch { return false }
    }

    func datasets() throws -> [(String, Dataset)] {
        var out: [(String, Dataset)] = [("news", JSONLDWriterTests.newsDataset())]
        if let s = JSONLDSuite("toRdf") {
            let files = try FileManager.default.contentsOfDirectory(atPath: s.folder.appendingPathComponent("toRdf").path).filter { $0.hasSuffix(".nq") }.sorted()
            for f in files.prefix(400) {
                guard let x = try? TestNQuads.parse(try s.text("toRdf/" + f)) else { continue }  // generalized RDF
                if x.isEmpty || x.quads.contains(where: { $0.predicate.isBlank || $0.object.literal?.direction != nil }) { continue }
                out.append((f, x))
            }
        }
        return out
    }

    func check(module: String, script: String) throws {
        guard python(module) else {
            print("JSON-LD interop with \(module): skipped (python3 cannot import \(module))")
            throw XCTSkip("\(module) not installed")
        }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("jsonld-interop-\(module)-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let sets = try datasets()
        var names: [String] = []
        for (i, (_, x)) in sets.enumerated() {
            let out = OutputBuffer()
            try JSONLDWriter(embed: i % 2 == 1).write(x, to: out)
            try Data(out.bytes).write(to: dir.appendingPathComponent("\(i).jsonld"))
            names.append("\(i)")
        }
        try script.write(to: dir.appendingPathComponent("run.py"), atomically: true, encoding: .utf8)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", dir.appendingPathComponent("run.py").path, dir.path] + names
        try p.run()
        p.waitUntilExit()
        var ok = 0
        var failures: [String] = []
        for (i, (name, x)) in sets.enumerated() {
            let nq = dir.appendingPathComponent("\(i).nq")
            guard let text = try? String(contentsOf: nq, encoding: .utf8) else { failures.append("\(name): \(module) failed"); continue }
            guard let back = try? TestNQuads.parse(text) else { failures.append("\(name): \(module) output is not N-Quads"); continue }
            if Isomorphism.isIsomorphic(back, x) { ok += 1 } else { failures.append("\(name): \(module) read a different graph") }
        }
        print("JSON-LD writer output read by \(module): \(ok)/\(sets.count) graphs isomorphic")
        if !failures.isEmpty { print("  " + failures.prefix(20).joined(separator: "\n  ")) }
        XCTAssertEqual(failures, [])
    }

    func testPyLDReadsWriterOutput() throws {
        try check(module: "pyld", script: """
        import sys, json
        from pyld import jsonld
        d = sys.argv[1]
        for n in sys.argv[2:]:
            try:
                doc = json.load(open(f"{d}/{n}.jsonld", encoding="utf-8"))
                nq = jsonld.to_rdf(doc, {"format": "application/n-quads"})
                open(f"{d}/{n}.nq", "w", encoding="utf-8").write(nq)
            except Exception as e:
                print(n, e, file=sys.stderr)
        """)
    }

    func testRDFLibReadsWriterOutput() throws {
        try check(module: "rdflib", script: """
        import sys
        import rdflib
        rdflib.NORMALIZE_LITERALS = False  # compare lexical forms as written, not rdflib's canonical ones
        from rdflib import Dataset
        from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
        d = sys.argv[1]
        for n in sys.argv[2:]:
            try:
                ds = Dataset()
                ds.parse(f"{d}/{n}.jsonld", format="json-ld")
                lines = []
                for s, p, o, g in ds.quads((None, None, None, None)):
                    q = f"{s.n3()} {p.n3()} {o.n3()}"
                    if g is not None and g != DATASET_DEFAULT_GRAPH_ID:
                        gid = g.identifier if hasattr(g, "identifier") else g
                        if gid != DATASET_DEFAULT_GRAPH_ID:
                            q += f" {gid.n3()}"
                    lines.append(q + " .")
                open(f"{d}/{n}.nq", "w", encoding="utf-8").write("\\n".join(lines) + "\\n")
            except Exception as e:
                print(n, e, file=sys.stderr)
        """)
    }
}
