import Foundation
import JSON
import RDF
import Validation
import XCTest

/// Compacted JSON-LD in the writer's profile (see Tests/JSONLDTests/Golden/news-compact.jsonld).
let sampleJSONLD = """
{
  "@context": "https://w3id.org/newsgraph/context.jsonld",
  "@graph": [
    {
      "id": "ngid:doc-a1",
      "type": ["nif:Context", "NewsArticle"],
      "beginIndex": "0",
      "endIndex": "120",
      "datePublished": "2025-02-13",
      "name": "a1.txt"
    },
    {
      "id": "ngid:person-vladimir-putin",
      "type": "Person",
      "alternateName": ["Putin", {"@language": "ru", "@value": "Путин"}],
      "name": "Vladimir Putin",
      "sameAs": "wd:Q7747",
      "wasDerivedFrom": "ngid:doc-a1"
    },
    {
      "id": "ngid:event-2025-02-12-phone-call-donald-trump-vladimir-putin",
      "type": ["Event", "ng:PhoneCall"],
      "name": "Phone call between Donald Trump and Vladimir Putin",
      "participant": ["ngid:person-donald-trump", "ngid:person-vladimir-putin"],
      "startDate": "2025-02-12",
      "contested": "false",
      "hasAttribution": {"id": "ngid:attr-x"},
      "score": {"@value": "0.5", "@type": "xsd:decimal"}
    },
    {
      "id": "ngid:doc-a1#char=0,12",
      "type": "nif:Phrase",
      "beginIndex": "0",
      "endIndex": "12",
      "anchorOf": "Donald Trump",
      "@graph": [ { "id": "ngid:x", "name": "inside a named graph" } ]
    }
  ]
}

"""

final class JSONSchemaFileTests: XCTestCase {
    var validator: JSONSchemaValidator!

    override func setUpWithError() throws {
        validator = try JSONSchemaValidator(schemaPath: TestFiles.schema("newsgraph.schema.json"))
    }

    func findings(_ text: String) -> [Finding] { validator.validate(bytes: Array(text.utf8), file: "sample.jsonld") }

    func testValidSampleConforms() {
        XCTAssertEqual(findings(sampleJSONLD).map(ReportFormatter.line), [])
    }

    func testJSONLDWritersGoldenOutputConforms() throws {
        let golden = TestFiles.packageRoot.appendingPathComponent("Tests/JSONLDTests/Golden/news-compact.jsonld").path
        guard FileManager.default.fileExists(atPath: golden) else { throw XCTSkip("JSON-LD golden file not on this branch") }
        XCTAssertEqual(validator.validate(file: golden).map(ReportFormatter.line), [])
    }

    /// Each rule of the profile, broken once; the finding names the keyword and points at the
    /// offending value's line and column.
    func testMutants() {
        let mutants: [(name: String, old: String, new: String, keyword: String, marker: String)] = [
            ("no @context", "\"@context\": \"https://w3id.org/newsgraph/context.jsonld\",\n", "", "required", "{"),
            ("@graph not an array", "\"@graph\": [", "\"@graph\": 5, \"g2\": [", "type", "5,"),
            ("node without id", "\"id\": \"ngid:person-vladimir-putin\",\n", "", "required", "{\n            \"type\": \"Person\""),
            ("top node without type", "\"type\": \"Person\",\n", "", "required", "{\n      \"id\": \"ngid:person-vladimir-putin\""),
            ("blank node id", "\"ngid:person-vladimir-putin\",\n      \"type\"", "\"_:b0\",\n      \"type\"", "not", "\"_:b0\""),
            ("type a number", "\"type\": \"Person\"", "\"type\": 7", "anyOf", "7,"),
            ("date with time", "\"startDate\": \"2025-02-12\"", "\"startDate\": \"2025-02-12T10:00:00Z\"", "format", "\"2025-02-12T10"),
            ("impossible date", "\"datePublished\": \"2025-02-13\"", "\"datePublished\": \"2025-02-30\"", "format", "\"2025-02-30\""),
            ("sameAs not Wikidata", "\"sameAs\": \"wd:Q7747\"", "\"sameAs\": \"https://en.wikipedia.org/wiki/Putin\"", "anyOf", "\"https://en.wikipedia"),
            ("unknown keyword", "\"name\": \"a1.txt\"", "\"name\": \"a1.txt\", \"@reverse\": {}", "additionalProperties", "{}"),
            ("value object with type and language", "{\"@language\": \"ru\", \"@value\": \"Путин\"}",
             "{\"@language\": \"ru\", \"@type\": \"xsd:string\", \"@value\": \"Путин\"}", "anyOf", "[\"Putin\""),
            ("negative index", "\"endIndex\": \"12\"", "\"endIndex\": -12", "anyOf", "-12,"),
            ("id with space", "\"id\": \"ngid:x\"", "\"id\": \"ngid:x y\"", "pattern", "\"ngid:x y\""),
        ]
        for m in mutants {
            let broken = mutate(sampleJSONLD, m.old, m.new)
            let fs = findings(broken)
            XCTAssertFalse(fs.isEmpty, "\(m.name): not detected")
            guard let f = fs.first(where: { $0.constraint == "json-schema:" + m.keyword }) else {
                XCTFail("\(m.name): no json-schema:\(m.keyword) finding in \(fs.map(ReportFormatter.line))"); continue
            }
            var expected = TestFiles.position(of: m.marker, in: broken)
            if m.marker == "{" { expected = (1, 1) }
            XCTAssertEqual(f.line, expected?.line, "\(m.name): \(ReportFormatter.line(f))")
            XCTAssertEqual(f.column, expected?.column, "\(m.name): \(ReportFormatter.line(f))")
            XCTAssertEqual(f.file, "sample.jsonld")
            XCTAssertEqual(f.stage, .schema)
            XCTAssertNotNil(f.focusNode)
        }
    }

    func testMalformedJSONIsASyntaxFindingWithPosition() {
        let broken = mutate(sampleJSONLD, "\"name\": \"a1.txt\"", "\"name\": \"a1.txt\",,")
        let fs = findings(broken)
        XCTAssertEqual(fs.count, 1)
        XCTAssertEqual(fs.first?.stage, .syntax)
        XCTAssertEqual(fs.first?.line, TestFiles.line(of: ",,", in: broken))
        XCTAssertNotNil(fs.first?.column)
    }

    func testDeeplyNestedInputIsAnErrorNotACrash() {
        let deep = "{\"@context\": " + String(repeating: "[", count: 200_000) + String(repeating: "]", count: 200_000) + ", \"@graph\": []}"
        let fs = findings(deep)
        XCTAssertEqual(fs.first?.stage, .syntax)
    }

    /// A large generated document validates in bounded time.
    func testLargeDocumentInBoundedTime() {
        var text = "{\"@context\": \"https://w3id.org/newsgraph/context.jsonld\", \"@graph\": [\n"
        let n = 5_000
        for i in 0..<n {
            text += "{\"id\": \"ngid:person-\(i)\", \"type\": \"Person\", \"name\": \"Person \(i)\", \"sameAs\": \"wd:Q\(i + 1)\", \"wasDerivedFrom\": [\"ngid:doc-a\", \"ngid:doc-b\"]},\n"
        }
        text += "{\"id\": \"ngid:last\", \"type\": \"Person\", \"startDate\": \"yesterday\"}\n]}\n"
        let start = Date()
        let fs = findings(text)
        let t = Date().timeIntervalSince(start)
        print("JSON Schema validation of \(text.utf8.count / 1000) kB (\(n) nodes): \(String(format: "%.2f", t)) s")
        XCTAssertEqual(fs.count, 1, "\(fs.prefix(3))")
        XCTAssertEqual(fs.first?.line, n + 2)
        XCTAssertLessThan(t, 120)
    }
}

/// The validator keyword by keyword, each with a passing and a failing instance.
final class JSONSchemaKeywordTests: XCTestCase {
    func check(_ schema: String, valid: [String], invalid: [(String, String)], file: StaticString = #filePath, line: UInt = #line) throws {
        let v = try JSONSchemaValidator(schema: try JSONParser.parse(schema))
        for text in valid {
            let found = v.violations(try JSONParser.parse(text))
            XCTAssertEqual(found, [], "\(schema) should accept \(text)", file: file, line: line)
        }
        for (text, keyword) in invalid {
            let found = v.violations(try JSONParser.parse(text))
            XCTAssertTrue(found.contains { $0.keyword == keyword }, "\(schema) should reject \(text) by \(keyword): \(found)", file: file, line: line)
        }
    }

    func testKeywords() throws {
        try check(#"{"type": "integer"}"#, valid: ["1", "1.0", "-3"], invalid: [("1.5", "type"), ("\"1\"", "type"), ("true", "type")])
        try check(#"{"type": ["string", "null"]}"#, valid: ["\"a\"", "null"], invalid: [("0", "type")])
        try check(#"{"required": ["a"], "properties": {"a": {"type": "string"}}, "additionalProperties": false}"#,
                  valid: [#"{"a": "x"}"#, "3"], invalid: [("{}", "required"), (#"{"a": 1}"#, "type"), (#"{"a": "x", "b": 1}"#, "additionalProperties")])
        try check(#"{"patternProperties": {"^x-": {"type": "integer"}}, "additionalProperties": {"type": "string"}}"#,
                  valid: [#"{"x-a": 1, "b": "s"}"#], invalid: [(#"{"x-a": "1"}"#, "type"), (#"{"b": 2}"#, "type")])
        try check(#"{"prefixItems": [{"type": "string"}], "items": {"type": "integer"}, "minItems": 1, "maxItems": 3, "uniqueItems": true}"#,
                  valid: [#"["a"]"#, #"["a", 1, 2]"#],
                  invalid: [("[]", "minItems"), (#"["a", 1, 2, 3]"#, "maxItems"), (#"[1]"#, "type"), (#"["a", "b"]"#, "type"), (#"["a", 1, 1]"#, "uniqueItems")])
        try check(#"{"items": false, "prefixItems": [true]}"#, valid: ["[1]"], invalid: [("[1, 2]", "items")])
        try check(#"{"enum": ["a", 1, null]}"#, valid: ["\"a\"", "1.0", "null"], invalid: [("\"b\"", "enum")])
        try check(#"{"const": {"a": [1, 2]}}"#, valid: [#"{"a": [1, 2.0]}"#], invalid: [(#"{"a": [2, 1]}"#, "const")])
        try check(#"{"pattern": "^Q[1-9][0-9]*$", "minLength": 2, "maxLength": 4}"#,
                  valid: ["\"Q12\"", "7"], invalid: [("\"Q0\"", "pattern"), ("\"Q\"", "minLength"), ("\"Q1234\"", "maxLength")])
        try check(#"{"format": "date"}"#, valid: ["\"2024-02-29\"", "\"2025-12-31\""],
                  invalid: [("\"2025-02-29\"", "format"), ("\"2025-13-01\"", "format"), ("\"25-01-01\"", "format"), ("\"2025-01-01Z\"", "format")])
        try check(#"{"format": "date-time"}"#, valid: ["\"2025-01-01T10:00:00Z\"", "\"2025-01-01T10:00:00.5+02:00\""],
                  invalid: [("\"2025-01-01T10:00:00\"", "format"), ("\"2025-01-01 10:00:00Z\"", "format"), ("\"2025-01-01T25:00:00Z\"", "format")])
        try check(#"{"format": "iri"}"#, valid: ["\"http://example.org/ä\"", "\"urn:x\""], invalid: [("\"relative/path\"", "format"), ("\"http://a b\"", "format")])
        try check(#"{"format": "uri"}"#, valid: ["\"http://example.org/a\""], invalid: [("\"http://example.org/ä\"", "format")])
        try check(#"{"minimum": 0, "exclusiveMaximum": 10, "multipleOf": 2}"#, valid: ["0", "8"],
                  invalid: [("-2", "minimum"), ("10", "exclusiveMaximum"), ("3", "multipleOf")])
        try check(#"{"maximum": 5, "exclusiveMinimum": 1}"#, valid: ["5"], invalid: [("6", "maximum"), ("1", "exclusiveMinimum")])
        try check(##"{"$defs": {"pos": {"type": "integer", "minimum": 1}}, "items": {"$ref": "#/$defs/pos"}}"##,
                  valid: ["[1, 2]"], invalid: [("[0]", "minimum")])
        try check(##"{"type": "object", "properties": {"next": {"$ref": "#"}}, "required": ["v"]}"##,
                  valid: [#"{"v": 1, "next": {"v": 2}}"#], invalid: [(#"{"v": 1, "next": {}}"#, "required")])
        try check(#"{"allOf": [{"type": "integer"}, {"minimum": 2}]}"#, valid: ["3"], invalid: [("1", "minimum")])
        try check(#"{"anyOf": [{"type": "integer"}, {"type": "string"}]}"#, valid: ["1", "\"a\""], invalid: [("null", "anyOf")])
        try check(#"{"oneOf": [{"type": "integer"}, {"minimum": 0}]}"#, valid: ["-1", "0.5"], invalid: [("1", "oneOf"), ("-0.5", "oneOf")])
        try check(#"{"not": {"type": "null"}}"#, valid: ["1"], invalid: [("null", "not")])
        try check(#"{"if": {"properties": {"k": {"const": "date"}}}, "then": {"properties": {"v": {"format": "date"}}}, "else": {"properties": {"v": {"type": "integer"}}}}"#,
                  valid: [#"{"k": "date", "v": "2024-01-01"}"#, #"{"k": "n", "v": 3}"#],
                  invalid: [(#"{"k": "date", "v": "x"}"#, "format"), (#"{"k": "n", "v": "x"}"#, "type")])
        try check(#"{"contains": {"type": "string"}, "maxContains": 1}"#, valid: [#"[1, "a"]"#], invalid: [("[1, 2]", "contains"), (#"["a", "b"]"#, "maxContains")])
        try check(#"{"propertyNames": {"pattern": "^[a-z]+$"}, "minProperties": 1, "maxProperties": 2, "dependentRequired": {"a": ["b"]}}"#,
                  valid: [#"{"b": 1}"#], invalid: [(#"{"B": 1}"#, "propertyNames"), ("{}", "minProperties"), (#"{"a": 1, "c": 2}"#, "dependentRequired")])
        try check("false", valid: [], invalid: [("1", "false")])
        try check(#"{"properties": {"a/b": {"type": "string"}, "c~d": false}}"#, valid: [#"{"a/b": "x"}"#], invalid: [(#"{"a/b": 1}"#, "type"), (#"{"c~d": 1}"#, "false")])
    }

    func testInstancePointersAreEscaped() throws {
        let v = try JSONSchemaValidator(schema: try JSONParser.parse(#"{"properties": {"a/b": {"items": {"type": "string"}}}}"#))
        let found = v.violations(try JSONParser.parse(#"{"a/b": ["x", 2]}"#))
        XCTAssertEqual(found.map(\.instancePointer), ["/a~1b/1"])
        XCTAssertEqual(found.first?.schemaLocation, "#/properties/a~1b/items/type")
    }

    func testBadSchemas() throws {
        let dir = try TestFiles.scratch()
        let notJSON = try TestFiles.write("{\n  \"type\": \"object\",\n  \"required\": [\"a\"\n}\n", to: dir, as: "bad.schema.json")
        XCTAssertThrowsError(try JSONSchemaValidator(schemaPath: notJSON)) { error in
            let e = error as? SyntaxError
            XCTAssertEqual(e?.file, notJSON)
            XCTAssertEqual(e?.position?.line, 4, "\(error)")
            XCTAssertTrue(e?.message.contains("does not parse") == true)
        }
        XCTAssertThrowsError(try JSONSchemaValidator(schema: try JSONParser.parse(#"{"$ref": "https://example.org/remote.json"}"#))) { error in
            XCTAssertTrue("\(error)".contains("does not resolve"), "\(error)")
        }
        XCTAssertThrowsError(try JSONSchemaValidator(schema: try JSONParser.parse(##"{"$ref": "#/$defs/missing"}"##)))
        XCTAssertThrowsError(try JSONSchemaValidator(schema: try JSONParser.parse(#"{"pattern": "(unclosed"}"#))) { error in
            XCTAssertTrue("\(error)".contains("invalid regular expression"), "\(error)")
        }
        XCTAssertThrowsError(try JSONSchemaValidator(schema: try JSONParser.parse(#"{"unevaluatedProperties": false}"#)))
        XCTAssertThrowsError(try JSONSchemaValidator(schemaPath: dir.appendingPathComponent("missing.json").path))
    }

    /// A schema that refers to itself without consuming input ends with a finding, not a stack overflow.
    func testSelfReferenceEndsWithAFinding() throws {
        let v = try JSONSchemaValidator(schema: try JSONParser.parse(##"{"$defs": {"a": {"$ref": "#/$defs/a"}}, "$ref": "#/$defs/a"}"##))
        let found = v.violations(try JSONParser.parse("1"))
        XCTAssertEqual(found.first?.keyword, "$ref")
    }
}
