import XCTest
import RDF
@testable import SHACL

/// One focused test per constraint component: a shape, a data graph with one conforming and
/// one violating node, and the exact results expected.
final class ConstraintTests: XCTestCase {
    typealias B = GraphBuilder

    /// Validates `data` against `shapes` and returns (focus, component local name, value) triples, sorted.
    func run(_ shapes: GraphBuilder, _ data: GraphBuilder, file: StaticString = #filePath, line: UInt = #line) throws -> ValidationReport {
        let sg = try ShapesGraph(shapes.graph)
        return SHACLValidator(shapes: sg).validate(data.graph)
    }

    func summary(_ r: ValidationReport) -> [String] {
        r.results.map { res in
            var s = Engine.show(res.focusNode) + " " + res.componentName
            if let v = res.value { s += " " + Engine.show(v) }
            return s
        }
    }

    /// A property shape on ex:S targeting ex:C instances, with extra triples on the property shape.
    func propertyShape(_ extra: [(String, String)]) -> GraphBuilder { propertyShape("ex:p", extra) }

    func propertyShape(_ path: String, _ extra: [(String, String)]) -> GraphBuilder {
        var g = GraphBuilder()
        g.add("ex:S", "rdf:type", "sh:NodeShape")
        g.add("ex:S", "sh:targetClass", "ex:C")
        g.add("ex:S", "sh:property", "_:ps")
        g.add("_:ps", "sh:path", path)
        for (p, o) in extra { g.add("_:ps", p, o) }
        return g
    }

    func data(_ triples: [(String, String, String)]) -> GraphBuilder {
        var g = GraphBuilder()
        for (s, p, o) in triples { g.add(s, p, o) }
        return g
    }

    func testClass() throws {
        let shapes = propertyShape([("sh:class", "ex:Person")])
        let d = data([("ex:a", "rdf:type", "ex:C"), ("ex:a", "ex:p", "ex:alice"), ("ex:a", "ex:p", "ex:bob"),
                      ("ex:alice", "rdf:type", "ex:Student"), ("ex:Student", "rdfs:subClassOf", "ex:Person"),
                      ("ex:bob", "rdf:type", "ex:Dog")])
        let r = try run(shapes, d)
        XCTAssertEqual(summary(r), ["<http://example.org/a> Class <http://example.org/bob>"])
        XCTAssertFalse(r.conforms)
        XCTAssertEqual(r.results[0].resultPath, .predicate(B.iri("ex:p")))
        XCTAssertEqual(r.results[0].sourceShape, .blank(BlankNode("ps")))
    }

    func testDatatypeIncludingIllFormed() throws {
        let shapes = propertyShape([("sh:datatype", "xsd:integer")])
        let d = data([("ex:a", "rdf:type", "ex:C"), ("ex:a", "ex:p", "'42'^^xsd:integer"), ("ex:a", "ex:p", "'4x'^^xsd:integer"),
                      ("ex:a", "ex:p", "'42'"), ("ex:a", "ex:p", "ex:iri")])
        let r = try run(shapes, d)
        XCTAssertEqual(r.results.count, 3)
        XCTAssertEqual(Set(r.results.compactMap(\.value)), [B.term("'4x'^^xsd:integer"), B.term("'42'"), B.term("ex:iri")])
    }

    func testDatatypeLexicalSpaces() {
        func ok(_ lex: String, _ dt: String) -> Bool { XSD.isWellFormed(Literal(lex, datatype: B.iri(dt))) }
        XCTAssertTrue(ok("2024-02-29", "xsd:date"))
        XCTAssertFalse(ok("2023-02-29", "xsd:date"))
        XCTAssertTrue(ok("2024-01-01Z", "xsd:date"))
        XCTAssertFalse(ok("2024-1-01", "xsd:date"))
        XCTAssertTrue(ok("2024-01-01T10:00:00.5+02:00", "xsd:dateTime"))
        XCTAssertFalse(ok("2024-01-01T25:00:00", "xsd:dateTime"))
        XCTAssertTrue(ok("-1.5E3", "xsd:double"))
        XCTAssertTrue(ok("INF", "xsd:float"))
        XCTAssertFalse(ok("1.2.3", "xsd:decimal"))
        XCTAssertFalse(ok("-1", "xsd:nonNegativeInteger"))
        XCTAssertFalse(ok("300", "xsd:byte"))
        XCTAssertTrue(ok("true", "xsd:boolean"))
        XCTAssertFalse(ok("yes", "xsd:boolean"))
        XCTAssertTrue(ok("anything", "ex:customType"))
    }

    func testNodeKind() throws {
        let shapes = propertyShape([("sh:nodeKind", "sh:IRI")])
        let d = data([("ex:a", "rdf:type", "ex:C"), ("ex:a", "ex:p", "ex:x"), ("ex:a", "ex:p", "_:b"), ("ex:a", "ex:p", "'lit'")])
        XCTAssertEqual(summary(try run(shapes, d)), ["<http://example.org/a> NodeKind _:b", "<http://example.org/a> NodeKind \"lit\""])
    }

    func testMinAndMaxCount() throws {
        let shapes = propertyShape("schema:name", [("sh:minCount", "'1'^^xsd:integer"), ("sh:maxCount", "'1'^^xsd:integer")])
        let d = data([("ex:none", "rdf:type", "ex:C"), ("ex:one", "rdf:type", "ex:C"), ("ex:one", "schema:name", "'A'"),
                      ("ex:two", "rdf:type", "ex:C"), ("ex:two", "schema:name", "'A'"), ("ex:two", "schema:name", "'B'")])
        let r = try run(shapes, d)
        XCTAssertEqual(summary(r), ["<http://example.org/none> MinCount", "<http://example.org/two> MaxCount"])
        XCTAssertEqual(r.results[0].message, "expected at least 1 value for schema:name, found 0")
    }

    func testRanges() throws {
        let shapes = propertyShape([("sh:minInclusive", "'1'^^xsd:integer"), ("sh:maxExclusive", "'10.5'^^xsd:decimal")])
        let d = data([("ex:a", "rdf:type", "ex:C"), ("ex:a", "ex:p", "'1'^^xsd:integer"), ("ex:a", "ex:p", "'0'^^xsd:integer"),
                      ("ex:a", "ex:p", "'10.5'^^xsd:double"), ("ex:a", "ex:p", "'abc'")])
        let r = try run(shapes, d)
        XCTAssertEqual(summary(r), [
            "<http://example.org/a> MaxExclusive \"10.5\"^^<http://www.w3.org/2001/XMLSchema#double>",
            "<http://example.org/a> MaxExclusive \"abc\"",
            "<http://example.org/a> MinInclusive \"0\"^^<http://www.w3.org/2001/XMLSchema#integer>",
            "<http://example.org/a> MinInclusive \"abc\"",
        ])
    }

    func testDateRangesAndTimezones() throws {
        let shapes = propertyShape([("sh:minInclusive", "'2020-01-01'^^xsd:date")])
        let d = data([("ex:a", "rdf:type", "ex:C"), ("ex:a", "ex:p", "'2020-01-01'^^xsd:date"), ("ex:a", "ex:p", "'2019-12-31'^^xsd:date"),
                      ("ex:a", "ex:p", "'2020-06-01T00:00:00'^^xsd:dateTime")])
        let r = try run(shapes, d)
        XCTAssertEqual(r.results.count, 2, "an earlier date and an incomparable dateTime")
        XCTAssertEqual(XSD.compare(Literal("2020-01-01T12:00:00Z", datatype: Vocab.xsd.dateTime), Literal("2020-01-01T13:00:00+02:00", datatype: Vocab.xsd.dateTime)), 1)
        XCTAssertNil(XSD.compare(Literal("2020-01-01T12:00:00", datatype: Vocab.xsd.dateTime), Literal("2020-01-01T13:00:00Z", datatype: Vocab.xsd.dateTime)))
    }

    func testStringLengthAndPattern() throws {
        let shapes = propertyShape([("sh:minLength", "'2'^^xsd:integer"), ("sh:maxLength", "'4'^^xsd:integer"), ("sh:pattern", "'^Q[0-9]+$'")])
        let d = data([("ex:a", "rdf:type", "ex:C"), ("ex:a", "ex:p", "'Q42'"), ("ex:a", "ex:p", "'Q'"), ("ex:a", "ex:p", "'Q12345'"),
                      ("ex:a", "ex:p", "_:b")])
        XCTAssertEqual(summary(try run(shapes, d)), [
            "<http://example.org/a> MaxLength _:b",
            "<http://example.org/a> MaxLength \"Q12345\"",
            "<http://example.org/a> MinLength _:b",
            "<http://example.org/a> MinLength \"Q\"",
            "<http://example.org/a> Pattern _:b",
            "<http://example.org/a> Pattern \"Q\"",
        ])
    }

    func testPatternFlagsAndBadRegex() throws {
        let shapes = propertyShape([("sh:pattern", "'^wd:q'"), ("sh:flags", "'i'")])
        let d = data([("ex:a", "rdf:type", "ex:C"), ("ex:a", "ex:p", "'WD:Q1'"), ("ex:a", "ex:p", "'x'")])
        XCTAssertEqual(try run(shapes, d).results.count, 1)
        XCTAssertThrowsError(try ShapesGraph(propertyShape([("sh:pattern", "'(unclosed'")]).graph)) { e in
            XCTAssertTrue("\(e)".contains("not a valid regular expression"), "\(e)")
        }
        XCTAssertThrowsError(try ShapesGraph(propertyShape([("sh:pattern", "'a'"), ("sh:flags", "'z'")]).graph))
    }

    func testLanguageInAndUniqueLang() throws {
        var shapes = propertyShape([("sh:uniqueLang", "'true'^^xsd:boolean")])
        let head = shapes.list(["'en'", "'de'"])
        shapes.add("_:ps", "sh:languageIn", head)
        let d = data([("ex:a", "rdf:type", "ex:C"), ("ex:a", "ex:p", "'a'@en"), ("ex:a", "ex:p", "'b'@EN-gb"), ("ex:a", "ex:p", "'c'@en"),
                      ("ex:a", "ex:p", "'d'@fr"), ("ex:a", "ex:p", "'e'")])
        XCTAssertEqual(summary(try run(shapes, d)), [
            "<http://example.org/a> LanguageIn \"d\"@fr", "<http://example.org/a> LanguageIn \"e\"", "<http://example.org/a> UniqueLang",
        ])
    }

    func testPropertyPairs() throws {
        let shapes = propertyShape("ex:start", [("sh:lessThan", "ex:end"), ("sh:disjoint", "ex:other"), ("sh:equals", "ex:same")])
        let d = data([
            ("ex:ok", "rdf:type", "ex:C"), ("ex:ok", "ex:start", "'1'^^xsd:integer"), ("ex:ok", "ex:end", "'2'^^xsd:integer"),
            ("ex:ok", "ex:same", "'1'^^xsd:integer"),
            ("ex:bad", "rdf:type", "ex:C"), ("ex:bad", "ex:start", "'3'^^xsd:integer"), ("ex:bad", "ex:end", "'2'^^xsd:integer"),
            ("ex:bad", "ex:other", "'3'^^xsd:integer"), ("ex:bad", "ex:same", "'4'^^xsd:integer"),
        ])
        XCTAssertEqual(summary(try run(shapes, d)), [
            "<http://example.org/bad> Disjoint \"3\"^^<http://www.w3.org/2001/XMLSchema#integer>",
            "<http://example.org/bad> Equals \"3\"^^<http://www.w3.org/2001/XMLSchema#integer>",
            "<http://example.org/bad> Equals \"4\"^^<http://www.w3.org/2001/XMLSchema#integer>",
            "<http://example.org/bad> LessThan \"3\"^^<http://www.w3.org/2001/XMLSchema#integer>",
        ])
        let lte = propertyShape("ex:start", [("sh:lessThanOrEquals", "ex:end")])
        XCTAssertEqual(summary(try run(lte, d)), ["<http://example.org/bad> LessThanOrEquals \"3\"^^<http://www.w3.org/2001/XMLSchema#integer>"])
    }

    func testLogicalComponents() throws {
        var g = GraphBuilder()
        g.add("ex:S", "sh:targetClass", "ex:C")
        g.add("ex:HasA", "sh:property", "_:pa"); g.add("_:pa", "sh:path", "ex:a"); g.add("_:pa", "sh:minCount", "'1'^^xsd:integer")
        g.add("ex:HasB", "sh:property", "_:pb"); g.add("_:pb", "sh:path", "ex:b"); g.add("_:pb", "sh:minCount", "'1'^^xsd:integer")
        g.add("ex:S", "sh:xone", g.list(["ex:HasA", "ex:HasB"]))
        g.add("ex:S", "sh:or", g.list(["ex:HasA", "ex:HasB"]))
        g.add("ex:S", "sh:and", g.list(["ex:HasA", "ex:HasB"]))
        g.add("ex:T", "sh:targetClass", "ex:C")
        g.add("ex:T", "sh:not", "ex:HasA")
        let d = data([("ex:none", "rdf:type", "ex:C"), ("ex:both", "rdf:type", "ex:C"), ("ex:both", "ex:a", "'1'"), ("ex:both", "ex:b", "'1'"),
                      ("ex:onlyA", "rdf:type", "ex:C"), ("ex:onlyA", "ex:a", "'1'")])
        XCTAssertEqual(summary(try run(g, d)), [
            "<http://example.org/both> Not <http://example.org/both>",
            "<http://example.org/both> Xone <http://example.org/both>",
            "<http://example.org/none> And <http://example.org/none>",
            "<http://example.org/none> Or <http://example.org/none>",
            "<http://example.org/none> Xone <http://example.org/none>",
            "<http://example.org/onlyA> And <http://example.org/onlyA>",
            "<http://example.org/onlyA> Not <http://example.org/onlyA>",
        ])
    }

    func testNodeAndNestedProperty() throws {
        var g = GraphBuilder()
        g.add("ex:PersonShape", "sh:targetClass", "ex:Person")
        g.add("ex:PersonShape", "sh:property", "_:nat")
        g.add("_:nat", "sh:path", "ex:nationality")
        g.add("_:nat", "sh:node", "ex:CountryShape")
        g.add("ex:CountryShape", "sh:property", "_:cname")
        g.add("_:cname", "sh:path", "schema:name")
        g.add("_:cname", "sh:minCount", "'1'^^xsd:integer")
        let d = data([("ex:p1", "rdf:type", "ex:Person"), ("ex:p1", "ex:nationality", "ex:fr"), ("ex:fr", "schema:name", "'France'"),
                      ("ex:p2", "rdf:type", "ex:Person"), ("ex:p2", "ex:nationality", "ex:xx")])
        let r = try run(g, d)
        XCTAssertEqual(summary(r), ["<http://example.org/p2> Node <http://example.org/xx>"])
        XCTAssertEqual(r.results[0].sourceShape, .blank(BlankNode("nat")))
    }

    func testQualifiedValueShapes() throws {
        var g = GraphBuilder()
        g.add("ex:S", "sh:targetClass", "ex:Hand")
        for (ps, cls) in [("_:thumb", "ex:Thumb"), ("_:finger", "ex:Finger")] {
            g.add("ex:S", "sh:property", ps)
            g.add(ps, "sh:path", "ex:digit")
            g.add(ps, "sh:qualifiedValueShape", ps + "Q")
            g.add(ps + "Q", "sh:class", cls)
            g.add(ps, "sh:qualifiedMinCount", "'1'^^xsd:integer")
            g.add(ps, "sh:qualifiedValueShapesDisjoint", "'true'^^xsd:boolean")
        }
        g.add("_:thumb", "sh:qualifiedMaxCount", "'1'^^xsd:integer")
        let d = data([("ex:h1", "rdf:type", "ex:Hand"), ("ex:h1", "ex:digit", "ex:d1"), ("ex:d1", "rdf:type", "ex:Thumb"),
                      ("ex:h1", "ex:digit", "ex:d2"), ("ex:d2", "rdf:type", "ex:Finger"),
                      ("ex:h2", "rdf:type", "ex:Hand"), ("ex:h2", "ex:digit", "ex:d3"), ("ex:d3", "rdf:type", "ex:Thumb"),
                      ("ex:d3", "rdf:type", "ex:Finger"), ("ex:h2", "ex:digit", "ex:d4"), ("ex:d4", "rdf:type", "ex:Thumb")])
        // h2: d3 is both thumb and finger, so with disjointness it counts for neither; d4 is the only thumb.
        XCTAssertEqual(summary(try run(g, d)), ["<http://example.org/h2> QualifiedMinCount"])
    }

    func testClosedAndIgnoredProperties() throws {
        var g = GraphBuilder()
        g.add("ex:S", "sh:targetNode", "ex:a")
        g.add("ex:S", "sh:closed", "'true'^^xsd:boolean")
        g.add("ex:S", "sh:ignoredProperties", g.list(["rdf:type"]))
        g.add("ex:S", "sh:property", "_:p"); g.add("_:p", "sh:path", "ex:p")
        let d = data([("ex:a", "rdf:type", "ex:C"), ("ex:a", "ex:p", "'1'"), ("ex:a", "ex:q", "'2'")])
        let r = try run(g, d)
        XCTAssertEqual(summary(r), ["<http://example.org/a> Closed \"2\""])
        XCTAssertEqual(r.results[0].resultPath, .predicate(B.iri("ex:q")))
    }

    func testHasValueAndIn() throws {
        var shapes = propertyShape([("sh:hasValue", "ex:red")])
        shapes.add("_:ps", "sh:in", shapes.list(["ex:red", "ex:green"]))
        let d = data([("ex:a", "rdf:type", "ex:C"), ("ex:a", "ex:p", "ex:red"), ("ex:b", "rdf:type", "ex:C"), ("ex:b", "ex:p", "ex:blue")])
        XCTAssertEqual(summary(try run(shapes, d)), ["<http://example.org/b> HasValue", "<http://example.org/b> In <http://example.org/blue>"])
    }

    func testTargets() throws {
        var g = GraphBuilder()
        g.add("ex:S", "sh:targetNode", "ex:outside")
        g.add("ex:S", "sh:targetSubjectsOf", "ex:knows")
        g.add("ex:S", "sh:targetObjectsOf", "ex:knows")
        g.add("ex:S", "sh:nodeKind", "sh:Literal")
        g.add("ex:Animal", "rdf:type", "rdfs:Class")
        g.add("ex:Animal", "rdf:type", "sh:NodeShape")
        g.add("ex:Animal", "sh:nodeKind", "sh:BlankNode")
        let d = data([("ex:x", "ex:knows", "ex:y"), ("ex:cat", "rdf:type", "ex:Cat"), ("ex:Cat", "rdfs:subClassOf", "ex:Animal")])
        XCTAssertEqual(summary(try run(g, d)), [
            "<http://example.org/cat> NodeKind <http://example.org/cat>",
            "<http://example.org/outside> NodeKind <http://example.org/outside>",
            "<http://example.org/x> NodeKind <http://example.org/x>",
            "<http://example.org/y> NodeKind <http://example.org/y>",
        ])
    }

    func testDeactivatedSeverityAndMessages() throws {
        var g = propertyShape("schema:name", [("sh:minCount", "'1'^^xsd:integer"), ("sh:severity", "sh:Warning"),
                                              ("sh:message", "'Name fehlt'@de"), ("sh:message", "'name missing'@en")])
        g.add("ex:Off", "sh:targetClass", "ex:C")
        g.add("ex:Off", "sh:deactivated", "'true'^^xsd:boolean")
        g.add("ex:Off", "sh:nodeKind", "sh:Literal")
        let r = try run(g, data([("ex:a", "rdf:type", "ex:C")]))
        XCTAssertEqual(r.results.count, 1)
        XCTAssertEqual(r.results[0].severity, .warning)
        XCTAssertEqual(r.results[0].message, "name missing")
        XCTAssertEqual(r.results[0].messages.count, 2)
        XCTAssertFalse(r.conforms, "any result, even a warning, means the data does not conform")
    }

    func testIllFormedShapes() {
        XCTAssertThrowsError(try ShapesGraph(propertyShape([("sh:minCount", "'-1'^^xsd:integer")]).graph))
        XCTAssertThrowsError(try ShapesGraph(propertyShape([("sh:minCount", "'x'")]).graph))
        XCTAssertThrowsError(try ShapesGraph(propertyShape([("sh:nodeKind", "ex:Nope")]).graph))
        XCTAssertThrowsError(try ShapesGraph(propertyShape([("sh:datatype", "'xsd:string'")]).graph))
        XCTAssertThrowsError(try ShapesGraph(propertyShape([("sh:in", "_:notAList")]).graph))
        var twoPaths = propertyShape([("sh:path", "ex:q")])
        twoPaths.add("ex:x", "ex:y", "ex:z")
        XCTAssertThrowsError(try ShapesGraph(twoPaths.graph)) { e in
            XCTAssertTrue("\(e)".contains("exactly one sh:path"), "\(e)")
        }
        var cyclicList = propertyShape([("sh:in", "_:l")])
        cyclicList.add("_:l", "rdf:first", "ex:a")
        cyclicList.add("_:l", "rdf:rest", "_:l")
        XCTAssertThrowsError(try ShapesGraph(cyclicList.graph)) { e in XCTAssertTrue("\(e)".contains("cycle"), "\(e)") }
    }

    func testReportGraph() throws {
        let shapes = propertyShape("schema:name", [("sh:minCount", "'1'^^xsd:integer")])
        let r = try run(shapes, data([("ex:a", "rdf:type", "ex:C")]))
        let g = r.graph()
        let sh = "http://www.w3.org/ns/shacl#"
        XCTAssertEqual(g.matching(predicate: .iri(IRI(unchecked: sh + "conforms"))).first?.object, .literal(Literal("false", datatype: Vocab.xsd.boolean)))
        XCTAssertEqual(g.matching(predicate: .iri(IRI(unchecked: sh + "resultPath"))).first?.object, B.term("schema:name"))
        XCTAssertEqual(g.matching(predicate: .iri(IRI(unchecked: sh + "sourceConstraintComponent"))).first?.object, B.term("sh:MinCountConstraintComponent"))
        XCTAssertEqual(g.matching(predicate: .iri(IRI(unchecked: sh + "resultMessage"))).first?.object,
                       .literal(Literal("expected at least 1 value for schema:name, found 0")))
        XCTAssertEqual(g.count, 10)
    }
}
