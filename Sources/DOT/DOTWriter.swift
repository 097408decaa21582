import RDF

/// Writes an RDF graph as a Graphviz DOT picture meant to be looked at: entities and events as
/// coloured nodes, NewsGraph's roles and GRaSP attributions folded into labelled edges
/// (person —[spokesman]→ organisation, source —[denied]→ event), literals folded into labels and
/// tooltips. Any RDF graph works: unknown classes are drawn as `other`.
///
/// Output is deterministic (nodes sorted by ID, edges by endpoints), so `graph.dot` diffs cleanly
/// between builds.
///
/// ```swift
/// let out = OutputBuffer()
/// try DOTWriter(options: DOTOptions(focus: "Vladimir Putin", depth: 1)).write(graph, to: out)
/// try Graphviz.render(dot: out.bytes, format: .svg, to: "putin.svg")
/// ```
public struct DOTWriter: Sendable {
    public var options: DOTOptions

    public init(options: DOTOptions = DOTOptions()) { self.options = options }

    /// Writes `graph`. Throws ``DOTError`` when a view option cannot be honoured (an unknown
    /// focus), and whatever the output's sink throws on flush.
    public func write(_ graph: Graph, to output: OutputBuffer) throws {
        let view = try GraphView.build(graph, options: options)
        emit(view, to: output)
        try output.flush()
    }

    /// Writes the union of `dataset`'s graphs. A dataset with only a default graph (what
    /// `convert` reads from N-Triples or Turtle) is read as it is, without building the union graph,
    /// which would hash every triple once more.
    public func write(_ dataset: Dataset, to output: OutputBuffer) throws {
        let view: GraphView
        if dataset.allSatisfy({ $0.graph == nil }) {
            view = try GraphView.build(ResourceTable(dataset.lazy.map(\.triple), expectedCount: dataset.count), options: options)
        } else {
            view = try GraphView.build(dataset.union, options: options)
        }
        emit(view, to: output)
        try output.flush()
    }

    /// Writes the graph of `triples`, a plain list that may repeat a triple (what `convert`
    /// reads from a file): the writer drops repeats itself, so the output is that of
    /// `write(Graph(triples))` without building the graph.
    public func write(triples: [Triple], to output: OutputBuffer) throws {
        let view = try GraphView.build(ResourceTable(triples, expectedCount: triples.count), options: options)
        emit(view, to: output)
        try output.flush()
    }

    /// The DOT text of `graph`, for tests and small graphs.
    public func string(_ graph: Graph) throws -> String {
        let out = OutputBuffer()
        try write(graph, to: out)
        return out.string
    }

    // MARK: Output

    /// Everything goes through one reusable byte buffer handed to `out` in 64 KiB blocks, so the
    /// output buffer (a class, with its exclusivity checks) is touched once per block rather than
    /// once per token, and no String is built per node or edge.
    private func emit(_ view: GraphView, to out: OutputBuffer) {
        var buf: [UInt8] = []
        buf.reserveCapacity(1 << 16 + 4096)
        // Neither helper captures `buf`: a captured local is boxed, and every access to it would
        // then pay a dynamic exclusivity check.
        @inline(__always) func spill(_ buf: inout [UInt8]) {
            if buf.count >= 1 << 16 { out.append(bytes: buf); buf.removeAll(keepingCapacity: true) }
        }
        var header = "// NewsGraph DOT: \(view.nodes.count) nodes, \(view.edges.count) edges"
        if view.omitted > 0 { header += " (\(view.omitted) of \(view.totalNodes) nodes left out by the view options)" }
        buf.append(contentsOf: (header + "\n").utf8)
        buf.append(contentsOf: ("digraph " + DOTEscaping.quotedID(options.graphName) + " {\n").utf8)
        buf.append(contentsOf: "  graph [charset=\"UTF-8\", rankdir=\(options.rankdir.rawValue), overlap=false, splines=true, ".utf8)
        // nodesep is the gap between the nodes of one rank (vertical, left to right): a hub such as a
        // country with dozens of places and organisations makes one tall rank, so it is kept small.
        buf.append(contentsOf: "nodesep=0.18, ranksep=\"0.9\", pad=\"0.3\", newrank=true, ".utf8)
        buf.append(contentsOf: "fontname=\"Helvetica\", fontsize=11, labelloc=t, labeljust=l, outputorder=edgesfirst];\n".utf8)
        buf.append(contentsOf: "  node [fontname=\"Helvetica\", fontsize=11, style=filled, margin=\"0.14,0.06\", penwidth=1.2];\n".utf8)
        buf.append(contentsOf: "  edge [fontname=\"Helvetica\", fontsize=9, arrowsize=0.7, color=\"#64748b\", fontcolor=\"#334155\"];\n".utf8)

        if options.legend, !view.nodes.isEmpty { emitLegend(view, to: &buf) }
        let looks = NodeLooks()
        let ids = QuotedIDs(view.nodes)
        // By index: passing or iterating `ViewNode`s would copy (retain and release) every node.
        @inline(__always) func emitNode(_ i: Int, indent: StaticString, _ buf: inout [UInt8]) {
            self.emitNode(view.nodes[i], id: ids[i], indent: indent, looks: looks, tooltips: view.tooltips, to: &buf)
            spill(&buf)
        }

        switch options.clusterBy {
        case .none:
            for i in view.nodes.indices { emitNode(i, indent: "  ", &buf) }
        case .type:
            for kind in EntityKind.allCases {
                let members = view.nodes.indices.filter { if case .entity(kind) = view.nodes[$0].style { return true }; return false }
                guard !members.isEmpty else { continue }
                let s = Self.nodeStyle(.entity(kind))
                buf.append(contentsOf: "  subgraph \"cluster_type_\(kind.rawValue)\" {\n".utf8)
                buf.append(contentsOf: "    label=\(DOTEscaping.quotedText(kind.rawValue)); style=\"rounded,dashed\"; color=\"\(s.border)\"; fontcolor=\"\(s.border)\";\n".utf8)
                for i in members { emitNode(i, indent: "    ", &buf) }
                buf.append(contentsOf: "  }\n".utf8)
            }
            for i in view.nodes.indices { if case .entity = view.nodes[i].style { continue }; emitNode(i, indent: "  ", &buf) }
        case .document:
            var byDocument: [Int: [Int]] = [:]
            var loose: [Int] = []
            for (i, node) in view.nodes.enumerated() {
                if node.documents.count == 1 { byDocument[node.documents[0], default: []].append(i) } else { loose.append(i) }
            }
            let docs = byDocument.keys.sorted { a, b in
                let na = view.documentNames[a] ?? "", nb = view.documentNames[b] ?? ""
                return na != nb ? na < nb : a < b
            }
            for (i, doc) in docs.enumerated() {
                buf.append(contentsOf: "  subgraph \"cluster_doc_\(i + 1)\" {\n".utf8)
                buf.append(contentsOf: "    label=\(DOTEscaping.quotedText(view.documentNames[doc] ?? "document")); style=\"rounded,dashed\"; color=\"#94a3b8\"; fontcolor=\"#475569\";\n".utf8)
                for i in byDocument[doc] ?? [] { emitNode(i, indent: "    ", &buf) }
                buf.append(contentsOf: "  }\n".utf8)
            }
            for i in loose { emitNode(i, indent: "  ", &buf) }
        }

        // Edge labels are few distinct texts (predicate names, roles): truncated and escaped once.
        var labelBytes = [[UInt8]?](repeating: nil, count: view.strings.strings.count)
        for edge in view.edges {
            buf.append(literal: "  ")
            buf.append(contentsOf: ids[edge.from])
            buf.append(literal: " -> ")
            buf.append(contentsOf: ids[edge.to])
            if edge.style == .participant && !options.labelParticipantEdges {
                buf.append(literal: " [arrowhead=none")
            } else {
                buf.append(literal: " [label=")
                let l = Int(edge.label)
                if labelBytes[l] == nil {
                    var b: [UInt8] = []
                    Self.writeText(truncate(view.text(edge.label), to: options.maxLabelLength), &b)
                    labelBytes[l] = b
                }
                buf.append(contentsOf: labelBytes[l] ?? [])
            }
            buf.append(literal: Self.edgeAttributes(edge.style))
            if view.nodes[edge.to].contested, edge.style.isAttribution {
                // Sources of a contested event sit close to it: the claim and who made it read as one group.
                buf.append(literal: ", weight=4")
            }
            if edge.tooltip != 0 {
                buf.append(literal: ", tooltip=")
                Self.writeText(view.text(edge.tooltip), &buf)
            }
            buf.append(literal: "];\n")
            spill(&buf)
        }
        if options.clusterBy == .none { emitComponentRows(view, ids: ids, to: &buf) }
        buf.append(contentsOf: "}\n".utf8)
        out.append(bytes: buf)
    }

    /// dot stacks disconnected components one above the other, so a graph with many small ones
    /// (an isolated person, a "person → country" pair) becomes a tall strip with the interesting
    /// component lost in it. (Graphviz's own `pack` would place them side by side, but Graphviz
    /// 2.43 drops edge labels when packing.) Invisible edges chain the small components, sink of
    /// one to source of the next, into rows about as long as `componentRowLength` ranks.
    private func emitComponentRows(_ view: GraphView, ids: QuotedIDs, to buf: inout [UInt8]) {
        let n = view.nodes.count
        var parent = Array(0..<n)
        func root(_ v: Int) -> Int {
            var v = v
            while parent[v] != v { parent[v] = parent[parent[v]]; v = parent[v] }
            return v
        }
        for e in view.edges {
            let a = root(e.from), b = root(e.to)
            if a != b { parent[max(a, b)] = min(a, b) }
        }
        // A component's root is its first node (in node ID order): union keeps the smaller root.
        // Grouped by root in one pass, so the order is deterministic and no array is built per
        // component of a graph with tens of thousands of them.
        let roots = (0..<n).map { Int32(root($0)) }
        let members = Grouped(owners: roots, values: Array(0..<n), count: n)
        // Edges by their start node, as one flat array: an array per node would be an
        // allocation for each node of a big graph.
        let outgoing = Grouped(owners: view.edges.map { Int32($0.from) }, values: view.edges.map(\.to), count: n)
        // Rank of each node within its component: the longest path to it, bounded by the
        // component's size so that cycles end.
        var rank = [Int](repeating: 0, count: n)
        var blocks: [(source: Int, sink: Int, length: Int)] = []
        for r in 0..<n where Int(roots[r]) == r && members[r].count <= Self.smallComponentSize {
            let m = members[r]
            for _ in 0..<m.count {
                for v in m where rank[v] + 1 < m.count {
                    for w in outgoing[v] where rank[w] < rank[v] + 1 { rank[w] = rank[v] + 1 }
                }
            }
            let first = m[m.startIndex]
            let source = m.first { rank[$0] == 0 } ?? first
            let sink = m.max { rank[$0] < rank[$1] } ?? first
            blocks.append((source, sink, rank[sink] + 1))
        }
        var rowLength = 0
        for (previous, block) in zip(blocks, blocks.dropFirst()) {
            rowLength += previous.length
            if rowLength + block.length > Self.componentRowLength { rowLength = 0; continue }
            buf.append(contentsOf: "  ".utf8)
            buf.append(contentsOf: ids[previous.sink])
            buf.append(contentsOf: " -> ".utf8)
            buf.append(contentsOf: ids[block.source])
            buf.append(contentsOf: " [style=invis];\n".utf8)
        }
    }

    /// Components of at most this many nodes are chained into rows.
    static let smallComponentSize = 4
    /// Ranks per row of small components.
    static let componentRowLength = 6

    /// Every node's ID, quoted and escaped once into one byte array: an ID is written once for
    /// its node and again for each edge at it, and escaping is a scan of every byte.
    struct QuotedIDs {
        private var bytes: [UInt8] = []
        private var ends: [Int] = [0]

        init(_ nodes: [ViewNode]) {
            ends.reserveCapacity(nodes.count + 1)
            for i in nodes.indices {
                DOTWriter.writeID(nodes[i].id, &bytes)
                ends.append(bytes.count)
            }
        }

        subscript(i: Int) -> ArraySlice<UInt8> { bytes[ends[i]..<ends[i + 1]] }
    }

    /// A node's attributes after its label, as bytes for each style, plain and contested: built
    /// once per picture instead of from the style's strings for every node.
    struct NodeLooks {
        private var bytes: [[UInt8]] = []

        init() {
            for style in NodeStyle.all {
                for contested in [false, true] {
                    let s = DOTWriter.nodeStyle(style)
                    var text = ", shape=" + s.shape + ", style=\"" + s.style + "\""
                    text += ", fillcolor=\"" + (contested ? DOTWriter.contestedLook.fill : s.fill) + "\""
                    text += ", color=\"" + (contested ? DOTWriter.contestedLook.border : s.border) + "\""
                    if contested { text += ", penwidth=2.5, fontsize=13" }
                    if let extra = s.extra { text += ", " + extra }
                    bytes.append(Array(text.utf8))
                }
            }
        }

        subscript(style: NodeStyle, contested: Bool) -> [UInt8] { bytes[style.index * 2 + (contested ? 1 : 0)] }
    }

    private func emitNode(
        _ node: ViewNode, id: ArraySlice<UInt8>, indent: StaticString, looks: NodeLooks, tooltips: [UInt8], to buf: inout [UInt8]
    ) {
        buf.append(literal: indent)
        buf.append(contentsOf: id)
        buf.append(literal: " [label=<")
        Self.writeWrapped(truncate(node.name, to: options.maxLabelLength), width: options.wrapWidth, &buf)
        var small = node.typeLabel
        for d in node.details { small += small.isEmpty ? d : " · " + d }
        if !small.isEmpty {
            buf.append(literal: "<BR/><FONT POINT-SIZE=\"9\" COLOR=\"#475569\">")
            Self.writeWrapped(truncate(small, to: options.maxLabelLength), width: options.wrapWidth + 8, &buf)
            buf.append(literal: "</FONT>")
        }
        if node.contested { buf.append(literal: "<BR/><FONT POINT-SIZE=\"9\" COLOR=\"#dc2626\"><B>contested</B></FONT>") }
        buf.append(literal: ">")
        buf.append(contentsOf: looks[node.style, node.contested])
        buf.append(literal: ", tooltip=\"")
        buf.append(contentsOf: tooltips[node.tooltip])
        buf.append(0x22)
        if let url = node.url {
            buf.append(literal: ", URL=")
            Self.writeID(url, &buf)
        }
        buf.append(literal: "];\n")
    }

    /// A compact legend: node kinds in the left column, edge meanings in the right, only those
    /// the picture uses.
    private func emitLegend(_ view: GraphView, to buf: inout [UInt8]) {
        // Flags by style rather than sets: this looks at every node and edge of the picture.
        var kinds = [Bool](repeating: false, count: NodeStyle.all.count)
        var styles = [Bool](repeating: false, count: EdgeStyle.allCases.count)
        var contested = false
        for n in view.nodes { kinds[n.style.index] = true; contested = contested || n.contested }
        for e in view.edges { styles[e.style.rawValue] = true }
        var left: [String] = NodeStyle.all.filter { kinds[$0.index] }.map { style in
            let s = Self.nodeStyle(style)
            return "<TD BORDER=\"1\" COLOR=\"\(s.border)\" BGCOLOR=\"\(s.fill)\" WIDTH=\"18\"> </TD><TD ALIGN=\"LEFT\">\(s.name)</TD>"
        }
        if contested {
            let c = Self.contestedLook
            left.append("<TD BORDER=\"2\" COLOR=\"\(c.border)\" BGCOLOR=\"\(c.fill)\" WIDTH=\"18\"> </TD><TD ALIGN=\"LEFT\"><FONT COLOR=\"\(c.border)\">contested event</FONT></TD>")
        }
        let right: [String] = [EdgeStyle.participant, .role, .reported, .uncertain, .denied, .quote].filter { styles[$0.rawValue] }.map { style in
            let e = Self.edgeLegend(style)
            return "<TD><FONT COLOR=\"\(e.color)\">\(e.sample)</FONT></TD><TD ALIGN=\"LEFT\">\(e.name)</TD>"
        }
        buf.append(contentsOf: "  subgraph cluster_legend {\n".utf8)
        buf.append(contentsOf: "    label=\"Legend\"; fontsize=10; style=\"rounded\"; color=\"#cbd5e1\"; fontcolor=\"#475569\";\n".utf8)
        buf.append(contentsOf: "    \"legend\" [shape=plaintext, style=\"\", fontsize=9, tooltip=\"Legend\", label=<<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"2\" CELLPADDING=\"2\">".utf8)
        let empty = "<TD></TD><TD></TD>"
        for i in 0..<max(left.count, right.count) {
            let row = "<TR>" + (i < left.count ? left[i] : empty) + (right.isEmpty ? "" : "<TD WIDTH=\"8\"></TD>" + (i < right.count ? right[i] : empty)) + "</TR>"
            buf.append(contentsOf: row.utf8)
        }
        buf.append(contentsOf: "</TABLE>>];\n  }\n".utf8)
    }

    /// HTML label text wrapped at `width`, lines joined by `<BR/>`; most names fit on one line
    /// and are written without building the list of lines, and printable ASCII names that do not
    /// are wrapped on their bytes straight into `out`.
    static func writeWrapped(_ text: String, width: Int, _ out: inout [UInt8]) {
        if width <= 0 || (text.utf8.count <= width && !text.utf8.contains(0x0A)) {
            DOTEscaping.write(text, .html, to: &out)
            return
        }
        var copy = text
        let wrapped = copy.withUTF8 { bytes in
            var first = true
            return DOTEscaping.forEachPrintableASCIILine(bytes, width: width) { line in
                if !first { out.append(literal: "<BR/>") }
                first = false
                DOTEscaping.write(bytes: line, .html, to: &out)
            }
        }
        if wrapped { return }
        for (i, line) in DOTEscaping.wrapCharacters(text, width: width).enumerated() {
            if i > 0 { out.append(literal: "<BR/>") }
            DOTEscaping.write(line, .html, to: &out)
        }
    }

    @inline(__always) static func writeID(_ s: String, _ out: inout [UInt8]) {
        out.append(0x22)
        DOTEscaping.write(s, .id, to: &out)
        out.append(0x22)
    }

    @inline(__always) static func writeText(_ s: String, _ out: inout [UInt8]) {
        out.append(0x22)
        DOTEscaping.write(s, .text, to: &out)
        out.append(0x22)
    }

    // MARK: Styles

    struct Look { var name: String; var shape: String; var style: String; var fill: String; var border: String; var extra: String? }

    /// A contested event (some sources report it, others deny it) is the story an analyst looks
    /// for first: red border, pale red fill, larger type, and a "contested" line in its label.
    static let contestedLook = (fill: "#fee2e2", border: "#dc2626")

    static func nodeStyle(_ style: NodeStyle) -> Look {
        switch style {
        case .entity(.person): return Look(name: "person", shape: "box", style: "rounded,filled", fill: "#dbeafe", border: "#1d4ed8", extra: nil)
        case .entity(.country): return Look(name: "country", shape: "hexagon", style: "filled", fill: "#dcfce7", border: "#15803d", extra: nil)
        case .entity(.organization): return Look(name: "organization", shape: "box", style: "filled", fill: "#ffedd5", border: "#c2410c", extra: nil)
        case .entity(.place): return Look(name: "place", shape: "ellipse", style: "filled", fill: "#f3e8ff", border: "#7e22ce", extra: nil)
        case .entity(.event): return Look(name: "event", shape: "box", style: "rounded,filled,bold", fill: "#fef3c7", border: "#b45309", extra: "peripheries=2")
        case .entity(.other): return Look(name: "other", shape: "ellipse", style: "filled", fill: "#f1f5f9", border: "#64748b", extra: nil)
        case .document: return Look(name: "document", shape: "note", style: "filled", fill: "#ffffff", border: "#94a3b8", extra: nil)
        case .mention: return Look(name: "mention", shape: "box", style: "dashed", fill: "#ffffff", border: "#94a3b8", extra: "fontsize=9")
        }
    }

    static func edgeAttributes(_ style: EdgeStyle) -> StaticString {
        switch style {
        case .plain: return ""
        case .participant: return ", color=\"#d97706\", fontcolor=\"#92400e\", penwidth=1.3"
        case .role: return ", color=\"#1d4ed8\", fontcolor=\"#1d4ed8\""
        case .reported: return ", color=\"#15803d\", fontcolor=\"#15803d\", penwidth=2"
        case .uncertain: return ", color=\"#15803d\", fontcolor=\"#15803d\", style=dashed"
        case .denied: return ", color=\"#dc2626\", fontcolor=\"#dc2626\", style=dashed, penwidth=2"
        case .quote: return ", color=\"#6b7280\", fontcolor=\"#4b5563\", style=dotted, fontname=\"Helvetica-Oblique\""
        case .provenance: return ", color=\"#cbd5e1\", fontcolor=\"#94a3b8\", style=dotted, arrowsize=0.5"
        case .mention: return ", color=\"#cbd5e1\", fontcolor=\"#94a3b8\", style=dashed, arrowsize=0.5"
        }
    }

    static func edgeLegend(_ style: EdgeStyle) -> (name: String, color: String, sample: String) {
        switch style {
        case .participant: return ("participant", "#d97706", "———")
        case .role: return ("role", "#1d4ed8", "——→")
        case .reported: return ("reported", "#15803d", "━━→")
        case .uncertain: return ("reported (uncertain)", "#15803d", "- - →")
        case .denied: return ("denied", "#dc2626", "- - →")
        case .quote: return ("quotation", "#6b7280", "· · →")
        case .plain, .provenance, .mention: return ("", "#64748b", "——→")
        }
    }
}

extension NodeStyle {
    /// Every style, in the order of ``index``.
    static let all: [NodeStyle] = EntityKind.allCases.map { .entity($0) } + [.document, .mention]

    /// The style's position in ``all``, for tables indexed by style.
    var index: Int {
        switch self {
        case .entity(.person): 0
        case .entity(.country): 1
        case .entity(.organization): 2
        case .entity(.place): 3
        case .entity(.event): 4
        case .entity(.other): 5
        case .document: 6
        case .mention: 7
        }
    }
}

extension Array where Element == UInt8 {
    /// Appends a constant's UTF-8 with one copy (appending `"…".utf8` goes element by element).
    @inline(__always) mutating func append(literal s: StaticString) {
        append(contentsOf: UnsafeBufferPointer(start: s.utf8Start, count: s.utf8CodeUnitCount))
    }
}
