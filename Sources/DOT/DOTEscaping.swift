import RDF

/// Escaping for the three kinds of DOT strings the writer produces. Graphviz reads a quoted
/// string in two stages (the lexer undoes only `\"` and line continuations; labels then interpret
/// `\n`, `\l`, `\N`… and HTML entities), and HTML labels are XML, so each kind has its own rule.
public enum DOTEscaping {
    /// A quoted DOT ID for a node name. Only the lexer reads it, so only `"` and `\` need care (a
    /// doubled backslash also keeps a trailing `\` from escaping the closing quote).
    public static func quotedID(_ s: String) -> String { render(s, .id, quoted: true) }

    /// A quoted escString (edge labels, tooltips, cluster labels): the text appears exactly as
    /// given. Newlines become `\n` line breaks, `&` becomes `&amp;` (Graphviz decodes entities in
    /// labels), control characters are dropped.
    public static func quotedText(_ s: String) -> String { render(s, .text, quoted: true) }

    /// Text inside an HTML-like label (`<…>`): XML character escaping, newlines as `<BR/>`, and
    /// backslashes doubled, because Graphviz still expands `\N`, `\G`… inside HTML text (even
    /// when written as `&#92;N`), while `\\` comes out as one backslash.
    public static func html(_ s: String) -> String { render(s, .html, quoted: false) }

    enum Mode { case id, text, html }

    static func render(_ s: String, _ mode: Mode, quoted: Bool) -> String {
        var out: [UInt8] = []
        if quoted { out.append(0x22) }
        write(s, mode, to: &out)
        if quoted { out.append(0x22) }
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends the escaped UTF-8 of `s` to `out`, copying unescaped runs in one go: the writer
    /// escapes every label and ID of a 100,000-node graph, so this is byte-level on purpose.
    static func write(_ s: String, _ mode: Mode, to out: inout [UInt8]) {
        var s = s
        s.withUTF8 { write(bytes: $0, mode, to: &out) }
    }

    /// Bit `1 << mode` of `special[b]` is set when byte `b` may need escaping in that mode; every
    /// other byte is copied as it is. The scan for the next special byte is the whole cost for
    /// most text, so it is one table look-up per byte.
    private static let special: [UInt8] = (0..<256).map { b -> UInt8 in
        let id: UInt8 = 1 << 0, text: UInt8 = 1 << 1, html: UInt8 = 1 << 2
        switch b {
        case 0x22, 0x5C: return id | text | html
        case 0x00..<0x20, 0x7F, 0x26, 0xC2, 0xEF: return text | html
        case 0x3C, 0x3E: return html
        default: return 0
        }
    }

    private static func bit(_ mode: Mode) -> UInt8 {
        switch mode {
        case .id: 1 << 0
        case .text: 1 << 1
        case .html: 1 << 2
        }
    }

    /// `write` for UTF-8 bytes (the wrapper's lines are never made into Strings).
    static func write(bytes: UnsafeBufferPointer<UInt8>, _ mode: Mode, to out: inout [UInt8]) {
        let modeBit = bit(mode)
        special.withUnsafeBufferPointer { special in
            var run = 0
            var i = 0
            let n = bytes.count
            @inline(__always) func flush(_ end: Int) {
                if end > run { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<end])) }
            }
            while i < n {
                let b = bytes[i]
                if special[Int(b)] & modeBit == 0 {
                    i += 1
                    continue
                }
                var replacement: StaticString?
                var skip = 1
                switch b {
                case 0x22: replacement = mode == .html ? "&quot;" : "\\\""
                case 0x5C: replacement = "\\\\"
                case 0x26 where mode != .id: replacement = "&amp;"
                case 0x3C where mode == .html: replacement = "&lt;"
                case 0x3E where mode == .html: replacement = "&gt;"
                case 0x0A where mode != .id: replacement = mode == .html ? "<BR/>" : "\\n"
                case 0x09 where mode != .id: replacement = " "
                case 0x00..<0x20, 0x7F:
                    if mode == .id { i += 1; continue }
                    replacement = ""
                case 0xC2 where i + 1 < n && bytes[i + 1] >= 0x80 && bytes[i + 1] <= 0x9F && mode != .id:
                    replacement = ""; skip = 2  // C1 controls
                case 0xEF where i + 2 < n && bytes[i + 1] == 0xBF && (bytes[i + 2] == 0xBE || bytes[i + 2] == 0xBF) && mode != .id:
                    replacement = ""; skip = 3  // U+FFFE, U+FFFF
                default:
                    i += 1
                    continue
                }
                flush(i)
                if let r = replacement, r.utf8CodeUnitCount > 0 {
                    out.append(contentsOf: UnsafeBufferPointer(start: r.utf8Start, count: r.utf8CodeUnitCount))
                }
                i += skip
                run = i
            }
            flush(n)
        }
    }

    /// Splits `text` into lines of at most `width` characters at spaces; longer words are cut.
    /// Existing line breaks are kept.
    public static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [text] }
        if text.utf8.count <= width && !text.utf8.contains(0x0A) { return [text] }
        if let lines = wrapPrintableASCII(text, width: width) { return lines }
        return wrapCharacters(text, width: width)
    }

    /// `wrap` for printable ASCII text (most names), on bytes: the same lines as
    /// `wrapCharacters`, which a 100,000-node graph would spend most of its label time in.
    /// Returns nil for anything else (control characters, non-ASCII).
    static func wrapPrintableASCII(_ text: String, width: Int) -> [String]? {
        text.utf8.withContiguousStorageIfAvailable { b -> [String]? in
            var lines: [String] = []
            let ascii = forEachPrintableASCIILine(b, width: width) { lines.append(String(decoding: $0, as: UTF8.self)) }
            return ascii ? lines : nil
        } ?? nil
    }

    /// The lines of `wrapPrintableASCII`, handed to `body` as bytes so that the writer can escape
    /// them straight into its buffer. Returns false, having handed nothing, unless `b` is
    /// printable ASCII.
    static func forEachPrintableASCIILine(
        _ b: UnsafeBufferPointer<UInt8>, width: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Void
    ) -> Bool {
        guard b.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) else { return false }
        guard width > 0 else { body(b); return true }  // as `wrap`: no width, one line
        var line: [UInt8] = []
        let n = b.count
        var i = 0
        while i < n {
            while i < n && b[i] == 0x20 { i += 1 }
            if i == n { break }
            var end = i
            while end < n && b[end] != 0x20 { end += 1 }
            if !line.isEmpty && line.count + 1 + (end - i) <= width {
                line.append(0x20); line.append(contentsOf: b[i..<end])
                i = end
                continue
            }
            if !line.isEmpty { line.withUnsafeBufferPointer(body); line.removeAll(keepingCapacity: true) }
            var start = i
            while end - start > width {
                body(UnsafeBufferPointer(rebasing: b[start..<start + width]))
                start += width
            }
            line.append(contentsOf: b[start..<end])
            i = end
        }
        line.withUnsafeBufferPointer(body)
        return true
    }

    /// `wrap` by Characters: any text.
    static func wrapCharacters(_ text: String, width: Int) -> [String] {
        let width = max(1, width)  // a width below one character could never place a word
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
