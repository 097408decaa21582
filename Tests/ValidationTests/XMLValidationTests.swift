import Foundation
import RDF
import Validation
import XCTest

/// A document in the RDF/XML profile that exercises every property form the schema allows.
let sampleRDFXML = """
<?xml version="1.0" encoding="UTF-8"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
         xmlns:schema="http://schema.org/"
         xmlns:prov="http://www.w3.org/ns/prov#">
  <schema:Person rdf:about="https://w3id.org/newsgraph/id/person-donald-trump">
    <schema:name>Donald Trump</schema:name>
    <schema:sameAs rdf:resource="http://www.wikidata.org/entity/Q22686"/>
    <schema:birthDate rdf:datatype="http://www.w3.org/2001/XMLSchema#date">1946-06-14</schema:birthDate>
    <schema:alternateName xml:lang="en">Trump</schema:alternateName>
    <schema:knows rdf:nodeID="b0"/>
    <schema:description rdf:parseType="Literal"><b xmlns="http://www.w3.org/1999/xhtml">bold</b> text</schema:description>
    <schema:memberOf>
      <schema:OrganizationRole rdf:about="https://w3id.org/newsgraph/id/role-donald-trump-president">
        <schema:roleName>President</schema:roleName>
      </schema:OrganizationRole>
    </schema:memberOf>
  </schema:Person>
  <rdf:Description rdf:nodeID="b0">
    <schema:name></schema:name>
  </rdf:Description>
</rdf:RDF>

"""

final class RelaxNGValidatorTests: XCTestCase {
    var validator: RelaxNGValidator!

    override func setUpWithError() throws {
        validator = try RelaxNGValidator(schemaPath: TestFiles.schema("newsgraph.rng"))
    }

    func findings(_ text: String, name: String = "sample.rdf") -> [Finding] {
        validator.validate(.bytes(Array(text.utf8), name: name))
    }

    func testValidSampleConforms() {
        XCTAssertEqual(findings(sampleRDFXML), [])
    }

    func testValidSampleFromFile() throws {
        let dir = try TestFiles.scratch()
        let path = try TestFiles.write(sampleRDFXML, to: dir, as: "sample.rdf")
        XCTAssertEqual(validator.validate(file: path), [])
    }

    /// One broken copy per rule of the profile; each must be reported on the mutated line.
    func testMutants() {
        let about = "<rdf:Description rdf:nodeID=\"b0\">"
        let mutants: [(name: String, old: String, new: String, marker: String)] = [
            ("both about and nodeID", about, "<rdf:Description rdf:nodeID=\"b0\" rdf:about=\"http://x/\">", "<rdf:Description rdf:nodeID"),
            ("neither about nor nodeID", about, "<rdf:Description>", "<rdf:Description>"),
            ("resource and text", "<schema:sameAs rdf:resource=\"http://www.wikidata.org/entity/Q22686\"/>",
             "<schema:sameAs rdf:resource=\"http://www.wikidata.org/entity/Q22686\">text</schema:sameAs>", "<schema:sameAs"),
            ("datatype and language", "<schema:alternateName xml:lang=\"en\">",
             "<schema:alternateName xml:lang=\"en\" rdf:datatype=\"http://www.w3.org/2001/XMLSchema#string\">", "<schema:alternateName"),
            ("unqualified property", "<schema:name>Donald Trump</schema:name>", "<name>Donald Trump</name>", "<name>Donald"),
            ("parseType Resource", "rdf:parseType=\"Literal\"", "rdf:parseType=\"Resource\"", "rdf:parseType"),
            ("rdf:li property", "<schema:name>Donald Trump</schema:name>", "<rdf:li>Donald Trump</rdf:li>", "<rdf:li>"),
            ("rdf:ID on a node", about, "<rdf:Description rdf:ID=\"b0\">", "<rdf:Description rdf:ID"),
            ("two nested nodes", "</schema:OrganizationRole>\n",
             "</schema:OrganizationRole>\n      <rdf:Description rdf:about=\"http://x/\"/>\n", "<schema:OrganizationRole"),
            ("property attribute on a node", about, "<rdf:Description rdf:nodeID=\"b0\" schema:name=\"x\">", "schema:name=\"x\""),
            ("bad nodeID", "rdf:nodeID=\"b0\"/>", "rdf:nodeID=\"0 b\"/>", "rdf:nodeID=\"0 b\""),
        ]
        for m in mutants {
            let broken = mutate(sampleRDFXML, m.old, m.new)
            let fs = findings(broken)
            let line = TestFiles.line(of: m.marker, in: broken)
            XCTAssertFalse(fs.isEmpty, "\(m.name): not detected")
            guard let first = fs.first else { continue }
            XCTAssertEqual(first.constraint, "relaxng", "\(m.name): \(fs)")
            XCTAssertEqual(first.stage, .schema, m.name)
            XCTAssertEqual(first.file, "sample.rdf", m.name)
            // libxml2 may also report the enclosing elements; one finding must be on the mutated line.
            XCTAssertTrue(fs.contains { $0.line == line }, "\(m.name): line \(line ?? 0) not in \(fs.map(ReportFormatter.line))")
            XCTAssertEqual(first.severity, .violation, m.name)
        }
    }

    /// Text directly inside rdf:RDF is reported (its line is where libxml2's reader ends the
    /// text node, which may be a line after the text starts).
    func testTextInsideRoot() {
        let broken = mutate(sampleRDFXML, "  <rdf:Description rdf:nodeID=\"b0\">", "  stray text\n  <rdf:Description rdf:nodeID=\"b0\">")
        let fs = findings(broken)
        XCTAssertEqual(fs.count, 1, "\(fs)")
        XCTAssertTrue(fs.first?.message.contains("text is not allowed") == true)
        let line = TestFiles.line(of: "stray text", in: broken) ?? 0
        XCTAssertTrue((line...line + 1).contains(fs.first?.line ?? 0), "\(fs)")
    }

    func testWrongRoot() {
        let broken = "<?xml version=\"1.0\"?>\n<rdf:Bag xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"/>\n"
        let fs = findings(broken)
        XCTAssertEqual(fs.first?.line, 2)
        XCTAssertEqual(fs.first?.constraint, "relaxng")
    }

    func testMalformedXMLGivesSyntaxFindingWithPosition() {
        let broken = mutate(sampleRDFXML, "<schema:name>Donald Trump</schema:name>", "<schema:name>Donald Trump</schema:nam>")
        let fs = findings(broken)
        let syntax = fs.filter { $0.stage == .syntax }
        XCTAssertFalse(syntax.isEmpty, "\(fs)")
        XCTAssertEqual(syntax.first?.constraint, "syntax")
        XCTAssertEqual(syntax.first?.line, TestFiles.line(of: "</schema:nam>", in: broken))
        XCTAssertNotNil(syntax.first?.column)
    }

    func testEmptyAndMissingFiles() {
        XCTAssertFalse(findings("").isEmpty)
        let missing = validator.validate(file: "/nonexistent/dir/file.rdf")
        XCTAssertEqual(missing.first?.stage, .syntax)
        XCTAssertEqual(missing.first?.file, "/nonexistent/dir/file.rdf")
    }
}

final class XMLSchemaValidatorTests: XCTestCase {
    static let xsd = """
    <?xml version="1.0"?>
    <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:t" xmlns="urn:t" elementFormDefault="qualified">
      <xs:element name="list">
        <xs:complexType>
          <xs:sequence>
            <xs:element name="item" maxOccurs="unbounded">
              <xs:complexType>
                <xs:simpleContent>
                  <xs:extension base="xs:date">
                    <xs:attribute name="id" type="xs:ID" use="required"/>
                  </xs:extension>
                </xs:simpleContent>
              </xs:complexType>
            </xs:element>
          </xs:sequence>
        </xs:complexType>
      </xs:element>
    </xs:schema>

    """
    static let valid = """
    <?xml version="1.0"?>
    <list xmlns="urn:t">
      <item id="a">2024-01-02</item>
      <item id="b">2024-02-03</item>
    </list>

    """

    func makeValidator() throws -> XMLSchemaValidator {
        let dir = try TestFiles.scratch("xsd")
        return try XMLSchemaValidator(schemaPath: TestFiles.write(Self.xsd, to: dir, as: "t.xsd"))
    }

    func testValidAndMutants() throws {
        let v = try makeValidator()
        XCTAssertEqual(v.validate(.bytes(Array(Self.valid.utf8), name: "t.xml")), [])
        let mutants: [(String, String, String)] = [
            ("<item id=\"b\">2024-02-03</item>", "<item id=\"b\">2024-02-30x</item>", "2024-02-30x"),
            ("<item id=\"b\">", "<item>", "<item>2024"),
            ("<item id=\"b\">2024-02-03</item>", "<other/>", "<other/>"),
            ("<item id=\"b\">", "<item id=\"b\" extra=\"1\">", "extra="),
        ]
        for (old, new, marker) in mutants {
            let broken = mutate(Self.valid, old, new)
            let fs = v.validate(.bytes(Array(broken.utf8), name: "t.xml"))
            XCTAssertEqual(fs.first?.constraint, "xsd", "\(new): \(fs)")
            XCTAssertEqual(fs.first?.line, TestFiles.line(of: marker, in: broken), "\(new): \(fs)")
            XCTAssertEqual(fs.first?.file, "t.xml")
            XCTAssertEqual(fs.first?.source?.hasSuffix("t.xsd"), true)
        }
    }

    func testSchemaThatDoesNotParse() throws {
        let dir = try TestFiles.scratch()
        let notXML = try TestFiles.write("<xs:schema xmlns:xs=\"http://www.w3.org/2001/XMLSchema\">\n  <xs:element name=\"a\">\n</xs:schema>\n", to: dir, as: "bad.xsd")
        XCTAssertThrowsError(try XMLSchemaValidator(schemaPath: notXML)) { error in
            let e = error as? SyntaxError
            XCTAssertEqual(e?.file, notXML)
            XCTAssertNotNil(e?.position)
            XCTAssertTrue(e?.message.contains("schema does not parse") == true, "\(error)")
        }
        let notSchema = try TestFiles.write("<xs:schema xmlns:xs=\"http://www.w3.org/2001/XMLSchema\">\n  <xs:bogus/>\n</xs:schema>\n", to: dir, as: "bogus.xsd")
        XCTAssertThrowsError(try XMLSchemaValidator(schemaPath: notSchema)) { error in
            XCTAssertTrue("\(error)".contains("not a valid XML Schema"), "\(error)")
            XCTAssertEqual((error as? SyntaxError)?.position?.line, 2)
        }
        XCTAssertThrowsError(try XMLSchemaValidator(schemaPath: dir.appendingPathComponent("missing.xsd").path))
        let badRNG = try TestFiles.write("<grammar xmlns=\"http://relaxng.org/ns/structure/1.0\"><start><elephant/></start></grammar>", to: dir, as: "bad.rng")
        XCTAssertThrowsError(try RelaxNGValidator(schemaPath: badRNG)) { error in
            XCTAssertTrue("\(error)".contains("not a valid RELAX NG schema"), "\(error)")
        }
        let entityRNG = try TestFiles.write("<!DOCTYPE grammar [<!ENTITY x SYSTEM \"/etc/passwd\">]>\n<grammar xmlns=\"http://relaxng.org/ns/structure/1.0\"><start><element name=\"a\"><text/></element></start></grammar>", to: dir, as: "entity.rng")
        XCTAssertThrowsError(try RelaxNGValidator(schemaPath: entityRNG)) { error in
            XCTAssertTrue("\(error)".contains("entities"), "\(error)")
        }
    }

    /// Many documents validated concurrently keep their findings apart (the error callback
    /// gets a per-validation context, never shared state).
    func testConcurrentValidationsDoNotMixFindings() throws {
        let v = try makeValidator()
        let broken = mutate(Self.valid, "2024-02-03", "nope")
        let results = ResultsBox(count: 16)
        DispatchQueue.concurrentPerform(iterations: 16) { i in
            let text = i.isMultiple(of: 2) ? Self.valid : broken
            results.set(i, v.validate(.bytes(Array(text.utf8), name: "doc\(i).xml")))
        }
        for i in 0..<16 {
            let fs = results.get(i)
            if i.isMultiple(of: 2) { XCTAssertEqual(fs, [], "doc\(i)") } else {
                XCTAssertEqual(fs.count, 1, "doc\(i): \(fs)")
                XCTAssertEqual(fs.first?.file, "doc\(i).xml")
            }
        }
    }
}

final class ResultsBox: @unchecked Sendable {
    private var values: [[Finding]]
    private let lock = NSLock()
    init(count: Int) { values = Array(repeating: [], count: count) }
    func set(_ i: Int, _ v: [Finding]) { lock.lock(); values[i] = v; lock.unlock() }
    func get(_ i: Int) -> [Finding] { lock.lock(); defer { lock.unlock() }; return values[i] }
}

/// Hostile XML: every case must end quickly with a clear finding, never a crash or a hang.
final class HostileXMLTests: XCTestCase {
    var validator: RelaxNGValidator!

    override func setUpWithError() throws {
        validator = try RelaxNGValidator(schemaPath: TestFiles.schema("newsgraph.rng"))
    }

    func timed(_ body: () -> [Finding]) -> ([Finding], TimeInterval) {
        let start = Date()
        let r = body()
        return (r, Date().timeIntervalSince(start))
    }

    func testXXEIsRefusedAndNothingIsRead() {
        let xxe = """
        <?xml version="1.0"?>
        <!DOCTYPE rdf:RDF [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>
        <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:s="http://schema.org/">
          <rdf:Description rdf:about="http://x/"><s:name>&xxe;</s:name></rdf:Description>
        </rdf:RDF>
        """
        let (fs, t) = timed { validator.validate(.bytes(Array(xxe.utf8), name: "xxe.rdf")) }
        XCTAssertLessThan(t, 2)
        XCTAssertFalse(fs.isEmpty)
        XCTAssertTrue(fs.contains { $0.message.contains("entit") }, "\(fs)")
        XCTAssertFalse(fs.contains { $0.message.contains("root:") }, "file content leaked into a finding")
    }

    func testBillionLaughsEndsFast() {
        var entities = "<!ENTITY lol \"lol\">\n"
        entities += "<!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n"
        for i in 2...9 { entities += "<!ENTITY lol\(i) \"" + String(repeating: "&lol\(i - 1);", count: 10) + "\">\n" }
        let doc = """
        <?xml version="1.0"?>
        <!DOCTYPE rdf:RDF [
        \(entities)]>
        <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:s="http://schema.org/">
          <rdf:Description rdf:about="http://x/"><s:name>&lol9;</s:name></rdf:Description>
        </rdf:RDF>
        """
        let (fs, t) = timed { validator.validate(.bytes(Array(doc.utf8), name: "laughs.rdf")) }
        XCTAssertLessThan(t, 2, "billion laughs took \(t) s")
        XCTAssertFalse(fs.isEmpty)
        XCTAssertTrue(fs.contains { $0.message.contains("entit") }, "\(fs)")
    }

    func testDeepNestingIsAnErrorNotACrash() {
        let depth = 100_000
        var doc = "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" xmlns:s=\"http://schema.org/\">"
        for _ in 0..<depth { doc += "<s:a>" }
        for _ in 0..<depth { doc += "</s:a>" }
        doc += "</rdf:RDF>"
        let (fs, t) = timed { validator.validate(.bytes(Array(doc.utf8), name: "deep.rdf")) }
        XCTAssertLessThan(t, 10)
        XCTAssertFalse(fs.isEmpty)
    }

    func testGarbageAndBinary() {
        var bytes: [UInt8] = [0xFF, 0xFE, 0x00, 0x3C, 0x00]
        var state: UInt32 = 12345 // a fixed pseudo-random sequence, so the test is repeatable
        for _ in 0..<10_000 { state = state &* 1_103_515_245 &+ 12345; bytes.append(UInt8(truncatingIfNeeded: state >> 16)) }
        let fs = validator.validate(.bytes(bytes, name: "garbage.rdf"))
        XCTAssertTrue(fs.contains { $0.stage == .syntax }, "\(fs)")
        let text = validator.validate(.bytes(Array("just text, no markup".utf8), name: "text.rdf"))
        XCTAssertEqual(text.first?.stage, .syntax)
        XCTAssertEqual(text.first?.line, 1)
    }

    /// A ~50 MB document streams through the validator in bounded time (libxml2's reader never
    /// holds the whole tree).
    func testLargeFileInBoundedTime() throws {
        let dir = try TestFiles.scratch()
        let path = dir.appendingPathComponent("large.rdf").path
        guard let out = FileHandle(forWritingAtPath: { FileManager.default.createFile(atPath: path, contents: nil); return path }()) else {
            return XCTFail("cannot create \(path)")
        }
        out.write(Data("<?xml version=\"1.0\"?>\n<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" xmlns:s=\"http://schema.org/\">\n".utf8))
        var chunk = ""
        var size = 0
        var i = 0
        let megabytes = Int(ProcessInfo.processInfo.environment["NEWSGRAPH_LARGE_MB"] ?? "") ?? 50
        while size < megabytes * 1_000_000 {
            chunk += "  <s:Person rdf:about=\"https://w3id.org/newsgraph/id/person-\(i)\"><s:name>Person number \(i)</s:name><s:sameAs rdf:resource=\"http://www.wikidata.org/entity/Q\(i + 1)\"/></s:Person>\n"
            i += 1
            if chunk.utf8.count > 1 << 20 { size += chunk.utf8.count; out.write(Data(chunk.utf8)); chunk = "" }
        }
        // One error near the end, to check that positions stay right deep into the file.
        chunk += "  <s:Person><s:name>no about</s:name></s:Person>\n</rdf:RDF>\n"
        out.write(Data(chunk.utf8))
        try out.close()
        let (fs, t) = timed { validator.validate(file: path) }
        print("RELAX NG validation of \(size / 1_000_000) MB (\(i) nodes): \(String(format: "%.2f", t)) s")
        XCTAssertLessThan(t, 120)
        // The broken node is reported on its own line (libxml2 also reports the enclosing root).
        XCTAssertTrue(fs.contains { $0.line == i + 3 }, "\(fs.prefix(3))")
        XCTAssertLessThanOrEqual(fs.count, 3, "\(fs.prefix(3))")
        try? FileManager.default.removeItem(atPath: path)
    }
}
