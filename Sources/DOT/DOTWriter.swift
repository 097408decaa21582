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

    /// The DOT text of `graph`, for tests and small graphs.
    public func string(_ graph: Graph) throws -> String {
        let out = OutputBuffer()
        try write(graph, to: out)
        return out.string
    }

    // MARK: Output

    private func emit(_ view: GraphView, to out: OutputBuffer) {
        var header = "// NewsGraph DOT: \(view.nodes.count) nodes, \(view.edges.count) edges"
        if view.omitted > 0 { header += " (\(view.omitted) of \(view.totalNodes) nodes left out by the view options)" }
        out.append(header + "\n")
        out.append("digraph " + DOTEscaping.quotedID(options.graphName) + " {\n")
        out.append("  graph [charset=\"UTF-8\", rankdir=\(options.rankdir.rawValue), overlap=false, splines=true, ")
        out.append("nodesep=0.3, ranksep=\"0.9\", pad=\"0.3\", newrank=true, fontname=\"Helvetica\", fontsize=11, ")
        out.append("labelloc=t, labeljust=l, outputorder=edgesfirst];\n")
        out.append("  node [fontname=\"Helvetica\", fontsize=11, style=filled, margin=\"0.14,0.06\", penwidth=1.2];\n")
        out.append("  edge [fontname=\"Helvetica\", fontsize=9, arrowsize=0.7, color=\"#64748b\", fontcolor=\"#334155\"];\n")

        if options.legend, !view.nodes.isEmpty { emitLegend(view, to: out) }

        switch options.clusterBy {
        case .none:
            for node in view.nodes { emitNode(node, indent: "  ", to: out) }
        case .type:
            for kind in EntityKind.allCases {
                let members = view.nodes.filter { if case .entity(kind) = $0.style { return true }; return false }
                guard !members.isEmpty else { continue }
                let s = Self.nodeStyle(.entity(kind))
                out.append("  subgraph \"cluster_type_\(kind.rawValue)\" {\n")
                out.append("    label=\(DOTEscaping.quotedText(kind.rawValue)); style=\"rounded,dashed\"; color=\"\(s.border)\"; fontcolor=\"\(s.border)\";\n")
                for node in members { emitNode(node, indent: "    ", to: out) }
                out.append("  }\n")
            }
            for node in view.nodes { if case .entity = node.style { continue }; emitNode(node, indent: "  ", to: out) }
        case .document:
            var byDocument: [Int: [ViewNode]] = [:]
            var loose: [ViewNode] = []
            for node in view.nodes {
                if node.documents.count == 1 { byDocument[node.documents[0], default: []].append(node) } else { loose.append(node) }
            }
            let docs = byDocument.keys.sorted { a, b in
                let na = view.documentNames[a] ?? "", nb = view.documentNames[b] ?? ""
                return na != nb ? na < nb : a < b
            }
            for (i, doc) in docs.enumerated() {
                out.append("  subgraph \"cluster_doc_\(i + 1)\" {\n")
                out.append("    label=\(DOTEscaping.quotedText(view.documentNames[doc] ?? "document")); style=\"rounded,dashed\"; color=\"#94a3b8\"; fontcolor=\"#475569\";\n")
                for node in byDocument[doc] ?? [] { emitNode(node, indent: "    ", to: out) }
                out.append("  }\n")
            }
            for node in loose { emitNode(node, indent: "  ", to: out) }
        }

        var buf: [UInt8] = []
        buf.reserveCapacity(1 << 16)
        for edge in view.edges {
            buf.append(contentsOf: "  ".utf8)
            Self.writeID(view.nodes[edge.from].id, &buf)
            buf.append(contentsOf: " -> ".utf8)
            Self.writeID(view.nodes[edge.to].id, &buf)
            if edge.style == .participant && !options.labelParticipantEdges {
                buf.append(contentsOf: " [arrowhead=none".utf8)
            } else {
                buf.append(contentsOf: " [label=".utf8)
                Self.writeText(truncate(view.text(edge.label), to: options.maxLabelLength), &buf)
            }
            buf.append(contentsOf: Self.edgeAttributes(edge.style).utf8)
            if edge.tooltip != 0 {
                buf.append(contentsOf: ", tooltip=".utf8)
                Self.writeText(view.text(edge.tooltip), &buf)
            }
            buf.append(contentsOf: "];\n".utf8)
            if buf.count >= 1 << 16 { out.append(bytes: buf); buf.removeAll(keepingCapacity: true) }
        }
        out.append(bytes: buf)
        if options.clusterBy == .none { emitIsolatedGrid(view, to: out) }
        out.append("}\n")
    }

    /// Nodes without any edge would all land on the first rank, one long column that makes the
    /// picture many times taller than its content; invisible edges lay them out in short rows.
    private func emitIsolatedGrid(_ view: GraphView, to out: OutputBuffer) {
        var connected = [Bool](repeating: false, count: view.nodes.count)
        for edge in view.edges { connected[edge.from] = true; connected[edge.to] = true }
        let isolated = view.nodes.indices.filter { !connected[$0] }
        guard isolated.count > Self.isolatedRowLength else { return }
        var buf: [UInt8] = []
        for row in stride(from: 0, to: isolated.count, by: Self.isolatedRowLength) {
            let members = isolated[row..<min(row + Self.isolatedRowLength, isolated.count)]
            for (a, b) in zip(members, members.dropFirst()) {
                buf.append(contentsOf: "  ".utf8)
                Self.writeID(view.nodes[a].id, &buf)
                buf.append(contentsOf: " -> ".utf8)
                Self.writeID(view.nodes[b].id, &buf)
                buf.append(contentsOf: " [style=invis];\n".utf8)
            }
        }
        out.append(bytes: buf)
    }

    static let isolatedRowLength = 5

    private func emitNode(_ node: ViewNode, indent: String, to buf: inout [UInt8]) {
        let s = Self.nodeStyle(node.style)
        buf.append(contentsOf: indent.utf8)
        Self.writeID(node.id, &buf)
        buf.append(contentsOf: " [label=<".utf8)
        let lines = DOTEscaping.wrap(truncate(node.name, to: options.maxLabelLength), width: options.wrapWidth)
        for (i, line) in lines.enumerated() {
            if i > 0 { buf.append(contentsOf: "<BR/>".utf8) }
            DOTEscaping.write(line, .html, to: &buf)
        }
        var small = node.typeLabel
        for d in node.details { small += small.isEmpty ? d : " · " + d }
        if !small.isEmpty {
            buf.append(contentsOf: "<BR/><FONT POINT-SIZE=\"9\" COLOR=\"#475569\">".utf8)
            let smallLines = DOTEscaping.wrap(truncate(small, to: options.maxLabelLength), width: options.wrapWidth + 8)
            for (i, line) in smallLines.enumerated() {
                if i > 0 { buf.append(contentsOf: "<BR/>".utf8) }
                DOTEscaping.write(line, .html, to: &buf)
            }
            buf.append(contentsOf: "</FONT>".utf8)
        }
        if node.contested { buf.append(contentsOf: "<BR/><FONT POINT-SIZE=\"9\" COLOR=\"#dc2626\"><B>contested</B></FONT>".utf8) }
        buf.append(contentsOf: ">, shape=".utf8)
        buf.append(contentsOf: (s.shape).utf8)
        buf.append(contentsOf: ", style=\"".utf8)
        buf.append(contentsOf: (s.style).utf8)
        buf.append(contentsOf: "\", fillcolor=\"".utf8)
        buf.append(contentsOf: (s.fill).utf8)
        buf.append(contentsOf: "\", color=\"".utf8)
        buf.append(contentsOf: (node.contested ? "#dc2626" : s.border).utf8)
        buf.append(contentsOf: "\"".utf8)
        if node.contested { buf.append(contentsOf: ", penwidth=2.5".utf8) }
        if let extra = s.extra { buf.append(contentsOf: ", ".utf8); buf.append(contentsOf: extra.utf8) }
        buf.append(contentsOf: ", tooltip=\"".utf8)
        for (i, line) in node.tooltip.enumerated() {
            if i > 0 { buf.append(contentsOf: "\\n".utf8) }
            DOTEscaping.write(line, .text, to: &buf)
        }
        buf.append(0x22)
        if let url = node.url {
            buf.append(contentsOf: ", URL=".utf8)
            Self.writeID(url, &buf)
        }
        buf.append(contentsOf: "];\n".utf8)
    }

    private func emitLegend(_ view: GraphView, to out: OutputBuffer) {
        var kinds = Set<NodeStyle>()
        var styles = Set<EdgeStyle>()
        for n in view.nodes { kinds.insert(n.style) }
        for e in view.edges { styles.insert(e.style) }
        let allStyles: [NodeStyle] = EntityKind.allCases.map { .entity($0) } + [.document, .mention]
        out.append("  subgraph cluster_legend {\n")
        out.append("    label=\"Legend\"; fontsize=10; style=\"rounded\"; color=\"#cbd5e1\"; fontcolor=\"#475569\";\n")
        out.append("    \"legend\" [shape=plaintext, style=\"\", tooltip=\"Legend\", label=<<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"2\" CELLPADDING=\"2\">")
        for style in allStyles where kinds.contains(style) {
            let s = Self.nodeStyle(style)
            out.append("<TR><TD BORDER=\"1\" COLOR=\"\(s.border)\" BGCOLOR=\"\(s.fill)\" WIDTH=\"18\"> </TD><TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"9\">\(s.name)</FONT></TD></TR>")
        }
        for style in [EdgeStyle.participant, .role, .reported, .uncertain, .denied, .quote] where styles.contains(style) {
            let e = Self.edgeLegend(style)
            out.append("<TR><TD><FONT COLOR=\"\(e.color)\" POINT-SIZE=\"9\">\(e.sample)</FONT></TD><TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"9\">\(e.name)</FONT></TD></TR>")
        }
        out.append("</TABLE>>];\n  }\n")
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

    /// Writes one node through a reusable byte line, so the output buffer (a class, with its
    /// exclusivity checks) is touched once per node rather than once per token.
    private func emitNode(_ node: ViewNode, indent: String, to out: OutputBuffer) {
        var buf: [UInt8] = []
        buf.reserveCapacity(512)
        emitNode(node, indent: indent, to: &buf)
        out.append(bytes: buf)
    }

    // MARK: Styles

    struct Look { var name: String; var shape: String; var style: String; var fill: String; var border: String; var extra: String? }

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

    static func edgeAttributes(_ style: EdgeStyle) -> String {
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
