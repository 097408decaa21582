import RDF
import XCTest

/// `TripleOrder.sortedUnique` sorts runs of one subject; it must give exactly what the general path,
/// a `Graph` of the triples sorted, gives: same order, same duplicates dropped, the first of equal
/// triples kept.
final class TripleOrderTests: XCTestCase {
    func testRunSortEqualsTheSortedGraph() {
        var rng = SystemRandomNumberGenerator()
        let subjects: [Term] = (0..<12).map { .iri(IRI(unchecked: "http://ex/s\($0 % 7)")) } + [.blank(BlankNode("b1")), .blank(BlankNode("a")), .literal(Literal("s3"))]
        let predicates = (0..<4).map { IRI(unchecked: "http://ex/p\($0)") }
        let objects: [Term] = [.iri(IRI(unchecked: "http://ex/s1")), .blank(BlankNode("b1")), .literal(Literal("x")),
                               .literal(Literal("x", language: "en-GB")), .literal(Literal("x", language: "EN-gb")),
                               .literal(Literal("1", datatype: Vocab.xsd.integer)), .literal(Literal("é"))]
        for round in 0..<200 {
            var triples: [Triple] = []
            // runs of one subject, as writers are handed them, with repeats and interleaving
            for _ in 0..<Int.random(in: 0...30, using: &rng) {
                let s = subjects.randomElement(using: &rng) ?? subjects[0]
                for _ in 0..<Int.random(in: 1...5, using: &rng) {
                    triples.append(Triple(s, predicates.randomElement(using: &rng) ?? predicates[0], objects.randomElement(using: &rng) ?? objects[0]))
                }
            }
            let general = Graph(triples).sorted()
            let runs = TripleOrder.sortedUnique(triples)
            XCTAssertEqual(runs, general, "round \(round)")
            // the first of equal triples is kept, as Graph keeps it (language tags differing in case)
            XCTAssertEqual(runs.map(\.object.description), general.map(\.object.description), "round \(round)")
        }
    }
}
