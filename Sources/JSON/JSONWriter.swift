import RDF

/// Deterministic JSON output: members in the order the object holds them, no trailing spaces,
/// `\n` line ends, a final newline left to the caller. The same value always gives the same bytes.
public struct JSONWriter: Sendable {
    public enum Style: Sendable {
        /// No whitespace at all.
        case compact
        /// Two-space indentation, one member or element per line (as `JSON.stringify(v, null, 2)`).
        case pretty
    }

    public var style: Style
    public init(style: Style = .pretty) { self.style = style }

    public func write(_ value: JSONValue, to out: OutputBuffer) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(1 << 12)
        emit(value, indent: 0, into: &bytes, out: out)
        out.append(bytes: bytes)
    }

    /// Appends `value` as it would appear nested `indent` levels deep, so a writer that streams a
    /// large document piece by piece produces the same bytes as writing the whole value at once.
    public func append(_ value: JSONValue, indent: Int, to bytes: inout [UInt8]) {
        emit(value, indent: indent, into: &bytes, out: nil)
    }

    public func string(_ value: JSONValue) -> String {
        var bytes: [UInt8] = []
        emit(value, indent: 0, into: &bytes, out: nil)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// A line break and `indent` levels of two-space indentation (what `.pretty` puts before a member).
    public func newline(_ indent: Int, _ b: inout [UInt8]) {
        b.append(0x0A)
        for _ in 0..<indent { b.append(0x20); b.append(0x20) }
    }

    /// Flushes to `out` every 64 KiB so huge documents do not double in memory.
    func emit(_ v: JSONValue, indent: Int, into b: inout [UInt8], out: OutputBuffer?) {
        if let out, b.count > 1 << 16 { out.append(bytes: b); b.removeAll(keepingCapacity: true) }
        switch v {
        case .null: b.append(contentsOf: "null".utf8)
        case let .bool(x): b.append(contentsOf: (x ? "true" : "false").utf8)
        case let .number(n): b.append(contentsOf: n.lexical.utf8)
        case let .string(s): JSONWriter.appendString(s, to: &b)
        case let .array(a):
            if a.isEmpty { b.append(contentsOf: "[]".utf8); return }
            b.append(UInt8(ascii: "["))
            for (i, e) in a.enumerated() {
                if i > 0 { b.append(UInt8(ascii: ",")) }
                if style == .pretty { newline(indent + 1, &b) }
                emit(e, indent: indent + 1, into: &b, out: out)
            }
            if style == .pretty { newline(indent, &b) }
            b.append(UInt8(ascii: "]"))
        case let .object(o):
            if o.isEmpty { b.append(contentsOf: "{}".utf8); return }
            b.append(UInt8(ascii: "{"))
            var first = true
            for (k, e) in o {
                if !first { b.append(UInt8(ascii: ",")) }
                first = false
                if style == .pretty { newline(indent + 1, &b) }
                JSONWriter.appendString(k, to: &b)
                b.append(UInt8(ascii: ":"))
                if style == .pretty { b.append(0x20) }
                emit(e, indent: indent + 1, into: &b, out: out)
            }
            if style == .pretty { newline(indent, &b) }
            b.append(UInt8(ascii: "}"))
        }
    }

    /// A JSON string literal: escapes `"`, `\` and controls (short forms where JSON has them,
    /// else `\u00xx`), nothing else — the same as JCS and `JSON.stringify`. Runs of bytes that
    /// need no escape are copied whole (most strings are one such run).
    public static func appendString(_ s: String, to b: inout [UInt8]) {
        b.append(UInt8(ascii: "\""))
        var s = s
        s.withUTF8 { utf8 in
            var run = 0
            for (i, c) in utf8.enumerated() where c < 0x20 || c == 0x22 || c == 0x5C {
                if run < i { b.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[run..<i])) }
                appendEscape(c, to: &b)
                run = i + 1
            }
            if run < utf8.count { b.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[run...])) }
        }
        b.append(UInt8(ascii: "\""))
    }

    static func appendEscape(_ c: UInt8, to b: inout [UInt8]) {
        switch c {
        case 0x22: b.append(0x5C); b.append(0x22)
        case 0x5C: b.append(0x5C); b.append(0x5C)
        case 0x08: b.append(0x5C); b.append(UInt8(ascii: "b"))
        case 0x0C: b.append(0x5C); b.append(UInt8(ascii: "f"))
        case 0x0A: b.append(0x5C); b.append(UInt8(ascii: "n"))
        case 0x0D: b.append(0x5C); b.append(UInt8(ascii: "r"))
        case 0x09: b.append(0x5C); b.append(UInt8(ascii: "t"))
        default:
            let hex = Array("0123456789abcdef".utf8)
            b.append(contentsOf: [0x5C, UInt8(ascii: "u"), 0x30, 0x30, hex[Int(c >> 4)], hex[Int(c & 15)]])
        }
    }

    /// The JSON Canonicalization Scheme (RFC 8785): keys sorted by UTF-16 code units, ECMAScript
    /// number formatting, no whitespace. JSON-LD uses it for the lexical form of `rdf:JSON` literals.
    public static func canonical(_ v: JSONValue) -> String {
        var b: [UInt8] = []
        canonical(v, into: &b)
        return String(decoding: b, as: UTF8.self)
    }

    static func canonical(_ v: JSONValue, into b: inout [UInt8]) {
        switch v {
        case .null, .bool, .string: JSONWriter(style: .compact).emit(v, indent: 0, into: &b, out: nil)
        case let .number(n): b.append(contentsOf: JSONNumber.canonical(n.value).utf8)
        case let .array(a):
            b.append(UInt8(ascii: "["))
            for (i, e) in a.enumerated() {
                if i > 0 { b.append(UInt8(ascii: ",")) }
                canonical(e, into: &b)
            }
            b.append(UInt8(ascii: "]"))
        case let .object(o):
            b.append(UInt8(ascii: "{"))
            let keys = o.keys.sorted { $0.utf16.lexicographicallyPrecedes($1.utf16) }
            for (i, k) in keys.enumerated() {
                if i > 0 { b.append(UInt8(ascii: ",")) }
                appendString(k, to: &b)
                b.append(UInt8(ascii: ":"))
                canonical(o[k] ?? .null, into: &b)
            }
            b.append(UInt8(ascii: "}"))
        }
    }
}
