import Foundation
import RDF
import RDFXML
import XCTest

/// Throughput of both directions on a generated 1,000,000-triple graph, beside rapper.
/// Opt-in (`NEWSGRAPH_BENCH=1`), meant for a release build: `swift test -c release --filter RDFXMLBenchmark`.
final class RDFXMLBenchmarkTests: XCTestCase {
    func testBenchmarkMillionTriples() throws {
        guard ProcessInfo.processInfo.environment["NEWSGRAPH_BENCH"] == "1" else {
            throw XCTSkip("set NEWSGRAPH_BENCH=1 to run the 1M-triple RDF/XML benchmark")
        }
        let n = Int(ProcessInfo.processInfo.environment["NEWSGRAPH_BENCH_TRIPLES"] ?? "") ?? 1_000_000
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("rdfxml-bench")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let xmlPath = dir.appendingPathComponent("bench.rdf").path
        let ntPath = dir.appendingPathComponent("bench.nt").path

        var g = Graph()
        var i = 0
        while g.count < n {
            let s = Term.iri(IRI(unchecked: "http://example.org/entity/e\(i)"))
            let b = Term.blank(BlankNode("m\(i)"))
            let candidates = [
                Triple(s, Vocab.rdf.type, .iri(i % 3 == 0 ? Vocab.schema.Person : Vocab.schema.Organization)),
                Triple(s, Vocab.schema.name, .literal(Literal("Entity number \(i) & co", language: "en"))),
                Triple(s, Vocab.nif.beginIndex, .literal(Literal("\(i * 7)", datatype: Vocab.xsd.nonNegativeInteger))),
                Triple(s, Vocab.schema.sameAs, .iri(IRI(unchecked: "http://www.wikidata.org/entity/Q\(i)"))),
                Triple(s, Vocab.prov.wasDerivedFrom, b),
                Triple(b, Vocab.dcterms.source, .literal(Literal("article \(i % 1000)"))),
                Triple(s, IRI(unchecked: "http://example.org/vocab/related"), .iri(IRI(unchecked: "http://example.org/entity/e\((i * 31) % (n / 7 + 1))"))),
            ]
            for t in candidates where g.count < n { g.insert(t) }
            i += 1
        }

        // Write.
        var start = ContinuousClock.now
        let sink = try AtomicFileSink(path: xmlPath)
        let out = OutputBuffer(sink: sink)
        try RDFXMLWriter().write(g, to: out)
        try sink.commit()
        let writeTime = seconds(ContinuousClock.now - start)

        // Read.
        start = ContinuousClock.now
        var reader = RDFXMLReader(source: try InputSource(path: xmlPath), base: nil)
        var count = 0
        while try reader.next() != nil { count += 1 }
        let readTime = seconds(ContinuousClock.now - start)
        XCTAssertEqual(count, n)

        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        let size = (try FileManager.default.attributesOfItem(atPath: xmlPath)[.size] as? Int) ?? 0
        print(String(format: "rdfxml bench: %d triples, %.1f MB RDF/XML", n, Double(size) / 1e6))
        print(String(format: "rdfxml bench: write %.2f s = %.0f triples/s (sort + plan + write)", writeTime, Double(n) / writeTime))
        print(String(format: "rdfxml bench: read  %.2f s = %.0f triples/s", readTime, Double(n) / readTime))
        print("rdfxml bench: peak RSS of the test process \(usage.ru_maxrss / 1024) MB (includes the in-memory graph)")

        if let rapper = ["/usr/bin/rapper", "/usr/local/bin/rapper"].first(where: { FileManager.default.isExecutableFile(atPath: $0) }) {
            let t1 = try time(rapper, ["-q", "-i", "rdfxml", "-o", "ntriples", xmlPath], stdout: ntPath)
            print(String(format: "rdfxml bench: rapper -i rdfxml -o ntriples %.2f s = %.0f triples/s", t1, Double(n) / t1))
            let t2 = try time(rapper, ["-q", "-i", "ntriples", "-o", "rdfxml", ntPath], stdout: "/dev/null")
            print(String(format: "rdfxml bench: rapper -i ntriples -o rdfxml %.2f s = %.0f triples/s", t2, Double(n) / t2))
        }
    }

    func seconds(_ d: Duration) -> Double {
        Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
    }

    func time(_ exe: String, _ args: [String], stdout: String) throws -> Double {
        FileManager.default.createFile(atPath: stdout, contents: nil)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: exe)
        p.arguments = args
        p.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: stdout))
        p.standardError = FileHandle.nullDevice
        let start = ContinuousClock.now
        try p.run()
        p.waitUntilExit()
        return seconds(ContinuousClock.now - start)
    }
}
