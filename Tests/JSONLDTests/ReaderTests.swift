import Foundation
import JSON
import JSONLD
import RDF
import XCTest

final class JSONLDReaderTests: XCTestCase {
    func read(_ text: String, options: JSONLDOptions = JSONLDOptions()) throws -> Dataset {
        try JSONLDReader(options: options).read(Array(text.utf8), file: "in.jsonld")
    }

    func testSchemaOrgContextWorksOffline() throws {
        for ctx in ["https://schema.org/", "http://schema.org", "https://schema.org/docs/jsonldcontext.json"] {
            let d = try read(#"{"@context": "\#(ctx)", "@type": "Person", "@id": "https://example.org/ada", "name": "Ada Lovelace", "birthDate": "1815-12-10"}"#)
            let ada = Term.iri(IRI(unchecked: "https://example.org/ada"))
            XCTAssertTrue(d.contains(Quad(ada, .iri(Vocab.rdf.type), .iri(IRI(unchecked: "http://schema.org/Person")))), "\(d.sorted())")
            XCTAssertTrue(d.contains(Quad(ada, .iri(IRI(unchecked: "http://schema.org/name")), .literal(Literal("Ada Lovelace")))))
            XCTAssertTrue(d.contains(Quad(ada, .iri(IRI(unchecked: "http://schema.org/birthDate")),
                                          .literal(Literal("1815-12-10", datatype: IRI(unchecked: "http://schema.org/Date"))))), "\(d.sorted())")
        }
    }

    func testRemoteContextIsRefusedWithAHelpfulMessage() {
        XCTAssertThrowsError(try read(#"{"@context": "https://example.com/ctx.jsonld", "name": "x"}"#)) { error in
            guard let e = error as? JSONLDError else { return XCTFail("\(error)") }
            XCTAssertEqual(e.code, "loading remote context failed")
            XCTAssertTrue(e.message.contains("--allow-remote-contexts"), e.message)
            XCTAssertTrue(e.message.contains("--map-url"), e.message)
        }
    }

    func testMapURLServesLocalFolderAndRecursionIsDetected() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("jsonld-map-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try #"{"@context": {"@vocab": "https://example.org/vocab#"}}"#.write(to: dir.appendingPathComponent("ok.jsonld"), atomically: true, encoding: .utf8)
        try #"{"@context": ["https://ctx.example/loop-b.jsonld"]}"#.write(to: dir.appendingPathComponent("loop-a.jsonld"), atomically: true, encoding: .utf8)
        try #"{"@context": ["https://ctx.example/loop-a.jsonld"]}"#.write(to: dir.appendingPathComponent("loop-b.jsonld"), atomically: true, encoding: .utf8)
        let loader = StandardDocumentLoader()
        try loader.addMapping("https://ctx.example/=\(dir.path)")
        var o = JSONLDOptions()
        o.documentLoader = loader
        let d = try read(#"{"@context": "https://ctx.example/ok.jsonld", "p": "v"}"#, options: o)
        XCTAssertEqual(d.count, 1)
        XCTAssertEqual(d.quads.first?.predicate, .iri(IRI(unchecked: "https://example.org/vocab#p")))
        XCTAssertThrowsError(try read(#"{"@context": "https://ctx.example/loop-a.jsonld", "p": "v"}"#, options: o)) { error in
            XCTAssertEqual((error as? JSONLDError)?.code, "recursive context inclusion", "\(error)")
        }
    }

    func testErrorsCarryCodePathAndPosition() {
        let text = """
        {
          "@context": {"@vocab": "http://example.org/"},
          "@graph": [
            {"@id": "http://example.org/a", "name": "A"},
            {"@id": "http://example.org/b", "name": {"@value": "B", "@language": 5}}
          ]
        }
        """
        XCTAssertThrowsError(try read(text)) { error in
            guard let e = error as? JSONLDError else { return XCTFail("\(error)") }
            XCTAssertEqual(e.code, "invalid language-tagged string")
            XCTAssertEqual(e.path, "/@graph/1/name/@language")
            XCTAssertEqual(e.position?.line, 5)
            XCTAssertEqual(e.position?.column, 74)
            XCTAssertTrue(e.description.hasPrefix("in.jsonld:5:74: JSON-LD error 'invalid language-tagged string' at /@graph/1/name/@language"), e.description)
        }
        XCTAssertThrowsError(try read(#"{"@context": {"t": {"@id": 5}}, "t": 1}"#)) { error in
            XCTAssertEqual((error as? JSONLDError)?.code, "invalid IRI mapping")
            XCTAssertEqual((error as? JSONLDError)?.path, "/@context")
        }
    }

    func testInvalidJSONIsASyntaxErrorWithLineAndColumn() {
        XCTAssertThrowsError(try read("{\n  \"a\": [1, 2,]\n}")) { error in
            guard let e = error as? SyntaxError else { return XCTFail("\(error)") }
            XCTAssertEqual(e.file, "in.jsonld")
            XCTAssertEqual(e.position?.line, 2)
            XCTAssertEqual(e.position?.column, 14)
        }
    }

    func testHostileInputEndsInErrorsNotCrashes() {
        // Deep JSON nesting.
        let deep = String(repeating: "{\"http://e/p\":", count: 50_000) + "1" + String(repeating: "}", count: 50_000)
        XCTAssertThrowsError(try read(deep))
        // Nesting just under the JSON limit is processed (on a large stack), not a crash.
        let medium = String(repeating: "{\"http://e/p\":", count: 510) + "1" + String(repeating: "}", count: 510)
        XCTAssertEqual(try read(medium).count, 510)
        // A context that includes itself through a scoped context does not loop.
        XCTAssertNoThrow(try read(#"{"@context": {"@vocab": "http://e/", "t": {"@context": {"u": {"@context": {"t": {"@id": "http://e/t2"}}}}}}, "t": {"u": {"t": {"v": 1}}}}"#))
        // An oversized document is refused before parsing.
        XCTAssertThrowsError(try JSONLDReader(maxDocumentBytes: 10).read(Array("[{\"http://e/p\": 1}]".utf8)))
    }

    func testOptionsMapToTheAPI() throws {
        var o = JSONLDOptions(base: "http://example.org/base/")
        o.rdfDirection = .i18nDatatype
        let d = try read(#"{"@id": "x", "http://e/p": {"@value": "مرحبا", "@language": "ar", "@direction": "rtl"}}"#, options: o)
        XCTAssertEqual(d.quads.first?.subject, .iri(IRI(unchecked: "http://example.org/base/x")))
        XCTAssertEqual(d.quads.first?.object.literal?.datatype.value, "https://www.w3.org/ns/i18n#ar_rtl")
        var ten = JSONLDOptions()
        ten.processingMode = .jsonLD10
        XCTAssertThrowsError(try read(#"{"@context": {"@version": 1.1}, "http://e/p": 1}"#, options: ten)) { error in
            XCTAssertEqual((error as? JSONLDError)?.code, "processing mode conflict")
        }
        var ec = JSONLDOptions()
        ec.expandContext = ["@vocab": "http://vocab.example/"]
        XCTAssertEqual(try read(#"{"p": "v"}"#, options: ec).quads.first?.predicate, .iri(IRI(unchecked: "http://vocab.example/p")))
    }
}
