/// Character classes and byte-level helpers shared by the N-Triples, N-Quads and Turtle readers
/// and writers. They live in RDF because the syntax modules must not depend on one another, and
/// both need the exact same definitions of a blank node label and a prefixed name's local part.
public enum TurtleGrammar {
    /// PN_CHARS_BASE of the Turtle / N-Triples grammars.
    @inlinable public static func isPNCharsBase(_ c: UInt32) -> Bool {
        switch c {
        case 0x41...0x5A, 0x61...0x7A: return true
        case 0xC0...0xD6, 0xD8...0xF6, 0xF8...0x2FF, 0x370...0x37D, 0x37F...0x1FFF, 0x200C...0x200D,
             0x2070...0x218F, 0x2C00...0x2FEF, 0x3001...0xD7FF, 0xF900...0xFDCF, 0xFDF0...0xFFFD,
             0x10000...0xEFFFF:
            return true
        default: return false
        }
    }

    /// PN_CHARS_U: PN_CHARS_BASE or `_`.
    @inlinable public static func isPNCharsU(_ c: UInt32) -> Bool { c == 0x5F || isPNCharsBase(c) }

    /// PN_CHARS: PN_CHARS_U, `-`, digits, U+00B7, U+0300–U+036F, U+203F–U+2040.
    @inlinable public static func isPNChars(_ c: UInt32) -> Bool {
        switch c {
        case 0x2D, 0x30...0x39, 0xB7, 0x300...0x36F, 0x203F...0x2040: return true
        default: return isPNCharsU(c)
        }
    }

    /// Characters that may follow `\` in a local name (PN_LOCAL_ESC).
    @inlinable public static func isLocalEscapable(_ c: UInt32) -> Bool {
        switch c {
        case 0x5F, 0x7E, 0x2E, 0x2D, 0x21, 0x24, 0x26, 0x27, 0x28, 0x29, 0x2A, 0x2B, 0x2C, 0x3B, 0x3D,
             0x2F, 0x3F, 0x23, 0x40, 0x25:
            return true
        default: return false
        }
    }

    /// True when `label` is a valid BLANK_NODE_LABEL body (the part after `_:`), so writers can
    /// keep a reader's labels and fall back to fresh ones otherwise.
    public static func isValidBlankLabel(_ label: String) -> Bool {
        let s = Array(label.unicodeScalars)
        guard let first = s.first else { return false }
        guard isPNCharsU(first.value) || (0x30...0x39).contains(first.value) else { return false }
        guard s.last?.value != 0x2E else { return false }
        return s.dropFirst().allSatisfy { isPNChars($0.value) || $0.value == 0x2E }
    }

    /// True when `prefix` is a valid PN_PREFIX (or empty), i.e. usable in `prefix:`.
    public static func isValidPrefix(_ prefix: String) -> Bool {
        let s = Array(prefix.unicodeScalars)
        guard let first = s.first else { return true }
        guard isPNCharsBase(first.value), s.last?.value != 0x2E else { return false }
        return s.dropFirst().allSatisfy { isPNChars($0.value) || $0.value == 0x2E }
    }

    /// The local part written so that it is a valid PN_LOCAL, escaping the reserved characters
    /// that PN_LOCAL_ESC allows; nil when no escaping can make it valid (then write `<IRI>`).
    public static func escapeLocalName(_ local: String) -> String? {
        if local.isEmpty { return "" }
        var out = ""
        let s = Array(local.unicodeScalars)
        for (i, c) in s.enumerated() {
            let v = c.value
            let plain: Bool
            if i == 0 {
                plain = isPNCharsU(v) || v == 0x3A || (0x30...0x39).contains(v)
            } else if i == s.count - 1 {
                plain = isPNChars(v) || v == 0x3A
            } else {
                plain = isPNChars(v) || v == 0x3A || v == 0x2E
            }
            if plain {
                out.unicodeScalars.append(c)
            } else if v == 0x25 {
                // A percent sign is only legal as the start of %HH, which is kept literally.
                guard i + 2 < s.count, s[i + 1].properties.isASCIIHexDigit, s[i + 2].properties.isASCIIHexDigit else {
                    return nil
                }
                out.unicodeScalars.append(c)
            } else if isLocalEscapable(v) {
                out += "\\"
                out.unicodeScalars.append(c)
            } else if i > 0, s[i - 1].value == 0x25 || (i > 1 && s[i - 2].value == 0x25) {
                // The hex digits of a %HH sequence at the edges; already checked above.
                out.unicodeScalars.append(c)
            } else {
                return nil
            }
        }
        return out
    }

    /// The index of the first byte that is not part of well-formed UTF-8 in `bytes[from..<to]`,
    /// or `to` when all are well formed. A sequence cut off by `to` is reported at its start
    /// when `atEnd` is true, and otherwise stops the scan there (`incomplete` is true) so that a
    /// streaming reader can validate again after reading more.
    public static func validateUTF8(_ p: UnsafeBufferPointer<UInt8>, from: Int, to: Int, atEnd: Bool)
        -> (end: Int, invalid: Bool)
    {
        var i = from
        while i < to {
            // ASCII fast path, eight bytes at a time.
            while i + 8 <= to {
                let w = UnsafeRawPointer(p.baseAddress! + i).loadUnaligned(as: UInt64.self)
                if w & 0x8080_8080_8080_8080 != 0 { break }
                i += 8
            }
            if i >= to { break }
            let b0 = p[i]
            if b0 < 0x80 { i += 1; continue }
            let need: Int
            var lo: UInt8 = 0x80, hi: UInt8 = 0xBF
            switch b0 {
            case 0xC2...0xDF: need = 1
            case 0xE0: need = 2; lo = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: need = 2
            case 0xED: need = 2; hi = 0x9F
            case 0xF0: need = 3; lo = 0x90
            case 0xF1...0xF3: need = 3
            case 0xF4: need = 3; hi = 0x8F
            default: return (i, true)
            }
            for k in 1...need {
                if i + k >= to { return atEnd ? (i, true) : (i, false) }
                let b = p[i + k]
                if k == 1 { if b < lo || b > hi { return (i, true) } } else if b & 0xC0 != 0x80 { return (i, true) }
            }
            i += need + 1
        }
        return (i, false)
    }

    /// Decodes one scalar of already validated UTF-8 at `i`; returns the scalar and its length.
    @inlinable public static func decodeScalar(_ p: UnsafeBufferPointer<UInt8>, _ i: Int) -> (UInt32, Int) {
        let b0 = UInt32(p[i])
        if b0 < 0x80 { return (b0, 1) }
        if b0 < 0xE0, i + 1 < p.count { return (((b0 & 0x1F) << 6) | (UInt32(p[i + 1]) & 0x3F), 2) }
        if b0 < 0xF0, i + 2 < p.count {
            return (((b0 & 0x0F) << 12) | ((UInt32(p[i + 1]) & 0x3F) << 6) | (UInt32(p[i + 2]) & 0x3F), 3)
        }
        if i + 3 < p.count {
            return (((b0 & 0x07) << 18) | ((UInt32(p[i + 1]) & 0x3F) << 12) | ((UInt32(p[i + 2]) & 0x3F) << 6)
                | (UInt32(p[i + 3]) & 0x3F), 4)
        }
        return (0xFFFD, 1)
    }

    /// Appends the UTF-8 encoding of a scalar value (assumed valid).
    @inlinable public static func appendUTF8(_ v: UInt32, to out: inout [UInt8]) {
        if v < 0x80 {
            out.append(UInt8(v))
        } else if v < 0x800 {
            out.append(UInt8(0xC0 | (v >> 6))); out.append(UInt8(0x80 | (v & 0x3F)))
        } else if v < 0x10000 {
            out.append(UInt8(0xE0 | (v >> 12))); out.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
            out.append(UInt8(0x80 | (v & 0x3F)))
        } else {
            out.append(UInt8(0xF0 | (v >> 18))); out.append(UInt8(0x80 | ((v >> 12) & 0x3F)))
            out.append(UInt8(0x80 | ((v >> 6) & 0x3F))); out.append(UInt8(0x80 | (v & 0x3F)))
        }
    }

    /// Value of an ASCII hex digit, or nil.
    @inlinable public static func hexValue(_ b: UInt8) -> UInt32? {
        switch b {
        case 0x30...0x39: return UInt32(b - 0x30)
        case 0x41...0x46: return UInt32(b - 0x41 + 10)
        case 0x61...0x66: return UInt32(b - 0x61 + 10)
        default: return nil
        }
    }

    /// True for a code point an IRI may not contain even when written as `\u` escape: controls,
    /// space and `<>"{}|^`\`.
    @inlinable public static func isForbiddenInIRI(_ v: UInt32) -> Bool {
        switch v {
        case 0...0x20, 0x22, 0x3C, 0x3E, 0x5C, 0x5E, 0x60, 0x7B, 0x7C, 0x7D: return true
        default: return false
        }
    }

    /// True when the bytes start with `scheme:` (RFC 3986), the N-Triples test for an absolute IRI.
    @inlinable public static func hasScheme(_ p: UnsafeBufferPointer<UInt8>) -> Bool {
        guard p.count > 0 else { return false }
        let f = p[0] | 0x20
        guard f >= 0x61 && f <= 0x7A else { return false }
        var i = 1
        while i < p.count {
            let b = p[i]
            if b == 0x3A { return true }
            let l = b | 0x20
            if (l >= 0x61 && l <= 0x7A) || (b >= 0x30 && b <= 0x39) || b == 0x2B || b == 0x2D || b == 0x2E { i += 1; continue }
            return false
        }
        return false
    }

    public static func hasScheme(_ bytes: [UInt8]) -> Bool { bytes.withUnsafeBufferPointer { hasScheme($0) } }

    /// LANGTAG of the Turtle / N-Triples grammars (without `@`): `[a-zA-Z]+ ('-' [a-zA-Z0-9]+)*`.
    /// Writers check it so that a tag from a lenient source never produces unparseable output.
    public static func isValidLanguageTag(_ tag: String) -> Bool {
        var first = true, partLength = 0
        for b in tag.utf8 {
            let letter = (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A
            if b == 0x2D {
                if partLength == 0 { return false }
                first = false; partLength = 0
            } else if letter || (!first && b >= 0x30 && b <= 0x39) {
                partLength += 1
            } else {
                return false
            }
        }
        return partLength > 0
    }
}
