/// The class of a drawn node. Analysts filter and colour by these six, so every RDF class in a
/// graph is mapped onto one of them (see ``NodeClassifier``); anything unknown is `.other`, which
/// is what makes the writer work for RDF graphs that know nothing of NewsGraph.
public enum EntityKind: String, CaseIterable, Comparable, Sendable {
    case person, country, organization, place, event, other

    public static func < (a: EntityKind, b: EntityKind) -> Bool { a.order < b.order }
    var order: Int { EntityKind.allCases.firstIndex(of: self) ?? 0 }

    /// Parses a comma-separated list such as `person,country` (the CLI's `--types`); plural forms
    /// (`people`, `countries`, `organizations`, `events`) are accepted because people type them.
    public static func parseList(_ text: String) throws(DOTError) -> Set<EntityKind> {
        var kinds: Set<EntityKind> = []
        for raw in text.split(separator: ",") {
            let word = raw.trimmingSpaces().lowercased()
            if word.isEmpty { continue }
            let aliases: [String: EntityKind] = [
                "people": .person, "persons": .person, "countries": .country, "organisation": .organization,
                "organizations": .organization, "organisations": .organization, "org": .organization,
                "orgs": .organization, "places": .place, "events": .event, "others": .other,
            ]
            guard let kind = EntityKind(rawValue: word) ?? aliases[word] else {
                throw DOTError.unknownType(word)
            }
            kinds.insert(kind)
        }
        return kinds
    }
}

/// How nodes are grouped into Graphviz clusters.
public enum DOTClustering: String, CaseIterable, Sendable {
    /// No clusters (besides the legend).
    case none
    /// One cluster per source document (`prov:wasDerivedFrom`); nodes told by several documents
    /// stay outside, because a node can only sit in one cluster and the shared ones are the
    /// interesting cross-document links.
    case document
    /// One cluster per ``EntityKind``.
    case type
}

/// Graphviz `rankdir`: the direction the layout flows in.
public enum DOTRankDir: String, CaseIterable, Sendable {
    case TB, LR, BT, RL
}

/// What the DOT writer draws. The defaults give the picture an analyst wants from a NewsGraph
/// build; every option narrows or widens that picture, none changes how a node is identified, so
/// views of the same graph can be compared side by side.
public struct DOTOptions: Sendable {
    /// Start from this node (an IRI, or a name/label/alternate name, case- and accent-insensitive)
    /// and keep only what lies within ``depth`` edges of it.
    public var focus: String?
    /// Neighbourhood radius for ``focus`` (edges, in either direction).
    public var depth: Int = 2
    /// Kinds to draw; empty means all.
    public var types: Set<EntityKind> = []
    /// Keep at most this many nodes: the most connected ones (ties broken by node ID), so a huge
    /// graph still renders. The focus node, if any, is always kept.
    public var maxNodes: Int?
    public var clusterBy: DOTClustering = .none
    public var rankdir: DOTRankDir = .LR
    /// Draw documents and `prov:wasDerivedFrom` edges.
    public var includeProvenance = false
    /// Draw NIF mention nodes (`nif:Phrase`) and their links.
    public var includeMentions = false
    /// Draw each quotation that is about an event as an edge speaker → event labelled with the quote.
    public var includeQuotations = false
    /// Replace each `schema:Role` node by an edge person —[roleName]→ organization.
    public var collapseRoles = true
    /// Replace each GRaSP attribution by an edge source —[reported/denied]→ event.
    public var collapseAttributions = true
    /// Write "participant" on every event → participant edge. Off by default: an event hub
    /// has many of them, the words crowd the picture, and the legend says what the colour means.
    public var labelParticipantEdges = false
    /// Draw the legend cluster.
    public var legend = true
    /// Wrap node names longer than this many characters onto several lines.
    public var wrapWidth = 22
    /// Cut labels longer than this many characters (with "…"); the full text stays in the tooltip.
    public var maxLabelLength = 90
    /// The graph's name in the `digraph NAME {` header.
    public var graphName = "NewsGraph"

    public init(
        focus: String? = nil, depth: Int = 2, types: Set<EntityKind> = [], maxNodes: Int? = nil,
        clusterBy: DOTClustering = .none, rankdir: DOTRankDir = .LR, includeProvenance: Bool = false,
        includeMentions: Bool = false, includeQuotations: Bool = false
    ) {
        self.focus = focus; self.depth = depth; self.types = types; self.maxNodes = maxNodes
        self.clusterBy = clusterBy; self.rankdir = rankdir; self.includeProvenance = includeProvenance
        self.includeMentions = includeMentions; self.includeQuotations = includeQuotations
    }
}

/// Why a DOT view could not be drawn (as opposed to a syntax error in DOT input).
public enum DOTError: Error, Hashable, Sendable, CustomStringConvertible {
    /// `--focus` matched no node. `suggestions` are names that contain the query's words.
    case focusNotFound(String, suggestions: [String])
    case unknownType(String)
    case invalidOption(String)

    public var description: String {
        switch self {
        case let .focusNotFound(q, suggestions):
            var s = "no node named or identified by \"\(q)\""
            if !suggestions.isEmpty { s += "; did you mean: " + suggestions.joined(separator: ", ") }
            return s
        case let .unknownType(t):
            return "unknown type \"\(t)\"; expected one of: " + EntityKind.allCases.map(\.rawValue).joined(separator: ", ")
        case let .invalidOption(m): return m
        }
    }
}

extension Substring {
    func trimmingSpaces() -> String {
        var s = self[...]
        while let f = s.first, f == " " || f == "\t" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\t" { s = s.dropLast() }
        return String(s)
    }
}
