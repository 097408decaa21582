@testable import NewsGraphKit
import Extraction
import Foundation
import RDF
import TestSupport
import XCTest

/// The build's shortcuts against the general path they stand for: the N-Triples union that skips the
/// look-up for triples only their own document graph can state, and analyses parked on disk between
/// extraction and emission.
final class BuildMergeTests: XCTestCase {
    var scratch: URL!

    override func setUpWithError() throws {
        scratch = FileManager.default.temporaryDirectory.appendingPathComponent("ng-merge-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: scratch) }

    func seedAnalyses() throws -> (analyses: [DocumentAnalysis], pipeline: Pipeline) {
        let (documents, problems) = Builder.readDocuments([SharedData.packageRoot.appendingPathComponent("seeds").path], defaultDate: nil)
        XCTAssertTrue(problems.isEmpty, "\(problems)")
        XCTAssertGreaterThan(documents.count, 1)
        let pipeline = try Pipeline(options: ExtractionOptions(mentions: true))
        return (try Builder.analyze(documents, pipeline: pipeline, jobs: 1), pipeline)
    }

    func testStreamedUnionEqualsTheDatasetUnion() throws {
        let (analyses, pipeline) = try seedAnalyses()
        let general = Array(CorpusMerger.merge(analyses, options: pipeline.options, kb: pipeline.kb).union)
        var sinks = try StreamingGraphFiles(directory: scratch.path, formats: [], collectUnion: true)
        var owned = 0
        try CorpusMerger.stream(analyses, options: pipeline.options, kb: pipeline.kb) { _, graph in
            owned += graph.filter(StreamingGraphFiles.ownsTriple).count
            try sinks.write(graph)
        }
        XCTAssertGreaterThan(owned, general.count / 2, "mentions are most of the triples: the shortcut is taken")
        XCTAssertEqual(sinks.union, general)
        XCTAssertEqual(sinks.triples, general.count)
    }

    func testOwnedTriplesAreAboutTheGraphsDocument() {
        let g = Term.iri(IRI(unchecked: "https://w3id.org/newsgraph/id/doc-a"))
        func quad(_ s: String, _ o: Term, graph: Term? = g) -> Quad {
            Quad(.iri(IRI(unchecked: s)), .iri(IRI(unchecked: "http://ex/p")), o, graph: graph)
        }
        XCTAssertTrue(StreamingGraphFiles.ownsTriple(quad("https://w3id.org/newsgraph/id/doc-a", .literal(Literal("x")))))
        XCTAssertTrue(StreamingGraphFiles.ownsTriple(quad("https://w3id.org/newsgraph/id/doc-a#char=1,2", .literal(Literal("x")))))
        XCTAssertTrue(StreamingGraphFiles.ownsTriple(quad("https://w3id.org/newsgraph/id/person-x", g)))
        XCTAssertFalse(StreamingGraphFiles.ownsTriple(quad("https://w3id.org/newsgraph/id/doc-ab", .literal(Literal("x")))))
        XCTAssertFalse(StreamingGraphFiles.ownsTriple(quad("https://w3id.org/newsgraph/id/person-x", .literal(Literal("x")))))
        XCTAssertFalse(StreamingGraphFiles.ownsTriple(quad("https://w3id.org/newsgraph/id/doc-a", .literal(Literal("x")), graph: nil)))
    }

    func testParkedAnalysesEmitTheSameGraphs() throws {
        let (analyses, pipeline) = try seedAnalyses()
        let spill = try AnalysisSpill(directory: scratch.path)
        let compact = try analyses.map(spill.park)
        XCTAssertTrue(compact.allSatisfy { $0.mentions.isEmpty && $0.document.text.isEmpty })
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: scratch.path), [], "the spill file is unlinked at once")
        var whole: [[Quad]] = [], parked: [[Quad]] = []
        CorpusMerger.stream(analyses, options: pipeline.options, kb: pipeline.kb) { _, graph in whole.append(graph) }
        try CorpusMerger.stream(compact, options: pipeline.options, kb: pipeline.kb, restore: spill.restore) { _, graph in parked.append(graph) }
        XCTAssertEqual(parked, whole)
    }

    func testSpillEncodingRoundTripsAndRefusesTruncation() {
        let detail = EmissionDetail(
            text: "Zoë met “Ana”.\n", mentions: [.init(begin: 0, end: 3, text: "Zoë", entity: 2)],
            quotes: [Quote(begin: 9, end: 12, text: "Ana", speaker: nil, event: 0), Quote(begin: 1, end: 2, text: "", speaker: 4, event: nil)])
        var writer = ByteWriter()
        writer.detail(detail)
        var reader = ByteReader(bytes: writer.bytes)
        XCTAssertEqual(reader.detail(), detail)
        for cut in [0, 7, writer.bytes.count / 2, writer.bytes.count - 1] {
            var short = ByteReader(bytes: Array(writer.bytes.prefix(cut)))
            XCTAssertNil(short.detail(), "cut at \(cut)")
        }
    }
}
