import Foundation
import RDF

/// IRIs and blank nodes → dense IDs: an open-addressing table over a word-at-a-time hash of the
/// terms' UTF-8 bytes, with the terms themselves kept by the caller (``ResourceTable/terms``).
///
/// Why not `[Term: Int]`: that hashes every string with SipHash and compares Terms as Swift
/// Strings, and interning is most of what reading a 100,000-node graph costs. Identity here is
/// RDF's: IRIs and blank node labels are the same when their code points (so their bytes) are;
/// Swift's `==` would also merge strings that are canonically equivalent in different bytes.
struct TermIndex {
    /// By hash position: the high 32 bits of the term's hash, then its ID + 1 (0 is an empty
    /// slot). Probing compares the hash bits first, so a miss rarely reads a term. At most half full.
    private var slots: [UInt64]
    private var mask: Int
    private var count = 0

    init(capacity: Int) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = Array(repeating: 0, count: size)
        mask = size - 1
    }

    /// The ID of `term` among `terms`, or nil when it was never added.
    func lookup(_ term: Term, in terms: [Term]) -> Int? { find(term, in: terms).id }

    /// The ID of `term`, appending it to `terms` (so it gets the next ID) when it is new.
    mutating func intern(_ term: Term, into terms: inout [Term]) -> Int {
        let (slot, found, h) = find(term, in: terms)
        if let found { return found }
        let id = terms.count
        terms.append(term)
        slots[slot] = h & 0xFFFF_FFFF_0000_0000 | UInt64(id + 1)
        count += 1
        if count * 2 > slots.count { grow(terms) }
        return id
    }

    /// The slot holding `term` and its ID, or the empty slot where it would go; and its hash.
    private func find(_ term: Term, in terms: [Term]) -> (slot: Int, id: Int?, hash: UInt64) {
        let h = Self.hash(term)
        var i = Int(truncatingIfNeeded: h) & mask
        while true {
            let slot = slots[i]
            if slot == 0 { return (i, nil, h) }
            let id = Int(slot & 0xFFFF_FFFF) - 1
            if slot >> 32 == h >> 32, Self.same(terms[id], term) { return (i, id, h) }
            i = (i + 1) & mask
        }
    }

    /// Doubles the slots (rare: the writer sizes the table from the triple count).
    private mutating func grow(_ terms: [Term]) {
        let size = slots.count * 2
        var fresh = [UInt64](repeating: 0, count: size)
        for (id, t) in terms.enumerated() {
            let h = Self.hash(t)
            var i = Int(truncatingIfNeeded: h) & (size - 1)
            while fresh[i] != 0 { i = (i + 1) & (size - 1) }
            fresh[i] = h & 0xFFFF_FFFF_0000_0000 | UInt64(id + 1)
        }
        slots = fresh
        mask = size - 1
    }

    /// The bytes that identify a term, and which kind it is (an IRI and a blank node with the
    /// same text are different terms). Literals are never interned here; `==` decides for them.
    private static func key(_ term: Term) -> (text: String, kind: UInt64)? {
        switch term {
        case let .iri(i): return (i.value, 1)
        case let .blank(b): return (b.id, 2)
        case .literal: return nil
        }
    }

    static func same(_ a: Term, _ b: Term) -> Bool {
        guard let x = key(a), let y = key(b) else { return a == b }
        guard x.kind == y.kind else { return false }
        var s = x.text, t = y.text
        return s.withUTF8 { p in
            t.withUTF8 { q in
                guard p.count == q.count else { return false }
                guard let pa = p.baseAddress, let qa = q.baseAddress else { return true }  // both empty
                return memcmp(pa, qa, p.count) == 0
            }
        }
    }

    /// A multiply-rotate hash of the term's bytes, a word at a time; the last partial word is
    /// zero-padded, and the length is mixed in so that padding cannot collide.
    static func hash(_ term: Term) -> UInt64 {
        guard let (string, kind) = key(term) else { return UInt64(truncatingIfNeeded: term.hashValue) }
        var text = string
        return text.withUTF8 { b in
            let raw = UnsafeRawBufferPointer(b)
            let whole = raw.count & ~7
            var h = kind &* 0x9E37_79B9_7F4A_7C15 ^ UInt64(raw.count)
            for k in stride(from: 0, to: whole, by: 8) {
                h = (h ^ raw.loadUnaligned(fromByteOffset: k, as: UInt64.self)) &* 0xFF51_AFD7_ED55_8CCD
                h = h << 29 | h >> 35
            }
            if whole < raw.count {
                var last: UInt64 = 0
                withUnsafeMutableBytes(of: &last) { $0.copyMemory(from: UnsafeRawBufferPointer(rebasing: raw[whole...])) }
                h = (h ^ last) &* 0xC4CE_B9FE_1A85_EC53
            }
            h ^= h >> 31
            return h &* 0x94D0_49BB_1331_11EB ^ (h >> 29)
        }
    }
}
