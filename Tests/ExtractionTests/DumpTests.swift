import XCTest
@testable import Extraction

final class DumpTests: XCTestCase {
    /// Prints the seed graph (without mentions) when NEWSGRAPH_DUMP is set: for looking at the output by eye.
    func testDumpSeeds() throws {
        guard ProcessInfo.processInfo.environment["NEWSGRAPH_DUMP"] != nil else { throw XCTSkip("set NEWSGRAPH_DUMP=1 to print the seed graph") }
        for q in Fixture.seedDataset.sorted() where !q.subject.description.contains("#char=") && q.predicate.description != "<http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#isString>" {
            print(q.description)
        }
    }
}

final class DebugTests: XCTestCase {
    /// NEWSGRAPH_DEBUG="some text" prints what each stage found in it.
    func testDebugText() throws {
        guard let text = ProcessInfo.processInfo.environment["NEWSGRAPH_DEBUG"] else { throw XCTSkip("set NEWSGRAPH_DEBUG to a text") }
        let a = Fixture.pipeline.analyze(Document(id: "debug", text: text, date: ProcessInfo.processInfo.environment["NEWSGRAPH_DATE"]))
        print("reference:", a.referenceDate.map { $0.iso + " " + $0.status } ?? "none")
        for (i, m) in a.mentions.enumerated() { print("M\(i)", m.text, m.type?.rawValue ?? "-", m.kb ?? -1, m.isDemonym ? "demonym" : "", m.descriptor.map { "desc \($0.role)" } ?? "", "→", a.mentionEntity[i].map { a.entities[$0].name } ?? "nil") }
        for r in a.relations { print("R", r.kind, a.entities[r.subject].name, r.roleName ?? "", r.object.map { a.entities[$0].name } ?? "") }
        for e in a.events { print("E", e.eventClass, e.participants.map { a.entities[$0].name }, e.resolved?.iso ?? "undated", e.attributions.map { ($0.source.map { a.entities[$0].name } ?? $0.anonymousSource ?? "?") + ($0.positive ? "+" : "-") }) }
        for q in a.quotes { print("Q", q.text.prefix(40), q.speaker.map { a.entities[$0].name } ?? "?") }
    }

    /// NEWSGRAPH_DEBUG_FILES="a.txt b.txt" prints, per file, every entity with its type, link and names (for reading
    /// the extractor's output against unseen text).
    func testDebugFiles() throws {
        guard let files = ProcessInfo.processInfo.environment["NEWSGRAPH_DEBUG_FILES"] else { throw XCTSkip("set NEWSGRAPH_DEBUG_FILES to paths") }
        for path in files.split(separator: " ") {
            let text = try String(contentsOfFile: String(path), encoding: .utf8)
            let a = Fixture.pipeline.analyze(Document(id: String(path), text: text))
            print("== \(path)")
            for e in a.entities {
                let qid = e.kb.flatMap { Fixture.pipeline.kb.entities[$0].qid } ?? ""
                print("ENT", e.type.rawValue, e.orgClass ?? "", e.name, qid, e.names.joined(separator: "|"), separator: "\t")
            }
            for e in a.events { print("EV", e.eventClass, e.participants.map { a.entities[$0].name }, e.resolved?.iso ?? "undated") }
        }
    }
}
