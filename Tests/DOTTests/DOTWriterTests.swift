import Foundation
import RDF
import XCTest
@testable import DOT

final class DOTWriterTests: XCTestCase {
    let call = "Phone call between Donald Trump and Vladimir Putin"

    func testSeedsLikeGraphFoldsTheModelIntoAPicture() throws {
        let graph = SampleGraphs.seedsLike()
        let view = try GraphView.build(graph, options: DOTOptions())
        // Attributions: reporter and deniers point at the call, styled by polarity.
        XCTAssertEqual(view.edges(from: "The Washington Post", to: call).map(\.label), ["reported"])
        XCTAssertEqual(view.edges(from: "The Washington Post", to: call).map(\.style), [.reported])
        XCTAssertEqual(view.edges(from: "Kremlin", to: call).map(\.style), [.denied])
        XCTAssertEqual(view.edges(from: "Dmitry Peskov", to: call).map(\.label), ["denied"])
        XCTAssertEqual(view.edges(from: "people familiar with the matter", to: call).map(\.label), ["reported (probable)"])
        XCTAssertEqual(view.node(named: call)?.contested, true)
        XCTAssertEqual(view.node(named: call)?.kind, .event)
        XCTAssertEqual(view.node(named: call)?.typeLabel, "phone call")
        XCTAssertEqual(view.node(named: call)?.details, ["2024-11-07"])
        // Events are hubs linking their participants.
        XCTAssertEqual(view.edges(from: call, to: "Donald Trump").map(\.style), [.participant])
        XCTAssertEqual(view.edges(from: call, to: "Vladimir Putin").map(\.style), [.participant])
        // Roles collapse into labelled edges person → organisation/country.
        XCTAssertEqual(view.edges(from: "Dmitry Peskov", to: "Kremlin").map(\.label), ["spokesman"])
        XCTAssertEqual(view.edges(from: "Vladimir Putin", to: "Russia").map(\.label).sorted(), ["President", "nationality"])
        XCTAssertEqual(view.edges(from: "Siobhán O’Grady", to: "The Washington Post").map(\.label), ["reporter"])
        // Kinds.
        XCTAssertEqual(view.node(named: "Viktor Orbán")?.kind, .person)
        XCTAssertEqual(view.node(named: "Russia")?.kind, .country)
        XCTAssertEqual(view.node(named: "Kremlin")?.kind, .organization)
        XCTAssertEqual(view.node(named: "Moscow")?.kind, .place)
        XCTAssertEqual(view.node(named: "Moscow")?.typeLabel, "city")
        // Structural, provenance and mention nodes are not drawn; nor are classes or Wikidata IRIs.
        XCTAssertFalse(view.nodes.contains { $0.id.contains("/role-") || $0.id.contains("/attr-") || $0.id.contains("/quote-") })
        XCTAssertFalse(view.nodes.contains { $0.id.contains("/doc-") || $0.id.contains("#char=") })
        XCTAssertFalse(view.nodes.contains { $0.id.hasPrefix("http://schema.org/") || $0.id.hasPrefix("http://www.wikidata.org/") })
        XCTAssertFalse(view.edges.contains { view.text($0.label) == "wasDerivedFrom" || view.text($0.label) == "hasAttribution" })
        XCTAssertEqual(view.node(named: "Vladimir Putin")?.url, "http://www.wikidata.org/entity/Q7747")
        XCTAssertEqual(view.nodes.count, 29)

        let dot = try DOTWriter().string(graph)
        XCTAssertTrue(dot.contains("charset=\"UTF-8\""))
        XCTAssertTrue(dot.contains("subgraph cluster_legend"))
        XCTAssertTrue(dot.contains("label=\"denied\", color=\"#dc2626\", fontcolor=\"#dc2626\", style=dashed"))
        let svg = DOTAssert.accepted(dot, name: "seeds-like")
        if let svg {
            XCTAssertTrue(svg.contains(">Viktor Orbán<"))
            XCTAssertTrue(svg.contains(">Siobhán O’Grady<"))
            XCTAssertTrue(svg.contains(">denied<"))
        }
    }

    func testContestedEventsStandOut() throws {
        let dot = try DOTWriter().string(SampleGraphs.seedsLike())
        let lines = dot.split(separator: "\n")
        // The contested call: red border on a pale red fill, larger type, a "contested" line, and a legend entry.
        let callID = "\"https://w3id.org/newsgraph/id/event-2024-11-07-phonecall-donald-trump-vladimir-putin\""
        let callNode = lines.first { $0.hasPrefix("  " + callID + " [label=<") }
        XCTAssertNotNil(callNode)
        XCTAssertTrue(callNode?.contains("fillcolor=\"#fee2e2\", color=\"#dc2626\", penwidth=2.5, fontsize=13") == true, String(callNode ?? ""))
        XCTAssertTrue(callNode?.contains("<B>contested</B>") == true)
        XCTAssertTrue(dot.contains(">contested event<"))
        // Events nobody denies keep the plain event look.
        XCTAssertEqual(lines.filter { $0.contains("[label=<") && $0.contains("#fee2e2") }.count, 1)
        // Its reporters and deniers are pulled close to it, coloured by polarity.
        let attributions = lines.filter { $0.contains("-> " + callID + " [label=\"reported") || $0.contains("-> " + callID + " [label=\"denied\"") }
        XCTAssertEqual(attributions.count, 4)  // The Washington Post, people familiar…, the Kremlin, Dmitry Peskov
        for line in attributions {
            XCTAssertTrue(line.contains("weight=4"), String(line))
            XCTAssertTrue(line.contains(line.contains("denied") ? "color=\"#dc2626\"" : "color=\"#15803d\""), String(line))
        }
        DOTAssert.accepted(dot, name: "contested")
    }

    func testSmallComponentsAreChainedIntoRows() throws {
        // Eight "person → country" pairs: dot would stack them in one column of eight.
        var b = GraphBuilder()
        for i in 0..<8 {
            let p = b.entity("person-\(i)", Vocab.schema.Person, "Person \(i)")
            let c = b.entity("country-\(i)", Vocab.schema.Country, "Country \(i)")
            b.add(p, Vocab.schema.ns("nationality"), c)
        }
        let dot = try DOTWriter().string(b.graph)
        let invisible = dot.split(separator: "\n").filter { $0.hasSuffix("[style=invis];") }
        // Blocks of two ranks, rows of six ranks: three pairs per row, each chained country → next person.
        XCTAssertEqual(invisible, [
            "  \"https://w3id.org/newsgraph/id/country-0\" -> \"https://w3id.org/newsgraph/id/person-1\" [style=invis];",
            "  \"https://w3id.org/newsgraph/id/country-1\" -> \"https://w3id.org/newsgraph/id/person-2\" [style=invis];",
            "  \"https://w3id.org/newsgraph/id/country-3\" -> \"https://w3id.org/newsgraph/id/person-4\" [style=invis];",
            "  \"https://w3id.org/newsgraph/id/country-4\" -> \"https://w3id.org/newsgraph/id/person-5\" [style=invis];",
            "  \"https://w3id.org/newsgraph/id/country-6\" -> \"https://w3id.org/newsgraph/id/person-7\" [style=invis];",
        ])
        DOTAssert.accepted(dot, name: "component-rows")
        // Clustered views are left alone: the clusters decide the layout.
        var options = DOTOptions()
        options.clusterBy = .type
        XCTAssertFalse(try DOTWriter(options: options).string(b.graph).contains("style=invis"))
    }

    func testASCIIWrapMatchesCharacterWrap() {
        let texts = [
            "Person number 12345 \"quoted\"", "  leading and  double  spaces ", "Averyveryveryverylongwordthatmustbecut and more",
            "Phone call between Donald Trump and Vladimir Putin", "a b c d e f g h i j k l m n o p", "", "   ", "x",
            "exactlytwentytwochars! next", "The Washington Post <&> \\ backslash",
        ]
        for text in texts {
            for width in [1, 2, 5, 10, 22, 30] {
                XCTAssertEqual(DOTEscaping.wrapPrintableASCII(text, width: width), DOTEscaping.wrapCharacters(text, width: width), "\(text) @\(width)")
            }
        }
        XCTAssertNil(DOTEscaping.wrapPrintableASCII("Orbán Viktor", width: 5))
        XCTAssertNil(DOTEscaping.wrapPrintableASCII("line\nbreak", width: 5))
    }

    func testProvenanceMentionsAndQuotationsOnRequest() throws {
        var options = DOTOptions()
        options.includeProvenance = true
        options.includeMentions = true
        options.includeQuotations = true
        let graph = SampleGraphs.seedsLike()
        let view = try GraphView.build(graph, options: options)
        let doc = try XCTUnwrap(view.nodes.first { $0.id.hasSuffix("/doc-000_8772a01b7b70947d") })
        XCTAssertEqual(doc.style, .document)
        XCTAssertTrue(view.edges.contains { $0.style == .provenance && view.nodes[$0.to].id == doc.id })
        let mention = try XCTUnwrap(view.nodes.first { $0.id.hasSuffix("#char=136,153") })
        XCTAssertEqual(mention.name, "Vladimir V. Putin")
        XCTAssertTrue(view.edges.contains { $0.from == view.nodes.firstIndex { $0.id == mention.id } && view.nodes[$0.to].name == "Vladimir Putin" })
        XCTAssertEqual(view.edges(from: "Dmitry Peskov", to: call).filter { $0.style == .quote }.map(\.label), ["“Total fiction”"])
        DOTAssert.accepted(try DOTWriter(options: options).string(graph), name: "seeds-provenance-mentions")
    }

    func testFocusViews() throws {
        let graph = SampleGraphs.seedsLike()
        var options = DOTOptions(focus: "Dmitry Peskov", depth: 1)
        var view = try GraphView.build(graph, options: options)
        XCTAssertEqual(view.names, ["Dmitry Peskov", "Kremlin", call, "Russia"].sorted())
        DOTAssert.accepted(try DOTWriter(options: options).string(graph), name: "focus-peskov-1")

        options.depth = 2
        view = try GraphView.build(graph, options: options)
        for name in ["Donald Trump", "Vladimir Putin", "The Washington Post", "Florida", "people familiar with the matter"] {
            XCTAssertNotNil(view.node(named: name), name)
        }
        XCTAssertNil(view.node(named: "Elon Musk"))
        XCTAssertTrue(try DOTWriter(options: options).string(graph).hasPrefix("// NewsGraph DOT: \(view.nodes.count) nodes"))
        DOTAssert.accepted(try DOTWriter(options: options).string(graph), name: "focus-peskov-2")

        // By IRI, by prefixed name, by alternate name, accent- and case-insensitively.
        for query in ["https://w3id.org/newsgraph/id/person-viktor-orban", "<https://w3id.org/newsgraph/id/person-viktor-orban>",
                      "id:person-viktor-orban", "viktor orban", "VIKTOR ORBÁN"] {
            let v = try GraphView.build(graph, options: DOTOptions(focus: query, depth: 1))
            XCTAssertEqual(v.names, ["Hungary", "Phone call between Donald Trump and Viktor Orbán", "Viktor Orbán"], query)
        }
        let putin = try GraphView.build(graph, options: DOTOptions(focus: "Vladimir V. Putin", depth: 0))
        XCTAssertEqual(putin.names, ["Vladimir Putin"])
        DOTAssert.accepted(try DOTWriter(options: DOTOptions(focus: "Siobhán O’Grady", depth: 3)).string(graph), name: "focus-ogrady-3")
        DOTAssert.accepted(try DOTWriter(options: DOTOptions(focus: call, depth: 1, rankdir: .TB)).string(graph), name: "focus-call-TB")

        XCTAssertThrowsError(try DOTWriter(options: DOTOptions(focus: "Vladimir Lenin")).string(graph)) { error in
            XCTAssertEqual(error as? DOTError, .focusNotFound("Vladimir Lenin", suggestions: [call, "Vladimir Putin"]))
            XCTAssertTrue("\(error)".contains("did you mean: Phone call between Donald Trump and Vladimir Putin, Vladimir Putin"))
        }
    }

    func testTypeFilter() throws {
        let graph = SampleGraphs.seedsLike()
        let options = DOTOptions(types: [.person, .country])
        let view = try GraphView.build(graph, options: options)
        XCTAssertEqual(Set(view.nodes.map(\.kind)), [.person, .country])
        XCTAssertEqual(view.edges(from: "Viktor Orbán", to: "Hungary").map(\.label).sorted(), ["Prime Minister", "nationality"])
        XCTAssertEqual(try EntityKind.parseList("person, countries,org"), [.person, .country, .organization])
        XCTAssertThrowsError(try EntityKind.parseList("person,planet"))
        DOTAssert.accepted(try DOTWriter(options: options).string(graph), name: "types-person-country")
    }

    func testMaxNodesKeepsTheMostConnected() throws {
        let graph = SampleGraphs.seedsLike()
        let view = try GraphView.build(graph, options: DOTOptions(maxNodes: 5))
        XCTAssertEqual(view.nodes.count, 5)
        XCTAssertNotNil(view.node(named: "Donald Trump"))
        XCTAssertNotNil(view.node(named: "United States"))
        XCTAssertEqual(view.omitted, 24)
        let dot = try DOTWriter(options: DOTOptions(maxNodes: 5)).string(graph)
        XCTAssertTrue(dot.hasPrefix("// NewsGraph DOT: 5 nodes, "))
        XCTAssertTrue(dot.contains("(24 of 29 nodes left out by the view options)"))
        // Ties are broken by node ID, so the choice is stable.
        XCTAssertEqual(try DOTWriter(options: DOTOptions(maxNodes: 7)).string(graph), try DOTWriter(options: DOTOptions(maxNodes: 7)).string(graph))
        // With a focus, the focus node is kept even when it is not among the most connected.
        let focused = try GraphView.build(graph, options: DOTOptions(focus: "Elon Musk", depth: 5, maxNodes: 3))
        XCTAssertEqual(focused.nodes.count, 3)
        XCTAssertNotNil(focused.node(named: "Elon Musk"))
        DOTAssert.accepted(dot, name: "max-nodes-5")
    }

    func testHugeGraphWithMaxNodesStaysRenderable() throws {
        let graph = PerformanceGraphs.people(count: 5_000)
        let options = DOTOptions(maxNodes: 150)
        let view = try GraphView.build(graph, options: options)
        XCTAssertEqual(view.nodes.count, 150)
        XCTAssertEqual(view.totalNodes, 5_000 + 5_000 / 50 + 20)
        // The hubs (events with 50 participants each) are the most connected, so they are kept.
        XCTAssertEqual(view.nodes.filter { $0.kind == .event }.count, 100)
        let dot = try DOTWriter(options: options).string(graph)
        XCTAssertTrue(dot.hasPrefix("// NewsGraph DOT: 150 nodes"))
        DOTAssert.accepted(dot, name: "huge-max-nodes-150")
    }

    func testClusters() throws {
        let graph = SampleGraphs.seedsLike()
        var options = DOTOptions()
        options.clusterBy = .document
        let byDoc = try DOTWriter(options: options).string(graph)
        XCTAssertTrue(byDoc.contains("subgraph \"cluster_doc_1\""))
        XCTAssertTrue(byDoc.contains("label=\"Trump has kept talking to foreign leaders\""))
        DOTAssert.accepted(byDoc, name: "cluster-document")
        options.clusterBy = .type
        let byType = try DOTWriter(options: options).string(graph)
        for kind in ["person", "country", "organization", "place", "event", "other"] {
            XCTAssertTrue(byType.contains("subgraph \"cluster_type_\(kind)\""), kind)
        }
        DOTAssert.accepted(byType, name: "cluster-type")
        for dir in DOTRankDir.allCases {
            let dot = try DOTWriter(options: DOTOptions(focus: "Kremlin", depth: 1, rankdir: dir)).string(graph)
            XCTAssertTrue(dot.contains("rankdir=\(dir.rawValue)"))
        }
    }

    func testHostileLabels() throws {
        var g = Graph()
        let ex = Namespace(prefix: "ex", iri: "http://example.org/")
        func add(_ s: Term, _ p: IRI, _ o: Term) { g.insert(Triple(s, p, o)) }
        let hostile = [
            "say \"hi\"", "back\\slash", "trailing backslash\\", "two\nlines\r\nand CRLF", "tab\there",
            "<b>not bold</b> & <i>not html</i>", "{record|like} <port>", "Orbán", "Siobhán O’Grady", "中文 名字",
            "emoji 🙂👍🏽", "مرحبا بالعالم", "\\N \\G \\l \\n escapes", "&amp; &#38; &unknown;", "control \u{01}\u{7F}\u{9F}\u{FFFE} chars",
            String(repeating: "very long label without spaces ", count: 40), String(repeating: "x", count: 500),
            "\"", "\\", "", " ", "]]>", "a\"b\\\"c",
        ]
        for (i, label) in hostile.enumerated() {
            let s = Term.iri(ex("n\(i)"))
            add(s, Vocab.rdf.type, .iri(Vocab.schema.Person))
            add(s, Vocab.schema.name, .literal(Literal(label)))
            add(s, Vocab.rdfs.comment, .literal(Literal(label + " — comment", language: "en")))
            add(s, ex("p\"q\\r<s>"), .iri(ex("n\((i + 1) % hostile.count)")))
        }
        // IRIs and blank nodes a validating reader would never produce still make valid DOT IDs.
        let odd = Term.iri(IRI(unchecked: "http://example.org/a\"b\\c\nd"))
        add(odd, ex("rel"), .blank(BlankNode("b\"1")))
        add(.blank(BlankNode("b\"1")), Vocab.rdfs.label, .literal(Literal("blank \"node\"")))
        add(.blank(BlankNode("trailing\\")), ex("rel"), odd)
        let dot = try DOTWriter().string(g)
        let svg = DOTAssert.accepted(dot, name: "hostile-labels")
        XCTAssertFalse(dot.contains("\u{01}"))
        if let svg {
            XCTAssertTrue(svg.contains(">say &quot;hi&quot;<") || svg.contains(">say \"hi\"<"), "quotes survive")
            XCTAssertTrue(svg.contains(">back\\slash<"))
            XCTAssertTrue(svg.contains(">trailing backslash\\<"))
            XCTAssertTrue(svg.contains(">&lt;b&gt;not bold&lt;/b&gt; &amp;<"))
            XCTAssertTrue(svg.contains(">Orbán<"))
            XCTAssertTrue(svg.contains(">\\N \\G \\l \\n escapes<"))
            XCTAssertTrue(svg.contains(">&amp;amp; &amp;#38; &amp;unknown;<"))
            XCTAssertTrue(svg.contains(">two<") && svg.contains(">lines<"))
        }
        // Every variant of the writer on the hostile graph.
        var options = DOTOptions()
        options.clusterBy = .type
        options.includeProvenance = true
        DOTAssert.accepted(try DOTWriter(options: options).string(g), name: "hostile-clusters")
    }

    func testAnyRDFGraph() throws {
        var g = Graph()
        let foaf = Namespace(prefix: "foaf", iri: "http://xmlns.com/foaf/0.1/")
        let ex = Namespace(prefix: "ex", iri: "http://example.org/")
        g.insert(Triple(.iri(ex("alice")), Vocab.rdf.type, .iri(foaf("Person"))))
        g.insert(Triple(.iri(ex("alice")), foaf("name"), .literal(Literal("Alice"))))
        g.insert(Triple(.iri(ex("alice")), foaf("knows"), .blank(BlankNode("bob"))))
        g.insert(Triple(.blank(BlankNode("bob")), foaf("age"), .literal(Literal("42", datatype: Vocab.xsd.integer))))
        g.insert(Triple(.iri(ex("alice")), ex("likes"), .iri(ex("thing/with/path#frag"))))
        g.insert(Triple(.iri(ex("alice")), ex("worksAt"), .iri(ex("acme"))))
        g.insert(Triple(.iri(ex("acme")), Vocab.rdf.type, .iri(ex("Company"))))
        g.insert(Triple(.iri(ex("Company")), Vocab.rdfs.subClassOf, .iri(Vocab.schema.Organization)))
        let view = try GraphView.build(g, options: DOTOptions())
        XCTAssertEqual(view.names, ["Alice", "_:bob", "acme", "frag"])
        XCTAssertEqual(view.node(named: "Alice")?.kind, .person)
        XCTAssertEqual(view.node(named: "acme")?.kind, .organization, "subclass declared in the graph")
        XCTAssertEqual(view.node(named: "acme")?.typeLabel, "company")
        XCTAssertEqual(view.node(named: "_:bob")?.kind, .other)
        XCTAssertTrue(view.node(named: "_:bob").map(view.tooltipText)?.contains("age: 42") ?? false)
        XCTAssertEqual(view.edges(from: "Alice", to: "_:bob").map(\.label), ["knows"])
        DOTAssert.accepted(try DOTWriter().string(g), name: "foaf")

        // An ontology alone still draws its classes.
        var onto = Graph()
        onto.insert(Triple(.iri(ex("A")), Vocab.rdfs.subClassOf, .iri(ex("B"))))
        onto.insert(Triple(.iri(ex("A")), Vocab.rdfs.label, .literal(Literal("Class A"))))
        XCTAssertEqual(try GraphView.build(onto, options: DOTOptions()).names, ["B", "Class A"])
        DOTAssert.accepted(try DOTWriter().string(Graph()), name: "empty")
    }

    func testOutputIsDeterministic() throws {
        let graph = SampleGraphs.seedsLike()
        var shuffled = Array(graph)
        var rng = SeededGenerator(seed: 7)
        shuffled.shuffle(using: &rng)
        var options = DOTOptions()
        options.clusterBy = .document
        options.includeQuotations = true
        XCTAssertEqual(try DOTWriter(options: options).string(graph), try DOTWriter(options: options).string(Graph(shuffled)))
    }

    func testEscaping() {
        XCTAssertEqual(DOTEscaping.quotedID("plain"), "\"plain\"")
        XCTAssertEqual(DOTEscaping.quotedID("a\"b\\"), "\"a\\\"b\\\\\"")
        XCTAssertEqual(DOTEscaping.quotedText("a\nb \"c\" \\ & é\u{01}"), "\"a\\nb \\\"c\\\" \\\\ &amp; é\"")
        XCTAssertEqual(DOTEscaping.html("<b> & \"x\"\nÖ"), "&lt;b&gt; &amp; &quot;x&quot;<BR/>Ö")
        XCTAssertEqual(DOTEscaping.wrap("Phone call between Donald Trump and Vladimir Putin", width: 22),
                       ["Phone call between", "Donald Trump and", "Vladimir Putin"])
        XCTAssertEqual(DOTEscaping.wrap("abcdefghij", width: 4), ["abcd", "efgh", "ij"])
        XCTAssertEqual(truncate("abcdef", to: 4), "abc…")
    }

    func testWritesThroughAByteSink() throws {
        final class Collect: ByteSink {
            var bytes: [UInt8] = []
            func write(_ b: UnsafeRawBufferPointer) throws { bytes += b }
            func flush() throws {}
        }
        let sink = Collect()
        try DOTWriter().write(SampleGraphs.small(), to: OutputBuffer(sink: sink, blockSize: 64))
        XCTAssertEqual(String(decoding: sink.bytes, as: UTF8.self), try DOTWriter().string(SampleGraphs.small()))
    }
}

/// A small deterministic random generator (SplitMix64), so shuffles are reproducible.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
