/// A word, number or punctuation mark, located by UTF-8 byte offsets in the document.
public struct Token: Sendable, Hashable {
    public enum Kind: Sendable, Hashable { case word, number, punct, possessive }
    public var start: Int
    public var end: Int
    public var kind: Kind
    /// Folded lower-case form (diacritics removed, ’ → '): the key for every lexicon lookup.
    public var lower: String
    public var isCapitalized: Bool
    public var isAllCaps: Bool
}

/// Stage 1: bytes → tokens. Hand-written over UTF-8 (no regexes): possessive "’s" is split off, initials and
/// listed abbreviations keep their period ("J.", "U.S.", "Nov."), hyphenated words stay whole ("president-elect").
/// Arabic articles joined to a name by a hyphen ("al-", "el-", "ez-").
let MentionFinderArticles: Set<String> = ["al", "el", "ad", "ar", "as", "ash", "at", "az", "ez", "ed", "an", "ibn", "bin", "abu"]

public enum Tokenizer {
    public static func tokenize(_ text: String, abbreviations: Set<String> = []) -> [Token] {
        var out: [Token] = []
        var s = text
        s.withUTF8 { buf in tokenize(bytes: buf, range: 0..<buf.count, abbreviations: abbreviations, into: &out) }
        return out
    }

    @inline(__always) static func decode(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> (Unicode.Scalar, Int) {
        let c0 = b[i]
        if c0 < 0x80 { return (Unicode.Scalar(c0), 1) }
        var len = 1, v: UInt32 = 0
        if c0 & 0xE0 == 0xC0 { len = 2; v = UInt32(c0 & 0x1F) }
        else if c0 & 0xF0 == 0xE0 { len = 3; v = UInt32(c0 & 0x0F) }
        else if c0 & 0xF8 == 0xF0 { len = 4; v = UInt32(c0 & 0x07) }
        else { return ("\u{FFFD}", 1) }
        guard i + len <= b.count else { return ("\u{FFFD}", 1) }
        for k in 1..<len { v = (v << 6) | UInt32(b[i + k] & 0x3F) }
        return (Unicode.Scalar(v) ?? "\u{FFFD}", len)
    }

    @inline(__always) static func isLetter(_ u: Unicode.Scalar) -> Bool {
        if u.value < 0x80 { let c = u.value; return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) }
        return u.properties.isAlphabetic
    }
    @inline(__always) static func isDigit(_ u: Unicode.Scalar) -> Bool { u.value >= 48 && u.value <= 57 }
    @inline(__always) static func isApostrophe(_ u: Unicode.Scalar) -> Bool { u == "'" || u == "\u{2019}" || u == "\u{02BC}" }

    public static func tokenize(bytes b: UnsafeBufferPointer<UInt8>, range: Range<Int>, abbreviations: Set<String>, into out: inout [Token]) {
        var i = range.lowerBound
        let n = range.upperBound
        func scalar(_ j: Int) -> Unicode.Scalar? { j < n ? decode(b, j).0 : nil }
        while i < n {
            let (u, len) = decode(b, i)
            if u == " " || u == "\n" || u == "\t" || u == "\r" || (u.value >= 0x80 && u.properties.isWhitespace) { i += len; continue }
            let start = i
            if isLetter(u) || isDigit(u) {
                let numeric = isDigit(u)
                var j = i + len
                var dotted = false, hyphenated = false
                var letters = 1
                while j < n {
                    let (v, l) = decode(b, j)
                    if isLetter(v) || isDigit(v) { j += l; letters += 1; continue }
                    if v == "-", let w = scalar(j + 1), (w.properties.isLowercase || isDigit(w)) { j += 1; hyphenated = true; continue }
                    // "Al-Fashir", "al-Maliki", "Deir ez-Zor": an Arabic article stays with the name it prefixes
                    if v == "-", j - start <= 3, let w = scalar(j + 1), w.properties.isUppercase,
                       MentionFinderArticles.contains(asciiLower(UnsafeBufferPointer(rebasing: b[start..<j]))) { j += 1; continue }
                    // "Mar-a-Lago": a capital after a lower-case inner segment stays in the word
                    if v == "-", hyphenated, b[j - 1] >= 0x61, b[j - 1] <= 0x7A, let w = scalar(j + 1), w.properties.isUppercase { j += 1; continue }
                    if isApostrophe(v), let w = scalar(j + l), isLetter(w) {
                        let after = scalar(j + l + 1)
                        if (w == "s" || w == "S") && (after == nil || !isLetter(after!)) { break }
                        j += l; continue
                    }
                    if numeric, v == "," || v == ".", let w = scalar(j + 1), isDigit(w) { j += 1; continue }
                    if v == "." && !numeric {
                        // initials and dotted acronyms: "J.", "U.S."
                        if letters == 1 || dotted {
                            j += 1; dotted = true; letters = 0
                            if let w = scalar(j), isLetter(w), let w2 = scalar(j + 1), w2 == "." { continue }
                            break
                        }
                        let word = String(decoding: UnsafeBufferPointer(rebasing: b[start..<j]), as: UTF8.self).lowercased()
                        if abbreviations.contains(word) { j += 1 }
                        break
                    }
                    break
                }
                let slice = UnsafeBufferPointer(rebasing: b[start..<j])
                var cap = false, allCaps = true, anyLetter = false, ascii = true
                for c in slice where c >= 0x80 { ascii = false; break }
                let lower: String
                if ascii {
                    // fast path: ASCII case from the bytes themselves
                    for c in slice where (c >= 65 && c <= 90) || (c >= 97 && c <= 122) {
                        let upper = c <= 90
                        if !anyLetter { cap = upper }
                        anyLetter = true
                        if !upper { allCaps = false }
                    }
                    lower = asciiLower(slice)
                } else {
                    let text = String(decoding: slice, as: UTF8.self)
                    for ch in text.unicodeScalars where isLetter(ch) {
                        if !anyLetter { cap = ch.properties.isUppercase }
                        anyLetter = true
                        if !ch.properties.isUppercase { allCaps = false }
                    }
                    lower = fold(text)
                }
                out.append(Token(start: start, end: j, kind: numeric ? .number : .word, lower: lower,
                                 isCapitalized: cap, isAllCaps: anyLetter && allCaps))
                i = j
                continue
            }
            if isApostrophe(u), let w = scalar(i + len), w == "s" || w == "S", (scalar(i + len + 1).map { !isLetter($0) } ?? true) {
                out.append(Token(start: i, end: i + len + 1, kind: .possessive, lower: "'s", isCapitalized: false, isAllCaps: false))
                i += len + 1
                continue
            }
            let text = len == 1 ? String(UnicodeScalar(b[i])) : fold(String(decoding: UnsafeBufferPointer(rebasing: b[i..<(i + len)]), as: UTF8.self))
            out.append(Token(start: i, end: i + len, kind: .punct, lower: text, isCapitalized: false, isAllCaps: false))
            i += len
        }
    }
}
