import Foundation
import XCTest
import RDF
import TestSupport
@testable import SHACL

/// schema.org's own SHACL shapes (release 29.0, `../shared/reference/schemaorg/`) load and run.
final class SchemaOrgShapesTests: XCTestCase {
    func testSchemaOrgShapesLoadAndRun() throws {
        guard let shared = SharedData.directory else { throw XCTSkip("schema.org shapes: skipped (../shared not found)") }
        let dir = shared.appendingPathComponent("reference/schemaorg")
        let shapesURL = dir.appendingPathComponent("schemaorg-shapes.shacl"), subclassesURL = dir.appendingPathComponent("schemaorg-subclasses.shacl")
        guard FileManager.default.fileExists(atPath: shapesURL.path) else { throw XCTSkip("schema.org shapes: skipped (\(shapesURL.path) missing)") }
        let shapesGraph = try SHACLConformanceTests.parse(shapesURL)
        let subclasses = try SHACLConformanceTests.parse(subclassesURL)
        let shapes = try ShapesGraph(shapesGraph)
        XCTAssertEqual(shapes.shapes.filter { !$0.isPropertyShape && $0.id.iri != nil }.count, 922)

        // A person with an IRI-valued name and a literal one: the schema.org Text shape is
        // sh:nodeKind sh:BlankNodeOrIRI, so (as its SOURCES.md notes) the literal fails it.
        var data = subclasses
        let s = "http://schema.org/", ex = "http://example.org/"
        func t(_ a: String, _ p: String, _ o: Term) { data.insert(Triple(.iri(IRI(unchecked: a)), IRI(unchecked: p), o)) }
        t(ex + "ada", Vocab.rdf.type.value, .iri(IRI(unchecked: s + "Person")))
        t(ex + "ada", s + "name", .literal(Literal("Ada Lovelace")))
        t(ex + "ada", s + "birthDate", .literal(Literal("1815-12-10", datatype: Vocab.xsd.date)))
        t(ex + "ada", s + "knows", .iri(IRI(unchecked: ex + "charles")))
        t(ex + "charles", Vocab.rdf.type.value, .iri(IRI(unchecked: s + "Person")))
        let report = SHACLValidator(shapes: shapes).validate(data)
        XCTAssertFalse(report.conforms)
        let ada = Term.iri(IRI(unchecked: ex + "ada"))
        let paths = Set(report.results.filter { $0.focusNode == ada }.compactMap { $0.resultPath?.predicateIRI?.value })
        XCTAssertTrue(paths.contains(s + "name"), "\(report.results)")
        XCTAssertTrue(paths.contains(s + "birthDate"), "\(report.results)")
        XCTAssertFalse(paths.contains(s + "knows"), "an IRI value of a Person-typed property passes")
        XCTAssertTrue(report.notes.isEmpty, "\(report.notes)")
    }
}
