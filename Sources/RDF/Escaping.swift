/// Canonical N-Triples escaping (RDF 1.1 N-Triples §4 / RDF 1.2 canonical form), shared by every
/// writer that needs a quoted string or an IRI.
public enum NTriplesEscaping {
    /// Escapes a literal's lexical form: `\"`, `\\`, `\n`, `\r`, `\t`, `\b`, `\f`, and `\uXXXX`
    /// for the other controls and U+007F; everything else is written as UTF-8.
    public static func escapeString(_ s: String) -> String {
        var needs = false
        for b in s.utf8 where b < 0x20 || b == 0x22 || b == 0x5C || b == 0x7F { needs = true; break }
        if !needs { return s }
        var out = ""
        out.reserveCapacity(s.utf8.count + 8)
        for c in s.unicodeScalars {
            switch c {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            default:
                if c.value < 0x20 || c.value == 0x7F {
                    out += "\\u" + IRIReference.hex(c.value)
                } else {
                    out.unicodeScalars.append(c)
                }
            }
        }
        return out
    }

    /// Escapes the characters an IRI reference in N-Triples cannot hold literally (`\uXXXX`). Valid
    /// IRIs never need it; it keeps output parseable if an unchecked IRI slipped through.
    public static func escapeIRI(_ s: String) -> String {
        var needs = false
        for b in s.utf8 where b <= 0x20 || b == 0x3C || b == 0x3E || b == 0x22 || b == 0x7B || b == 0x7D || b == 0x7C || b == 0x5E || b == 0x60 || b == 0x5C {
            needs = true; break
        }
        if !needs { return s }
        var out = ""
        for c in s.unicodeScalars {
            switch c.value {
            case 0...0x20, 0x3C, 0x3E, 0x22, 0x7B, 0x7D, 0x7C, 0x5E, 0x60, 0x5C: out += "\\u" + IRIReference.hex(c.value)
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }
}
