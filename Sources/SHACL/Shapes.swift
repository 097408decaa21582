import Foundation
import RDF

/// A shapes graph that SHACL cannot use: a malformed parameter, a broken list, a bad path or
/// regular expression. Names the shape so the author can find it; shapes graphs rarely carry
/// source positions once parsed, so the node is the location.
public struct ShapesGraphError: Error, Hashable, Sendable, CustomStringConvertible {
    public var node: Term?
    public var message: String
    public init(node: Term?, _ message: String) { self.node = node; self.message = message }
    public var description: String {
        if let node { return "ill-formed shape \(node): \(message)" }
        return "ill-formed shapes graph: \(message)"
    }
}

/// A result severity. Any IRI is allowed (SHACL §2.1.5); the three standard ones have names.
public struct Severity: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let iri: IRI
    public init(_ iri: IRI) { self.iri = iri }
    public static let violation = Severity(SH.Violation)
    public static let warning = Severity(SH.Warning)
    public static let info = Severity(SH.Info)

    /// Violation < Warning < Info < others: most severe first when sorting.
    private var rank: Int { self == .violation ? 0 : self == .warning ? 1 : self == .info ? 2 : 3 }
    public static func < (a: Severity, b: Severity) -> Bool { a.rank != b.rank ? a.rank < b.rank : a.iri < b.iri }
    public var description: String {
        switch self { case .violation: "Violation"; case .warning: "Warning"; case .info: "Info"; default: iri.description }
    }
}

/// How a shape selects its focus nodes (SHACL §2.1.3).
public enum Target: Hashable, Sendable {
    case node(Term)
    /// Every SHACL instance of the class (rdf:type/rdfs:subClassOf* in the data graph); also
    /// used for the implicit target of a shape that is itself an rdfs:Class.
    case `class`(Term)
    case subjectsOf(IRI)
    case objectsOf(IRI)
}

/// sh:nodeKind values.
public enum NodeKind: String, Sendable, Hashable {
    case blankNode = "BlankNode", iri = "IRI", literal = "Literal"
    case blankNodeOrIRI = "BlankNodeOrIRI", blankNodeOrLiteral = "BlankNodeOrLiteral", iriOrLiteral = "IRIOrLiteral"

    func matches(_ t: Term) -> Bool {
        switch t {
        case .iri: return self == .iri || self == .blankNodeOrIRI || self == .iriOrLiteral
        case .blank: return self == .blankNode || self == .blankNodeOrIRI || self == .blankNodeOrLiteral
        case .literal: return self == .literal || self == .blankNodeOrLiteral || self == .iriOrLiteral
        }
    }
}

/// A compiled sh:pattern. The regular expression is compiled once, when the shapes are read,
/// so a bad pattern is a shapes-graph error rather than a surprise per value.
public final class Pattern: @unchecked Sendable, Hashable {
    public let pattern: String
    public let flags: String?
    // NSRegularExpression is immutable after creation and documented as thread-safe.
    let regex: NSRegularExpression
    /// The same pattern as a linear-time matcher, when it is simple enough (most shapes' are).
    let simple: SimplePattern?

    init(_ pattern: String, flags: String?, shape: Term) throws {
        self.pattern = pattern
        self.flags = flags
        var options: NSRegularExpression.Options = []
        var source = pattern
        for f in flags ?? "" {
            switch f {
            case "i": options.insert(.caseInsensitive)
            case "m": options.insert(.anchorsMatchLines)
            case "s": options.insert(.dotMatchesLineSeparators)
            case "x": options.insert(.allowCommentsAndWhitespace)
            case "q": source = NSRegularExpression.escapedPattern(for: pattern)
            default: throw ShapesGraphError(node: shape, "unknown sh:flags character \"\(f)\" (XPath allows s, m, i, x, q)")
            }
        }
        simple = (flags ?? "").isEmpty ? SimplePattern(source) : nil
        do {
            regex = try NSRegularExpression(pattern: Pattern.translate(source), options: options)
        } catch {
            throw ShapesGraphError(node: shape, "sh:pattern \"\(pattern)\" is not a valid regular expression")
        }
    }

    /// XPath regular expressions differ from ICU's in a few spellings; map the common ones.
    /// `\i`/`\c` (XML name characters) have no ICU equivalent and become approximations.
    static func translate(_ p: String) -> String {
        guard p.contains("\\i") || p.contains("\\c") || p.contains("\\I") || p.contains("\\C") else { return p }
        var out = "", escaped = false
        for ch in p {
            if escaped {
                switch ch {
                case "i": out += "[_:A-Za-z\\u00C0-\\uFFFF]"
                case "I": out += "[^_:A-Za-z\\u00C0-\\uFFFF]"
                case "c": out += "[-._:A-Za-z0-9\\u00B7\\u00C0-\\uFFFF]"
                case "C": out += "[^-._:A-Za-z0-9\\u00B7\\u00C0-\\uFFFF]"
                default: out += "\\" + String(ch)
                }
                escaped = false
            } else if ch == "\\" { escaped = true } else { out.append(ch) }
        }
        if escaped { out += "\\" }
        return out
    }

    func matches(_ s: String) -> Bool {
        if let simple { return simple.matches(s) }
        let ns = s as NSString
        return regex.firstMatch(in: s, options: [], range: NSRange(location: 0, length: ns.length)) != nil
    }

    public static func == (a: Pattern, b: Pattern) -> Bool { a.pattern == b.pattern && a.flags == b.flags }
    public func hash(into h: inout Hasher) { h.combine(pattern); h.combine(flags) }
}

/// One constraint: a constraint component with its parameter values, as declared on a shape.
/// A shape with two sh:class values has two constraints, as the spec counts them.
public enum Constraint: Sendable, Hashable {
    case `class`(Term)
    case datatype(IRI)
    case nodeKind(NodeKind)
    case minCount(Int)
    case maxCount(Int)
    case minExclusive(Term), minInclusive(Term), maxExclusive(Term), maxInclusive(Term)
    case minLength(Int), maxLength(Int)
    case pattern(Pattern)
    case languageIn([String])
    case uniqueLang
    case equals(IRI), disjoint(IRI), lessThan(IRI), lessThanOrEquals(IRI)
    case not(Term)
    case and([Term]), or([Term]), xone([Term])
    case node(Term)
    case property(Term)
    /// `siblings` are the other qualified value shapes that must not match when
    /// sh:qualifiedValueShapesDisjoint is true (empty otherwise).
    case qualifiedMinCount(shape: Term, count: Int, siblings: [Term])
    case qualifiedMaxCount(shape: Term, count: Int, siblings: [Term])
    case closed(allowed: Set<IRI>)
    case hasValue(Term)
    case `in`(Set<Term>, count: Int)

    /// The sh:…ConstraintComponent IRI reported as sh:sourceConstraintComponent.
    public var component: IRI {
        switch self {
        case .class: SH.component("Class")
        case .datatype: SH.component("Datatype")
        case .nodeKind: SH.component("NodeKind")
        case .minCount: SH.component("MinCount")
        case .maxCount: SH.component("MaxCount")
        case .minExclusive: SH.component("MinExclusive")
        case .minInclusive: SH.component("MinInclusive")
        case .maxExclusive: SH.component("MaxExclusive")
        case .maxInclusive: SH.component("MaxInclusive")
        case .minLength: SH.component("MinLength")
        case .maxLength: SH.component("MaxLength")
        case .pattern: SH.component("Pattern")
        case .languageIn: SH.component("LanguageIn")
        case .uniqueLang: SH.component("UniqueLang")
        case .equals: SH.component("Equals")
        case .disjoint: SH.component("Disjoint")
        case .lessThan: SH.component("LessThan")
        case .lessThanOrEquals: SH.component("LessThanOrEquals")
        case .not: SH.component("Not")
        case .and: SH.component("And")
        case .or: SH.component("Or")
        case .xone: SH.component("Xone")
        case .node: SH.component("Node")
        case .property: SH.component("Property")
        case .qualifiedMinCount: SH.component("QualifiedMinCount")
        case .qualifiedMaxCount: SH.component("QualifiedMaxCount")
        case .closed: SH.component("Closed")
        case .hasValue: SH.component("HasValue")
        case .in: SH.component("In")
        }
    }
}

/// A node or property shape, with its parameters read and checked.
public struct Shape: Sendable {
    public let id: Term
    /// nil for a node shape.
    public let path: PropertyPath?
    public let targets: [Target]
    public let constraints: [Constraint]
    public let deactivated: Bool
    public let severity: Severity
    /// sh:message values, in every language given.
    public let messages: [Literal]

    public var isPropertyShape: Bool { path != nil }
}

/// The shapes of a shapes graph, read once and checked for well-formedness so validation never
/// meets a malformed parameter half-way through a data graph.
public struct ShapesGraph: Sendable {
    /// Every shape, sorted by node (IRIs, then blank nodes) for a stable order.
    public let shapes: [Shape]
    let position: [Term: Int]

    public func shape(_ id: Term) -> Shape? { position[id].map { shapes[$0] } }

    /// Reads every shape of the graph (SHACL §2.1): instances of sh:NodeShape/sh:PropertyShape,
    /// subjects of target predicates or of sh:path, and values of shape-expecting parameters.
    /// - Throws: ``ShapesGraphError`` for an ill-formed shape that would be used.
    public init(_ graph: Graph) throws {
        let g = GraphIndex(graph)
        var candidates = OrderedSetOfTerms()
        let typeP = Term.iri(Vocab.rdf.type)
        for cls in ShapesGraph.subclassClosure([.iri(SH.NodeShape), .iri(SH.PropertyShape)], g) {
            for s in g.subjects(typeP, cls) { candidates.insert(s) }
        }
        for p in [SH.targetNode, SH.targetClass, SH.targetSubjectsOf, SH.targetObjectsOf, SH.path] {
            for t in g.triples(withPredicate: .iri(p)) { candidates.insert(t.subject) }
        }
        for p in [SH.node, SH.property, SH.qualifiedValueShape, SH.not] {
            for t in g.triples(withPredicate: .iri(p)) { candidates.insert(t.object) }
        }
        for p in [SH.and, SH.or, SH.xone] {
            for t in g.triples(withPredicate: .iri(p)) {
                for m in try ShapesGraph.list(t.object, in: g, shape: t.subject) { candidates.insert(m) }
            }
        }
        let classTypes = ShapesGraph.subclassClosure([.iri(Vocab.rdfs.Class)], g)
        var shapes: [Shape] = []
        for node in candidates.items.sorted() {
            guard !node.isLiteral else {
                throw ShapesGraphError(node: node, "a literal cannot be a shape")
            }
            shapes.append(try ShapesGraph.parseShape(node, g, classTypes: classTypes))
        }
        self.shapes = shapes
        var position: [Term: Int] = [:]
        for (i, s) in shapes.enumerated() { position[s.id] = i }
        self.position = position
    }

    /// A class and its rdfs:subClassOf descendants within the shapes graph.
    static func subclassClosure(_ roots: [Term], _ g: GraphIndex) -> [Term] {
        var seen = Set(roots), out = roots, stack = roots
        while let c = stack.popLast() {
            for s in g.subjects(Vocab.rdfs.subClassOf, c) where seen.insert(s).inserted { out.append(s); stack.append(s) }
        }
        return out
    }

    /// Members of an RDF list; rejects cycles, branches and missing links.
    static func list(_ head: Term, in g: GraphIndex, shape: Term) throws(ShapesGraphError) -> [Term] {
        var out: [Term] = [], seen = Set<Term>(), node = head
        while node != .iri(Vocab.rdf.nil) {
            guard seen.insert(node).inserted else { throw ShapesGraphError(node: shape, "RDF list \(head) has a cycle") }
            let firsts = g.objects(node, Vocab.rdf.first), rests = g.objects(node, Vocab.rdf.rest)
            guard firsts.count == 1, rests.count == 1 else {
                throw ShapesGraphError(node: shape, "\(head) is not a well-formed RDF list (node \(node) has \(firsts.count) rdf:first and \(rests.count) rdf:rest)")
            }
            out.append(firsts[0])
            node = rests[0]
        }
        return out
    }

    private static func parseShape(_ s: Term, _ g: GraphIndex, classTypes: [Term]) throws -> Shape {
        func values(_ p: IRI) -> [Term] { g.objects(s, p) }
        func fail(_ m: String) -> ShapesGraphError { ShapesGraphError(node: s, m) }
        func integer(_ t: Term, _ p: IRI) throws -> Int {
            guard case let .literal(l) = t, XSD.isInteger(l.lexicalForm), let v = Int(l.lexicalForm.hasPrefix("+") ? String(l.lexicalForm.dropFirst()) : l.lexicalForm), v >= 0 else {
                throw fail("\(SH.ns.prefix):\(p.value.dropFirst(SH.ns.iri.count)) must be a non-negative integer, found \(t)")
            }
            return v
        }
        func boolean(_ p: IRI) throws -> Bool? {
            let vs = values(p)
            guard let v = vs.first else { return nil }
            guard vs.count == 1, case let .literal(l) = v, l.datatype == Vocab.xsd.boolean,
                  ["true", "false", "1", "0"].contains(l.lexicalForm) else {
                throw fail("sh:\(p.value.dropFirst(SH.ns.iri.count)) must be one xsd:boolean, found \(vs.map(\.description).joined(separator: ", "))")
            }
            // SHACL activates these parameters for the value `true` only (the RDF term
            // "true"^^xsd:boolean); "1"^^xsd:boolean is well-formed but not that term (W3C uniqueLang-002).
            return l.lexicalForm == "true"
        }
        func iri(_ t: Term, _ p: IRI) throws -> IRI {
            guard case let .iri(i) = t else { throw fail("sh:\(p.value.dropFirst(SH.ns.iri.count)) must be an IRI, found \(t)") }
            return i
        }
        func shapeRef(_ t: Term, _ p: IRI) throws -> Term {
            guard !t.isLiteral else { throw fail("sh:\(p.value.dropFirst(SH.ns.iri.count)) must name a shape, found literal \(t)") }
            return t
        }

        let paths = values(SH.path)
        guard paths.count <= 1 else { throw fail("a property shape has exactly one sh:path, found \(paths.count)") }
        let path = try paths.first.map { try PropertyPath.parse($0, in: g, shape: s) }

        var targets: [Target] = []
        for t in values(SH.targetNode) { targets.append(.node(t)) }
        for t in values(SH.targetClass) {
            guard !t.isLiteral else { throw fail("sh:targetClass must be an IRI, found \(t)") }
            targets.append(.class(t))
        }
        if g.objects(s, Vocab.rdf.type).contains(where: classTypes.contains), !targets.contains(.class(s)) {
            targets.append(.class(s))
        }
        for t in values(SH.targetSubjectsOf) { targets.append(.subjectsOf(try iri(t, SH.targetSubjectsOf))) }
        for t in values(SH.targetObjectsOf) { targets.append(.objectsOf(try iri(t, SH.targetObjectsOf))) }

        var cs: [Constraint] = []
        for t in values(SH.class) {
            guard !t.isLiteral else { throw fail("sh:class must be an IRI, found \(t)") }
            cs.append(.class(t))
        }
        for t in values(SH.datatype) { cs.append(.datatype(try iri(t, SH.datatype))) }
        for t in values(SH.nodeKind) {
            guard case let .iri(i) = t, i.value.hasPrefix(SH.ns.iri), let k = NodeKind(rawValue: String(i.value.dropFirst(SH.ns.iri.count))) else {
                throw fail("sh:nodeKind must be one of sh:BlankNode, sh:IRI, sh:Literal, sh:BlankNodeOrIRI, sh:BlankNodeOrLiteral, sh:IRIOrLiteral; found \(t)")
            }
            cs.append(.nodeKind(k))
        }
        if path != nil {
            for t in values(SH.minCount) { cs.append(.minCount(try integer(t, SH.minCount))) }
            for t in values(SH.maxCount) { cs.append(.maxCount(try integer(t, SH.maxCount))) }
        } else if !values(SH.minCount).isEmpty || !values(SH.maxCount).isEmpty {
            throw fail("sh:minCount/sh:maxCount apply to property shapes only (this shape has no sh:path)")
        }
        for t in values(SH.minExclusive) { cs.append(.minExclusive(t)) }
        for t in values(SH.minInclusive) { cs.append(.minInclusive(t)) }
        for t in values(SH.maxExclusive) { cs.append(.maxExclusive(t)) }
        for t in values(SH.maxInclusive) { cs.append(.maxInclusive(t)) }
        for t in values(SH.minLength) { cs.append(.minLength(try integer(t, SH.minLength))) }
        for t in values(SH.maxLength) { cs.append(.maxLength(try integer(t, SH.maxLength))) }
        let flags = values(SH.flags)
        guard flags.count <= 1 else { throw fail("at most one sh:flags") }
        var flagString: String? = nil
        if let f = flags.first {
            guard case let .literal(l) = f else { throw fail("sh:flags must be a string literal") }
            flagString = l.lexicalForm
        }
        for t in values(SH.pattern) {
            guard case let .literal(l) = t else { throw fail("sh:pattern must be a string literal, found \(t)") }
            cs.append(.pattern(try Pattern(l.lexicalForm, flags: flagString, shape: s)))
        }
        for t in values(SH.languageIn) {
            var tags: [String] = []
            for m in try list(t, in: g, shape: s) {
                guard case let .literal(l) = m else { throw fail("sh:languageIn members must be strings, found \(m)") }
                tags.append(l.lexicalForm)
            }
            cs.append(.languageIn(tags))
        }
        if path != nil, try boolean(SH.uniqueLang) == true { cs.append(.uniqueLang) }
        for t in values(SH.equals) { cs.append(.equals(try iri(t, SH.equals))) }
        for t in values(SH.disjoint) { cs.append(.disjoint(try iri(t, SH.disjoint))) }
        if path != nil {
            for t in values(SH.lessThan) { cs.append(.lessThan(try iri(t, SH.lessThan))) }
            for t in values(SH.lessThanOrEquals) { cs.append(.lessThanOrEquals(try iri(t, SH.lessThanOrEquals))) }
        }
        for t in values(SH.not) { cs.append(.not(try shapeRef(t, SH.not))) }
        for (p, make) in [(SH.and, Constraint.and), (SH.or, Constraint.or), (SH.xone, Constraint.xone)] {
            for t in values(p) {
                var members: [Term] = []
                for m in try list(t, in: g, shape: s) { members.append(try shapeRef(m, p)) }
                cs.append(make(members))
            }
        }
        for t in values(SH.node) { cs.append(.node(try shapeRef(t, SH.node))) }
        for t in values(SH.property) { cs.append(.property(try shapeRef(t, SH.property))) }

        let qvs = values(SH.qualifiedValueShape)
        if !qvs.isEmpty {
            guard path != nil else { throw fail("sh:qualifiedValueShape applies to property shapes only") }
            let disjoint = try boolean(SH.qualifiedValueShapesDisjoint) ?? false
            let mins = try values(SH.qualifiedMinCount).map { try integer($0, SH.qualifiedMinCount) }
            let maxs = try values(SH.qualifiedMaxCount).map { try integer($0, SH.qualifiedMaxCount) }
            for q in qvs {
                let qs = try shapeRef(q, SH.qualifiedValueShape)
                var siblings: [Term] = []
                if disjoint {
                    var seen = Set<Term>()
                    for parent in g.subjects(.iri(SH.property), s) {
                        for sib in g.objects(parent, SH.property) {
                            for sq in g.objects(sib, SH.qualifiedValueShape) where sq != qs && seen.insert(sq).inserted {
                                siblings.append(sq)
                            }
                        }
                    }
                }
                for n in mins { cs.append(.qualifiedMinCount(shape: qs, count: n, siblings: siblings)) }
                for n in maxs { cs.append(.qualifiedMaxCount(shape: qs, count: n, siblings: siblings)) }
            }
        }

        if try boolean(SH.closed) == true {
            var allowed = Set<IRI>()
            for p in values(SH.property) {
                for pathNode in g.objects(p, SH.path) { if case let .iri(i) = pathNode { allowed.insert(i) } }
            }
            for t in values(SH.ignoredProperties) {
                for m in try list(t, in: g, shape: s) { allowed.insert(try iri(m, SH.ignoredProperties)) }
            }
            cs.append(.closed(allowed: allowed))
        }
        for t in values(SH.hasValue) { cs.append(.hasValue(t)) }
        for t in values(SH.in) {
            let members = try list(t, in: g, shape: s)
            cs.append(.in(Set(members), count: members.count))
        }

        var severity = Severity.violation
        let sev = values(SH.severity)
        if let v = sev.first {
            guard sev.count == 1 else { throw fail("at most one sh:severity") }
            severity = Severity(try iri(v, SH.severity))
        }
        var messages: [Literal] = []
        for m in values(SH.message) {
            guard case let .literal(l) = m else { throw fail("sh:message must be a literal, found \(m)") }
            messages.append(l)
        }
        return Shape(id: s, path: path, targets: targets, constraints: cs,
                     deactivated: try boolean(SH.deactivated) ?? false, severity: severity, messages: messages)
    }
}

/// Insertion-ordered unique terms (candidate shape nodes).
struct OrderedSetOfTerms {
    var items: [Term] = []
    var seen = Set<Term>()
    mutating func insert(_ t: Term) { if seen.insert(t).inserted { items.append(t) } }
}
