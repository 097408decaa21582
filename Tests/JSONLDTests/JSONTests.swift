import JSON
import RDF
import XCTest

final class JSONTests: XCTestCase {
    func parse(_ s: String) throws -> JSONValue { try JSONParser.parse(Array(s.utf8), file: "t.json") }

    func expectError(_ s: String, line: Int, column: Int, contains: String, file: StaticString = #filePath, l: UInt = #line) {
        do {
            _ = try JSONParser.parse(Array(s.utf8), file: "t.json")
            XCTFail("expected an error for \(s)", file: file, line: l)
        } catch {
            XCTAssertEqual(error.position?.line, line, "\(error)", file: file, line: l)
            XCTAssertEqual(error.position?.column, column, "\(error)", file: file, line: l)
            XCTAssertTrue(error.message.contains(contains), "\(error)", file: file, line: l)
            XCTAssertTrue(error.description.hasPrefix("t.json:\(line):\(column):"), error.description, file: file, line: l)
        }
    }

    func testParsesAllValueKinds() throws {
        let v = try parse(#"{"b": [true, false, null], "a": -1.50e2, "s": "x\u00e9\ud83d\ude00\n", "i": 42}"#)
        guard case let .object(o) = v else { return XCTFail() }
        XCTAssertEqual(o.keys, ["b", "a", "s", "i"])  // document order kept
        XCTAssertEqual(o["b"], [true, false, nil])
        XCTAssertEqual(o["a"]?.numberValue?.lexical, "-1.50e2")
        XCTAssertEqual(o["a"]?.numberValue?.value, -150)
        XCTAssertEqual(o["a"]?.numberValue?.isIntegerLiteral, false)
        XCTAssertEqual(o["i"]?.numberValue?.isIntegerLiteral, true)
        XCTAssertEqual(o["s"], "xé😀\n")
    }

    func testErrorsCarryLineAndColumn() {
        expectError("{\n  \"a\": tru\n}", line: 2, column: 8, contains: "true")
        expectError("[1, 2,\n 3,]", line: 2, column: 4, contains: "expected a value")
        expectError("{\"a\": 1, \"a\": 2}", line: 1, column: 10, contains: "duplicate key")
        expectError("[01]", line: 1, column: 3, contains: "leading zero")
        expectError("[\"é\" x]", line: 1, column: 6, contains: "expected ',' or ']'")
        expectError("{\"a\" 1}", line: 1, column: 6, contains: "':'")
        expectError("[1", line: 1, column: 3, contains: "not closed")
        expectError("", line: 1, column: 1, contains: "empty")
        expectError("\"\\x\"", line: 1, column: 2, contains: "escape")
        expectError("\"\\ud800\"", line: 1, column: 2, contains: "surrogate")
        expectError("1 2", line: 1, column: 3, contains: "after the JSON value")
    }

    func testInvalidUTF8IsReported() {
        do {
            _ = try JSONParser.parse([0x5B, 0x22, 0x61, 0xC3, 0x28, 0x22, 0x5D], file: nil)
            XCTFail()
        } catch {
            XCTAssertEqual(error.position?.column, 4)
            XCTAssertTrue(error.message.contains("UTF-8"))
        }
    }

    func testDeepNestingIsAnErrorNotACrash() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        XCTAssertThrowsError(try parse(deep)) { XCTAssertTrue("\($0)".contains("nesting")) }
        let ok = String(repeating: "[", count: 500) + String(repeating: "]", count: 500)
        XCTAssertNoThrow(try parse(ok))
    }

    func testDuplicateKeyPolicyLastWins() throws {
        let v = try JSONParser.parse(Array(#"{"a":1,"a":2}"#.utf8), options: .init(duplicateKeys: .lastWins))
        XCTAssertEqual(v["a"], 2)
    }

    func testWriterRoundTripsAndIsDeterministic() throws {
        let text = #"{"z": [1, 1.0, 1e3, "a\"b\\c\u0001", {}], "a": {"x": null, "y": []}}"#
        let v = try parse(text)
        let pretty = JSONWriter(style: .pretty).string(v)
        XCTAssertEqual(pretty, """
        {
          "z": [
            1,
            1.0,
            1e3,
            "a\\"b\\\\c\\u0001",
            {}
          ],
          "a": {
            "x": null,
            "y": []
          }
        }
        """)
        XCTAssertEqual(JSONWriter(style: .compact).string(v), #"{"z":[1,1.0,1e3,"a\"b\\c\u0001",{}],"a":{"x":null,"y":[]}}"#)
        XCTAssertEqual(try parse(pretty), v)
        let out = OutputBuffer()
        JSONWriter(style: .compact).write(v, to: out)
        XCTAssertEqual(out.string, JSONWriter(style: .compact).string(v))
    }

    func testJCS() throws {
        // RFC 8785 §3.2.2 examples.
        let v = try parse(#"{"numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001], "string": "\u20ac$\u000F\u000aA'\u0042\u0022\u005c\\\"\/", "literals": [null, true, false]}"#)
        XCTAssertEqual(JSONWriter.canonical(v),
                       #"{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\u000f\nA'B\"\\\\\"/"}"#)
        XCTAssertEqual(JSONNumber.canonical(100), "100")
        XCTAssertEqual(JSONNumber.canonical(1e21), "1e+21")
        XCTAssertEqual(JSONNumber.canonical(123456789012345680000), "123456789012345680000")
        XCTAssertEqual(JSONNumber.canonical(-0.5), "-0.5")
        XCTAssertEqual(JSONNumber.canonical(1.1e-7), "1.1e-7")
    }
}
