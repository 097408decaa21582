/// A matcher for the simple regular expressions shapes mostly use (`^http://…/Q[1-9][0-9]*$`):
/// literal characters, escaped punctuation, `.`, bracket classes with ranges, `^`/`$` anchors
/// and the quantifiers `? * + {n} {n,} {n,m}` — no groups, alternation or class escapes.
///
/// Why: NSRegularExpression costs microseconds per call on Linux (bridging to NSString, then
/// ICU), which dominates validating a million values against one sh:pattern. A pattern without
/// groups is a sequence of pieces, so it runs as a bit-parallel NFA in one pass over the
/// scalars: linear in the input whatever the pattern. Anything else returns nil and stays with
/// NSRegularExpression, as do patterns with flags. Semantics follow ICU's (which the fallback
/// uses): `.` excludes line terminators, and `$` also matches before one final line terminator.
struct SimplePattern: Sendable {
    enum Atom: Sendable {
        case scalar(UInt32)
        case any
        case set([ClosedRange<UInt32>], negated: Bool)

        @inline(__always) func matches(_ c: UInt32) -> Bool {
            switch self {
            case let .scalar(x): return c == x
            case .any: return !SimplePattern.isLineTerminator(c)
            case let .set(ranges, negated):
                var hit = false
                for r in ranges where r.contains(c) { hit = true; break }
                return hit != negated
            }
        }
    }

    /// How often one NFA element's atom occurs: exactly once, at most once, or any number of times.
    enum Kind { case one, optional, star }

    let atoms: [Atom]
    /// Bit i set: element i may be skipped (optional or star).
    let skippable: UInt64
    /// Bit i set: element i repeats (star).
    let loops: UInt64
    let anchoredStart: Bool, anchoredEnd: Bool

    static func isLineTerminator(_ c: UInt32) -> Bool {
        c == 0x0A || c == 0x0D || c == 0x85 || c == 0x2028 || c == 0x2029
    }

    /// Escaped characters that stand for themselves; `\d`, `\w`, `\p{…}`, `\n` … mean more and are left to ICU.
    static let escapable: Set<UInt32> = Set("\\.-^$|?*+()[]{}/".unicodeScalars.map(\.value))

    /// Compiles `pattern`, or nil when it uses anything beyond the simple subset (or needs more
    /// than 63 NFA states).
    init?(_ pattern: String) {
        var p = pattern.unicodeScalars.map(\.value)
        var start = false, end = false
        if p.first == 0x5E { start = true; p.removeFirst() }
        if p.last == 0x24 {
            if p.count >= 2 && p[p.count - 2] == 0x5C { return nil }  // `\$` at the end: leave it to ICU
            end = true
            p.removeLast()
        }
        var elements: [(Atom, Kind)] = []
        var i = 0
        while i < p.count {
            let atom: Atom
            switch p[i] {
            case 0x5C:
                guard i + 1 < p.count, Self.escapable.contains(p[i + 1]) else { return nil }
                atom = .scalar(p[i + 1]); i += 2
            case 0x2E: atom = .any; i += 1
            case 0x5B:
                i += 1
                var negated = false
                if i < p.count && p[i] == 0x5E { negated = true; i += 1 }
                var ranges: [ClosedRange<UInt32>] = []
                while true {
                    guard i < p.count else { return nil }
                    var lo = p[i]
                    if lo == 0x5D {
                        if ranges.isEmpty { return nil }  // `[]…]` spellings differ between regex dialects
                        i += 1
                        break
                    }
                    if lo == 0x5B { return nil }  // XPath class subtraction, POSIX classes
                    if lo == 0x5C {
                        guard i + 1 < p.count, Self.escapable.contains(p[i + 1]) else { return nil }
                        lo = p[i + 1]; i += 2
                    } else { i += 1 }
                    var hi = lo
                    if i + 1 < p.count, p[i] == 0x2D, p[i + 1] != 0x5D {
                        hi = p[i + 1]
                        guard hi != 0x5C, hi != 0x5B, lo <= hi else { return nil }
                        i += 2
                    }
                    ranges.append(lo...hi)
                }
                atom = .set(ranges, negated: negated)
            case 0x28, 0x29, 0x7C, 0x5E, 0x24, 0x2A, 0x2B, 0x3F, 0x7B, 0x7D, 0x5D: return nil
            default: atom = .scalar(p[i]); i += 1
            }
            var lo = 1, hi: Int? = 1
            if i < p.count {
                switch p[i] {
                case 0x3F: lo = 0; hi = 1; i += 1
                case 0x2A: lo = 0; hi = nil; i += 1
                case 0x2B: lo = 1; hi = nil; i += 1
                case 0x7B:
                    var j = i + 1
                    func number() -> Int? {
                        var n = 0, digits = 0
                        while j < p.count, p[j] >= 0x30, p[j] <= 0x39, digits < 3 { n = n * 10 + Int(p[j] - 0x30); j += 1; digits += 1 }
                        return digits > 0 ? n : nil
                    }
                    guard let a = number() else { return nil }
                    lo = a; hi = a
                    if j < p.count && p[j] == 0x2C {
                        j += 1
                        if j < p.count && p[j] == 0x7D { hi = nil } else {
                            guard let b = number(), b >= a else { return nil }
                            hi = b
                        }
                    }
                    guard j < p.count, p[j] == 0x7D else { return nil }
                    i = j + 1
                default: break
                }
                // A lazy or possessive quantifier: leave it to ICU.
                if lo != 1 || hi != 1, i < p.count, p[i] == 0x3F || p[i] == 0x2B { return nil }
            }
            if lo > 63 { return nil }
            for _ in 0..<lo { elements.append((atom, .one)) }
            if let hi {
                if hi > 63 { return nil }
                for _ in lo..<hi { elements.append((atom, .optional)) }
            } else {
                elements.append((atom, .star))
            }
            if elements.count > 63 { return nil }
        }
        atoms = elements.map(\.0)
        var skip: UInt64 = 0, loop: UInt64 = 0
        for (k, e) in elements.enumerated() {
            if e.1 != .one { skip |= 1 << UInt64(k) }
            if e.1 == .star { loop |= 1 << UInt64(k) }
        }
        skippable = skip; loops = loop
        anchoredStart = start; anchoredEnd = end
    }

    /// `states` plus every state reachable from them without reading (skipping optional and starred elements).
    @inline(__always) func closure(_ states: UInt64) -> UInt64 {
        var s = states
        while true {
            let next = s | ((s & skippable) << 1)
            if next == s { return s }
            s = next
        }
    }

    /// True when the pattern matches somewhere in `s` (anchors permitting), like XPath `matches`.
    func matches(_ s: String) -> Bool {
        let accept: UInt64 = 1 << UInt64(atoms.count)
        let scalars = s.unicodeScalars
        // `$` also matches before one final line terminator (\n, \r\n, \r, U+0085, U+2028, U+2029).
        var beforeTerminator = scalars.endIndex
        if anchoredEnd, let last = scalars.last, SimplePattern.isLineTerminator(last.value) {
            beforeTerminator = scalars.index(before: scalars.endIndex)
            if last.value == 0x0A, beforeTerminator > scalars.startIndex,
               scalars[scalars.index(before: beforeTerminator)].value == 0x0D {
                beforeTerminator = scalars.index(before: beforeTerminator)
            }
        }
        var states = closure(1)
        var index = scalars.startIndex
        while true {
            if states & accept != 0, !anchoredEnd || index == scalars.endIndex || index == beforeTerminator { return true }
            guard index < scalars.endIndex else { return false }
            let c = scalars[index].value
            var next: UInt64 = 0
            var live = states & (accept - 1)
            while live != 0 {
                let k = live.trailingZeroBitCount
                live &= live - 1
                if atoms[k].matches(c) { next |= loops & (1 << UInt64(k)) != 0 ? 1 << UInt64(k) : 1 << UInt64(k + 1) }
            }
            if !anchoredStart { next |= 1 }
            states = closure(next)
            if states == 0 { return false }
            index = scalars.index(after: index)
        }
    }
}
