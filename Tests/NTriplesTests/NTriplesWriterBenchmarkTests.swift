import Foundation
import NTriples
import RDF
import XCTest

/// N-Triples writing alone (no parsing): a 1,000,000-triple graph shaped like NewsGraph output
/// (the same shapes as `Benchmarks/generate.py`) serialised to /dev/null. Opt-in
/// (`NEWSGRAPH_BENCH=1`), meant for a release build: `swift test -c release --filter NTriplesWriterBenchmark`.
final class NTriplesWriterBenchmarkTests: XCTestCase {
    func testWriteMillionTriples() throws {
        guard ProcessInfo.processInfo.environment["NEWSGRAPH_BENCH"] == "1" else {
            throw XCTSkip("set NEWSGRAPH_BENCH=1 to run the 1M-triple N-Triples writing benchmark")
        }
        let n = Int(ProcessInfo.processInfo.environment["NEWSGRAPH_BENCH_TRIPLES"] ?? "") ?? 1_000_000
        let ng = "https://w3id.org/newsgraph/id/", s = "http://schema.org/"
        var triples: [Triple] = []
        triples.reserveCapacity(n)
        var i = 0
        while triples.count < n {
            let p = Term.iri(IRI(unchecked: "\(ng)person-\(i)"))
            let e = Term.iri(IRI(unchecked: "\(ng)event-\(i)"))
            let b = Term.blank(BlankNode("b\(i)"))
            let shapes = [
                Triple(p, Vocab.rdf.type, .iri(IRI(unchecked: s + "Person"))),
                Triple(p, IRI(unchecked: s + "name"), .literal(Literal("Person number \(i) \"quoted\""))),
                Triple(p, IRI(unchecked: s + "alternateName"), .literal(Literal("P. \(i)", language: "en"))),
                Triple(p, IRI(unchecked: s + "nationality"), .iri(IRI(unchecked: "\(ng)country-\(i % 200)"))),
                Triple(p, IRI(unchecked: s + "sameAs"), .iri(IRI(unchecked: "http://www.wikidata.org/entity/Q\(i + 1)"))),
                Triple(e, IRI(unchecked: s + "participant"), p),
                Triple(e, IRI(unchecked: s + "startDate"), .literal(Literal("2024-11-\(10 + i % 18)", datatype: Vocab.xsd.date))),
                Triple(.iri(IRI(unchecked: "\(ng)doc-\(i % 1000)#char=\(i),\(i + 7)")), Vocab.nif.beginIndex,
                       .literal(Literal("\(i)", datatype: Vocab.xsd.nonNegativeInteger))),
                Triple(b, IRI(unchecked: s + "text"), .literal(Literal("Line one\nline two — Orbán"))),
                Triple(e, IRI(unchecked: s + "about"), b),
            ]
            for t in shapes where triples.count < n { triples.append(t) }
            i += 1
        }
        let fd = open("/dev/null", O_WRONLY)
        defer { close(fd) }
        var best = Double.infinity
        for _ in 0..<3 {
            let out = OutputBuffer(sink: FileDescriptorSink(fd: fd, name: "/dev/null"))
            var writer = NTriplesWriter(output: out)
            let start = ContinuousClock.now
            for t in triples { try writer.write(t) }
            try writer.finish()
            let d = ContinuousClock.now - start
            best = min(best, Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18)
        }
        print(String(format: "ntriples write bench: %d triples in %.3f s = %.0f triples/s (best of 3)", n, best, Double(n) / best))
    }
}
