/// Blank-node-aware equality of graphs and datasets (RDF 1.1 Concepts §3.6): two graphs are
/// isomorphic when a bijection between their blank nodes maps one onto the other. Every syntax's
/// tests compare through this, since blank node labels are not preserved by a round trip.
///
/// Colour refinement (the 1-dimensional Weisfeiler–Leman procedure) splits the blank nodes into
/// classes, then a backtracking search individualises one node of the smallest ambiguous class at a
/// time. Graphs without symmetric blank structures never backtrack.
public enum Isomorphism {
    public static func isIsomorphic(_ a: Graph, _ b: Graph) -> Bool {
        check(a.triples.map { Quad($0) }, b.triples.map { Quad($0) })
    }

    public static func isIsomorphic(_ a: Dataset, _ b: Dataset) -> Bool {
        check(Array(a.quads), Array(b.quads))
    }

    /// A short description of how two graphs differ, for test failure messages.
    public static func difference(_ a: Graph, _ b: Graph) -> String {
        let groundA = Set(a.triples.filter { !$0.hasBlank }), groundB = Set(b.triples.filter { !$0.hasBlank })
        var lines: [String] = ["left \(a.count) triples, right \(b.count) triples"]
        for t in groundA.subtracting(groundB).sorted().prefix(10) { lines.append("- \(t)") }
        for t in groundB.subtracting(groundA).sorted().prefix(10) { lines.append("+ \(t)") }
        return lines.joined(separator: "\n")
    }

    static func check(_ a: [Quad], _ b: [Quad]) -> Bool {
        let setA = Set(a), setB = Set(b)
        guard setA.count == setB.count else { return false }
        let blankA = setA.filter { $0.hasBlank }, blankB = setB.filter { $0.hasBlank }
        guard blankA.count == blankB.count else { return false }
        guard setA.subtracting(blankA) == setB.subtracting(blankB) else { return false }
        if blankA.isEmpty { return true }
        let sa = Side(Array(blankA)), sb = Side(Array(blankB))
        guard sa.nodes.count == sb.nodes.count else { return false }
        var ca = sa.refine(Array(repeating: 0, count: sa.nodes.count))
        var cb = sb.refine(Array(repeating: 0, count: sb.nodes.count))
        var budget = 100_000
        return search(sa, sb, &ca, &cb, setB: blankB, budget: &budget)
    }

    static func search(_ sa: Side, _ sb: Side, _ ca: inout [Int], _ cb: inout [Int], setB: Set<Quad>, budget: inout Int) -> Bool {
        budget -= 1
        if budget < 0 { return false }
        var classesA: [Int: [Int]] = [:], classesB: [Int: [Int]] = [:]
        for (i, c) in ca.enumerated() { classesA[c, default: []].append(i) }
        for (i, c) in cb.enumerated() { classesB[c, default: []].append(i) }
        guard classesA.count == classesB.count else { return false }
        for (c, members) in classesA where classesB[c]?.count != members.count { return false }
        // Smallest class with more than one member.
        let ambiguous = classesA.filter { $0.value.count > 1 }.min { ($0.value.count, $0.key) < ($1.value.count, $1.key) }
        guard let (color, membersA) = ambiguous else {
            var mapping: [BlankNode: BlankNode] = [:]
            for (c, members) in classesA {
                guard let m = classesB[c]?.first, let a = members.first else { return false }
                mapping[sa.nodes[a]] = sb.nodes[m]
            }
            for q in sa.quads where !setB.contains(q.mapped(mapping)) { return false }
            return true
        }
        let a0 = membersA[0]
        for b in classesB[color] ?? [] {
            var na = ca, nb = cb
            let marker = Side.mix(color, 0x5bd1e995)
            na[a0] = marker
            nb[b] = marker
            na = sa.refine(na)
            nb = sb.refine(nb)
            if search(sa, sb, &na, &nb, setB: setB, budget: &budget) { return true }
        }
        return false
    }

    /// One graph's blank-node quads, indexed for refinement.
    struct Side {
        let quads: [Quad]
        let nodes: [BlankNode]
        let index: [BlankNode: Int]
        /// For each node, the quads it occurs in.
        let occurrences: [[Int]]

        init(_ quads: [Quad]) {
            self.quads = quads
            var nodes: [BlankNode] = [], index: [BlankNode: Int] = [:], occ: [[Int]] = []
            for (qi, q) in quads.enumerated() {
                for t in q.terms {
                    guard case let .blank(b) = t else { continue }
                    let i: Int
                    if let j = index[b] { i = j } else { i = nodes.count; index[b] = i; nodes.append(b); occ.append([]) }
                    if occ[i].last != qi { occ[i].append(qi) }
                }
            }
            self.nodes = nodes; self.index = index; self.occurrences = occ
        }

        static func mix(_ a: Int, _ b: Int) -> Int {
            var h = Hasher()
            h.combine(a); h.combine(b)
            return h.finalize()
        }

        func termHash(_ t: Term, _ colors: [Int], self me: Int) -> Int {
            if case let .blank(b) = t, let i = index[b] { return i == me ? Side.mix(colors[i], 1) : Side.mix(colors[i], 2) }
            return t.hashValue
        }

        /// Refines colours until the number of classes stops growing.
        func refine(_ start: [Int]) -> [Int] {
            var colors = start
            var classes = Set(colors).count
            for _ in 0..<max(1, nodes.count) {
                var next = colors
                for i in 0..<nodes.count {
                    var sig: [Int] = []
                    sig.reserveCapacity(occurrences[i].count)
                    for qi in occurrences[i] {
                        let q = quads[qi]
                        var h = Hasher()
                        h.combine(termHash(q.subject, colors, self: i))
                        h.combine(termHash(q.predicate, colors, self: i))
                        h.combine(termHash(q.object, colors, self: i))
                        if let g = q.graph { h.combine(termHash(g, colors, self: i)) } else { h.combine(0) }
                        sig.append(h.finalize())
                    }
                    sig.sort()
                    var h = Hasher()
                    h.combine(colors[i])
                    h.combine(sig)
                    next[i] = h.finalize()
                }
                let n = Set(next).count
                colors = next
                if n == classes { break }
                classes = n
            }
            return colors
        }
    }
}

extension Triple {
    var hasBlank: Bool { subject.isBlank || predicate.isBlank || object.isBlank }
}

extension Quad {
    var hasBlank: Bool { subject.isBlank || predicate.isBlank || object.isBlank || (graph?.isBlank ?? false) }
    var terms: [Term] { graph.map { [subject, predicate, object, $0] } ?? [subject, predicate, object] }
    func mapped(_ m: [BlankNode: BlankNode]) -> Quad {
        func f(_ t: Term) -> Term { if case let .blank(b) = t, let n = m[b] { return .blank(n) }; return t }
        return Quad(f(subject), f(predicate), f(object), graph: graph.map(f))
    }
}
