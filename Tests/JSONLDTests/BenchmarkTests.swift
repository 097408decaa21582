import Foundation
import JSON
import JSONLD
import RDF
import XCTest

/// Throughput of the writer and reader on a generated NewsGraph-shaped graph. Runs only when
/// JSONLD_BENCH=<triples> is set (use a release build: `swift test -c release --filter JSONLDBenchmark`);
/// with JSONLD_BENCH_OUT=<dir> it also leaves the JSON-LD and N-Quads files for comparison runs.
final class JSONLDBenchmarkTests: XCTestCase {
    static func generate(_ n: Int) -> Dataset {
        let ng = "https://w3id.org/newsgraph/id/", s = "http://schema.org/"
        func iri(_ x: String) -> Term { .iri(IRI(unchecked: x)) }
        var d = Dataset()
        var i = 0
        let name = IRI(unchecked: s + "name"), alt = IRI(unchecked: s + "alternateName"), derived = IRI(unchecked: "http://www.w3.org/ns/prov#wasDerivedFrom")
        let participant = IRI(unchecked: s + "participant"), start = IRI(unchecked: s + "startDate"), same = IRI(unchecked: s + "sameAs")
        let date = IRI(unchecked: "http://www.w3.org/2001/XMLSchema#date")
        while d.count < n {
            let person = iri(ng + "person-\(i)"), event = iri(ng + "event-\(i)"), doc = iri(ng + "doc-\(i / 10)")
            d.insert(Quad(person, .iri(Vocab.rdf.type), iri(s + "Person")))
            d.insert(Quad(person, .iri(name), .literal(Literal("Person number \(i)"))))
            d.insert(Quad(person, .iri(alt), .literal(Literal("P\(i)", language: "en"))))
            d.insert(Quad(person, .iri(same), iri("http://www.wikidata.org/entity/Q\(i)")))
            d.insert(Quad(person, .iri(derived), doc))
            d.insert(Quad(event, .iri(Vocab.rdf.type), iri(s + "Event")))
            d.insert(Quad(event, .iri(participant), person))
            d.insert(Quad(event, .iri(participant), iri(ng + "person-\(i + 1)")))
            d.insert(Quad(event, .iri(start), .literal(Literal("2025-01-\(10 + i % 18)", datatype: date))))
            d.insert(Quad(event, .iri(derived), doc))
            i += 1
        }
        return d
    }

    func peakMemoryMB() -> Int {
        guard let s = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = s.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM") }) else { return -1 }
        return (Int(line.split(separator: " ").dropFirst().first ?? "0") ?? 0) / 1024
    }

    func cpuSeconds() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }

    func testThroughput() throws {
        guard let nText = ProcessInfo.processInfo.environment["JSONLD_BENCH"], let n = Int(nText) else {
            throw XCTSkip("set JSONLD_BENCH=<triples> to run the JSON-LD benchmark")
        }
        let x = Self.generate(n)
        var t0 = Date()
        var c0 = cpuSeconds()
        let out = OutputBuffer()
        try JSONLDWriter().write(x, to: out)
        let write = Date().timeIntervalSince(t0)
        print("JSON-LD write CPU time: \(String(format: "%.2f", cpuSeconds() - c0)) s = \(Int(Double(x.count) / (cpuSeconds() - c0))) triples/CPU-s")
        print("JSON-LD write: \(x.count) triples, \(out.bytes.count) bytes in \(String(format: "%.2f", write)) s = \(Int(Double(x.count) / write)) triples/s (peak RSS so far \(peakMemoryMB()) MB)")
        t0 = Date()
        c0 = cpuSeconds()
        let back = try JSONLDReader().read(out.bytes)
        let read = Date().timeIntervalSince(t0)
        print("JSON-LD read CPU time: \(String(format: "%.2f", cpuSeconds() - c0)) s = \(Int(Double(back.count) / (cpuSeconds() - c0))) triples/CPU-s")
        print("JSON-LD read: \(back.count) triples in \(String(format: "%.2f", read)) s = \(Int(Double(back.count) / read)) triples/s (peak RSS \(peakMemoryMB()) MB)")
        XCTAssertEqual(back.count, x.count)
        if let dir = ProcessInfo.processInfo.environment["JSONLD_BENCH_OUT"] {
            try Data(out.bytes).write(to: URL(fileURLWithPath: dir + "/bench.jsonld"))
            try x.quads.map(\.description).joined(separator: "\n").appending("\n").write(toFile: dir + "/bench.nq", atomically: true, encoding: .utf8)
        }
    }
}
