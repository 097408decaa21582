/// Escaping for the three kinds of DOT strings the writer produces. Graphviz reads a quoted
/// string in two stages (the lexer undoes only `\"` and line continuations; labels then interpret
/// `\n`, `\l`, `\N`… and HTML entities), and HTML labels are XML, so each kind has its own rule.
public enum DOTEscaping {
    /// A quoted DOT ID for a node name. Only the lexer reads it, so only `"` and `\` need care (a
    /// doubled backslash also keeps a trailing `\` from escaping the closing quote).
    public static func quotedID(_ s: String) -> String {
        var needs = false
        for b in s.utf8 where b == 0x22 || b == 0x5C { needs = true; break }
        if !needs { return "\"" + s + "\"" }
        var out = "\""
        out.reserveCapacity(s.utf8.count + 4)
        for c in s.unicodeScalars {
            if c == "\"" || c == "\\" { out.unicodeScalars.append("\\") }
            out.unicodeScalars.append(c)
        }
        return out + "\""
    }

    /// A quoted escString (edge labels, tooltips, cluster labels): the text appears exactly as
    /// given. Newlines become `\n` line breaks, `&` becomes `&amp;` (Graphviz decodes entities in
    /// labels), control characters are dropped.
    public static func quotedText(_ s: String) -> String {
        var needs = false
        for b in s.utf8 where b < 0x20 || b == 0x22 || b == 0x5C || b == 0x26 || b == 0x7F || b >= 0xC2 { needs = true; break }
        if !needs { return "\"" + s + "\"" }
        var out = "\""
        out.reserveCapacity(s.utf8.count + 8)
        for c in s.unicodeScalars {
            switch c {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "&": out += "&amp;"
            case "\n": out += "\\n"
            case "\t": out += " "
            default:
                if isDropped(c) { continue }
                out.unicodeScalars.append(c)
            }
        }
        return out + "\""
    }

    /// Text inside an HTML-like label (`<…>`): XML character escaping, newlines as `<BR/>`, and
    /// backslashes doubled, because Graphviz still expands `\N`, `\G`… inside HTML text (even
    /// when written as `&#92;N`), while `\\` comes out as one backslash.
    public static func html(_ s: String) -> String {
        var needs = false
        for b in s.utf8 where b < 0x20 || b == 0x22 || b == 0x26 || b == 0x3C || b == 0x3E || b == 0x5C || b == 0x7F || b >= 0xC2 {
            needs = true; break
        }
        if !needs { return s }
        var out = ""
        out.reserveCapacity(s.utf8.count + 8)
        for c in s.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\\": out += "\\\\"
            case "\n": out += "<BR/>"
            case "\t": out += " "
            default:
                if isDropped(c) { continue }
                out.unicodeScalars.append(c)
            }
        }
        return out
    }

    /// Characters XML (and so Graphviz's SVG output and HTML labels) cannot carry: C0/C1
    /// controls and the noncharacters U+FFFE/U+FFFF.
    static func isDropped(_ c: Unicode.Scalar) -> Bool {
        let v = c.value
        return v < 0x20 || (v >= 0x7F && v <= 0x9F) || v == 0xFFFE || v == 0xFFFF
    }

    /// Splits `text` into lines of at most `width` characters at spaces; longer words are cut.
    /// Existing line breaks are kept.
    public static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [text] }
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            var lineCount = 0
            for word in paragraph.split(separator: " ", omittingEmptySubsequences: true) {
                var w = Substring(word)
                let wc = w.count
                if lineCount > 0 && lineCount + 1 + wc <= width {
                    line += " "; line += w; lineCount += 1 + wc
                    continue
                }
                if lineCount > 0 { lines.append(line); line = ""; lineCount = 0 }
                while w.count > width {
                    lines.append(String(w.prefix(width)))
                    w = w.dropFirst(width)
                }
                line = String(w); lineCount = w.count
            }
            lines.append(line)
        }
        return lines
    }
}
