import RDF

/// A strict RFC 8259 parser over bytes. Every error carries line and column, because the user
/// fixes JSON in an editor. Nesting is bounded (`maxDepth`), so hostile input ends in an error,
/// never a stack overflow.
///
/// Duplicate keys: RFC 8259 leaves their meaning open and JSON-LD processors disagree on which one
/// wins, so by default a repeated key in one object is an error (`.reject`); `.lastWins` keeps the
/// later value, as JavaScript's `JSON.parse` does.
public struct JSONParser {
    public enum DuplicateKeyPolicy: Sendable { case reject, lastWins }

    public struct Options: Sendable {
        public var maxDepth: Int
        public var duplicateKeys: DuplicateKeyPolicy
        public init(maxDepth: Int = 512, duplicateKeys: DuplicateKeyPolicy = .reject) {
            self.maxDepth = maxDepth; self.duplicateKeys = duplicateKeys
        }
    }

    /// Parses a complete JSON text (one value, surrounded by optional whitespace; a UTF-8 BOM is skipped).
    public static func parse(_ bytes: [UInt8], file: String? = nil, options: Options = Options()) throws(SyntaxError) -> JSONValue {
        var p = JSONParser(bytes: bytes, options: options, file: file)
        return try p.parseDocument()
    }

    public static func parse(_ text: String, file: String? = nil, options: Options = Options()) throws(SyntaxError) -> JSONValue {
        try parse(Array(text.utf8), file: file, options: options)
    }

    let bytes: [UInt8]
    let options: Options
    let file: String?
    var pos = 0
    var line = 1
    var lineStart = 0
    var depth = 0

    init(bytes: [UInt8], options: Options, file: String?) { self.bytes = bytes; self.options = options; self.file = file }

    /// Line and column (in Unicode scalars) of a byte offset on the current line.
    func position(_ offset: Int) -> TextPosition {
        var col = 1
        var i = lineStart
        while i < offset && i < bytes.count {
            if bytes[i] & 0xC0 != 0x80 { col += 1 }
            i += 1
        }
        return TextPosition(line: line, column: col, offset: offset)
    }

    func error(_ message: String, at offset: Int? = nil) -> SyntaxError {
        SyntaxError(message, at: position(offset ?? pos), file: file)
    }

    mutating func parseDocument() throws(SyntaxError) -> JSONValue {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { pos = 3; lineStart = 3 }
        skipWhitespace()
        guard pos < bytes.count else { throw error("empty document: expected a JSON value") }
        let v = try parseValue()
        skipWhitespace()
        if pos < bytes.count { throw error("unexpected \(describe(bytes[pos])) after the JSON value") }
        return v
    }

    mutating func skipWhitespace() {
        while pos < bytes.count {
            switch bytes[pos] {
            case 0x20, 0x09, 0x0D: pos += 1
            case 0x0A: pos += 1; line += 1; lineStart = pos
            default: return
            }
        }
    }

    func describe(_ b: UInt8) -> String {
        if b >= 0x21 && b < 0x7F { return "'\(Character(Unicode.Scalar(b)))'" }
        return "byte 0x" + String(b, radix: 16, uppercase: true)
    }

    mutating func parseValue() throws(SyntaxError) -> JSONValue {
        guard pos < bytes.count else { throw error("unexpected end of input: expected a value") }
        switch bytes[pos] {
        case UInt8(ascii: "{"): return try parseObject()
        case UInt8(ascii: "["): return try parseArray()
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"): try expectWord("true"); return .bool(true)
        case UInt8(ascii: "f"): try expectWord("false"); return .bool(false)
        case UInt8(ascii: "n"): try expectWord("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try parseNumber())
        default: throw error("unexpected \(describe(bytes[pos])): expected a value")
        }
    }

    mutating func expectWord(_ w: StaticString) throws(SyntaxError) {
        let n = w.utf8CodeUnitCount
        let start = pos
        var ok = pos + n <= bytes.count
        if ok {
            w.withUTF8Buffer { buf in
                for i in 0..<n where bytes[start + i] != buf[i] { ok = false; break }
            }
        }
        guard ok else { throw error("invalid literal: expected '\(w)'") }
        pos += n
    }

    mutating func enter() throws(SyntaxError) {
        depth += 1
        if depth > options.maxDepth { throw error("nesting deeper than \(options.maxDepth) levels") }
    }

    mutating func parseObject() throws(SyntaxError) -> JSONValue {
        try enter()
        let open = pos
        pos += 1
        var obj = JSONObject()
        skipWhitespace()
        if pos < bytes.count && bytes[pos] == UInt8(ascii: "}") { pos += 1; depth -= 1; return .object(obj) }
        while true {
            skipWhitespace()
            guard pos < bytes.count else { throw error("unexpected end of input: object opened at \(positionDescription(open)) is not closed") }
            guard bytes[pos] == UInt8(ascii: "\"") else { throw error("unexpected \(describe(bytes[pos])): expected a string key") }
            let keyStart = pos
            let key = try parseString()
            skipWhitespace()
            guard pos < bytes.count, bytes[pos] == UInt8(ascii: ":") else {
                throw error(pos < bytes.count ? "unexpected \(describe(bytes[pos])): expected ':' after key" : "unexpected end of input: expected ':'")
            }
            pos += 1
            skipWhitespace()
            let value = try parseValue()
            if options.duplicateKeys == .reject && obj.contains(key) {
                throw error("duplicate key \"\(key)\" in one object", at: keyStart)
            }
            obj[key] = value
            skipWhitespace()
            guard pos < bytes.count else { throw error("unexpected end of input: object opened at \(positionDescription(open)) is not closed") }
            if bytes[pos] == UInt8(ascii: ",") { pos += 1; continue }
            if bytes[pos] == UInt8(ascii: "}") { pos += 1; break }
            throw error("unexpected \(describe(bytes[pos])): expected ',' or '}'")
        }
        depth -= 1
        return .object(obj)
    }

    func positionDescription(_ offset: Int) -> String {
        // Only used for messages; the opening line may be an earlier one, so count from the start.
        var l = 1, start = 0
        var i = 0
        while i < offset { if bytes[i] == 0x0A { l += 1; start = i + 1 }; i += 1 }
        var col = 1
        i = start
        while i < offset { if bytes[i] & 0xC0 != 0x80 { col += 1 }; i += 1 }
        return "\(l):\(col)"
    }

    mutating func parseArray() throws(SyntaxError) -> JSONValue {
        try enter()
        let open = pos
        pos += 1
        var arr: [JSONValue] = []
        skipWhitespace()
        if pos < bytes.count && bytes[pos] == UInt8(ascii: "]") { pos += 1; depth -= 1; return .array(arr) }
        while true {
            skipWhitespace()
            arr.append(try parseValue())
            skipWhitespace()
            guard pos < bytes.count else { throw error("unexpected end of input: array opened at \(positionDescription(open)) is not closed") }
            if bytes[pos] == UInt8(ascii: ",") { pos += 1; continue }
            if bytes[pos] == UInt8(ascii: "]") { pos += 1; break }
            throw error("unexpected \(describe(bytes[pos])): expected ',' or ']'")
        }
        depth -= 1
        return .array(arr)
    }

    mutating func parseNumber() throws(SyntaxError) -> JSONNumber {
        let start = pos
        if bytes[pos] == UInt8(ascii: "-") { pos += 1 }
        func digits(_ p: inout Int, _ b: [UInt8]) -> Int {
            let s = p
            while p < b.count && b[p] >= 0x30 && b[p] <= 0x39 { p += 1 }
            return p - s
        }
        guard pos < bytes.count, bytes[pos] >= 0x30 && bytes[pos] <= 0x39 else { throw error("invalid number: expected a digit") }
        if bytes[pos] == 0x30 {
            pos += 1
            if pos < bytes.count && bytes[pos] >= 0x30 && bytes[pos] <= 0x39 { throw error("invalid number: leading zero") }
        } else {
            _ = digits(&pos, bytes)
        }
        if pos < bytes.count && bytes[pos] == UInt8(ascii: ".") {
            pos += 1
            if digits(&pos, bytes) == 0 { throw error("invalid number: expected a digit after '.'") }
        }
        if pos < bytes.count && (bytes[pos] == UInt8(ascii: "e") || bytes[pos] == UInt8(ascii: "E")) {
            pos += 1
            if pos < bytes.count && (bytes[pos] == UInt8(ascii: "+") || bytes[pos] == UInt8(ascii: "-")) { pos += 1 }
            if digits(&pos, bytes) == 0 { throw error("invalid number: expected a digit in the exponent") }
        }
        let text = String(decoding: bytes[start..<pos], as: UTF8.self)
        guard let n = JSONNumber(lexical: text) else { throw error("number out of range: \(text)", at: start) }
        return n
    }

    mutating func parseString() throws(SyntaxError) -> String {
        let open = pos
        pos += 1
        let start = pos
        var ascii = true
        // Fast path: no escapes.
        while pos < bytes.count {
            let b = bytes[pos]
            if b == UInt8(ascii: "\"") {
                let slice = bytes[start..<pos]
                if !ascii { try validateUTF8(start, pos) }
                pos += 1
                return String(decoding: slice, as: UTF8.self)
            }
            if b == UInt8(ascii: "\\") { break }
            if b < 0x20 { throw error(b == 0x0A ? "unterminated string (strings cannot span lines)" : "control character \(describe(b)) must be escaped in a string") }
            if b >= 0x80 { ascii = false }
            pos += 1
        }
        // Slow path with escapes.
        var out: [UInt8] = Array(bytes[start..<pos])
        if !ascii { try validateUTF8(start, pos) }
        while true {
            guard pos < bytes.count else { throw error("unterminated string starting at \(positionDescription(open))") }
            let b = bytes[pos]
            if b == UInt8(ascii: "\"") { pos += 1; break }
            if b < 0x20 { throw error(b == 0x0A ? "unterminated string (strings cannot span lines)" : "control character \(describe(b)) must be escaped in a string") }
            if b == UInt8(ascii: "\\") {
                let escStart = pos
                pos += 1
                guard pos < bytes.count else { throw error("unterminated escape") }
                let e = bytes[pos]
                pos += 1
                switch e {
                case UInt8(ascii: "\""): out.append(0x22)
                case UInt8(ascii: "\\"): out.append(0x5C)
                case UInt8(ascii: "/"): out.append(0x2F)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "u"):
                    var cp = try hex4(escStart)
                    if cp >= 0xD800 && cp < 0xDC00 {
                        guard pos + 1 < bytes.count, bytes[pos] == UInt8(ascii: "\\"), bytes[pos + 1] == UInt8(ascii: "u") else {
                            throw error("unpaired surrogate \\u\(String(cp, radix: 16, uppercase: true))", at: escStart)
                        }
                        pos += 2
                        let lo = try hex4(escStart)
                        guard lo >= 0xDC00 && lo < 0xE000 else { throw error("invalid low surrogate", at: escStart) }
                        cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00)
                    } else if cp >= 0xDC00 && cp < 0xE000 {
                        throw error("unpaired surrogate \\u\(String(cp, radix: 16, uppercase: true))", at: escStart)
                    }
                    guard let scalar = Unicode.Scalar(cp) else { throw error("invalid code point", at: escStart) }
                    out.append(contentsOf: Array(String(Character(scalar)).utf8))
                default:
                    throw error("invalid escape '\\\(Character(Unicode.Scalar(e)))'", at: escStart)
                }
                continue
            }
            let runStart = pos
            var runASCII = true
            while pos < bytes.count {
                let c = bytes[pos]
                if c == UInt8(ascii: "\"") || c == UInt8(ascii: "\\") || c < 0x20 { break }
                if c >= 0x80 { runASCII = false }
                pos += 1
            }
            if !runASCII { try validateUTF8(runStart, pos) }
            out.append(contentsOf: bytes[runStart..<pos])
        }
        return String(decoding: out, as: UTF8.self)
    }

    mutating func hex4(_ escStart: Int) throws(SyntaxError) -> UInt32 {
        guard pos + 4 <= bytes.count else { throw error("incomplete \\u escape", at: escStart) }
        var v: UInt32 = 0
        for _ in 0..<4 {
            let c = bytes[pos]
            let d: UInt32
            switch c {
            case 0x30...0x39: d = UInt32(c - 0x30)
            case 0x41...0x46: d = UInt32(c - 0x41 + 10)
            case 0x61...0x66: d = UInt32(c - 0x61 + 10)
            default: throw error("invalid \\u escape: expected four hexadecimal digits", at: escStart)
            }
            v = v << 4 | d
            pos += 1
        }
        return v
    }

    /// Checks well-formed UTF-8 (no overlongs, no surrogates, nothing above U+10FFFF).
    func validateUTF8(_ from: Int, _ to: Int) throws(SyntaxError) {
        var i = from
        while i < to {
            let b = bytes[i]
            if b < 0x80 { i += 1; continue }
            var need = 0
            var min: UInt32 = 0
            var cp: UInt32 = 0
            switch b {
            case 0xC2...0xDF: need = 1; cp = UInt32(b & 0x1F); min = 0x80
            case 0xE0...0xEF: need = 2; cp = UInt32(b & 0x0F); min = 0x800
            case 0xF0...0xF4: need = 3; cp = UInt32(b & 0x07); min = 0x10000
            default: throw error("invalid UTF-8 byte 0x\(String(b, radix: 16, uppercase: true))", at: i)
            }
            if i + need >= to { throw error("truncated UTF-8 sequence", at: i) }
            for k in 1...need {
                let c = bytes[i + k]
                guard c & 0xC0 == 0x80 else { throw error("invalid UTF-8 sequence", at: i) }
                cp = cp << 6 | UInt32(c & 0x3F)
            }
            if cp < min || (cp >= 0xD800 && cp < 0xE000) || cp > 0x10FFFF { throw error("invalid UTF-8 sequence", at: i) }
            i += need + 1
        }
    }
}

extension JSONParser {
    /// Line and column of the value a JSON Pointer (RFC 6901, e.g. `/@graph/3/name`) designates,
    /// so errors found after parsing (JSON-LD's) can still point into the file. Nil when the path
    /// does not exist.
    public static func position(ofPointer pointer: String, in bytes: [UInt8]) -> TextPosition? {
        var p = JSONParser(bytes: bytes, options: .init(maxDepth: 100_000, duplicateKeys: .lastWins), file: nil)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { p.pos = 3; p.lineStart = 3 }
        p.skipWhitespace()
        func unescape(_ t: Substring) -> String {
            var out = "", tilde = false
            for c in t {
                if tilde { out.append(c == "1" ? "/" : c == "0" ? "~" : c); tilde = false }
                else if c == "~" { tilde = true } else { out.append(c) }
            }
            return out
        }
        let tokens = pointer.isEmpty ? [] : pointer.split(separator: "/", omittingEmptySubsequences: false).dropFirst().map(unescape)
        for token in tokens {
            guard p.pos < bytes.count else { return nil }
            if bytes[p.pos] == UInt8(ascii: "{") {
                p.pos += 1
                var found = false
                while !found {
                    p.skipWhitespace()
                    guard p.pos < bytes.count, bytes[p.pos] == UInt8(ascii: "\"") else { return nil }
                    guard let key = try? p.parseString() else { return nil }
                    p.skipWhitespace()
                    guard p.pos < bytes.count, bytes[p.pos] == UInt8(ascii: ":") else { return nil }
                    p.pos += 1
                    p.skipWhitespace()
                    if key == token { found = true; break }
                    guard (try? p.parseValue()) != nil else { return nil }
                    p.skipWhitespace()
                    guard p.pos < bytes.count, bytes[p.pos] == UInt8(ascii: ",") else { return nil }
                    p.pos += 1
                }
            } else if bytes[p.pos] == UInt8(ascii: "["), let index = Int(token) {
                p.pos += 1
                for _ in 0..<index {
                    p.skipWhitespace()
                    guard (try? p.parseValue()) != nil else { return nil }
                    p.skipWhitespace()
                    guard p.pos < bytes.count, bytes[p.pos] == UInt8(ascii: ",") else { return nil }
                    p.pos += 1
                }
                p.skipWhitespace()
            } else {
                return nil
            }
        }
        return p.position(p.pos)
    }
}
