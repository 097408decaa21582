#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Interns terms to dense integer ids: an open-addressing table over a cheap word-at-a-time hash
/// of the terms' UTF-8 bytes. The SHACL data graph and the DOT writer's resource table share it.
///
/// Why not `[Term: ID]`: that hashes every string with SipHash after Unicode normalisation, and
/// reading a million-triple file interns three million terms, which made interning a fifth of
/// `newsgraph validate` and most of reading a 100,000-node graph for DOT. Identity here is RDF's: IRIs, blank node labels, lexical forms and
/// datatypes compare by their code points (so by bytes), language tags case-insensitively (the
/// hash leaves them out for that reason). For every term a reader produces this is `Term ==`;
/// the two differ only for strings that are canonically equivalent in different bytes, which
/// Swift's `==` would merge and RDF keeps apart.
public struct TermTable {
    public typealias ID = Int32

    /// Terms by id.
    public private(set) var terms: [Term] = []
    /// By hash position: the high 32 bits of the term's hash, then its id + 1 (0 is an empty
    /// slot). Probing compares the hash bits first, so a miss rarely reads a term. At most half full.
    private var slots: [UInt64]
    private var mask: Int

    /// A table with room for about `capacity` terms before it grows.
    public init(capacity: Int = 0) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = Array(repeating: 0, count: size)
        mask = size - 1
        terms.reserveCapacity(capacity)
    }

    public var count: Int { terms.count }

    /// The id of `t`, or nil when it was never interned.
    public func lookup(_ t: Term) -> ID? {
        let h = Self.hash(t)
        var i = Int(truncatingIfNeeded: h) & mask
        while true {
            let slot = slots[i]
            if slot == 0 { return nil }
            if slot >> 32 == h >> 32, Self.same(terms[Int(slot & 0xFFFF_FFFF) - 1], t) { return ID(slot & 0xFFFF_FFFF) - 1 }
            i = (i + 1) & mask
        }
    }

    /// The id of `t`, minting the next one when it is new.
    public mutating func intern(_ t: Term) -> ID {
        let h = Self.hash(t)
        var i = Int(truncatingIfNeeded: h) & mask
        while true {
            let slot = slots[i]
            if slot == 0 { break }
            if slot >> 32 == h >> 32, Self.same(terms[Int(slot & 0xFFFF_FFFF) - 1], t) { return ID(slot & 0xFFFF_FFFF) - 1 }
            i = (i + 1) & mask
        }
        let id = ID(terms.count)
        terms.append(t)
        slots[i] = h & 0xFFFF_FFFF_0000_0000 | UInt64(id + 1)
        if terms.count * 2 > slots.count { grow() }
        return id
    }

    /// Doubles the slots, hashing every term again (rare: callers size the table from the input).
    private mutating func grow() {
        let size = slots.count * 2
        var fresh = [UInt64](repeating: 0, count: size)
        let m = size - 1
        for (id, t) in terms.enumerated() {
            let h = Self.hash(t)
            var i = Int(truncatingIfNeeded: h) & m
            while fresh[i] != 0 { i = (i + 1) & m }
            fresh[i] = h & 0xFFFF_FFFF_0000_0000 | UInt64(id + 1)
        }
        slots = fresh
        mask = m
    }

    // MARK: identity

    /// Whether two terms are the same RDF term (see the type's comment).
    public static func same(_ a: Term, _ b: Term) -> Bool {
        switch (a, b) {
        case let (.iri(x), .iri(y)): return sameBytes(x.value, y.value)
        case let (.blank(x), .blank(y)): return sameBytes(x.id, y.id)
        case let (.literal(x), .literal(y)):
            guard sameBytes(x.lexicalForm, y.lexicalForm), sameBytes(x.datatype.value, y.datatype.value),
                  x.direction == y.direction else { return false }
            guard let lx = x.language, let ly = y.language else { return x.language == nil && y.language == nil }
            return sameBytes(lx, ly) || lx.lowercased() == ly.lowercased()
        default: return false
        }
    }

    static func sameBytes(_ a: String, _ b: String) -> Bool {
        var a = a, b = b
        return a.withUTF8 { x in
            b.withUTF8 { y in
                guard x.count == y.count else { return false }
                guard let p = x.baseAddress, let q = y.baseAddress else { return true }
                return memcmp(p, q, x.count) == 0
            }
        }
    }

    /// A hash that agrees with ``same(_:_:)``: equal terms hash equally.
    static func hash(_ t: Term) -> UInt64 {
        switch t {
        case let .iri(i): return hash(i.value, 0x1)
        case let .blank(b): return hash(b.id, 0x2)
        case let .literal(l):
            var h = hash(l.datatype.value, hash(l.lexicalForm, 0x3))
            if let d = l.direction { h = hash(d, h) }
            return h
        }
    }

    /// Folds a string's bytes into `seed`, eight at a time (a multiply-xorshift mix).
    static func hash(_ s: String, _ seed: UInt64) -> UInt64 {
        var s = s
        return s.withUTF8 { b in
            let raw = UnsafeRawBufferPointer(b)
            var h = (seed ^ UInt64(raw.count)) &* 0x9E37_79B9_7F4A_7C15
            var k = 0
            while k + 8 <= raw.count {
                h = (h ^ raw.loadUnaligned(fromByteOffset: k, as: UInt64.self)) &* 0xFF51_AFD7_ED55_8CCD
                h ^= h >> 32
                k += 8
            }
            var tail: UInt64 = 0, shift: UInt64 = 0
            while k < raw.count {
                tail |= UInt64(raw[k]) << shift
                shift += 8
                k += 1
            }
            h = (h ^ tail) &* 0xC4CE_B9FE_1A85_EC53
            return h ^ (h >> 29)
        }
    }
}
