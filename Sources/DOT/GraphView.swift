import Foundation
import RDF

/// How a node is drawn: one of the six entity kinds, or a document / mention when those are asked for.
enum NodeStyle: Hashable {
    case entity(EntityKind)
    case document
    case mention
}

/// What an edge means, which decides its colour and line style.
enum EdgeStyle: Int, Comparable, CaseIterable {
    case plain, participant, role, reported, uncertain, denied, quote, provenance, mention
    static func < (a: EdgeStyle, b: EdgeStyle) -> Bool { a.rawValue < b.rawValue }
    /// A source's statement about an event (from a GRaSP attribution).
    var isAttribution: Bool { self == .reported || self == .uncertain || self == .denied }
}

struct ViewNode {
    var resource: Int
    var id: String
    var kind: EntityKind
    var style: NodeStyle
    var name: String
    var typeLabel: String
    var details: [String]
    /// The tooltip's bytes in ``GraphView/tooltips``: already escaped for a quoted DOT string,
    /// lines joined by `\n`. Written there as bytes while describing the node, because
    /// building a few Strings per node and escaping them again was most of a big graph's cost.
    var tooltip: Range<Int>
    var url: String?
    var contested: Bool
    var documents: [Int]
}

/// An edge; `label` and `tooltip` index ``GraphView/strings``, so the 100,000s of edges of a
/// big graph sort as plain values without touching reference counts.
struct ViewEdge: Hashable {
    var from: Int
    var to: Int
    var label: Int32
    var style: EdgeStyle
    var tooltip: Int32
}

/// Interns edge texts: each distinct label is stored once.
struct StringTable {
    private(set) var strings: [String] = [""]
    private var index: [String: Int32] = ["": 0]
    mutating func id(_ s: String) -> Int32 {
        if let i = index[s] { return i }
        let i = Int32(strings.count)
        strings.append(s); index[s] = i
        return i
    }
}

/// The picture before it is written: which resources become nodes, which links become edges,
/// after folding the NewsGraph model's structural nodes and applying the view options. Kept apart
/// from the text output so that the views can be tested on structure, not on DOT strings.
struct GraphView {
    var nodes: [ViewNode] = []
    /// Edges between positions in `nodes`, sorted.
    var edges: [ViewEdge] = []
    /// Nodes dropped by focus, type filter and maxNodes.
    var omitted = 0
    var totalNodes = 0
    /// Document resource → display name, for `clusterBy: .document`.
    var documentNames: [Int: String] = [:]
    /// Texts of edge labels and tooltips.
    var strings = StringTable()
    func text(_ i: Int32) -> String { strings.strings[Int(i)] }
    /// Every node's tooltip, escaped, one after the other (see ``ViewNode/tooltip``).
    var tooltips: [UInt8] = []
    /// A node's tooltip as written in the DOT file (escaped, lines joined by `\n`).
    func tooltipText(_ node: ViewNode) -> String { String(decoding: tooltips[node.tooltip], as: UTF8.self) }

    static let namePredicates: [IRI] = [
        Vocab.schema.name, DOTVocab.schemaHTTPS("name"), Vocab.rdfs.label, DOTVocab.foaf("name"),
        DOTVocab.skos("prefLabel"), Vocab.dcterms.title, DOTVocab.dc("title"), Vocab.nif.anchorOf,
    ]
    static let datePredicates = [Vocab.schema.ns("startDate"), DOTVocab.schemaHTTPS("startDate"), Vocab.schema.ns("endDate")]
    static let contestedPredicates = [DOTVocab.ng("contested")]
    static let foldedLinks: Set<IRI> = [
        Vocab.owl.sameAs, Vocab.schema.sameAs, DOTVocab.schemaHTTPS("sameAs"), Vocab.schema.ns("url"),
        DOTVocab.schemaHTTPS("url"), Vocab.rdfs.seeAlso, Vocab.rdfs.ns("isDefinedBy"), DOTVocab.foaf("homepage"),
        Vocab.itsrdf.taClassRef,
    ]

    static func build(_ graph: Graph, options: DOTOptions) throws(DOTError) -> GraphView {
        // The triple count sizes the term index: a Graph does not report it as its underestimatedCount.
        try build(ResourceTable(graph, expectedCount: graph.count), options: options)
    }

    // swiftlint:disable:next function_body_length cyclomatic_complexity
    static func build(_ table: ResourceTable, options: DOTOptions) throws(DOTError) -> GraphView {
        var classifier = NodeClassifier(superClasses: table.superClasses)
        let n = table.count
        var category = [Category](repeating: .entity(.other), count: n)
        // Which resources are classes, marked once from the (few) class IRIs rather than by
        // hashing every resource's IRI.
        var declaredClass = [Bool](repeating: false, count: n)
        for c in table.classes { if let r = table.lookup(.iri(c)) { declaredClass[r] = true } }
        for c in table.superClasses.keys { if let r = table.lookup(.iri(c)) { declaredClass[r] = true } }
        func isClass(_ r: Int) -> Bool {
            guard case .iri = table.terms[r] else { return false }
            return declaredClass[r] || table.types[r].contains { $0 == Vocab.rdfs.Class || $0 == Vocab.owl.Class }
        }
        var hasInstances = false
        let referenceContext = table.id(Vocab.nif.referenceContext)
        for r in 0..<n where table.isSubject[r] {
            if let c = classifier.category(types: table.types[r]) {
                category[r] = c
            } else if table.links[r].contains(where: { $0.predicate == referenceContext }) {
                category[r] = .mention
            }
            if !table.types[r].isEmpty && !isClass(r) { hasInstances = true }
        }
        // Classes are folded into their instances' labels, unless the graph is only an ontology.
        if hasInstances {
            for r in 0..<n where isClass(r) { category[r] = .hidden }
        }

        func drawable(_ r: Int) -> Bool {
            switch category[r] {
            case .entity: return true
            case .document: return options.includeProvenance
            case .mention: return options.includeMentions
            case .role: return !options.collapseRoles
            case .attribution: return !options.collapseAttributions
            case .quotation, .hidden: return false
            }
        }

        var isNode = [Bool](repeating: false, count: n)
        for r in 0..<n where table.isSubject[r] && drawable(r) { isNode[r] = true }

        // Collected in a list and de-duplicated after sorting: cheaper than hashing every label.
        var edges: [ViewEdge] = []
        var documents = [[Int]](repeating: [], count: n)
        var roleHolders: [Int: [Int]] = [:]
        var attributionTargets: [Int: [Int]] = [:]
        var detailLines: [Int: [String]] = [:]
        var contested = Set<Int>()
        let derivedFrom = table.id(Vocab.prov.wasDerivedFrom)
        var strings = StringTable()

        // What each predicate means for the picture, worked out once per predicate, not per link.
        struct PredicateInfo { var label: Int32; var folded, derived, participant, subClassOf: Bool }
        let predicateInfo = table.predicates.indices.map { i in
            let p = table.predicates[i]
            return PredicateInfo(
                label: strings.id(table.predicateNames[i]), folded: foldedLinks.contains(p), derived: p == Vocab.prov.wasDerivedFrom,
                participant: p == Vocab.schema.ns("participant"), subClassOf: p == Vocab.rdfs.subClassOf)
        }
        let describing = Describing(table: table, folded: predicateInfo.map(\.folded))

        for r in 0..<n where table.isSubject[r] {
            for link in table.links[r] {
                let o = link.object
                let p = predicateInfo[Int(link.predicate)]
                if p.derived {
                    documents[r].append(o)
                    if !options.includeProvenance { continue }
                }
                switch category[o] {
                case .role where options.collapseRoles: roleHolders[o, default: []].append(r); continue
                case .attribution where options.collapseAttributions: attributionTargets[o, default: []].append(r); continue
                default: break
                }
                guard isNode[r], !p.folded, drawable(o) else { continue }
                if hasInstances && p.subClassOf { continue }
                if !table.isSubject[o] { isNode[o] = true }
                let style: EdgeStyle
                if p.derived { style = .provenance }
                else if case .mention = category[r] { style = .mention }
                else if p.participant { style = .participant }
                else { style = .plain }
                let label = p.label
                edges.append(ViewEdge(from: r, to: o, label: label, style: style, tooltip: 0))
            }
        }

        if options.collapseRoles {
            for role in roleHolders.keys.sorted() {
                let holders = roleHolders[role] ?? []
                let roleName = table.firstLiteral(role, [Vocab.schema.ns("roleName")] + namePredicates) ?? "role"
                let targets = table.links[role].filter { l in
                    if l.predicate == derivedFrom { return false }
                    if case .entity = category[l.object] { return true }
                    return false
                }.map(\.object)
                for h in holders where isNode[h] {
                    if targets.isEmpty {
                        detailLines[h, default: []].append(roleName)
                    }
                    for t in targets {
                        if !table.isSubject[t] { isNode[t] = true }
                        edges.append(ViewEdge(from: h, to: t, label: strings.id(roleName), style: .role, tooltip: strings.id("role: " + roleName)))
                    }
                }
            }
        }

        if options.collapseAttributions {
            let isAttributionFor = DOTVocab.grasp("isAttributionFor")
            let attributedTo = Vocab.prov.ns("wasAttributedTo")
            for r in 0..<n where category[r] == .attribution {
                let targets = Set(table.objects(r, isAttributionFor) + (attributionTargets[r] ?? [])).filter { isNode[$0] }
                let sources = table.objects(r, attributedTo).filter { drawable($0) }
                var values = table.objects(r, Vocab.rdf.value).map { localName(table.terms[$0].iri?.value ?? "").uppercased() }
                values += table.allLiterals(r, Vocab.rdf.value).map { $0.uppercased() }
                let negative = values.contains { $0 == "NEG" || $0 == "NEGATIVE" }
                let certainty = values.first { ["PROBABLE", "POSSIBLE", "UNDERSPECIFIED"].contains($0) }
                var label = negative ? "denied" : "reported"
                if let certainty { label += " (" + certainty.lowercased() + ")" }
                let style: EdgeStyle = negative ? .denied : certainty == nil ? .reported : .uncertain
                for t in targets.sorted() {
                    if negative { contested.insert(t) }
                    for s in sources {
                        if !table.isSubject[s] { isNode[s] = true }
                        edges.append(ViewEdge(
                            from: s, to: t, label: strings.id(label), style: style, tooltip: strings.id("attribution: " + shortForm(table.terms[r]))))
                    }
                }
            }
        }

        if options.includeQuotations {
            for r in 0..<n where category[r] == .quotation {
                guard let text = table.firstLiteral(r, [Vocab.schema.ns("text"), DOTVocab.schemaHTTPS("text")]) else { continue }
                let speakers = table.objects(r, Vocab.schema.ns("spokenByCharacter")) + table.objects(r, Vocab.schema.ns("author"))
                let about = table.objects(r, Vocab.schema.ns("about"))
                let label = "“" + truncate(text, to: 40) + "”"
                for s in speakers where isNode[s] || drawable(s) {
                    for a in about where isNode[a] {
                        isNode[s] = true
                        edges.append(ViewEdge(from: s, to: a, label: strings.id(label), style: .quote, tooltip: strings.id(text)))
                    }
                }
            }
        }

        // Nodes.
        var view = GraphView()
        view.strings = strings
        let texts = strings.strings
        var position = [Int](repeating: -1, count: n)
        var order: [(id: String, r: Int)] = []
        for r in 0..<n where isNode[r] { order.append((nodeID(table.terms[r]), r)) }
        order = sortedByID(order)
        view.nodes.reserveCapacity(order.count)
        for (id, r) in order {
            position[r] = view.nodes.count
            var node = describe(r, id: id, describing, category: category[r], classifier: &classifier, tooltips: &view.tooltips)
            if let lines = detailLines[r] { node.details += lines.sorted() }
            if !documents[r].isEmpty { node.documents = Array(Set(documents[r])).sorted() }
            if contested.contains(r) { node.contested = true }
            view.nodes.append(node)
        }
        for node in view.nodes {
            for d in node.documents where view.documentNames[d] == nil {
                view.documentNames[d] = table.firstLiteral(d, namePredicates) ?? localName(shortForm(table.terms[d]))
            }
        }
        var edgeList: [ViewEdge] = []
        edgeList.reserveCapacity(edges.count)
        for var e in edges where position[e.from] >= 0 && position[e.to] >= 0 {
            e.from = position[e.from]; e.to = position[e.to]
            edgeList.append(e)
        }
        edgeList.sort { a, b in
            if a.from != b.from { return a.from < b.from }
            if a.to != b.to { return a.to < b.to }
            if a.style != b.style { return a.style < b.style }
            if a.label != b.label { return texts[Int(a.label)] < texts[Int(b.label)] }
            return texts[Int(a.tooltip)] < texts[Int(b.tooltip)]
        }
        // One drawn edge per (from, to, style, label): two attributions saying the same thing
        // are one line in the picture.
        var unique: [ViewEdge] = []
        unique.reserveCapacity(edgeList.count)
        for e in edgeList {
            if let last = unique.last, last.from == e.from, last.to == e.to, last.style == e.style, last.label == e.label { continue }
            unique.append(e)
        }
        view.edges = unique
        view.totalNodes = view.nodes.count
        try view.applyViews(options, table: table)
        return view
    }

    /// `items` in `String` order of their IDs, compared as bytes: the IDs of a big graph share long
    /// prefixes (`https://w3id.org/newsgraph/id/person-…`), where `String.<` is several times slower
    /// than `memcmp`. For ASCII the two orders are the same; any pair with a non-ASCII ID is
    /// compared with `String.<`, so the order, and the output, is exactly that of `String.<`.
    static func sortedByID(_ items: [(id: String, r: Int)]) -> [(id: String, r: Int)] {
        var bytes: [UInt8] = []
        var start = [Int](), length = [Int](), ascii = [Bool]()
        start.reserveCapacity(items.count); length.reserveCapacity(items.count); ascii.reserveCapacity(items.count)
        for item in items {
            let first = bytes.count
            bytes.append(contentsOf: item.id.utf8)
            start.append(first)
            length.append(bytes.count - first)
            ascii.append(item.id.utf8.withContiguousStorageIfAvailable(isASCII) ?? false)
        }
        var order = Array(items.indices)
        bytes.withUnsafeBufferPointer { raw in
            guard let base = raw.baseAddress else { return }
            order.sort { a, b in
                guard ascii[a] && ascii[b] else { return items[a].id < items[b].id }
                let la = length[a], lb = length[b]
                let c = memcmp(base + start[a], base + start[b], min(la, lb))
                return c != 0 ? c < 0 : la < lb
            }
        }
        return order.map { items[$0] }
    }

    /// A node's DOT ID: the IRI itself (stable across runs and views), or `_:label` for blank nodes.
    static func nodeID(_ term: Term) -> String {
        switch term {
        case let .iri(i): return i.value
        case let .blank(b): return "_:" + b.id
        case let .literal(l): return l.lexicalForm
        }
    }

    /// The table and the predicate IDs `describe` asks about for every node, resolved once.
    struct Describing {
        let table: ResourceTable
        let folded: [Bool]
        let names: [Int32], dates: [Int32], contested: [Int32]
        init(table: ResourceTable, folded: [Bool]) {
            self.table = table; self.folded = folded
            names = table.ids(namePredicates); dates = table.ids(datePredicates); contested = table.ids(contestedPredicates)
        }
    }

    /// Class names too general to name a node's type when it has a more specific one.
    private static let generalClassNames: Set<String> = ["Event", "Organization", "Place", "Thing", "Agent"]

    private static func describe(
        _ r: Int, id: String, _ describing: Describing, category: Category, classifier: inout NodeClassifier,
        tooltips: inout [UInt8]
    ) -> ViewNode {
        let table = describing.table
        let term = table.terms[r]
        let kind: EntityKind
        let style: NodeStyle
        switch category {
        case let .entity(k): kind = k; style = .entity(k)
        case .document: kind = .other; style = .document
        case .mention: kind = .other; style = .mention
        default: kind = .other; style = .entity(.other)
        }
        var name = table.firstLiteral(r, describing.names) ?? ""
        if name.isEmpty {
            switch term {
            case let .iri(i): name = localName(i.value)
            case let .blank(b): name = "_:" + b.id
            case let .literal(l): name = l.lexicalForm
            }
        }
        func classWords(_ c: IRI) -> String {
            if let w = classifier.words[c] { return w }
            let w = words(ofClassName: localName(c.value))
            classifier.words[c] = w
            return w
        }
        // The most specific class that gave the node its category names its type.
        let types = table.types[r]
        let typeLabel: String
        if types.count <= 1 {
            typeLabel = types.first.map { classWords($0) } ?? ""
        } else {
            var candidates: [IRI] = []
            for t in types where classifier.category(types: [t]) == category { candidates.append(t) }
            if candidates.isEmpty { candidates = Array(types) }
            candidates.sort { a, b in
                let ba = generalClassNames.contains(localName(a.value)), bb = generalClassNames.contains(localName(b.value))
                return ba != bb ? !ba : a < b
            }
            typeLabel = candidates.first.map { classWords($0) } ?? ""
        }

        var details: [String] = []
        if case .entity(.event) = category {
            if let date = table.firstLiteral(r, describing.dates) {
                details.append(date)
            }
        }
        let contested = table.firstLiteral(r, describing.contested).map { $0 == "true" || $0 == "1" } ?? false

        // Tooltip lines: the term, its types, its literals ("predicate: value", sorted, at most
        // 24), its folded links (sorted, at most 8).
        let tooltipStart = tooltips.count
        writeShortForm(term, &tooltips)
        func newLine() { tooltips.append(0x5C); tooltips.append(0x6E) }  // \n
        func line(_ text: String) { newLine(); DOTEscaping.write(text, .text, to: &tooltips) }
        if types.count == 1, let t = types.first {
            line(classifier.typeLine(t))
        } else if !types.isEmpty {
            line("a " + types.map { shortForm(.iri($0)) }.sorted().joined(separator: ", "))
        }
        let properties = table.literals[r]
        if properties.count == 1, let property = properties.first {
            // One line needs no sorting, so it is written in pieces without joining them first.
            line(table.predicateNames[Int(property.predicate)])
            tooltips.append(0x3A); tooltips.append(0x20)
            DOTEscaping.write(truncate(property.value.lexicalForm, to: 160), .text, to: &tooltips)
        } else if !properties.isEmpty {
            var literalLines: [String] = []
            for property in properties {
                literalLines.append(table.predicateNames[Int(property.predicate)] + ": " + truncate(property.value.lexicalForm, to: 160))
            }
            literalLines.sort()
            for l in literalLines.prefix(24) { line(l) }
            if literalLines.count > 24 { line("… \(literalLines.count - 24) more") }
        }
        var links: [String] = []
        for l in table.links[r] where describing.folded[Int(l.predicate)] {
            if case let .iri(i) = table.terms[l.object] { links.append(i.value) }
        }
        links.sort()
        for l in links.prefix(8) {
            newLine()
            tooltips.append(contentsOf: "sameAs: ".utf8)
            writeShortForm(.iri(IRI(unchecked: l)), &tooltips)
        }
        let url = links.first { $0.hasPrefix("http://www.wikidata.org/") || $0.hasPrefix("https://www.wikidata.org/") } ?? links.first

        return ViewNode(
            resource: r, id: id, kind: kind, style: style, name: name, typeLabel: typeLabel, details: details,
            tooltip: tooltipStart..<tooltips.count, url: url, contested: contested, documents: [])
    }

    // MARK: Views

    private mutating func applyViews(_ options: DOTOptions, table: ResourceTable) throws(DOTError) {
        guard options.focus != nil || !options.types.isEmpty || options.maxNodes != nil else { return }
        if let m = options.maxNodes, m < 0 { throw DOTError.invalidOption("maxNodes must not be negative") }
        if options.depth < 0 { throw DOTError.invalidOption("depth must not be negative") }
        var keep = [Bool](repeating: true, count: nodes.count)
        var roots = Set<Int>()

        if let focus = options.focus {
            roots = findFocus(focus, table: table)
            guard !roots.isEmpty else { throw DOTError.focusNotFound(focus, suggestions: suggestions(for: focus, table: table)) }
            var adjacency = [[Int]](repeating: [], count: nodes.count)
            for e in edges { adjacency[e.from].append(e.to); adjacency[e.to].append(e.from) }
            var distance = [Int](repeating: -1, count: nodes.count)
            var frontier = roots.sorted()
            for r in frontier { distance[r] = 0 }
            var d = 0
            while !frontier.isEmpty && d < options.depth {
                d += 1
                var next: [Int] = []
                for v in frontier { for w in adjacency[v] where distance[w] < 0 { distance[w] = d; next.append(w) } }
                frontier = next
            }
            for i in nodes.indices { keep[i] = distance[i] >= 0 }
        }

        if !options.types.isEmpty {
            for i in nodes.indices where keep[i] && !roots.contains(i) {
                if case .entity = nodes[i].style, !options.types.contains(nodes[i].kind) { keep[i] = false }
            }
        }

        if let maxNodes = options.maxNodes {
            var degree = [Int](repeating: 0, count: nodes.count)
            for e in edges where keep[e.from] && keep[e.to] { degree[e.from] += 1; degree[e.to] += 1 }
            var kept = nodes.indices.filter { keep[$0] }
            if kept.count > maxNodes {
                // Most connected first; the node ID order of `nodes` breaks ties deterministically.
                kept.sort { a, b in
                    let ra = roots.contains(a), rb = roots.contains(b)
                    if ra != rb { return ra }
                    if degree[a] != degree[b] { return degree[a] > degree[b] }
                    return a < b
                }
                for i in kept[maxNodes...] { keep[i] = false }
            }
        }

        var newIndex = [Int](repeating: -1, count: nodes.count)
        var newNodes: [ViewNode] = []
        for i in nodes.indices where keep[i] { newIndex[i] = newNodes.count; newNodes.append(nodes[i]) }
        var newEdges: [ViewEdge] = []
        for var e in edges where keep[e.from] && keep[e.to] {
            e.from = newIndex[e.from]; e.to = newIndex[e.to]
            newEdges.append(e)
        }
        omitted = nodes.count - newNodes.count
        nodes = newNodes
        edges = newEdges
    }

    /// Folded for matching: lower case, no diacritics, typographic apostrophes as `'`.
    static func fold(_ s: String) -> String {
        s.folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: nil)
            .replacingOccurrences(of: "’", with: "'").trimmingCharacters(in: .whitespaces)
    }

    private func names(of node: ViewNode, table: ResourceTable) -> [String] {
        var all = [node.name]
        for property in table.literals[node.resource] {
            let p = Int(property.predicate)
            if GraphView.namePredicates.contains(table.predicates[p]) || table.predicateNames[p] == "alternateName" {
                all.append(property.value.lexicalForm)
            }
        }
        return all
    }

    private func findFocus(_ query: String, table: ResourceTable) -> Set<Int> {
        var q = query
        if q.hasPrefix("<") && q.hasSuffix(">") && q.count >= 2 { q = String(q.dropFirst().dropLast()) }
        var byID = Set<Int>()
        for (i, node) in nodes.enumerated() where node.id == q || shortForm(table.terms[node.resource]) == q {
            byID.insert(i)
        }
        if !byID.isEmpty { return byID }
        let folded = GraphView.fold(q)
        var byName = Set<Int>()
        for (i, node) in nodes.enumerated() {
            if names(of: node, table: table).contains(where: { GraphView.fold($0) == folded }) { byName.insert(i) }
        }
        if !byName.isEmpty { return byName }
        for (i, node) in nodes.enumerated() where GraphView.fold(localName(node.id)) == folded { byName.insert(i) }
        return byName
    }

    private func suggestions(for query: String, table: ResourceTable) -> [String] {
        let words = GraphView.fold(query).split(separator: " ").map(String.init).filter { $0.count >= 3 }
        guard !words.isEmpty else { return [] }
        var found = Set<String>()
        for node in nodes {
            let name = GraphView.fold(node.name)
            if words.contains(where: { name.contains($0) }) { found.insert(node.name) }
        }
        return Array(found.sorted().prefix(5))
    }
}

/// Cuts `s` to at most `limit` characters, ending with "…" when it was cut.
func truncate(_ s: String, to limit: Int) -> String {
    guard limit > 0, s.utf8.count > limit, s.count > limit else { return s }
    return String(s.prefix(max(1, limit - 1))) + "…"
}
