import Foundation
import RDF
import TestSupport
import XCTest

/// Every NIF mention in the committed output points at exactly the text it claims: its
/// `nif:anchorOf` equals the document's characters between `nif:beginIndex` and `nif:endIndex`,
/// counted in Unicode code points (NIF 2.0, RFC 5147).
final class MentionOffsetTests: XCTestCase {
    func testEveryMentionAnchorMatchesTheSeedText() throws {
        let output = CLI.packageRoot.appendingPathComponent("output/graph.nt")
        guard FileManager.default.fileExists(atPath: output.path) else { throw XCTSkip("output/graph.nt is not built") }
        let graph = try readNTriples(output)
        let index = GraphIndex(graph)
        // Document texts by document IRI: nif:isString when present, else the seed file of that id.
        var texts: [Term: [Unicode.Scalar]] = [:]
        let contexts = index.subjects(Vocab.rdf.type, .iri(Vocab.nif.Context))
        XCTAssertEqual(contexts.count, 5, "one nif:Context per seed")
        for doc in contexts {
            if let s = index.objects(doc, Vocab.nif.isString).first?.literal?.lexicalForm {
                texts[doc] = Array(s.unicodeScalars)
            } else if case let .iri(iri) = doc, let id = iri.value.split(separator: "/").last?.replacingOccurrences(of: "doc-", with: "") {
                let text = try String(contentsOf: CLI.packageRoot.appendingPathComponent("seeds/\(id).txt"), encoding: .utf8)
                texts[doc] = Array(text.unicodeScalars)
            }
        }
        var checked = 0
        for mention in index.subjects(Vocab.rdf.type, .iri(Vocab.nif.Phrase)) {
            guard let doc = index.objects(mention, Vocab.nif.referenceContext).first,
                  let text = texts[doc],
                  let b = index.objects(mention, Vocab.nif.beginIndex).first?.literal.flatMap({ Int($0.lexicalForm) }),
                  let e = index.objects(mention, Vocab.nif.endIndex).first?.literal.flatMap({ Int($0.lexicalForm) }),
                  let anchor = index.objects(mention, Vocab.nif.anchorOf).first?.literal?.lexicalForm
            else { XCTFail("incomplete mention \(mention)"); continue }
            XCTAssertTrue(0 <= b && b < e && e <= text.count, "\(mention): \(b)..<\(e) out of range")
            guard 0 <= b && b < e && e <= text.count else { continue }
            var s = String.UnicodeScalarView()
            s.append(contentsOf: text[b..<e])
            XCTAssertEqual(String(s), anchor, "\(mention)")
            checked += 1
        }
        XCTAssertGreaterThan(checked, 100, "the seeds have many mentions")
        print("mention offsets: \(checked) mentions checked")
    }
}
