import Foundation
import RDF
import XCTest
@testable import DOT

/// The writer's byte-level fast paths against the plain definitions they replace: each must give
/// the same bytes for every input, ASCII or not.
final class DOTFastPathTests: XCTestCase {
    /// Texts that exercise every escaping rule, ASCII and not.
    static let texts: [String] = {
        var texts = [
            "", " ", "plain", "say \"hi\"", "back\\slash", "trailing\\", "two\nlines\r\nand CRLF", "tab\there",
            "<b>x</b> & <i>y</i>", "Orbán", "Siobhán O’Grady", "中文 名字", "emoji 🙂👍🏽", "مرحبا",
            "control \u{01}\u{7F}\u{9F}\u{FFFE}\u{FFFF} chars", "\u{C2}\u{A0} nbsp \u{80}", "\u{EF}\u{BF}\u{BD}",
            "e\u{301} combining", "\\N \\G", "&amp;", "]]>", "a\"b\\\"c",
        ]
        // Every scalar up to U+0250 and around U+FFFE, alone and between letters.
        for v in Array(0..<0x250) + Array(0xFFF0...0xFFFF) {
            guard let scalar = Unicode.Scalar(v) else { continue }
            texts.append(String(Character(scalar)))
            texts.append("a" + String(Character(scalar)) + "b")
        }
        return texts
    }()

    /// The escaping rules of `DOTEscaping`, written per Unicode scalar.
    static func referenceEscape(_ s: String, _ mode: DOTEscaping.Mode) -> String {
        var out = ""
        for c in s.unicodeScalars {
            switch (c, mode) {
            case ("\"", .html): out += "&quot;"
            case ("\"", _): out += "\\\""
            case ("\\", _): out += "\\\\"
            case ("&", .text), ("&", .html): out += "&amp;"
            case ("<", .html): out += "&lt;"
            case (">", .html): out += "&gt;"
            case ("\n", .html): out += "<BR/>"
            case ("\n", .text): out += "\\n"
            case ("\t", .text), ("\t", .html): out += " "
            case _ where mode == .id: out.unicodeScalars.append(c)  // only the lexer reads IDs
            case _ where c.value < 0x20 || c.value == 0x7F: break
            case _ where (0x80...0x9F).contains(c.value) || c.value == 0xFFFE || c.value == 0xFFFF: break
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }

    func testEscapingMatchesTheRules() {
        for text in Self.texts {
            for mode in [DOTEscaping.Mode.id, .text, .html] {
                XCTAssertEqual(DOTEscaping.render(text, mode, quoted: false), Self.referenceEscape(text, mode), "\(mode) \(text.debugDescription)")
            }
        }
    }

    /// `writeWrapped` (lines escaped straight from the bytes) against `wrap`, line by line.
    func testWrappedLabelsMatchWrap() {
        let texts = Self.texts + [
            "Person number 12345 \"quoted\"", "  leading and  double  spaces ", "Averyveryveryverylongwordthatmustbecut and more",
            "Phone call between Donald Trump and Vladimir Putin", "a b c d e f g h i j k l m n o p", "exactlytwentytwochars! next",
            "The Washington Post <&> \\ backslash", "Viktor Orbán meets the press in Budapest", "line\nbreak in a long label here",
        ]
        for text in texts {
            for width in [0, 1, 2, 5, 10, 22, 30] {
                var bytes: [UInt8] = []
                DOTWriter.writeWrapped(text, width: width, &bytes)
                let expected = DOTEscaping.wrap(text, width: width).map(DOTEscaping.html).joined(separator: "<BR/>")
                XCTAssertEqual(String(decoding: bytes, as: UTF8.self), expected, "\(text.debugDescription) @\(width)")
            }
        }
        XCTAssertEqual(DOTEscaping.wrapPrintableASCII("no width, one line", width: 0), ["no width, one line"])
    }

    /// `writeShortForm` (ASCII IRIs matched as bytes) against `shortForm`, escaped.
    func testShortFormBytesMatchShortForm() {
        var terms: [Term] = [.blank(BlankNode("b1")), .blank(BlankNode("b\"2")), .literal(Literal("x \"y\""))]
        for ns in DOTVocab.prefixes.sorted {
            for local in ["", "Person", "a\"b\\c", "é", "\u{301}x", "x/y#z", "#", "/"] {
                terms.append(.iri(IRI(unchecked: ns.iri + local)))
            }
            terms.append(.iri(IRI(unchecked: String(ns.iri.dropLast()))))
        }
        terms += ["http://example.org/thing", "urn:x:y", "", "héllo:wörld", "http://schema.org", "http://www.wikidata.org/entity/Q1"]
            .map { .iri(IRI(unchecked: $0)) }
        for term in terms {
            var bytes: [UInt8] = []
            writeShortForm(term, &bytes)
            XCTAssertEqual(String(decoding: bytes, as: UTF8.self), DOTEscaping.render(shortForm(term), .text, quoted: false), "\(term)")
        }
    }

    /// `localName` on bytes against the definition on the UTF-8 view it replaced.
    func testLocalNameMatchesReference() {
        func reference(_ iri: String) -> String {
            let bytes = iri.utf8
            var end = bytes.endIndex
            while end > bytes.startIndex {
                let previous = bytes.index(before: end)
                guard bytes[previous] == 0x2F || bytes[previous] == 0x23 else { break }
                end = previous
            }
            let trimmed = bytes[bytes.startIndex..<end]
            if let i = trimmed.lastIndex(where: { $0 == 0x2F || $0 == 0x23 }), bytes.index(after: i) < end {
                return String(Substring(trimmed[bytes.index(after: i)...]))
            }
            if let i = trimmed.lastIndex(of: 0x3A), bytes.index(after: i) < end {
                return String(Substring(trimmed[bytes.index(after: i)...]))
            }
            return iri
        }
        let iris = [
            "", "/", "#", "//##", "a", "http://schema.org/Person", "http://schema.org/", "http://x.org/a#b", "http://x.org/a#",
            "urn:isbn:123", "urn:", "x:", ":x", "http://x.org/thing/with/path#frag", "http://x.org/é/Orbán", "http://x.org/a/b//",
            "mailto:someone@example.org", "中文:名字", "a/b:c", "a:b/c",
        ]
        for iri in iris { XCTAssertEqual(localName(iri), reference(iri), iri.debugDescription) }
    }

    /// Node IDs sorted as bytes come out in `String` order, also with non-ASCII IDs among them.
    func testSortedByIDMatchesStringOrder() {
        var ids = Self.texts.filter { !$0.isEmpty } + ["https://w3id.org/newsgraph/id/person-1", "https://w3id.org/newsgraph/id/person-10", "_:b1", "e\u{301}", "\u{E9}"]
        var rng = SeededGenerator(seed: 3)
        ids.shuffle(using: &rng)
        let items = ids.enumerated().map { (id: $0.element, r: $0.offset) }
        XCTAssertEqual(GraphView.sortedByID(items).map(\.id), ids.sorted())
    }

    /// ASCII IDs (compared as bytes) come out in `String` order too, equal IDs in their first
    /// order: shared prefixes of every length, prefixes of each other, repeats.
    func testSortedASCIIIDsMatchStringOrder() {
        var ids = ["", "a", "a\u{01}", "ab", "abcdefgh", "abcdefg", "abcdefghi", "abcdefgh\u{7F}", "_:b1", "_:b10", "_:b2"]
        for i in 0..<400 { ids.append("https://w3id.org/newsgraph/id/\(["person", "event", "doc"][i % 3])-\(i % 170)") }
        ids += ids.prefix(50)
        var rng = SeededGenerator(seed: 5)
        ids.shuffle(using: &rng)
        let items = ids.enumerated().map { (id: $0.element, r: $0.offset) }
        let expected = items.sorted { a, b in a.id != b.id ? a.id < b.id : a.r < b.r }
        let sorted = GraphView.sortedByID(items)
        XCTAssertEqual(sorted.map(\.id), expected.map(\.id))
        XCTAssertEqual(sorted.map(\.r), expected.map(\.r))
    }

    /// The writer's term index gives each IRI or blank node the ID a dictionary keyed by its
    /// kind and bytes would, through the table's growth; an IRI and a blank node with the same
    /// text stay apart.
    func testTermIndexMatchesADictionaryOfBytes() {
        var texts = Self.texts
        for i in 0..<3000 { texts.append("https://w3id.org/newsgraph/id/person-\(i % 1500)") }
        var rng = SeededGenerator(seed: 7)
        texts.shuffle(using: &rng)
        var index = TermTable(capacity: 4)
        var reference: [[UInt8]: Int] = [:]
        for (n, text) in texts.enumerated() {
            let term: Term = n % 3 == 0 ? .blank(BlankNode(text)) : .iri(IRI(unchecked: text))
            let key = [n % 3 == 0 ? UInt8(2) : 1] + Array(text.utf8)
            let expected = reference[key] ?? reference.count
            reference[key] = expected
            XCTAssertEqual(Int(index.intern(term)), expected, text.debugDescription)
        }
        XCTAssertEqual(index.terms.count, reference.count)
        for (id, term) in index.terms.enumerated() { XCTAssertEqual(index.lookup(term).map(Int.init), id) }
        XCTAssertNil(index.lookup(.iri(IRI(unchecked: "https://w3id.org/newsgraph/id/person-1500"))))
    }
}
