import Foundation
import NTriples
import RDF
import TestSupport
import XCTest

final class NTriplesReaderTests: XCTestCase {
    func read(_ text: String, format: NTriplesFormat = .nTriples) throws -> [Quad] {
        var r = NTriplesReader(source: InputSource(string: text, name: "t.nt"), format: format)
        var out: [Quad] = []
        while let q = try r.next() { out.append(q) }
        return out
    }

    func error(_ text: String, format: NTriplesFormat = .nTriples) -> SyntaxError? {
        do { _ = try read(text, format: format); return nil } catch { return error as? SyntaxError }
    }

    func testTermsAndEscapes() throws {
        let q = try read(#"<http://a/s> <http://a/p> "x\u00E9\U0001F600\t\"\\"@en-GB . # comment"#)
        XCTAssertEqual(q.count, 1)
        XCTAssertEqual(q[0].object, .literal(Literal("xé😀\t\"\\", language: "en-gb")))
        let t = try read("_:a <http://a/p> \"1\"^^<http://www.w3.org/2001/XMLSchema#integer> .\n_:a <http://a/p> _:b.c .\n")
        XCTAssertEqual(t[0].subject, t[1].subject)
        XCTAssertEqual(t[0].object, .literal(Literal("1", datatype: Vocab.xsd.integer)))
        XCTAssertTrue(t[1].object.isBlank)
        XCTAssertEqual(try read(#"<http://a/\u0073> <http://a/p> <http://a/o>."#)[0].subject, .iri(IRI(unchecked: "http://a/s")))
    }

    func testLineEndingsAndEmptyInput() throws {
        XCTAssertEqual(try read("").count, 0)
        XCTAssertEqual(try read("\n\r\n# only a comment\n   \t\n").count, 0)
        XCTAssertEqual(try read("<http://a/s> <http://a/p> <http://a/o> .\r\n<http://a/s> <http://a/p> <http://a/o2> .\r<http://a/s> <http://a/p> <http://a/o3> .").count, 3)
        let e = error("<http://a/s> <http://a/p> <http://a/o> .\r\n\r\n<http://a/s> <http://a/p> bad .")
        XCTAssertEqual(e?.position?.line, 3)
        XCTAssertEqual(e?.position?.column, 27)
        XCTAssertEqual(e?.file, "t.nt")
    }

    func testStrictness() {
        let bad = [
            "<s> <http://a/p> <http://a/o> .",                        // relative IRI
            "<http://a/s> <http://a/p> <http://a/o>",                 // no dot
            "\"lit\" <http://a/p> <http://a/o> .",                    // literal subject
            "<http://a/s> _:p <http://a/o> .",                        // blank predicate
            "<http://a/s> <http://a/p> \"x\\q\" .",                   // bad escape
            "<http://a/s> <http://a/p> \"x\\u00G0\" .",               // bad \u
            "<http://a/s> <http://a/p> \"x\\uD800\" .",               // surrogate
            "<http://a/s> <http://a/p> \"x\"@ .",                      // empty tag
            "<http://a/s> <http://a/p> \"x\"@en- .",                   // empty subtag
            "<http://a/s> <http://a/p> _:-x .",                        // bad label start
            "<http://a/s> <http://a/p> <http://a/o o> .",              // space in IRI
            "<http://a/s> <http://a/p> <http://a/\\u0020> .",          // escaped space
            "<http://a/s> <http://a/p> <http://a/o> <http://a/g> .",   // graph in N-Triples
            "<http://a/s> <http://a/p> <http://a/o> . x",              // junk after
            "<http://a/s> <http://a/p> \"unterminated .",
        ]
        for b in bad { XCTAssertNotNil(error(b), b) }
        XCTAssertNil(error("<http://a/s> <http://a/p> <http://a/o> <http://a/g> .", format: .nQuads))
        XCTAssertNotNil(error("<http://a/s> <http://a/p> <http://a/o> \"g\" .", format: .nQuads))
    }

    func testNQuadsGraphs() throws {
        let q = try read("<http://a/s> <http://a/p> <http://a/o> <http://a/g> .\n<http://a/s> <http://a/p> <http://a/o> .\n_:x <http://a/p> <http://a/o> _:g .\n", format: .nQuads)
        XCTAssertEqual(q[0].graph, .iri(IRI(unchecked: "http://a/g")))
        XCTAssertNil(q[1].graph)
        XCTAssertTrue(q[2].graph?.isBlank ?? false)
    }

    func testInvalidUTF8IsReportedWithPosition() {
        var bytes = Array("<http://a/s> <http://a/p> \"ab".utf8)
        bytes += [0xC3, 0x28]
        bytes += Array("\" .\n".utf8)
        var r = NTriplesReader(source: InputSource(bytes: bytes, name: "bad.nt"))
        XCTAssertThrowsError(try r.next()) { e in
            let e = e as? SyntaxError
            XCTAssertEqual(e?.position?.line, 1)
            XCTAssertEqual(e?.position?.column, 30)
            XCTAssertTrue(e?.message.contains("UTF-8") ?? false)
            XCTAssertEqual(e?.description.hasPrefix("bad.nt:1:30:"), true)
        }
    }

    func testOverlongLineIsAnErrorNotACrash() {
        var r = NTriplesReader(source: InputSource(bytes: Array(repeating: 0x61, count: 300_000)))
        r.maxLineLength = 100_000
        XCTAssertThrowsError(try r.next()) { e in
            XCTAssertTrue((e as? SyntaxError)?.message.contains("longer than") ?? false, "\(e)")
        }
    }

    /// Repeated IRIs are served from a small cache; colliding ones must never be confused.
    func testRepeatedAndCollidingIRIs() throws {
        var text = "", expected: [Quad] = []
        for i in 0..<2_000 {
            let s = "http://e/s\(i / 3)", p = "http://e/p\(i % 37)", o = "http://e/o\(i % 101)x"
            text += "<\(s)> <\(p)> <\(o)> .\n"
            expected.append(Quad(.iri(IRI(unchecked: s)), .iri(IRI(unchecked: p)), .iri(IRI(unchecked: o))))
        }
        XCTAssertEqual(try read(text), expected)
    }

    /// Statements spanning the reader's block boundaries (and a CRLF split across two blocks).
    func testStreamingAcrossBlocks() throws {
        var text = ""
        for i in 0..<20_000 {
            text += "<http://example.org/s\(i)> <http://example.org/p> \"value \(i) é\" .\r\n"
        }
        let quads = try read(text)
        XCTAssertEqual(quads.count, 20_000)
        XCTAssertEqual(quads.last?.object, .literal(Literal("value 19999 é")))
    }
}

final class NTriplesWriterTests: XCTestCase {
    func testCanonicalEscapes() throws {
        let out = OutputBuffer()
        var w = NTriplesWriter(output: out)
        let s = Term.iri(IRI(unchecked: "http://a/s")), p = Term.iri(IRI(unchecked: "http://a/p"))
        try w.write(Triple(s, p, .literal(Literal("\u{08}\t\n\u{0C}\r\"\\\u{01}\u{7F}é'"))))
        try w.write(Triple(s, p, .literal(Literal("x", language: "EN-gb"))))
        try w.write(Triple(s, p, .literal(Literal("1", datatype: Vocab.xsd.integer))))
        try w.write(Triple(.blank(BlankNode("b1")), p, .blank(BlankNode("not valid!"))))
        try w.write(Quad(s, p, s, graph: .iri(IRI(unchecked: "http://a/g"))))
        try w.finish()
        XCTAssertEqual(out.string, """
        <http://a/s> <http://a/p> "\\b\\t\\n\\f\\r\\"\\\\\\u0001\\u007Fé'" .
        <http://a/s> <http://a/p> "x"@en-gb .
        <http://a/s> <http://a/p> "1"^^<http://www.w3.org/2001/XMLSchema#integer> .
        _:b1 <http://a/p> _:u6e6f742076616c696421 .
        <http://a/s> <http://a/p> <http://a/s> .

        """)
    }

    func testNQuadsKeepsGraphsAndRejectsWhatItCannotWrite() throws {
        let out = OutputBuffer()
        var w = NTriplesWriter(output: out, format: .nQuads)
        let s = Term.iri(IRI(unchecked: "http://a/s"))
        try w.write(Quad(s, s, s, graph: .blank(BlankNode("g"))))
        XCTAssertEqual(out.string, "<http://a/s> <http://a/s> <http://a/s> _:g .\n")
        XCTAssertThrowsError(try w.write(Quad(.literal(Literal("x")), s, s)))
        XCTAssertThrowsError(try w.write(Quad(s, .blank(BlankNode("p")), s)))
        XCTAssertThrowsError(try w.write(Quad(s, s, s, graph: .literal(Literal("g")))))
        XCTAssertThrowsError(try w.write(Quad(s, s, .literal(Literal("x", language: "en_US")))))
        XCTAssertThrowsError(try w.write(Quad(s, s, .literal(Literal("x", language: "1en")))))
        XCTAssertNoThrow(try w.write(Quad(s, s, .literal(Literal("x", language: "de-CH-1996")))))
    }

    /// Every N-Triples and N-Quads suite file survives write → read unchanged.
    func testRoundTripOfSuiteFiles() throws {
        guard let nt = SharedData.conformance("ntriples"), let nq = SharedData.conformance("nquads") else {
            print("ntriples writer round trip: skipped (../shared/conformance not found)")
            throw XCTSkip("shared conformance data not found")
        }
        var tally = ConformanceTally(suite: "ntriples/nquads writer round-trip")
        for (dir, format) in [(nt, NTriplesFormat.nTriples), (nq, .nQuads)] {
            for e in try Manifest.load(dir.appendingPathComponent("manifest.ttl")) where e.typeNames.contains(where: { $0.hasSuffix("PositiveSyntax") }) {
                guard let action = e.action else { continue }
                var r = NTriplesReader(source: try InputSource(path: action.path), format: format)
                let d = try r.readDataset()
                let out = OutputBuffer()
                var w = NTriplesWriter(output: out, format: format)
                try w.write(d)
                var back = NTriplesReader(source: InputSource(bytes: out.bytes), format: format)
                let d2 = try back.readDataset()
                tally.record(e.id, passed: Isomorphism.isIsomorphic(d, d2), message: out.string)
            }
        }
        tally.report()
        XCTAssertEqual(tally.passed, tally.total, tally.summary)
    }

    /// RDF 1.2 canonical N-Triples / N-Quads (writer output equals the expected text). Reported,
    /// not enforced: the RDF 1.2 triple-term tests need a syntax this RDF 1.1 reader rejects.
    func testRDF12CanonicalForm() throws {
        guard let shared = SharedData.directory else {
            print("ntriples c14n conformance: skipped (../shared not found)")
            throw XCTSkip("shared data not found")
        }
        for (sub, format, suite) in [("ntriples", NTriplesFormat.nTriples, "ntriples-c14n (RDF 1.2)"), ("nquads", .nQuads, "nquads-c14n (RDF 1.2)")] {
            let manifest = shared.appendingPathComponent("conformance/rdf12/\(sub)/c14n/manifest.ttl")
            var tally = ConformanceTally(suite: suite)
            for e in try Manifest.load(manifest) {
                guard let action = e.action, let result = e.result else { continue }
                do {
                    var r = NTriplesReader(source: try InputSource(path: action.path), format: format)
                    let out = OutputBuffer()
                    var w = NTriplesWriter(output: out, format: format)
                    while let q = try r.next() { try w.write(q) }
                    let expected = try String(contentsOf: result, encoding: .utf8)
                    tally.record(e.id, passed: out.string == expected, message: out.string)
                } catch {
                    tally.record(e.id, passed: false, message: "\(error)")
                }
            }
            tally.report()
        }
    }
}
