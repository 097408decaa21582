/// An absolute IRI. The validating initializer rejects what RFC 3987 forbids, so every IRI that
/// reaches a writer can be written back without escaping surprises; `init(unchecked:)` exists for
/// constants and for parsers that already checked the characters themselves.
public struct IRI: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let value: String

    @inlinable public init(unchecked value: String) { self.value = value }

    /// Validates `value` as an absolute IRI (a scheme, then no character RFC 3987 forbids).
    public init(_ value: String) throws(IRIError) {
        try IRIReference.checkCharacters(value)
        guard IRIReference.hasScheme(value) else { throw IRIError(iri: value, reason: "not an absolute IRI (no scheme)") }
        self.value = value
    }

    public static func < (a: IRI, b: IRI) -> Bool { a.value < b.value }
    public var description: String { "<\(value)>" }
}

/// Why a string is not an acceptable IRI.
public struct IRIError: Error, Hashable, Sendable, CustomStringConvertible {
    public var iri: String
    public var reason: String
    public init(iri: String, reason: String) { self.iri = iri; self.reason = reason }
    public var description: String { "invalid IRI <\(iri)>: \(reason)" }
}

/// A blank node. Its label only has meaning inside one document or graph; compare graphs with
/// ``Isomorphism`` rather than by labels.
public struct BlankNode: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let id: String
    @inlinable public init(_ id: String) { self.id = id }
    public static func < (a: BlankNode, b: BlankNode) -> Bool { a.id < b.id }
    public var description: String { "_:\(id)" }
}

/// An RDF 1.1 literal. A literal without an explicit datatype is an `xsd:string`; a literal with a
/// language tag is an `rdf:langString`. Language tags compare case-insensitively (RDF 1.1 §3.3),
/// but the tag is kept as written so output round-trips byte for byte.
public struct Literal: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let lexicalForm: String
    public let datatype: IRI
    public let language: String?
    /// Initial text direction (`ltr`/`rtl`), only for RDF 1.2 / JSON-LD `@direction` literals.
    public let direction: String?

    /// A simple literal (`xsd:string`).
    public init(_ lexicalForm: String) {
        self.lexicalForm = lexicalForm; self.datatype = Vocab.xsd.string; self.language = nil; self.direction = nil
    }

    /// A typed literal. A language-tagged datatype without a tag is accepted and kept as is.
    public init(_ lexicalForm: String, datatype: IRI) {
        self.lexicalForm = lexicalForm; self.datatype = datatype; self.language = nil; self.direction = nil
    }

    /// A language-tagged string (`rdf:langString`, or `rdf:dirLangString` with a direction).
    public init(_ lexicalForm: String, language: String, direction: String? = nil) {
        self.lexicalForm = lexicalForm
        self.language = language
        self.direction = direction
        self.datatype = direction == nil ? Vocab.rdf.langString : Vocab.rdf.dirLangString
    }

    public static func == (a: Literal, b: Literal) -> Bool {
        a.lexicalForm == b.lexicalForm && a.datatype == b.datatype && a.direction == b.direction
            && a.language?.lowercased() == b.language?.lowercased()
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(lexicalForm)
        hasher.combine(datatype)
        hasher.combine(language?.lowercased())
        hasher.combine(direction)
    }

    public static func < (a: Literal, b: Literal) -> Bool {
        if a.lexicalForm != b.lexicalForm { return a.lexicalForm < b.lexicalForm }
        if a.datatype != b.datatype { return a.datatype < b.datatype }
        let la = a.language?.lowercased() ?? "", lb = b.language?.lowercased() ?? ""
        if la != lb { return la < lb }
        return (a.direction ?? "") < (b.direction ?? "")
    }

    public var isPlainString: Bool { language == nil && datatype == Vocab.xsd.string }

    public var description: String {
        var s = "\"" + NTriplesEscaping.escapeString(lexicalForm) + "\""
        if let language {
            s += "@" + language
            if let direction { s += "--" + direction }
        } else if datatype != Vocab.xsd.string {
            s += "^^<" + datatype.value + ">"
        }
        return s
    }
}

/// Any RDF term. Positions are not split into separate types: parsers enforce where literals and
/// blank nodes may appear, and keeping one enum keeps the writers and the isomorphism check simple.
public enum Term: Hashable, Comparable, Sendable, CustomStringConvertible {
    case iri(IRI)
    case blank(BlankNode)
    case literal(Literal)

    /// Ordering used for deterministic output: IRIs, then blank nodes, then literals.
    public static func < (a: Term, b: Term) -> Bool {
        switch (a, b) {
        case let (.iri(x), .iri(y)): return x < y
        case let (.blank(x), .blank(y)): return x < y
        case let (.literal(x), .literal(y)): return x < y
        default: return a.rank < b.rank
        }
    }

    private var rank: Int {
        switch self { case .iri: 0; case .blank: 1; case .literal: 2 }
    }

    public var iri: IRI? { if case let .iri(i) = self { return i }; return nil }
    public var blankNode: BlankNode? { if case let .blank(b) = self { return b }; return nil }
    public var literal: Literal? { if case let .literal(l) = self { return l }; return nil }
    public var isBlank: Bool { if case .blank = self { return true }; return false }
    public var isLiteral: Bool { if case .literal = self { return true }; return false }

    /// The term in N-Triples syntax.
    public var description: String {
        switch self {
        case let .iri(i): return "<" + NTriplesEscaping.escapeIRI(i.value) + ">"
        case let .blank(b): return "_:" + b.id
        case let .literal(l): return l.description
        }
    }
}

extension Term {
    @inlinable public init(_ iri: IRI) { self = .iri(iri) }
    @inlinable public init(_ blank: BlankNode) { self = .blank(blank) }
    @inlinable public init(_ literal: Literal) { self = .literal(literal) }
}

/// A statement. The predicate is an IRI, except in generalized RDF (JSON-LD `produceGeneralizedRdf`),
/// which is why it is a ``Term``; the syntaxes that cannot carry a blank predicate reject it.
public struct Triple: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var subject: Term
    public var predicate: Term
    public var object: Term

    @inlinable public init(_ subject: Term, _ predicate: Term, _ object: Term) {
        self.subject = subject; self.predicate = predicate; self.object = object
    }
    @inlinable public init(_ subject: Term, _ predicate: IRI, _ object: Term) {
        self.subject = subject; self.predicate = .iri(predicate); self.object = object
    }

    public static func < (a: Triple, b: Triple) -> Bool {
        if a.subject != b.subject { return a.subject < b.subject }
        if a.predicate != b.predicate { return a.predicate < b.predicate }
        return a.object < b.object
    }

    public var description: String { "\(subject) \(predicate) \(object) ." }
}

/// A triple in a named graph, or in the default graph when `graph` is nil.
public struct Quad: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var subject: Term
    public var predicate: Term
    public var object: Term
    public var graph: Term?

    @inlinable public init(_ subject: Term, _ predicate: Term, _ object: Term, graph: Term? = nil) {
        self.subject = subject; self.predicate = predicate; self.object = object; self.graph = graph
    }
    @inlinable public init(_ triple: Triple, graph: Term? = nil) {
        self.subject = triple.subject; self.predicate = triple.predicate; self.object = triple.object; self.graph = graph
    }

    @inlinable public var triple: Triple { Triple(subject, predicate, object) }

    public static func < (a: Quad, b: Quad) -> Bool {
        if a.graph != b.graph {
            guard let ga = a.graph else { return true }
            guard let gb = b.graph else { return false }
            return ga < gb
        }
        return a.triple < b.triple
    }

    public var description: String {
        if let graph { return "\(subject) \(predicate) \(object) \(graph) ." }
        return "\(subject) \(predicate) \(object) ."
    }
}
