/// RFC 3986 reference parsing and resolution (section 5.2), plus the RFC 3987 character check.
/// Written out by hand because Foundation's URL normalises and percent-encodes, which would change
/// the IRIs an RDF document states.
public enum IRIReference {
    /// The five components of a reference. `nil` means "undefined", which differs from empty.
    public struct Components: Equatable, Sendable {
        public var scheme: String?
        public var authority: String?
        public var path: String
        public var query: String?
        public var fragment: String?

        public var recomposed: String {
            var r = ""
            if let scheme { r += scheme + ":" }
            if let authority { r += "//" + authority }
            r += path
            if let query { r += "?" + query }
            if let fragment { r += "#" + fragment }
            return r
        }
    }

    /// Splits a reference with the regular expression of RFC 3986 appendix B.
    public static func parse(_ s: String) -> Components {
        var rest = Substring(s)
        var fragment: String?
        if let h = rest.firstIndex(of: "#") { fragment = String(rest[rest.index(after: h)...]); rest = rest[..<h] }
        var query: String?
        if let q = rest.firstIndex(of: "?") { query = String(rest[rest.index(after: q)...]); rest = rest[..<q] }
        var scheme: String?
        if let c = rest.firstIndex(where: { $0 == ":" || $0 == "/" }), rest[c] == ":", c != rest.startIndex {
            let candidate = rest[..<c]
            if isScheme(candidate) { scheme = String(candidate); rest = rest[rest.index(after: c)...] }
        }
        var authority: String?
        if rest.hasPrefix("//") {
            let afterSlashes = rest.index(rest.startIndex, offsetBy: 2)
            let end = rest[afterSlashes...].firstIndex(of: "/") ?? rest.endIndex
            authority = String(rest[afterSlashes..<end])
            rest = rest[end...]
        }
        return Components(scheme: scheme, authority: authority, path: String(rest), query: query, fragment: fragment)
    }

    static func isScheme<S: StringProtocol>(_ s: S) -> Bool {
        guard let f = s.unicodeScalars.first, f.isASCIILetter else { return false }
        return s.unicodeScalars.allSatisfy { $0.isASCIILetter || ("0"..."9").contains($0) || $0 == "+" || $0 == "-" || $0 == "." }
    }

    /// True when the string starts with a valid scheme followed by ":".
    public static func hasScheme(_ s: String) -> Bool {
        guard let c = s.firstIndex(of: ":") else { return false }
        return isScheme(s[..<c])
    }

    /// Rejects characters RFC 3987 does not allow anywhere in an IRI: controls, space, `<>"{}|\^`` ` ``,
    /// and malformed percent escapes.
    public static func checkCharacters(_ s: String) throws(IRIError) {
        // Every character IRIs forbid is ASCII, so a scan of the UTF-8 bytes finds them without
        // decoding scalars (this runs for every IRI a reader meets).
        func firstForbidden(_ b: UnsafeBufferPointer<UInt8>) -> Int? {
            var i = 0
            while i < b.count {
                switch b[i] {
                case 0...0x20, 0x7F, 0x22, 0x3C, 0x3E, 0x5C, 0x5E, 0x60, 0x7B, 0x7C, 0x7D:
                    return i
                case 0x25:
                    guard i + 2 < b.count, isHex(b[i + 1]), isHex(b[i + 2]) else { return i }
                    i += 3
                default:
                    i += 1
                }
            }
            return nil
        }
        let found = s.utf8.withContiguousStorageIfAvailable(firstForbidden) ?? Array(s.utf8).withUnsafeBufferPointer(firstForbidden)
        guard let at = found else { return }
        let c = s.utf8[s.utf8.index(s.utf8.startIndex, offsetBy: at)]
        switch c {
        case 0x25: throw IRIError(iri: s, reason: "'%' is not followed by two hexadecimal digits")
        case 0...0x20, 0x7F: throw IRIError(iri: s, reason: "contains a control character or space (U+\(hex(UInt32(c))))")
        default: throw IRIError(iri: s, reason: "contains the character '\(Character(Unicode.Scalar(c)))' that IRIs forbid")
        }
    }

    private static func isHex(_ b: UInt8) -> Bool {
        (0x30...0x39).contains(b) || (0x41...0x46).contains(b) || (0x61...0x66).contains(b)
    }

    static func hex(_ v: UInt32) -> String {
        let h = String(v, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - h.count)) + h
    }

    /// Resolves `reference` against `base` (RFC 3986 §5.2.2, strict). The base must be absolute.
    public static func resolve(_ reference: String, against base: String) -> String {
        let r = parse(reference)
        if r.scheme != nil {
            var t = r
            t.path = removeDotSegments(r.path)
            return t.recomposed
        }
        let b = parse(base)
        var t = Components(scheme: b.scheme, authority: nil, path: "", query: nil, fragment: r.fragment)
        if r.authority != nil {
            t.authority = r.authority
            t.path = removeDotSegments(r.path)
            t.query = r.query
        } else {
            t.authority = b.authority
            if r.path.isEmpty {
                t.path = b.path
                t.query = r.query ?? b.query
            } else {
                if r.path.hasPrefix("/") {
                    t.path = removeDotSegments(r.path)
                } else {
                    t.path = removeDotSegments(merge(base: b, path: r.path))
                }
                t.query = r.query
            }
        }
        return t.recomposed
    }

    static func merge(base: Components, path: String) -> String {
        if base.authority != nil && base.path.isEmpty { return "/" + path }
        if let slash = base.path.lastIndex(of: "/") { return String(base.path[...slash]) + path }
        return path
    }

    /// RFC 3986 §5.2.4.
    public static func removeDotSegments(_ path: String) -> String {
        if !path.contains(".") { return path }
        var input = Substring(path)
        var output: [Substring] = []
        while !input.isEmpty {
            if input.hasPrefix("../") { input = input.dropFirst(3) }
            else if input.hasPrefix("./") { input = input.dropFirst(2) }
            else if input.hasPrefix("/./") { input = input.dropFirst(2) }
            else if input == "/." { input = "/" }
            else if input.hasPrefix("/../") { input = input.dropFirst(3); if !output.isEmpty { output.removeLast() } }
            else if input == "/.." { input = "/"; if !output.isEmpty { output.removeLast() } }
            else if input == "." || input == ".." { input = "" }
            else {
                let start = input.startIndex
                let searchFrom = input.hasPrefix("/") ? input.index(after: start) : start
                let end = input[searchFrom...].firstIndex(of: "/") ?? input.endIndex
                output.append(input[start..<end])
                input = input[end...]
            }
        }
        return output.joined()
    }
}

extension Unicode.Scalar {
    @inlinable var isASCIILetter: Bool { ("a"..."z").contains(self) || ("A"..."Z").contains(self) }
}
