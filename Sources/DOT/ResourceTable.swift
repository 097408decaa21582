import Foundation
import RDF

/// Extra vocabularies the writer recognises by name. Kept here rather than in `Vocab` because
/// only the picture needs them.
enum DOTVocab {
    static let grasp = Namespace(prefix: "grasp", iri: "http://groundedannotationframework.org/grasp#")
    static let graspf = Namespace(prefix: "graspf", iri: "http://groundedannotationframework.org/grasp/factuality#")
    static let ng = Namespace(prefix: "ng", iri: "https://w3id.org/newsgraph/ontology#")
    static let id = Namespace(prefix: "id", iri: "https://w3id.org/newsgraph/id/")
    static let foaf = Namespace(prefix: "foaf", iri: "http://xmlns.com/foaf/0.1/")
    static let skos = Namespace(prefix: "skos", iri: "http://www.w3.org/2004/02/skos/core#")
    static let dc = Namespace(prefix: "dc", iri: "http://purl.org/dc/elements/1.1/")
    static let schemaHTTPS = Namespace(prefix: "schema", iri: "https://schema.org/")

    /// Prefixes used to shorten IRIs in tooltips.
    static let prefixes = PrefixMap(Vocab.wellKnown + [grasp, graspf, ng, id, foaf, skos, dc])
}

/// Values grouped by resource (compressed rows): one flat array and offsets, instead of an
/// array per resource, which would cost three allocations per node of a 100,000-node graph.
struct Grouped<Element> {
    var offsets: [Int32] = [0]
    var values: [Element] = []

    init() {}
    init(owners: [Int32], values: [Element], count n: Int) {
        var offsets = [Int32](repeating: 0, count: n + 1)
        for o in owners { offsets[Int(o) + 1] += 1 }
        for i in 0..<n { offsets[i + 1] += offsets[i] }
        var next = Array(offsets[0..<n])
        var order = [Int32](repeating: 0, count: owners.count)
        for (i, o) in owners.enumerated() {
            order[Int(next[Int(o)])] = Int32(i)
            next[Int(o)] += 1
        }
        self.offsets = offsets
        self.values = order.map { values[Int($0)] }
    }

    subscript(r: Int) -> ArraySlice<Element> { values[Int(offsets[r])..<Int(offsets[r + 1])] }
}

extension Grouped where Element: Hashable {
    /// The same groups with repeated values dropped (the first of each kept, order unchanged):
    /// what a repeated triple adds. Groups are small, so a group is compared pairwise and only a
    /// large one is hashed; without repeats (the usual case) nothing is copied.
    func droppingRepeats() -> Grouped {
        var repeated: [Bool] = []  // by value index; empty while no repeat was found
        for r in 0..<offsets.count - 1 {
            let group = self[r]
            if group.count < 2 { continue }
            var seen = Set<Element>(minimumCapacity: group.count > 16 ? group.count : 0)
            for k in group.indices {
                let v = values[k]
                let isRepeat = group.count > 16 ? !seen.insert(v).inserted : group[..<k].contains(v)
                if isRepeat {
                    if repeated.isEmpty { repeated = [Bool](repeating: false, count: values.count) }
                    repeated[k] = true
                }
            }
        }
        if repeated.isEmpty { return self }
        var out = Grouped()
        for r in 0..<offsets.count - 1 {
            for k in self[r].indices where !repeated[k] { out.values.append(values[k]) }
            out.offsets.append(Int32(out.values.count))
        }
        return out
    }
}

/// The graph as the writer sees it: every IRI or blank node interned once, with its types, its
/// literal properties and its links. Built in one pass so that a 100,000-node graph costs one
/// hash look-up per term rather than repeated pattern queries.
struct ResourceTable {
    /// Predicates are interned too: the writer asks "is this link a participant / a name / a
    /// sameAs" for every link of a big graph, and an integer compare is what that should cost.
    struct Link: Hashable { var predicate: Int32; var object: Int }
    struct Property: Hashable { var predicate: Int32; var value: Literal }

    /// Resource ID → term.
    var terms: [Term] { index.terms }
    var types = Grouped<IRI>()
    var literals = Grouped<Property>()
    var links = Grouped<Link>()
    var isSubject: [Bool] = []
    /// Predicate ID → IRI, and its local name (what edge labels and tooltips call it).
    var predicates: [IRI] = []
    var predicateNames: [String] = []
    /// rdfs:subClassOf edges between classes, for classifying subclasses declared in the graph.
    var superClasses: [IRI: [IRI]] = [:]
    /// Every IRI used as an rdf:type object: those are classes, not things to draw.
    var classes: Set<IRI> = []
    private var index: TermTable
    private var predicateIndex: [IRI: Int32] = [:]

    /// `expectedCount` (the number of triples) sizes the term index up front: growing it would
    /// hash every IRI again at each doubling. `triples` may repeat a triple (a plain list read
    /// from a file): repeats are dropped here, with the terms already interned, which is much
    /// cheaper than building a ``Graph`` (hashing every whole triple) to drop them first.
    init<Triples: Sequence<Triple>>(_ triples: Triples, expectedCount: Int? = nil) {
        index = TermTable(capacity: (expectedCount ?? triples.underestimatedCount) / 2)
        // Compared as IRIs and against a non-optional last subject: comparing Terms and optionals
        // copies the enums, which cost more than the comparisons.
        let rdfType = Vocab.rdf.type
        let subClassOf = Vocab.rdfs.subClassOf
        var typeOwners: [Int32] = [], typeValues: [IRI] = []
        var literalOwners: [Int32] = [], literalValues: [Property] = []
        var linkOwners: [Int32] = [], linkValues: [Link] = []
        // Triples usually come grouped by subject: remembering the last one halves the hashing.
        var lastSubject = Term.literal(Literal(""))  // never equal to a subject: literal subjects are skipped
        var s = 0
        for t in triples {
            guard case let .iri(p) = t.predicate, !t.subject.isLiteral else { continue }
            if t.subject != lastSubject {
                s = intern(t.subject)
                lastSubject = t.subject
            }
            isSubject[s] = true
            switch t.object {
            case let .literal(l):
                literalOwners.append(Int32(s)); literalValues.append(Property(predicate: internPredicate(p), value: l))
            case let .iri(o) where p == rdfType:
                typeOwners.append(Int32(s)); typeValues.append(o)
                classes.insert(o)
            default:
                if p == subClassOf, case let .iri(sub) = t.subject, case let .iri(sup) = t.object,
                   superClasses[sub]?.contains(sup) != true {
                    superClasses[sub, default: []].append(sup)
                }
                let o = intern(t.object)
                linkOwners.append(Int32(s)); linkValues.append(Link(predicate: internPredicate(p), object: o))
            }
        }
        let n = terms.count
        types = Grouped(owners: typeOwners, values: typeValues, count: n).droppingRepeats()
        literals = Grouped(owners: literalOwners, values: literalValues, count: n).droppingRepeats()
        links = Grouped(owners: linkOwners, values: linkValues, count: n).droppingRepeats()
        predicateNames = predicates.map { localName($0.value) }
    }

    var count: Int { terms.count }

    func lookup(_ term: Term) -> Int? { index.lookup(term).map(Int.init) }

    /// The ID of predicate `p`, or -1 (which matches nothing) when the graph does not use it.
    func id(_ p: IRI) -> Int32 { predicateIndex[p] ?? -1 }
    func ids(_ ps: [IRI]) -> [Int32] { ps.map { id($0) } }

    private mutating func intern(_ term: Term) -> Int {
        let i = Int(index.intern(term))
        if i == isSubject.count { isSubject.append(false) }
        return i
    }

    private mutating func internPredicate(_ p: IRI) -> Int32 {
        // A graph uses few predicates: while there are few, comparing lengths first finds one
        // with at most a short memcmp, cheaper than hashing its IRI for every triple.
        if predicates.count <= 16 {
            let length = p.value.utf8.count
            for (i, q) in predicates.enumerated() where q.value.utf8.count == length && q == p { return Int32(i) }
        } else if let i = predicateIndex[p] {
            return i
        }
        let i = Int32(predicates.count)
        predicateIndex[p] = i
        predicates.append(p)
        return i
    }

    /// The first literal of the first predicate in `predicates` that has one, preferring English
    /// or untagged strings, then the smallest, so the choice does not depend on triple order.
    func firstLiteral(_ r: Int, _ predicates: [Int32]) -> String? {
        let properties = literals[r]
        if properties.isEmpty { return nil }
        for p in predicates where p >= 0 {
            var best: Literal?
            var bestRank = Int.max
            for property in properties where property.predicate == p {
                let l = property.value
                let rank: Int
                if let lang = l.language {
                    let lower = lang.lowercased()
                    rank = lower == "en" || lower.hasPrefix("en-") ? 0 : 2
                } else {
                    rank = 1
                }
                if rank < bestRank || (rank == bestRank && best.map { l < $0 } ?? true) { best = l; bestRank = rank }
            }
            if let best { return best.lexicalForm }
        }
        return nil
    }

    func firstLiteral(_ r: Int, _ predicates: [IRI]) -> String? { firstLiteral(r, ids(predicates)) }

    func allLiterals(_ r: Int, _ p: IRI) -> [String] {
        let p = id(p)
        return literals[r].filter { $0.predicate == p }.map(\.value.lexicalForm).sorted()
    }

    func objects(_ r: Int, _ p: IRI) -> [Int] {
        let p = id(p)
        return links[r].compactMap { $0.predicate == p ? $0.object : nil }
    }
}

/// The part of the IRI after the last `#`, `/` or `:`: what people call a term by. (Scanned as
/// UTF-8 bytes: the separators are ASCII, and Character iteration over 100,000 IRIs is what made
/// this slow.)
func localName(_ iri: String) -> String {
    var copy = iri
    return copy.withUTF8 { b -> String? in
        var end = b.count
        while end > 0 && (b[end - 1] == 0x2F || b[end - 1] == 0x23) { end -= 1 }
        func local(after separator: (UInt8) -> Bool) -> String? {
            var i = end - 1
            while i >= 0 && !separator(b[i]) { i -= 1 }
            guard i >= 0 && i + 1 < end else { return nil }
            return String(decoding: UnsafeBufferPointer(rebasing: b[(i + 1)..<end]), as: UTF8.self)
        }
        return local { $0 == 0x2F || $0 == 0x23 } ?? local { $0 == 0x3A }
    } ?? iri
}

/// "NewsMediaOrganization" → "news media organization"; a class name read as words.
func words(ofClassName name: String) -> String {
    var out = ""
    var previousLower = false
    for ch in name {
        if ch == "_" || ch == "-" { out.append(" "); previousLower = false; continue }
        if ch.isUppercase && previousLower { out.append(" ") }
        previousLower = ch.isLowercase || ch.isNumber
        out.append(contentsOf: ch.lowercased())
    }
    return out
}

/// Namespaces longest first, so the first match is the longest (what `PrefixMap.split` picks),
/// without a dictionary walk per node.
private let namespacesLongestFirst: [(prefix: String, iri: String)] =
    DOTVocab.prefixes.sorted.sorted { $0.iri.utf8.count != $1.iri.utf8.count ? $0.iri.utf8.count > $1.iri.utf8.count : $0.prefix < $1.prefix }

/// `namespacesLongestFirst` as bytes, for matching ASCII IRIs.
private let namespaceBytesLongestFirst: [(prefix: [UInt8], iri: [UInt8])] =
    namespacesLongestFirst.map { (Array($0.prefix.utf8), Array($0.iri.utf8)) }

/// Appends `shortForm(term)` escaped as DOT text. An ASCII IRI (nearly all of them) is matched
/// against the namespaces as bytes and written in pieces, without building the string; any
/// other term goes through `shortForm`, so the text is the same either way.
func writeShortForm(_ term: Term, _ out: inout [UInt8]) {
    guard case let .iri(i) = term else { DOTEscaping.write(shortForm(term), .text, to: &out); return }
    var value = i.value
    let written = value.withUTF8 { b -> Bool in
        // For ASCII, String.hasPrefix is a byte comparison; beyond it, it compares Characters.
        guard isASCII(b), let base = b.baseAddress else { return false }
        for ns in namespaceBytesLongestFirst
        where ns.iri.count <= b.count && memcmp(base, ns.iri, ns.iri.count) == 0 {
            guard b.count > ns.iri.count else { break }
            ns.prefix.withUnsafeBufferPointer { DOTEscaping.write(bytes: $0, .text, to: &out) }
            out.append(0x3A)
            DOTEscaping.write(bytes: UnsafeBufferPointer(rebasing: b[ns.iri.count...]), .text, to: &out)
            return true
        }
        DOTEscaping.write(bytes: b, .text, to: &out)
        return true
    }
    if !written { DOTEscaping.write(shortForm(term), .text, to: &out) }
}

/// A term as a person reads it: `prefix:local` when a well-known prefix fits, else the IRI.
func shortForm(_ term: Term) -> String {
    switch term {
    case let .iri(i):
        for ns in namespacesLongestFirst where i.value.hasPrefix(ns.iri) {
            let local = i.value.utf8.dropFirst(ns.iri.utf8.count)
            if local.isEmpty { break }
            return ns.prefix + ":" + String(Substring(local))
        }
        return i.value
    case let .blank(b): return "_:" + b.id
    case let .literal(l): return l.lexicalForm
    }
}

/// Whether `b` is all ASCII, eight bytes at a time: the writer asks this of every node ID and IRI.
func isASCII(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let base = b.baseAddress else { return true }
    let raw = UnsafeRawPointer(base)
    var i = 0
    var high: UInt64 = 0
    while i + 8 <= b.count {
        high |= raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
        i += 8
    }
    while i < b.count {
        high |= UInt64(b[i])
        i += 1
    }
    return high & 0x8080_8080_8080_8080 == 0
}
