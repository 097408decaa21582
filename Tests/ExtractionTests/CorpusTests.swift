import XCTest
import Foundation
@testable import Extraction

/// Runs the pipeline over the Wikipedia current-events corpus in ../shared: throughput, and (on request) output to
/// look at by eye. Skips when ../shared is absent.
final class CorpusTests: XCTestCase {
    func corpus() throws -> [Document] {
        guard let dir = Fixture.sharedDirectory else { throw XCTSkip("../shared not found (set NEWSGRAPH_SHARED)") }
        let url = dir.appendingPathComponent("corpus/wikipedia-current-events/corpus.jsonl")
        guard let data = try? String(contentsOf: url, encoding: .utf8) else { throw XCTSkip("corpus.jsonl not found") }
        return data.split(separator: "\n").compactMap { line in
            guard let obj = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                  let id = obj["id"] as? String, let text = obj["text"] as? String else { return nil }
            return Document(id: id, text: text, date: obj["date"] as? String, url: obj["url"] as? String, title: obj["title"] as? String)
        }
    }

    func testCorpusThroughputAndSanity() throws {
        let docs = try corpus()
        let p = Fixture.pipeline
        let bytes = docs.reduce(0) { $0 + $1.text.utf8.count }
        let t0 = Date()
        let analyses = docs.map { p.analyze($0) }
        let dt = Date().timeIntervalSince(t0)
        print(String(format: "corpus: %d docs, %.1f MB analysed in %.2fs: %.0f docs/s, %.2f MB/s (this build)", docs.count, Double(bytes) / 1e6, dt, Double(docs.count) / dt, Double(bytes) / 1e6 / dt))
        let t1 = Date()
        let ds = CorpusMerger.merge(analyses, options: ExtractionOptions(mentions: true), kb: p.kb)
        print(String(format: "corpus merge: %d quads in %.2fs", ds.count, Date().timeIntervalSince(t1)))
        XCTAssertFalse(ds.quads.contains { $0.subject.isBlank || $0.object.isBlank })
        if ProcessInfo.processInfo.environment["NEWSGRAPH_LINKS"] != nil {
            // every linked person with the surface forms that were linked: for checking link precision by eye
            var seen: [String: Set<String>] = [:]
            for a in analyses { for e in a.entities where e.type == .person { if let k = e.kb, let q = p.kb.entities[k].qid { seen[q + " " + e.name, default: []].formUnion(e.mentions.map { a.mentions[$0].text }) } } }
            for k in seen.keys.sorted() { print("LINK", k, "<-", seen[k]!.sorted().joined(separator: " | ")) }
        }
        if let n = ProcessInfo.processInfo.environment["NEWSGRAPH_CORPUS_DUMP"].flatMap(Int.init) {
            for a in analyses.prefix(n) {
                print("== \(a.document.id) ref \(a.referenceDate?.iso ?? "-")")
                for e in a.entities { print("  \(e.type.rawValue): \(e.name)\(e.kb.flatMap { p.kb.entities[$0].qid }.map { " [\($0)]" } ?? "")") }
                for r in a.relations { print("  R \(a.entities[r.subject].name) \(r.kind.rawValue) \(r.roleName ?? "") \(r.object.map { a.entities[$0].name } ?? "")") }
                for e in a.events { print("  E \(e.eventClass) \(e.participants.map { a.entities[$0].name }) \(e.resolved?.iso ?? "undated")") }
            }
        }
    }
}
