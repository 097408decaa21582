import RDF
import XCTest

final class IRIResolutionTests: XCTestCase {
    static let base = "http://a/b/c/d;p?q"

    /// RFC 3986 §5.4.1.
    func testNormalExamples() {
        let cases: [(String, String)] = [
            ("g:h", "g:h"), ("g", "http://a/b/c/g"), ("./g", "http://a/b/c/g"), ("g/", "http://a/b/c/g/"),
            ("/g", "http://a/g"), ("//g", "http://g"), ("?y", "http://a/b/c/d;p?y"), ("g?y", "http://a/b/c/g?y"),
            ("#s", "http://a/b/c/d;p?q#s"), ("g#s", "http://a/b/c/g#s"), ("g?y#s", "http://a/b/c/g?y#s"),
            (";x", "http://a/b/c/;x"), ("g;x", "http://a/b/c/g;x"), ("g;x?y#s", "http://a/b/c/g;x?y#s"),
            ("", "http://a/b/c/d;p?q"), (".", "http://a/b/c/"), ("./", "http://a/b/c/"), ("..", "http://a/b/"),
            ("../", "http://a/b/"), ("../g", "http://a/b/g"), ("../..", "http://a/"), ("../../", "http://a/"),
            ("../../g", "http://a/g"),
        ]
        for (ref, expected) in cases {
            XCTAssertEqual(IRIReference.resolve(ref, against: Self.base), expected, "<\(ref)>")
        }
    }

    /// RFC 3986 §5.4.2 (strict parser: `http:g` is absolute).
    func testAbnormalExamples() {
        let cases: [(String, String)] = [
            ("../../../g", "http://a/g"), ("../../../../g", "http://a/g"), ("/./g", "http://a/g"), ("/../g", "http://a/g"),
            ("g.", "http://a/b/c/g."), (".g", "http://a/b/c/.g"), ("g..", "http://a/b/c/g.."), ("..g", "http://a/b/c/..g"),
            ("./../g", "http://a/b/g"), ("./g/.", "http://a/b/c/g/"), ("g/./h", "http://a/b/c/g/h"), ("g/../h", "http://a/b/c/h"),
            ("g;x=1/./y", "http://a/b/c/g;x=1/y"), ("g;x=1/../y", "http://a/b/c/y"), ("g?y/./x", "http://a/b/c/g?y/./x"),
            ("g?y/../x", "http://a/b/c/g?y/../x"), ("g#s/./x", "http://a/b/c/g#s/./x"), ("g#s/../x", "http://a/b/c/g#s/../x"),
            ("http:g", "http:g"),
        ]
        for (ref, expected) in cases {
            XCTAssertEqual(IRIReference.resolve(ref, against: Self.base), expected, "<\(ref)>")
        }
    }

    func testValidation() {
        for good in ["http://example.org/a", "urn:isbn:0451450523", "http://example.org/%41", "http://例え.jp/パス", "file:///tmp/x#f"] {
            XCTAssertNoThrow(try IRI(good), good)
        }
        for bad in ["relative/path", "http://example.org/a b", "http://example.org/<x>", "http://e/{x}", "http://e/a|b",
                    "http://e/%4", "http://e/%zz", "http://e/a\\b", "http://e/a^b", "http://e/`", "http://e/\u{7F}", ":nope", "1http://x"] {
            XCTAssertThrowsError(try IRI(bad), bad)
        }
    }
}
