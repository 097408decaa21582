import Foundation

/// Stage 2: tokens → sentences. A sentence ends at ".", "!", "?" or "…" (closing quotes stay with it) when the next
/// token starts a new sentence; paragraphs (lines) are split before this stage, so a sentence never spans a newline.
public enum SentenceSplitter {
    public static func split(_ tokens: [Token], in range: Range<Int>) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var start = range.lowerBound
        var i = range.lowerBound
        while i < range.upperBound {
            let t = tokens[i]
            if i - start >= 250 { out.append(start..<i); start = i }   // bound sentence length: no quadratic work downstream
            if t.kind == .punct, t.lower == "." || t.lower == "!" || t.lower == "?" || t.lower == "\u{2026}" {
                var j = i + 1
                while j < range.upperBound, tokens[j].kind == .punct, isClosing(tokens[j].lower) { j += 1 }
                if j >= range.upperBound || tokens[j].isCapitalized || isOpening(tokens[j].lower) || tokens[j].kind == .number {
                    out.append(start..<j); start = j; i = j; continue
                }
            }
            i += 1
        }
        if start < range.upperBound { out.append(start..<range.upperBound) }
        return out
    }
    static func isClosing(_ s: String) -> Bool { s == "\u{201D}" || s == "\"" || s == "'" || s == ")" || s == "]" }
    static func isOpening(_ s: String) -> Bool { s == "\u{201C}" || s == "\"" || s == "(" || s == "'" }
}

/// Noise stage: recognises boilerplate lines ("Subscribe", "Join the discussion") and the start of a reader-comment
/// section, after which nothing is article text. Driven by `boilerplate.tsv`.
public enum NoiseFilter {
    public enum LineKind: Sendable, Equatable { case text, boilerplate, commentsStart }
    public static func classify(_ line: String, kb: KnowledgeBase) -> LineKind {
        var l = line
        return l.withUTF8 { classify(bytes: $0, range: 0..<$0.count, kb: kb) }
    }

    /// Works on the line's bytes: no Foundation trimming in the per-line hot path.
    public static func classify(bytes b: UnsafeBufferPointer<UInt8>, range: Range<Int>, kb: KnowledgeBase) -> LineKind {
        var s = range.lowerBound, e = range.upperBound
        while s < e, b[s] == 0x20 || b[s] == 0x09 || b[s] == 0x0D { s += 1 }
        while e > s, b[e - 1] == 0x20 || b[e - 1] == 0x09 || b[e - 1] == 0x0D { e -= 1 }
        if s == e { return .boilerplate }
        var count = 0
        for k in s..<e where b[k] & 0xC0 != 0x80 { count += 1; if count > 121 { break } }
        if count > 121 && !(e - s >= 9 && asciiLower(UnsafeBufferPointer(rebasing: b[s..<(s + 9)])) == "subscribe") { return .text }
        let lower = asciiLower(UnsafeBufferPointer(rebasing: b[s..<min(e, s + 60)]))
        for (prefix, comments) in kb.boilerplate where lower.hasPrefix(prefix) {
            if comments { if count <= 80 { return .commentsStart } }
            else if count <= 120 || prefix == "subscribe" { return .boilerplate }
        }
        return .text
    }
}
