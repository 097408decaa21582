import Foundation
import RDF
import XCTest
@testable import DOT

enum PerformanceGraphs {
    /// `count` people in a NewsGraph-shaped graph: name, nationality, a role, and one event per
    /// 50 people that has them as participants: about 7 triples per person.
    static func people(count: Int) -> Graph {
        var triples: [Triple] = []
        triples.reserveCapacity(count * 8)
        let id = "https://w3id.org/newsgraph/id/"
        let name = Vocab.schema.name, participant = Vocab.schema.ns("participant")
        let countries = (0..<20).map { Term.iri(IRI(unchecked: id + "country-\($0)")) }
        for (i, c) in countries.enumerated() {
            triples.append(Triple(c, Vocab.rdf.type, .iri(Vocab.schema.Country)))
            triples.append(Triple(c, name, .literal(Literal("Country \(i)"))))
        }
        var event = Term.iri(IRI(unchecked: id + "event-0"))
        for i in 0..<count {
            let p = Term.iri(IRI(unchecked: id + "person-\(i)"))
            if i % 50 == 0 {
                event = .iri(IRI(unchecked: id + "event-\(i / 50)"))
                triples.append(Triple(event, Vocab.rdf.type, .iri(Vocab.schema.Event)))
                triples.append(Triple(event, name, .literal(Literal("Meeting number \(i / 50)"))))
            }
            triples.append(Triple(p, Vocab.rdf.type, .iri(Vocab.schema.Person)))
            triples.append(Triple(p, name, .literal(Literal("Person Number \(i)"))))
            triples.append(Triple(p, Vocab.schema.ns("nationality"), countries[i % 20]))
            triples.append(Triple(p, Vocab.schema.sameAs, .iri(IRI(unchecked: "http://www.wikidata.org/entity/Q\(i)"))))
            triples.append(Triple(event, participant, p))
            if i > 0 { triples.append(Triple(p, Vocab.schema.ns("knows"), .iri(IRI(unchecked: id + "person-\(i / 2)")))) }
        }
        return Graph(triples)
    }
}

final class DOTPerformanceTests: XCTestCase {
    /// The writer on a 100,000-node graph in a release build
    /// (`swift test -c release -Xswiftc -enable-testing --filter DOTPerformanceTests`). Debug builds are 20–50× slower, so
    /// there the test uses a tenth of the graph and only prints the time.
    func testHundredThousandNodes() throws {
        #if DEBUG
        let people = 9_780, expectedNodes = 9_780 + 196 + 20
        #else
        let people = 98_020, expectedNodes = 100_001
        #endif
        let graph = PerformanceGraphs.people(count: people)
        // Written the way `convert --to dot` writes a file: through 256 KiB blocks to a sink.
        let sink = CountingSink()
        let start = Date(), cpuStart = threadCPUTime()
        try DOTWriter().write(graph, to: OutputBuffer(sink: sink))
        // CPU time, because the shared build machine's wall clock measures the other jobs too.
        let seconds = threadCPUTime() - cpuStart
        let out = OutputBuffer()
        try DOTWriter().write(graph, to: out)
        XCTAssertEqual(sink.count, out.bytes.count)
        if ProcessInfo.processInfo.environment["NEWSGRAPH_DOT_PROFILE"] != nil {
            var t = threadCPUTime()
            let table = ResourceTable(graph)
            print("  resource table: \(String(format: "%.3f", threadCPUTime() - t)) s CPU (\(table.count) resources)")
            t = threadCPUTime()
            let view = try GraphView.build(graph, options: DOTOptions())
            print("  view (incl. table): \(String(format: "%.3f", threadCPUTime() - t)) s CPU (\(view.edges.count) edges)")
            t = threadCPUTime()
            var triples = 0
            for t in graph where !t.subject.isLiteral { triples += 1 }
            print("  iterating the graph: \(String(format: "%.3f", threadCPUTime() - t)) s CPU (\(triples))")
        }
        print("DOT writer: \(graph.count) triples, \(expectedNodes) nodes → \(sink.count / 1_000) kB of DOT in "
            + "\(String(format: "%.3f", seconds)) s CPU (\(String(format: "%.3f", Date().timeIntervalSince(start))) s wall)")
        XCTAssertTrue(out.string.hasPrefix("// NewsGraph DOT: \(expectedNodes) nodes"))
        #if !DEBUG
        // Target: well under a second. `convert --to dot` of 100,200 nodes (generate.py 250000)
        // measured by callgrind: 7.5 G instructions for the DOT part before the branch `dot`
        // rework (≈1.9 s CPU), 4.9 G after it (≈1.2 s CPU on the shared 2-core machine at load
        // 6–12; reading the N-Triples is another 3.7 G), 2.5 G after branch `dot-speed` (tooltips
        // written as bytes, table-driven escaping); the bound catches regressions, not the target.
        XCTAssertLessThan(seconds, 4.0)
        #endif
        let checkStart = threadCPUTime()
        let summary = try DOTChecker.check(out.bytes)
        print("DOT checker: \(out.bytes.count / 1_000) kB in \(String(format: "%.3f", threadCPUTime() - checkStart)) s CPU")
        XCTAssertEqual(summary.nodeStatements, expectedNodes + 1)  // + the legend
    }
}

final class CountingSink: ByteSink {
    var count = 0
    func write(_ bytes: UnsafeRawBufferPointer) throws { count += bytes.count }
    func flush() throws {}
}

/// Seconds of CPU this thread has used.
func threadCPUTime() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}

final class GraphvizTests: XCTestCase {
    func testRendersEveryFormat() throws {
        guard Graphviz.isInstalled else { throw XCTSkip("Graphviz is not installed (apt-get install graphviz)") }
        let dot = try DOTWriter().string(SampleGraphs.small())
        let magic: [GraphvizFormat: [UInt8]] = [.png: [0x89, 0x50, 0x4E, 0x47], .pdf: Array("%PDF".utf8), .svg: Array("<?xml".utf8)]
        for format in GraphvizFormat.allCases {
            let path = DOTAssert.temporaryDirectory.appendingPathComponent("small.\(format.rawValue)").path
            XCTAssertEqual(try Graphviz.render(dot: dot, format: format, to: path), "")
            let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
            XCTAssertEqual(Array(bytes.prefix(magic[format]?.count ?? 0)), magic[format], format.rawValue)
            let inMemory: [UInt8] = try Graphviz.render(dot: Array(dot.utf8), format: format)
            XCTAssertEqual(Array(inMemory.prefix(magic[format]?.count ?? 0)), magic[format], format.rawValue)
        }
    }

    func testSurfacesDotErrors() throws {
        guard Graphviz.isInstalled else { throw XCTSkip("Graphviz is not installed (apt-get install graphviz)") }
        let path = DOTAssert.temporaryDirectory.appendingPathComponent("broken.svg").path
        XCTAssertThrowsError(try Graphviz.render(dot: "digraph { a -- b }", format: .svg, to: path)) { error in
            guard case let .failed(status, stderr)? = error as? GraphvizError else { return XCTFail("\(error)") }
            XCTAssertNotEqual(status, 0)
            XCTAssertTrue(stderr.contains("syntax error"), stderr)
            XCTAssertTrue("\(error)".contains("syntax error"))
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: path), "no half-written picture")
    }

    func testSaysHowToInstallGraphviz() throws {
        setenv("GRAPHVIZ_DOT", "/nonexistent/graphviz/dot", 1)
        defer { unsetenv("GRAPHVIZ_DOT") }
        XCTAssertNil(Graphviz.executablePath())
        XCTAssertThrowsError(try Graphviz.render(dot: "digraph {}", format: .png, to: "/tmp/never.png")) { error in
            XCTAssertEqual(error as? GraphvizError, .notInstalled)
            XCTAssertTrue("\(error)".contains("apt-get install graphviz"))
            XCTAssertTrue("\(error)".contains("brew install graphviz"))
        }
    }
}
