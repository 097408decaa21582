import RDF

/// Lexical checks and value comparison for the XSD datatypes SHACL data uses. sh:datatype must
/// reject ill-formed literals ("abc"^^xsd:integer), and the range constraints compare values,
/// not strings, so both need to know the lexical spaces.
enum XSD {
    static let ns = Vocab.xsd.ns.iri

    private static let integerTypes: [String: (min: Int?, max: Int?)] = [
        "integer": (nil, nil), "nonNegativeInteger": (0, nil), "positiveInteger": (1, nil),
        "nonPositiveInteger": (nil, 0), "negativeInteger": (nil, -1),
        "long": (Int(Int64.min), Int(Int64.max)), "int": (Int(Int32.min), Int(Int32.max)),
        "short": (Int(Int16.min), Int(Int16.max)), "byte": (Int(Int8.min), Int(Int8.max)),
        "unsignedLong": (0, nil), "unsignedInt": (0, Int(UInt32.max)), "unsignedShort": (0, Int(UInt16.max)),
        "unsignedByte": (0, Int(UInt8.max)),
    ]

    /// Local names of the XSD datatypes, keyed by full IRI: one hash per literal instead of
    /// prefix tests and substring allocations.
    private static let localNames: [String: String] = {
        var m: [String: String] = [:]
        for local in Array(integerTypes.keys) + ["string", "normalizedString", "token", "anyURI", "base64Binary", "hexBinary", "boolean",
                                                 "decimal", "double", "float", "date", "dateTime", "dateTimeStamp", "time", "gYear", "language"] {
            m[ns + local] = local
        }
        return m
    }()

    /// Whether the literal's lexical form is in its datatype's lexical space. Datatypes the
    /// engine does not know are assumed well-formed (SHACL only requires the XSD built-ins).
    static func isWellFormed(_ l: Literal) -> Bool {
        let dt = l.datatype.value
        if dt == Vocab.rdf.langString.value { return l.language.map { !$0.isEmpty } ?? false }
        guard let local = localNames[dt] else { return true }
        let s = l.lexicalForm
        if let range = integerTypes[local] {
            guard isInteger(s) else { return false }
            if local == "unsignedLong" { return isZero(s) || (!s.hasPrefix("-") && UInt64(trimPlus(s)) != nil) }
            if range.min == nil && range.max == nil { return true }
            guard let v = Int(trimPlus(s)) else {
                // Beyond Int: acceptable only for the unbounded kinds with the right sign.
                let negative = s.hasPrefix("-") && !isZero(String(s.dropFirst()))
                if local == "nonNegativeInteger" || local == "positiveInteger" { return !negative }
                if local == "nonPositiveInteger" || local == "negativeInteger" { return negative }
                return false
            }
            if let lo = range.min, v < lo { return false }
            if let hi = range.max, v > hi { return false }
            return true
        }
        switch local {
        case "string", "normalizedString", "token", "anyURI", "base64Binary":
            return true
        case "hexBinary": return s.utf8.count % 2 == 0 && s.utf8.allSatisfy(isHex)
        case "boolean": return s == "true" || s == "false" || s == "1" || s == "0"
        case "decimal": return isDecimal(s)
        case "double", "float": return isDouble(s)
        case "date": return parseDate(s) != nil
        case "dateTime": return parseDateTime(s) != nil
        case "dateTimeStamp": return parseDateTime(s)?.tz != nil
        case "time": return parseTime(s) != nil
        case "gYear": return matchesGYear(s)
        case "language": return isLanguageTag(s)
        default: return true
        }
    }

    @inline(__always) private static func isDigit(_ b: UInt8) -> Bool { b >= 48 && b <= 57 }
    @inline(__always) private static func isHex(_ b: UInt8) -> Bool { isDigit(b) || (b >= 65 && b <= 70) || (b >= 97 && b <= 102) }

    private static func trimPlus(_ s: String) -> Substring { s.hasPrefix("+") ? s.dropFirst() : Substring(s) }
    private static func isZero(_ s: String) -> Bool { trimPlus(s).allSatisfy { $0 == "0" } }

    static func isInteger(_ s: String) -> Bool {
        var u = Substring(s).utf8
        if u.first == UInt8(ascii: "+") || u.first == UInt8(ascii: "-") { u = u.dropFirst() }
        return !u.isEmpty && u.allSatisfy(isDigit)
    }

    static func isDecimal(_ s: String) -> Bool {
        var u = Substring(s).utf8
        if u.first == UInt8(ascii: "+") || u.first == UInt8(ascii: "-") { u = u.dropFirst() }
        var digits = 0, dots = 0
        for b in u {
            if isDigit(b) { digits += 1 } else if b == UInt8(ascii: ".") { dots += 1 } else { return false }
        }
        return digits > 0 && dots <= 1
    }

    static func isDouble(_ s: String) -> Bool {
        if s == "INF" || s == "-INF" || s == "+INF" || s == "NaN" { return true }
        var mantissa = Substring(s), exponent: Substring? = nil
        if let e = s.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            mantissa = s[..<e]; exponent = s[s.index(after: e)...]
        }
        guard isDecimal(String(mantissa)) else { return false }
        if let exponent { return isInteger(String(exponent)) }
        return true
    }

    private static func isLanguageTag(_ s: String) -> Bool {
        let parts = s.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, (1...8).contains(first.count), first.allSatisfy({ $0.isASCII && $0.isLetter }) else { return false }
        return parts.dropFirst().allSatisfy { (1...8).contains($0.count) && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } }
    }

    private static func matchesGYear(_ s: String) -> Bool {
        var u = Substring(s)
        if u.first == "-" { u = u.dropFirst() }
        let digits = u.prefix { $0.isASCII && $0.isNumber }
        guard digits.count >= 4 else { return false }
        return parseTimezone(u.dropFirst(digits.count)) != nil
    }

    // MARK: dates

    struct Moment { var seconds: Double; var tz: Int? }

    /// Returns nil unless `s` is empty (no timezone) or a valid timezone; the outer optional is validity.
    private static func parseTimezone(_ s: Substring) -> Int?? {
        if s.isEmpty { return .some(nil) }
        if s == "Z" { return .some(0) }
        let c = Array(s)
        guard c.count == 6, c[0] == "+" || c[0] == "-", c[3] == ":",
              let h = Int(String(c[1...2])), let m = Int(String(c[4...5])), h <= 14, m < 60, h < 14 || m == 0
        else { return nil }
        return .some((c[0] == "-" ? -1 : 1) * (h * 60 + m))
    }

    private static func daysFromCivil(_ y: Int, _ m: Int, _ d: Int) -> Int {
        let y2 = m <= 2 ? y - 1 : y
        let era = (y2 >= 0 ? y2 : y2 - 399) / 400
        let yoe = y2 - era * 400
        let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    private static func daysIn(_ y: Int, _ m: Int) -> Int {
        switch m {
        case 2: return (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Reads `n` ASCII digits at `i`.
    private static func digits(_ b: [UInt8], _ i: Int, _ n: Int) -> Int? {
        guard i + n <= b.count else { return nil }
        var v = 0
        for k in i..<(i + n) {
            guard isDigit(b[k]) else { return nil }
            v = v * 10 + Int(b[k] - 48)
        }
        return v
    }

    /// `-?YYYY-MM-DD` at the start: (year, month, day, index after).
    private static func parseYMD(_ b: [UInt8]) -> (Int, Int, Int, Int)? {
        var i = 0, negative = false
        if b.first == UInt8(ascii: "-") { negative = true; i = 1 }
        var yLen = 0
        while i + yLen < b.count, isDigit(b[i + yLen]) { yLen += 1 }
        guard yLen >= 4, yLen <= 18, !(yLen > 4 && b[i] == 48), let y = digits(b, i, yLen) else { return nil }
        i += yLen
        guard i + 6 <= b.count, b[i] == UInt8(ascii: "-"), b[i + 3] == UInt8(ascii: "-"),
              let m = digits(b, i + 1, 2), let d = digits(b, i + 4, 2), (1...12).contains(m), d >= 1,
              d <= daysIn(negative ? -y : y, m) else { return nil }
        return (negative ? -y : y, m, d, i + 6)
    }

    /// `hh:mm:ss(.s+)?` at `i`: (seconds of day, index after).
    private static func parseHMS(_ b: [UInt8], _ i: Int) -> (Double, Int)? {
        guard i + 8 <= b.count, b[i + 2] == UInt8(ascii: ":"), b[i + 5] == UInt8(ascii: ":"),
              let h = digits(b, i, 2), let m = digits(b, i + 3, 2), let sec = digits(b, i + 6, 2) else { return nil }
        var j = i + 8, frac = 0.0
        if j < b.count, b[j] == UInt8(ascii: ".") {
            var scale = 0.1, n = 0
            j += 1
            while j < b.count, isDigit(b[j]) { frac += Double(b[j] - 48) * scale; scale /= 10; j += 1; n += 1 }
            guard n > 0 else { return nil }
        }
        guard (h < 24 && m < 60 && sec < 60) || (h == 24 && m == 0 && sec == 0 && frac == 0) else { return nil }
        return (Double(h * 3600 + m * 60 + sec) + frac, j)
    }

    private static func timezone(_ b: [UInt8], _ i: Int) -> Int?? {
        parseTimezone(Substring(String(decoding: b[i...], as: UTF8.self)))
    }

    static func parseDate(_ s: String) -> Moment? {
        let b = Array(s.utf8)
        guard let (y, m, d, i) = parseYMD(b), let tz = i == b.count ? .some(nil) : timezone(b, i) else { return nil }
        return Moment(seconds: Double(daysFromCivil(y, m, d)) * 86400 - Double((tz ?? 0) * 60), tz: tz)
    }

    static func parseDateTime(_ s: String) -> Moment? {
        let b = Array(s.utf8)
        guard let (y, m, d, i) = parseYMD(b), i < b.count, b[i] == UInt8(ascii: "T"),
              let (secs, j) = parseHMS(b, i + 1), let tz = j == b.count ? .some(nil) : timezone(b, j) else { return nil }
        return Moment(seconds: Double(daysFromCivil(y, m, d)) * 86400 + secs - Double((tz ?? 0) * 60), tz: tz)
    }

    static func parseTime(_ s: String) -> Moment? {
        let b = Array(s.utf8)
        guard let (secs, j) = parseHMS(b, 0), let tz = j == b.count ? .some(nil) : timezone(b, j) else { return nil }
        return Moment(seconds: secs - Double((tz ?? 0) * 60), tz: tz)
    }

    // MARK: comparison

    enum Value {
        case number(Double)
        case moment(kind: String, Moment)
        case string(String)
        case boolean(Bool)
    }

    static let numericTypes: Set<String> = Set(integerTypes.keys).union(["decimal", "double", "float"])

    /// The value of a literal for ordering, or nil when it has no order SHACL can use.
    static func value(_ l: Literal) -> Value? {
        guard let local = localNames[l.datatype.value], isWellFormed(l) else { return nil }
        let s = l.lexicalForm
        if numericTypes.contains(local) {
            switch s {
            case "INF", "+INF": return .number(.infinity)
            case "-INF": return .number(-.infinity)
            case "NaN": return .number(.nan)
            default: return Double(s.hasPrefix("+") ? String(s.dropFirst()) : s).map(Value.number)
            }
        }
        switch local {
        case "date": return parseDate(s).map { .moment(kind: "date", $0) }
        case "dateTime", "dateTimeStamp": return parseDateTime(s).map { .moment(kind: "dateTime", $0) }
        case "time": return parseTime(s).map { .moment(kind: "time", $0) }
        case "string": return .string(s)
        case "boolean": return .boolean(s == "true" || s == "1")
        default: return nil
        }
    }

    /// -1, 0, 1, or nil when the two values are incomparable (different kinds, NaN, or a
    /// timezone on one side only whose difference XSD leaves indeterminate).
    static func compare(_ a: Literal, _ b: Literal) -> Int? {
        guard let va = value(a), let vb = value(b) else { return nil }
        switch (va, vb) {
        case let (.number(x), .number(y)):
            if x.isNaN || y.isNaN { return nil }
            return x < y ? -1 : (x > y ? 1 : 0)
        case let (.moment(k1, x), .moment(k2, y)):
            guard k1 == k2 else { return nil }
            if (x.tz == nil) != (y.tz == nil) {
                // XSD: compare with ±14h; determinate only when the gap exceeds 14 hours.
                let d = x.seconds - y.seconds
                if abs(d) > 14 * 3600 { return d < 0 ? -1 : 1 }
                return nil
            }
            return x.seconds < y.seconds ? -1 : (x.seconds > y.seconds ? 1 : 0)
        case let (.string(x), .string(y)):
            return x.unicodeScalars.lexicographicallyPrecedes(y.unicodeScalars) ? -1 : (x == y ? 0 : 1)
        case let (.boolean(x), .boolean(y)):
            return x == y ? 0 : (!x ? -1 : 1)
        default: return nil
        }
    }
}
