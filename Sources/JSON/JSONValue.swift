/// A JSON value as JSON-LD needs it: object members keep their document order (so output is
/// stable and diffable), and numbers keep their lexical form (so `1.0` and `1` survive a round
/// trip and JSON-LD can still tell an integer from a double).
public enum JSONValue: Hashable, Sendable {
    case null
    case bool(Bool)
    case number(JSONNumber)
    case string(String)
    case array([JSONValue])
    case object(JSONObject)

    public static func int(_ i: Int) -> JSONValue { .number(JSONNumber(i)) }
    public static func double(_ d: Double) -> JSONValue { .number(JSONNumber(d)) }

    public var isNull: Bool { if case .null = self { return true }; return false }
    public var stringValue: String? { if case let .string(s) = self { return s }; return nil }
    public var boolValue: Bool? { if case let .bool(b) = self { return b }; return nil }
    public var numberValue: JSONNumber? { if case let .number(n) = self { return n }; return nil }
    public var arrayValue: [JSONValue]? { if case let .array(a) = self { return a }; return nil }
    public var objectValue: JSONObject? { if case let .object(o) = self { return o }; return nil }
    public var isString: Bool { stringValue != nil }
    public var isArray: Bool { arrayValue != nil }
    public var isObject: Bool { objectValue != nil }
    /// Strings, numbers, booleans (JSON-LD's "scalars"; null is not one).
    public var isScalar: Bool {
        switch self { case .string, .number, .bool: return true; default: return false }
    }

    /// Member look-up on objects; nil for any other value or a missing key.
    public subscript(key: String) -> JSONValue? { objectValue?[key] }

    /// The value itself when it is an array, otherwise a one-element array.
    public var asArray: [JSONValue] { if case let .array(a) = self { return a }; return [self] }
}

/// A JSON number: its text as written plus its value. Two numbers are equal when their values
/// are (JSON has one number type), so `1` equals `1.0`; writers emit `lexical`, so the document's
/// spelling is kept.
public struct JSONNumber: Hashable, Sendable, CustomStringConvertible {
    /// The number as it appeared in the document, or a canonical spelling for computed numbers.
    public let lexical: String
    public let value: Double
    /// True when the lexical form had neither a fraction nor an exponent.
    public let isIntegerLiteral: Bool

    public init(_ i: Int) { lexical = String(i); value = Double(i); isIntegerLiteral = true }
    public init(_ d: Double) { lexical = JSONNumber.canonical(d); value = d; isIntegerLiteral = false }
    /// A number from its lexical form; nil when the text is not a JSON number.
    public init?(lexical: String) {
        guard let d = Double(lexical), d.isFinite else { return nil }
        self.lexical = lexical
        self.value = d
        self.isIntegerLiteral = !lexical.utf8.contains(where: { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") })
    }

    /// True when the value has no fractional part (JSON-LD treats `5.0` as the integer 5).
    public var hasIntegralValue: Bool { value.rounded(.towardZero) == value }

    /// The value as an Int when it is integral and in range.
    public var intValue: Int? {
        if isIntegerLiteral, let i = Int(lexical) { return i }
        guard hasIntegralValue, abs(value) < 9.2e18 else { return nil }
        return Int(value)
    }

    public static func == (a: JSONNumber, b: JSONNumber) -> Bool { a.value == b.value }
    public func hash(into hasher: inout Hasher) { hasher.combine(value) }
    public var description: String { lexical }

    /// ECMAScript's Number-to-String (ECMA-262 §7.1.12.1), which JCS (RFC 8785) requires:
    /// integers below 1e21 without a fraction, otherwise the shortest round-tripping digits.
    public static func canonical(_ d: Double) -> String {
        if d == 0 { return "0" }
        if !d.isFinite { return "null" }
        if d < 0 { return "-" + canonical(-d) }
        // Shortest digits and exponent from Swift's shortest round-trip description.
        let (digits, exponent) = shortestDigits(d)  // value = 0.digits × 10^exponent
        let k = digits.count, n = exponent
        if k <= n && n <= 21 { return digits + String(repeating: "0", count: n - k) }
        if 0 < n && n <= 21 {
            let i = digits.index(digits.startIndex, offsetBy: n)
            return digits[..<i] + "." + digits[i...]
        }
        if -6 < n && n <= 0 { return "0." + String(repeating: "0", count: -n) + digits }
        let e = n - 1
        let sign = e < 0 ? "-" : "+"
        if k == 1 { return digits + "e" + sign + String(abs(e)) }
        let first = digits.prefix(1), rest = digits.dropFirst()
        return first + "." + rest + "e" + sign + String(abs(e))
    }

    /// Decimal digits (no leading/trailing zeros) and exponent n with value = 0.d1d2… × 10^n.
    public static func shortestDigits(_ d: Double) -> (String, Int) {
        let s = "\(d)"  // Swift prints the shortest round-tripping representation.
        var mantissa = s
        var exp = 0
        if let e = s.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            mantissa = String(s[..<e])
            exp = Int(s[s.index(after: e)...]) ?? 0
        }
        var intPart = mantissa, frac = ""
        if let dot = mantissa.firstIndex(of: ".") {
            intPart = String(mantissa[..<dot]); frac = String(mantissa[mantissa.index(after: dot)...])
        }
        var all = intPart + frac
        var n = intPart.count + exp
        while all.hasPrefix("0") { all.removeFirst(); n -= 1 }
        while all.hasSuffix("0") { all.removeLast() }
        if all.isEmpty { return ("0", 1) }
        return (all, n)
    }
}

/// A JSON object whose members keep insertion order. Look-ups go through a hash index, so the
/// 3,000-term schema.org context costs no more to query than a small one.
public struct JSONObject: Hashable, Sendable, Sequence {
    public private(set) var keys: [String] = []
    public private(set) var values: [JSONValue] = []
    /// Built only for objects with many members; small objects (most of them) search linearly,
    /// which costs less than hashing and saves an allocation per object.
    private var index: [String: Int]? = nil
    private static let indexThreshold = 12

    public init() {}
    public init(_ pairs: [(String, JSONValue)]) {
        for (k, v) in pairs { self[k] = v }
    }

    public var count: Int { keys.count }
    public var isEmpty: Bool { keys.isEmpty }

    @inline(__always) private func position(_ key: String) -> Int? {
        if let index { return index[key] }
        return keys.firstIndex(of: key)
    }

    public func contains(_ key: String) -> Bool { position(key) != nil }

    /// Reading returns the member; assigning replaces it in place or appends it; assigning nil removes it.
    public subscript(key: String) -> JSONValue? {
        get { position(key).map { values[$0] } }
        set {
            if let i = position(key) {
                if let newValue { values[i] = newValue } else { remove(at: i) }
            } else if let newValue {
                if index != nil { index?[key] = keys.count }
                keys.append(key)
                values.append(newValue)
                if index == nil && keys.count > JSONObject.indexThreshold {
                    var ix: [String: Int] = [:]
                    ix.reserveCapacity(keys.count * 2)
                    for (i, k) in keys.enumerated() { ix[k] = i }
                    index = ix
                }
            }
        }
    }

    private mutating func remove(at i: Int) {
        keys.remove(at: i)
        values.remove(at: i)
        if index != nil {
            var ix: [String: Int] = [:]
            for (j, k) in keys.enumerated() { ix[k] = j }
            index = keys.count > JSONObject.indexThreshold ? ix : nil
        }
    }

    @discardableResult public mutating func removeValue(forKey key: String) -> JSONValue? {
        guard let i = position(key) else { return nil }
        let v = values[i]
        remove(at: i)
        return v
    }

    /// Keys in code-point order (what JSON-LD's "ordered" option and deterministic output use).
    public var sortedKeys: [String] { keys.sorted() }

    public func makeIterator() -> AnyIterator<(key: String, value: JSONValue)> {
        var i = 0
        return AnyIterator {
            guard i < keys.count else { return nil }
            defer { i += 1 }
            return (keys[i], values[i])
        }
    }

    /// Members compare without regard to order, as JSON defines objects.
    public static func == (a: JSONObject, b: JSONObject) -> Bool {
        guard a.count == b.count else { return false }
        for (k, v) in zip(a.keys, a.values) where b[k] != v { return false }
        return true
    }

    /// Order-independent, like ==: the pairs' hashes are combined with a commutative sum.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(count)
        var sum = 0
        for i in keys.indices {
            var h = Hasher()
            h.combine(keys[i])
            h.combine(values[i])
            sum = sum &+ h.finalize()
        }
        hasher.combine(sum)
    }
}

extension JSONObject: ExpressibleByDictionaryLiteral {
    public init(dictionaryLiteral elements: (String, JSONValue)...) { self.init(elements) }
}

extension JSONValue: ExpressibleByStringLiteral, ExpressibleByBooleanLiteral, ExpressibleByNilLiteral,
    ExpressibleByIntegerLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral
{
    public init(stringLiteral value: String) { self = .string(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(nilLiteral: ()) { self = .null }
    public init(integerLiteral value: Int) { self = .int(value) }
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    public init(dictionaryLiteral elements: (String, JSONValue)...) { self = .object(JSONObject(elements)) }
}
