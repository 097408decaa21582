import Foundation
import XCTest
import RDF
@testable import SHACL

/// A NewsGraph-like data set (Schemas/MODEL.md: documents, persons, countries, events, mentions)
/// with known defects, validated against a dozen shapes; optionally beside pyshacl.
///
/// Size: `SHACL_BENCH_TRIPLES` (default 20 000 so the debug test stays quick). The release
/// figure in the report came from `SHACL_BENCH_TRIPLES=1000000`.
final class BenchmarkTests: XCTestCase {
    static let id = "https://w3id.org/newsgraph/id/"
    static let ng = "https://w3id.org/newsgraph/ontology#"

    /// The bundled-style shapes: names required, datatypes, patterns, classes, ranges.
    static func shapes() -> Graph {
        var g = GraphBuilder()
        var n = 0
        func prop(_ shape: String, _ path: String, _ extra: [(String, String)]) {
            n += 1
            let ps = "_:ps\(n)"
            g.add(shape, "sh:property", ps)
            g.add(ps, "sh:path", path)
            for (p, o) in extra { g.add(ps, p, o) }
        }
        let one = "'1'^^xsd:integer"
        let nif = "<http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#"
        let prov = "<http://www.w3.org/ns/prov#wasDerivedFrom>"
        for (shape, cls) in [("ex:PersonShape", "schema:Person"), ("ex:CountryShape", "schema:Country"),
                             ("ex:OrgShape", "schema:Organization"), ("ex:EventShape", "schema:Event"),
                             ("ex:DocShape", "schema:NewsArticle")] {
            g.add(shape, "rdf:type", "sh:NodeShape")
            g.add(shape, "sh:targetClass", cls)
            prop(shape, "schema:name", [("sh:minCount", one), ("sh:datatype", "xsd:string"), ("sh:minLength", one)])
        }
        prop("ex:PersonShape", "schema:name", [("sh:maxCount", one)])
        prop("ex:PersonShape", "schema:sameAs", [("sh:nodeKind", "sh:IRI"), ("sh:pattern", "'^http://www\\.wikidata\\.org/entity/Q[1-9][0-9]*$'")])
        prop("ex:PersonShape", "schema:nationality", [("sh:class", "schema:Country")])
        prop("ex:PersonShape", prov, [("sh:minCount", one), ("sh:class", "schema:NewsArticle")])
        prop("ex:CountryShape", "schema:identifier", [("sh:pattern", "'^[A-Z]{2}$'"), ("sh:maxCount", one)])
        prop("ex:EventShape", "schema:startDate", [("sh:datatype", "xsd:date"), ("sh:maxCount", one)])
        prop("ex:EventShape", "schema:participant", [("sh:minCount", one), ("sh:nodeKind", "sh:IRI")])
        prop("ex:EventShape", "rdf:type", [("sh:minCount", "'2'^^xsd:integer")])
        prop("ex:EventShape", "<\(ng)dateStatus>", [])
        g.add("_:ps\(n)", "sh:in", g.list(["'explicit'", "'relative'", "'inferred'"]))
        prop("ex:DocShape", "schema:datePublished", [("sh:datatype", "xsd:date"), ("sh:minInclusive", "'1990-01-01'^^xsd:date")])
        g.add("ex:PhraseShape", "rdf:type", "sh:NodeShape")
        g.add("ex:PhraseShape", "sh:targetClass", nif + "Phrase>")
        prop("ex:PhraseShape", nif + "referenceContext>", [("sh:minCount", one), ("sh:maxCount", one), ("sh:class", "schema:NewsArticle")])
        prop("ex:PhraseShape", nif + "beginIndex>", [("sh:datatype", "xsd:nonNegativeInteger"), ("sh:lessThan", nif + "endIndex>")])
        prop("ex:PhraseShape", nif + "endIndex>", [("sh:datatype", "xsd:nonNegativeInteger"), ("sh:minCount", one)])
        return g.graph
    }

    /// About `triples` triples; every 97th person lacks a name, every 89th event has a bad date, …
    static func data(triples target: Int) -> Graph {
        var g = Graph()
        func iri(_ s: String) -> Term { .iri(IRI(unchecked: s)) }
        let type = Vocab.rdf.type, name = Vocab.schema.name
        let nif = Vocab.nif.self
        func str(_ s: String) -> Term { .literal(Literal(s)) }
        func typed(_ s: String, _ dt: IRI) -> Term { .literal(Literal(s, datatype: dt)) }
        let countries = (0..<200).map { iri(id + "country-c\($0)") }
        for (i, c) in countries.enumerated() {
            g.insert(Triple(c, type, .iri(Vocab.schema.Country)))
            g.insert(Triple(c, name, str("Country \(i)")))
            g.insert(Triple(c, Vocab.schema.ns("identifier"), str(i % 50 == 7 ? "xx1" : String(UnicodeScalar(65 + i % 26)!) + String(UnicodeScalar(65 + i / 26 % 26)!))))
        }
        var i = 0
        while g.count < target {
            let doc = iri(id + "doc-\(i)")
            g.insert(Triple(doc, type, .iri(Vocab.schema.ns("NewsArticle"))))
            g.insert(Triple(doc, type, .iri(nif.Context)))
            g.insert(Triple(doc, name, str("Article \(i)")))
            g.insert(Triple(doc, Vocab.schema.ns("datePublished"), typed(i % 101 == 5 ? "1980-05-01" : "2024-0\(1 + i % 9)-1\(i % 10)", Vocab.xsd.date)))
            for k in 0..<4 {
                let person = iri(id + "person-p\(i)-\(k)")
                g.insert(Triple(person, type, .iri(Vocab.schema.Person)))
                if (i * 4 + k) % 97 != 3 { g.insert(Triple(person, name, str("Person \(i) \(k)"))) }
                g.insert(Triple(person, Vocab.schema.alternateName, str("P\(i)\(k)")))
                g.insert(Triple(person, Vocab.schema.ns("nationality"), countries[(i + k) % countries.count]))
                let q = (i * 4 + k) % 113 == 9 ? "https://www.wikidata.org/wiki/Q\(i)" : "http://www.wikidata.org/entity/Q\(1000 + i * 4 + k)"
                g.insert(Triple(person, Vocab.schema.sameAs, iri(q)))
                g.insert(Triple(person, Vocab.prov.wasDerivedFrom, doc))
                g.insert(Triple(person, Vocab.schema.ns("jobTitle"), str("Minister")))
                let mention = iri(id + "doc-\(i)#char=\(k * 10),\(k * 10 + 5)")
                g.insert(Triple(mention, type, .iri(nif.Phrase)))
                g.insert(Triple(mention, nif.referenceContext, doc))
                let begin = (i + k) % 131 == 1 ? k * 10 + 9 : k * 10
                g.insert(Triple(mention, nif.beginIndex, typed("\(begin)", Vocab.xsd.nonNegativeInteger)))
                g.insert(Triple(mention, nif.endIndex, typed("\(k * 10 + 5)", Vocab.xsd.nonNegativeInteger)))
                g.insert(Triple(mention, nif.anchorOf, str("Person \(k)")))
                g.insert(Triple(mention, Vocab.itsrdf.taIdentRef, person))
            }
            let event = iri(id + "event-2024-01-01-meeting-\(i)")
            g.insert(Triple(event, type, .iri(Vocab.schema.Event)))
            if i % 151 != 2 { g.insert(Triple(event, type, iri(ng + "Meeting"))) }
            g.insert(Triple(event, name, str("Meeting \(i)")))
            g.insert(Triple(event, Vocab.schema.ns("startDate"), typed(i % 89 == 4 ? "2024-02-30" : "2024-01-0\(1 + i % 9)", Vocab.xsd.date)))
            g.insert(Triple(event, iri(ng + "dateStatus").iri!, str(i % 67 == 1 ? "guessed" : "explicit")))
            g.insert(Triple(event, Vocab.schema.ns("participant"), iri(id + "person-p\(i)-0")))
            g.insert(Triple(event, Vocab.schema.ns("participant"), iri(id + "person-p\(i)-1")))
            g.insert(Triple(event, Vocab.prov.wasDerivedFrom, doc))
            i += 1
        }
        return g
    }

    static func ntriples(_ g: Graph) -> String { g.map { $0.description }.joined(separator: "\n") + "\n" }

    func testValidateGeneratedGraph() throws {
        let size = Int(ProcessInfo.processInfo.environment["SHACL_BENCH_TRIPLES"] ?? "") ?? 20_000
        let shapes = try ShapesGraph(Self.shapes())
        var start = Date()
        let data = Self.data(triples: size)
        let genTime = Date().timeIntervalSince(start)
        start = Date()
        let cpu0 = Self.threadCPUTime()
        let report = SHACLValidator(shapes: shapes).validate(data)
        let t = Date().timeIntervalSince(start), cpu = Self.threadCPUTime() - cpu0
        var byComponent: [String: Int] = [:]
        for r in report.results { byComponent[r.componentName, default: 0] += 1 }
        print("shacl benchmark: \(data.count) triples, \(shapes.shapes.count) shapes, generated in \(String(format: "%.2f", genTime)) s, validated in \(String(format: "%.3f", t)) s wall, \(String(format: "%.3f", cpu)) s CPU, \(report.results.count) results \(byComponent.sorted { $0.key < $1.key })")
        XCTAssertFalse(report.conforms)
        for component in ["MinCount", "Pattern", "Datatype", "LessThan", "In", "MinInclusive"] {
            XCTAssertGreaterThan(byComponent[component] ?? 0, 0, component)
        }
    }

    /// Runs pyshacl on the same data and shapes (when installed) and compares the results as
    /// (focus node, component, value) multisets, and the timings.
    func testAgreesWithPyshacl() throws {
        guard Self.python(["-c", "import pyshacl"]) != nil else { throw XCTSkip("pyshacl is not installed; agreement test skipped") }
        let size = Int(ProcessInfo.processInfo.environment["SHACL_PYSHACL_TRIPLES"] ?? "") ?? 20_000
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("shacl-bench-\(ProcessInfo.processInfo.processIdentifier)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let data = Self.data(triples: size), shapesGraph = Self.shapes()
        try Self.ntriples(data).write(to: dir.appendingPathComponent("data.nt"), atomically: true, encoding: .utf8)
        try Self.ntriples(shapesGraph).write(to: dir.appendingPathComponent("shapes.nt"), atomically: true, encoding: .utf8)
        let script = """
        import sys, time, pyshacl, rdflib
        from rdflib.namespace import SH
        d = rdflib.Graph().parse(sys.argv[1], format='nt'); s = rdflib.Graph().parse(sys.argv[2], format='nt')
        t = time.process_time()
        conforms, g, _ = pyshacl.validate(d, shacl_graph=s, inference='none')
        print('TIME', time.process_time() - t)
        for r in g.subjects(rdflib.RDF.type, SH.ValidationResult):
            v = g.value(r, SH.value)
            print('R', g.value(r, SH.focusNode).n3(), g.value(r, SH.sourceConstraintComponent).n3(), v.n3() if v is not None else '-')
        """
        guard let out = Self.python(["-c", script, dir.appendingPathComponent("data.nt").path, dir.appendingPathComponent("shapes.nt").path]) else {
            return XCTFail("pyshacl run failed")
        }
        var pyTime = 0.0, theirs: [String] = []
        for line in out.split(separator: "\n") {
            if line.hasPrefix("TIME ") { pyTime = Double(line.dropFirst(5)) ?? 0 }
            if line.hasPrefix("R ") { theirs.append(String(line.dropFirst(2))) }
        }
        let cpu0 = Self.threadCPUTime()
        let report = SHACLValidator(shapes: try ShapesGraph(shapesGraph)).validate(data)
        let ours = Self.threadCPUTime() - cpu0
        let mine = report.results.map { "\($0.focusNode) \($0.sourceConstraintComponent) \($0.value?.description ?? "-")" }
        print("shacl vs pyshacl: \(data.count) triples, CPU time newsgraph \(String(format: "%.3f", ours)) s (shapes parse + index + validate), pyshacl \(String(format: "%.3f", pyTime)) s (validate only) (\(String(format: "%.0f", pyTime / max(ours, 1e-9)))x), results \(mine.count) vs \(theirs.count)")
        XCTAssertEqual(mine.sorted(), theirs.sorted())
    }

    /// CPU time of the calling thread: on a shared machine wall time mostly measures the neighbours.
    static func threadCPUTime() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }

    /// Runs python3 with arguments; nil when it fails.
    static func python(_ args: [String]) -> String? {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3"] + args
        let pipe = Pipe()
        p.standardOutput = pipe
        p.standardError = FileHandle.nullDevice
        do { try p.run() } catch { return nil }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return p.terminationStatus == 0 ? String(decoding: data, as: UTF8.self) : nil
    }
}
