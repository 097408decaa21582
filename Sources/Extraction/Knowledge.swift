import Foundation

/// A position held by a known person (from heads.tsv): lets "the Russian president" find Putin and dates be inferred.
public struct KBPosition: Sendable, Hashable {
    public var role: String        // head_of_state, head_of_government, foreign_minister, …
    public var title: String       // "President of Russia"
    public var country: String     // country key
    public var start: String
    public var end: String
}

/// One entry of the bundled knowledge: a country, person, organisation or place, with its names and (maybe) a QID.
public struct KBEntity: Sendable, Hashable {
    public var type: EntityType
    public var name: String
    public var qid: String?
    public var aliases: [String]
    public var schemaClass: String?     // organisation/place subclass
    public var country: String?         // country key (areaServed / containedInPlace / nationality hint)
    public var parent: String?
    public var positions: [KBPosition] = []
    public var alpha2: String?
    public var key: String?             // country key
    public var demonyms: [String] = []
    public var description: String?
}

/// Role title lexicon entry.
public struct TitleInfo: Sendable, Hashable {
    public var role: String
    public var kind: String   // gov / org / job
}

/// What a keyword inside a capitalised run says about it: "… Ministry" is a government organisation, "… Governorate"
/// an administrative area, "Mount …" a place.
public struct NameKeyword: Sendable, Hashable {
    public var type: EntityType
    public var schemaClass: String
}

public struct TriggerInfo: Sendable, Hashable {
    public var words: [String]
    public var prefix: Bool
    public var eventClass: String
    public var label: String
    public var needsParty: Bool
}

/// A token-sequence trie: gazetteer and lexicon phrases are matched in one left-to-right pass, without regexes.
public struct PhraseTrie<Value: Sendable>: Sendable {
    private var children: [[String: Int]] = [[:]]
    private var values: [[Value]] = [[]]
    public init() {}
    public mutating func insert(_ words: [String], _ value: Value) {
        var node = 0
        for w in words {
            if let next = children[node][w] { node = next } else {
                children.append([:]); values.append([])
                children[node][w] = children.count - 1
                node = children.count - 1
            }
        }
        values[node].append(value)
    }
    /// All matches starting at `start`, longest first: (length, values).
    public func matches(_ count: Int, start: Int, word: (Int) -> String) -> [(Int, [Value])] {
        var node = 0, i = start, out: [(Int, [Value])] = []
        while i < count, let next = children[node][word(i)] {
            node = next; i += 1
            if !values[node].isEmpty { out.append((i - start, values[node])) }
        }
        return out.reversed()
    }
}

/// A gazetteer hit: which entity, whether it is a demonym, and the case shape the text must have.
public struct GazetteerEntry: Sendable, Hashable {
    public var entity: Int
    public var demonym: Bool
    public var capitalised: [Bool]
    public var allCaps: [Bool]
}

/// All bundled knowledge, loaded once from `Bundle.module` and shared read-only by every document.
public struct KnowledgeBase: Sendable {
    public private(set) var entities: [KBEntity] = []
    public private(set) var gazetteer = PhraseTrie<GazetteerEntry>()
    public private(set) var titles = PhraseTrie<TitleInfo>()
    public private(set) var triggers = PhraseTrie<TriggerInfo>()
    public private(set) var speechVerbs: Set<String> = []
    /// Verbs organisations use as much as people ("announces", "reports"): evidence of a person only for a longer name.
    public private(set) var weakSpeechVerbs: Set<String> = []
    public private(set) var givenNames: Set<String> = []
    public private(set) var abbreviations: Set<String> = []
    public private(set) var stopwords: Set<String> = []
    public private(set) var boilerplate: [(prefix: String, comments: Bool)] = []
    /// Keywords (lower-case words joined by spaces) that end a name ("… Ministry", "… County") or start one ("Mount …").
    public private(set) var lastKeywords: [String: NameKeyword] = [:]
    public private(set) var firstKeywords: [String: NameKeyword] = [:]
    /// Last words of the multi-word keywords ("force" for "air force"): only these make a longer lookup worthwhile.
    public private(set) var multiWordKeywordEnds: Set<String> = []
    /// folded surname (exact) → person entities carrying it (for a lone "Putin").
    public private(set) var surnames: [String: [Int]] = [:]
    /// folded full name with middle initials dropped ("vladimir putin" for "Vladimir V. Putin") → person entity.
    public private(set) var fullNames: [String: Int] = [:]
    public private(set) var countryByKey: [String: Int] = [:]
    public private(set) var orgByName: [String: Int] = [:]

    public enum LoadError: Error, CustomStringConvertible {
        case missing(String)
        public var description: String { switch self { case .missing(let f): "extraction resource missing: \(f)" } }
    }

    /// Loads the module's resources. Throws only when the bundle is broken (a packaging error, not bad input).
    public static func load() throws -> KnowledgeBase {
        guard let dir = ResourceLocator.directory else { throw LoadError.missing("Resources") }
        return try load(resourceDirectory: dir)
    }

    /// Loads the knowledge from a directory holding the files of `Sources/Extraction/Resources` (for tools that
    /// ship or edit the data separately).
    public static func load(resourceDirectory: URL) throws -> KnowledgeBase {
        var kb = KnowledgeBase()
        func read(_ name: String) throws -> [[String]] {
            let url = resourceDirectory.appendingPathComponent(name)
            guard let text = try? String(contentsOf: url, encoding: .utf8) else { throw LoadError.missing(name) }
            return text.split(separator: "\n", omittingEmptySubsequences: true)
                .filter { !$0.hasPrefix("#") }
                .map { $0.split(separator: "\t", omittingEmptySubsequences: false).map { String($0) } }
        }
        func list(_ s: String) -> [String] { s.split(separator: "|").map { String($0).trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty } }
        func col(_ r: [String], _ i: Int) -> String { i < r.count ? r[i].trimmingCharacters(in: .whitespaces) : "" }
        func words(_ file: String) throws -> [String] {
            var out: [String] = []
            for row in try read(file) { for cell in row { for w in cell.split(separator: " ") where !w.isEmpty { out.append(String(w)) } } }
            return out
        }
        kb.abbreviations = Set(try words("abbreviations.txt"))
        kb.stopwords = Set(try words("stopwords.txt"))
        kb.speechVerbs = Set(try words("speech_verbs.txt"))
        kb.weakSpeechVerbs = Set(try words("speech_verbs_weak.txt"))
        kb.speechVerbs.formUnion(kb.weakSpeechVerbs)
        kb.givenNames = Set(try words("given_names.txt").map { fold($0) })
        for r in try read("name_keywords.tsv") {
            guard let type = EntityType(rawValue: col(r, 2)) else { continue }
            let k = NameKeyword(type: type, schemaClass: col(r, 3))
            if col(r, 1) == "first" { kb.firstKeywords[col(r, 0)] = k } else {
                kb.lastKeywords[col(r, 0)] = k
                let ws = col(r, 0).split(separator: " ")
                if ws.count > 1, let l = ws.last { kb.multiWordKeywordEnds.insert(String(l)) }
            }
        }
        for r in try read("boilerplate.tsv") { kb.boilerplate.append((col(r, 0), col(r, 1) == "comments")) }
        for r in try read("titles.tsv") {
            kb.titles.insert(kb.keyWords(col(r, 0)), TitleInfo(role: col(r, 1), kind: col(r, 2)))
        }
        for r in try read("events.tsv") {
            var ws = kb.keyWords(col(r, 0)); var prefix = false
            if let last = ws.last, last.hasSuffix("*") { ws[ws.count - 1] = String(last.dropLast()); prefix = true }
            let t = TriggerInfo(words: ws, prefix: prefix, eventClass: col(r, 1), label: col(r, 2), needsParty: col(r, 3) == "party")
            kb.triggers.insert(ws, t)
        }
        // Countries.
        for r in try read("countries.tsv") {
            var e = KBEntity(type: .country, name: col(r, 1), qid: col(r, 3).isEmpty ? nil : col(r, 3), aliases: list(col(r, 5)))
            e.key = col(r, 0); e.alpha2 = col(r, 2).isEmpty ? nil : col(r, 2); e.demonyms = list(col(r, 6))
            kb.countryByKey[col(r, 0)] = kb.entities.count
            kb.entities.append(e)
            let ci = kb.entities.count - 1
            // capital spellings of one city ("Washington D.C." / "Washington") become one place with aliases
            var caps: [KBEntity] = []
            for cap in list(col(r, 7)) {
                if let k = caps.firstIndex(where: { cap.hasPrefix($0.name + " ") || $0.name.hasPrefix(cap + " ") || $0.aliases.contains { a in cap.hasPrefix(a + " ") } }) {
                    caps[k].aliases.append(cap); continue
                }
                var p = KBEntity(type: .place, name: cap, qid: nil, aliases: [])
                p.schemaClass = "City"; p.country = col(r, 0)
                caps.append(p)
            }
            kb.entities.append(contentsOf: caps)
            _ = ci
        }
        for r in try read("countries_extra.tsv") {
            guard let ci = kb.countryByKey[col(r, 1)] else { continue }
            if col(r, 2) == "demonym" { kb.entities[ci].demonyms.append(col(r, 0)) } else { kb.entities[ci].aliases.append(col(r, 0)) }
        }
        // Places: a curated place with the same name as a capital replaces it (it carries the QID).
        for r in try read("places.tsv") {
            var p = KBEntity(type: .place, name: col(r, 1), qid: col(r, 0).isEmpty ? nil : col(r, 0), aliases: list(col(r, 3)))
            p.schemaClass = col(r, 2).isEmpty ? "Place" : col(r, 2)
            p.country = col(r, 4).isEmpty ? nil : col(r, 4)
            if let i = kb.entities.firstIndex(where: { $0.type == .place && $0.qid == nil && ($0.name == p.name || p.aliases.contains($0.name) || $0.aliases.contains(p.name)) && $0.country == p.country }) {
                p.aliases = Array(Set(p.aliases + [kb.entities[i].name] + kb.entities[i].aliases).subtracting([p.name])).sorted()
                kb.entities[i] = p
            } else { kb.entities.append(p) }
        }
        // Drop capital names that collide with another capital ("Washington" vs a curated alias handled above).
        for r in try read("organizations.tsv") {
            var o = KBEntity(type: .organization, name: col(r, 1), qid: col(r, 0).isEmpty ? nil : col(r, 0), aliases: list(col(r, 3)))
            o.schemaClass = col(r, 2).isEmpty ? "Organization" : col(r, 2)
            o.country = col(r, 4).isEmpty ? nil : col(r, 4)
            o.parent = col(r, 5).isEmpty ? nil : col(r, 5)
            kb.orgByName[o.name] = kb.entities.count
            kb.entities.append(o)
        }
        // People: heads.tsv first, then curated people.tsv (merged on QID, else on name).
        var byQID: [String: Int] = [:]
        for r in try read("heads.tsv") {
            var p = KBEntity(type: .person, name: col(r, 1), qid: col(r, 0).isEmpty ? nil : col(r, 0), aliases: list(col(r, 2)))
            for pos in list(col(r, 3)) {
                let f = pos.split(separator: ";", omittingEmptySubsequences: false).map(String.init)
                guard f.count >= 5 else { continue }
                p.positions.append(KBPosition(role: f[0], title: f[1], country: f[2], start: f[3], end: f[4]))
            }
            if let q = p.qid { byQID[q] = kb.entities.count }
            kb.entities.append(p)
        }
        for r in try read("people.tsv") {
            let q = col(r, 0)
            if !q.isEmpty, let i = byQID[q] {
                var e = kb.entities[i]
                let names = Set(e.aliases + list(col(r, 2)) + [e.name, col(r, 1)])
                e.name = col(r, 1); e.aliases = names.subtracting([e.name]).sorted(); e.description = col(r, 3)
                kb.entities[i] = e
            } else {
                var p = KBEntity(type: .person, name: col(r, 1), qid: q.isEmpty ? nil : q, aliases: list(col(r, 2)))
                p.description = col(r, 3)
                if !q.isEmpty { byQID[q] = kb.entities.count }
                kb.entities.append(p)
            }
        }
        // The first names of the known people widen the given-name evidence for names never seen before
        // ("Abdel", "Faure", "Kaja"): the list spans every country's leaders, not only English names.
        for e in kb.entities where e.type == .person {
            let ws = e.name.split(separator: " ").map(String.init)
            guard ws.count >= 2, let f = ws.first, !isInitial(f), f.count >= 3 else { continue }
            let k = fold(f)
            if kb.titles.matches(1, start: 0, word: { _ in k }).isEmpty, !kb.stopwords.contains(k) { kb.givenNames.insert(k) }
        }
        // Index every name.
        for (i, e) in kb.entities.enumerated() {
            for n in [e.name] + e.aliases { kb.addName(n, entity: i, demonym: false) }
            for d in e.demonyms {
                kb.addName(d, entity: i, demonym: true)
                if let l = d.last, "niy".contains(l) { kb.addName(d + "s", entity: i, demonym: true) }
            }
            if e.type == .person {
                for n in [e.name] + e.aliases {
                    let ws = n.split(separator: " ").map(String.init).filter { !isInitial($0) }
                    guard ws.count >= 2, let last = ws.last else { continue }
                    // exact (folded) surname and full name, initials dropped: linking never guesses spelling variants
                    let sk = fold(last)
                    if !kb.surnames[sk, default: []].contains(i) { kb.surnames[sk, default: []].append(i) }
                    let fk = ws.map { fold($0) }.joined(separator: " ")
                    if kb.fullNames[fk] == nil { kb.fullNames[fk] = i }
                }
            }
        }
        return kb
    }

    mutating func addName(_ name: String, entity: Int, demonym: Bool) {
        var n = name
        if n.hasPrefix("the ") { n.removeFirst(4) }
        let toks = Tokenizer.tokenize(n, abbreviations: abbreviations)
        guard !toks.isEmpty else { return }
        let entry = GazetteerEntry(entity: entity, demonym: demonym,
                                   capitalised: toks.map(\.isCapitalized), allCaps: toks.map { $0.isAllCaps && $0.lower.count > 1 })
        gazetteer.insert(toks.map(\.lower), entry)
    }

    /// Lower-case token keys of a lexicon phrase, produced by the same tokenizer as the text.
    func keyWords(_ phrase: String) -> [String] { Tokenizer.tokenize(phrase, abbreviations: abbreviations).map(\.lower) }
}

/// "J." or "J": a middle initial, ignored when comparing names.
func isInitial(_ w: String) -> Bool {
    let s = w.hasSuffix(".") ? String(w.dropLast()) : w
    return s.count == 1 && (s.first?.isUppercase ?? false)
}

/// Lower-case ASCII folding: diacritics removed, typographic apostrophes unified ("Orbán" → "orban").
public func fold(_ s: String) -> String {
    var ascii = true
    for b in s.utf8 where b >= 0x80 { ascii = false; break }
    if ascii { return asciiLower(s.utf8) }
    var out = ""
    for u in s.decomposedStringWithCanonicalMapping.unicodeScalars {
        if u.properties.generalCategory == .nonspacingMark { continue }
        switch u {
        case "\u{2019}", "\u{2018}", "\u{02BC}": out.append("'")
        case "\u{2013}", "\u{2014}": out.append("-")
        default: out.unicodeScalars.append(u)
        }
    }
    return out.lowercased()
}

/// A surname key tolerant of transliteration variants: Zelensky / Zelenskyy / Zelenskiy → "zelensky".
public func surnameKey(_ s: String) -> String {
    var f = Array(fold(s))
    if f.count > 3 {
        if f.suffix(2) == ["y", "y"] || f.suffix(2) == ["i", "y"] || f.suffix(2) == ["i", "i"] { f.removeLast(2); f.append("y") }
    }
    var out: [Character] = []
    for c in f where out.last != c { out.append(c) }   // collapse doubled letters
    return String(out)
}

/// The consonant skeleton of a surname, for telling spelling variants of one name apart from different names:
/// vowels after the first letter dropped, "c"/"q" read as "k" (except an initial "ch"/"ce"/"ci"), doubled letters
/// collapsed: Katulis / Cutulis → "ktls", Zelensky / Zelenskyy / Zelenskiy → "zlnsk". An OCR slip or a
/// transliteration changes vowels far more often than consonants.
public func surnameSkeleton(_ s: String) -> String {
    let letters = fold(s).utf8.filter { $0 >= 0x61 && $0 <= 0x7A }
    guard let first = letters.first else { return fold(s) }
    @inline(__always) func vowel(_ c: UInt8) -> Bool { c == 0x61 || c == 0x65 || c == 0x69 || c == 0x6F || c == 0x75 || c == 0x79 }
    var out: [UInt8] = []
    out.reserveCapacity(letters.count)
    for n in letters.indices {
        var x = letters[n]
        if n > 0, vowel(x) { continue }
        if x == 0x71 { x = 0x6B }                                   // q → k
        if x == 0x63 {                                              // c → k unless ch / ce / ci / cy
            let next: UInt8 = n + 1 < letters.count ? letters[n + 1] : 0x6B
            if !(next == 0x68 || next == 0x65 || next == 0x69 || next == 0x79) { x = 0x6B }
        }
        if out.last != x { out.append(x) }
    }
    return out.isEmpty ? String(UnicodeScalar(first)) : String(decoding: out, as: UTF8.self)
}

/// MODEL.md slug: lower-case ASCII with diacritics folded, runs of other characters → "-".
public func slug(_ s: String) -> String {
    var out = "", dash = false
    for ch in fold(s).unicodeScalars {
        if (ch >= "a" && ch <= "z") || (ch >= "0" && ch <= "9") {
            if dash && !out.isEmpty { out.append("-") }
            dash = false; out.unicodeScalars.append(ch)
        } else { dash = true }
    }
    return out.isEmpty ? "x" : out
}

/// Lower-cases ASCII bytes without Unicode tables (the hot path: almost every token is ASCII).
@inline(__always) func asciiLower<C: Collection>(_ bytes: C) -> String where C.Element == UInt8 {
    String(unsafeUninitializedCapacity: bytes.count) { out in
        var n = 0
        for var c in bytes { if c >= 65 && c <= 90 { c += 32 }; out[n] = c; n += 1 }
        return n
    }
}
