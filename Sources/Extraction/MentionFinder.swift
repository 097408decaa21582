/// A role title found in a sentence ("Kremlin spokesman", "Prime Minister"), by token range.
public struct TitleHit: Sendable, Hashable {
    public var range: Range<Int>
    public var info: TitleInfo
}

/// What a sentence looks like to the later stages: its tokens, mentions (global indices) and titles.
public struct SentenceView {
    public var tokens: [Token]
    public var range: Range<Int>
    public var index: Int
    /// token index → mention index (global) for tokens covered by a mention.
    public var mentionAt: [Int: Int] = [:]
    public var mentionIDs: [Int] = []
    public var titles: [TitleHit] = []
    public var cpStart: [Int]
    public var cpEnd: [Int]
    public var inQuote: [Bool]
}

/// Stage 3: finds mentions. Gazetteer phrases first (longest match, case shape checked: "US" is not "us"), then
/// unseen capitalised names, typed by evidence: a title before them, a speech verb next to them, a known given
/// name, an apposition, or an organisation keyword ("Ministry", "Institute").
public struct MentionFinder: Sendable {
    public let kb: KnowledgeBase
    public init(kb: KnowledgeBase) { self.kb = kb }

    static let orgKeywords: [String: String] = [
        "department": "GovernmentOrganization", "ministry": "GovernmentOrganization", "agency": "GovernmentOrganization",
        "administration": "GovernmentOrganization", "bureau": "GovernmentOrganization", "commission": "GovernmentOrganization",
        "parliament": "GovernmentOrganization", "court": "GovernmentOrganization", "police": "GovernmentOrganization",
        "council": "Organization", "committee": "Organization", "institute": "Organization", "center": "Organization",
        "centre": "Organization", "foundation": "Organization", "association": "Organization", "federation": "Organization",
        "union": "Organization", "organization": "Organization", "organisation": "Organization", "league": "Organization",
        "alliance": "Organization", "fund": "Organization", "forces": "GovernmentOrganization", "army": "GovernmentOrganization",
        "university": "EducationalOrganization", "college": "EducationalOrganization", "school": "EducationalOrganization",
        "academy": "EducationalOrganization", "party": "ng:PoliticalParty",
        "bank": "Corporation", "inc.": "Corporation", "corp.": "Corporation", "company": "Corporation", "group": "Corporation",
        "times": "NewsMediaOrganization", "post": "NewsMediaOrganization", "journal": "NewsMediaOrganization",
        "news": "NewsMediaOrganization", "herald": "NewsMediaOrganization", "tribune": "NewsMediaOrganization",
        "gazette": "NewsMediaOrganization", "telegraph": "NewsMediaOrganization", "guardian": "NewsMediaOrganization",
        "network": "Organization", "service": "Organization", "services": "Organization", "office": "GovernmentOrganization",
        "board": "Organization", "authority": "GovernmentOrganization", "guard": "GovernmentOrganization", "command": "GovernmentOrganization",
        "secretariat": "Organization", "mission": "Organization", "tribunal": "GovernmentOrganization", "airlines": "Corporation",
        "airways": "Corporation", "movement": "Organization", "coalition": "Organization", "front": "Organization",
        "brigade": "Organization", "brigades": "Organization", "militia": "Organization", "navy": "GovernmentOrganization",
        "corporation": "Corporation", "ministry of": "GovernmentOrganization", "programme": "Organization",
    ]
    static let connectors: Set<String> = ["bin", "al", "de", "van", "von", "der", "da", "du", "la", "le", "del", "ibn", "el"]
    static let orgConnectors: Set<String> = ["of", "for", "on", "and"]

    func isTitleStart(_ tokens: [Token], _ i: Int, _ end: Int) -> Bool {
        !kb.titles.matches(end, start: i, word: { tokens[$0].lower }).isEmpty
    }

    /// Finds the mentions and titles of one sentence; mentions are appended to `mentions` (global list).
    public func find(_ view: inout SentenceView, text: UnsafeBufferPointer<UInt8>, mentions: inout [Mention]) {
        let tokens = view.tokens
        let s = view.range.lowerBound, e = view.range.upperBound
        var i = s
        func surface(_ a: Int, _ b: Int) -> String {
            String(decoding: UnsafeBufferPointer(rebasing: text[tokens[a].start..<tokens[b - 1].end]), as: UTF8.self)
        }
        func add(_ a: Int, _ b: Int, type: EntityType?, kb k: Int?) -> Int {
            var words: [String] = []
            for t in a..<b where tokens[t].kind == .word { words.append(surface(t, t + 1)) }
            var m = Mention(begin: view.cpStart[a], end: view.cpEnd[b - 1], text: surface(a, b), type: type, kb: k,
                            sentence: view.index, words: words)
            m.inQuote = view.inQuote[a]
            mentions.append(m)
            let id = mentions.count - 1
            for t in a..<b { view.mentionAt[t] = id }
            view.mentionIDs.append(id)
            return id
        }
        while i < e {
            let t = tokens[i]
            guard t.kind == .word || t.kind == .number else { i += 1; continue }
            // 1. gazetteer (capitalised starts only: names are written with capitals)
            if t.isCapitalized {
                var matched = false
                for (len, entries) in kb.gazetteer.matches(e, start: i, word: { tokens[$0].lower }) {
                    let ok = entries.filter { en in
                        (0..<len).allSatisfy { k in
                            let tk = tokens[i + k]
                            if en.allCaps[k] { return tk.isAllCaps }
                            if en.capitalised[k] { return tk.isCapitalized }
                            return true
                        }
                    }
                    guard !ok.isEmpty else { continue }
                    let ents = Set(ok.map(\.entity))
                    var pick: GazetteerEntry? = nil
                    if ents.count == 1 { pick = ok.first(where: { !$0.demonym }) ?? ok[0] }
                    else {
                        // different entities share the string: take the single one of the most specific type, else none
                        let rank: (EntityType) -> Int = { [.person: 0, .organization: 1, .country: 2, .place: 3][$0] ?? 4 }
                        let best = ok.min { rank(kb.entities[$0.entity].type) < rank(kb.entities[$1.entity].type) }
                        if let b = best, Set(ok.filter { rank(kb.entities[$0.entity].type) == rank(kb.entities[b.entity].type) }.map(\.entity)).count == 1 { pick = b }
                    }
                    guard let p = pick else { continue }
                    let id = add(i, i + len, type: kb.entities[p.entity].type, kb: p.entity)
                    mentions[id].isDemonym = p.demonym
                    i += len; matched = true; break
                }
                if matched { continue }
            }
            // 2. titles
            if let (len, infos) = kb.titles.matches(e, start: i, word: { tokens[$0].lower }).first, let info = infos.first {
                view.titles.append(TitleHit(range: i..<(i + len), info: info))
                i += len; continue
            }
            // 3. unseen capitalised run
            if t.kind == .word, t.isCapitalized, !kb.stopwords.contains(t.lower), EventExtractor.months[t.lower] == nil {
                var j = i + 1
                while j < e {
                    let u = tokens[j]
                    if u.kind != .word { break }
                    if u.isCapitalized {
                        if kb.stopwords.contains(u.lower) || EventExtractor.months[u.lower] != nil || isTitleStart(tokens, j, e) { break }
                        if !kb.gazetteer.matches(e, start: j, word: { tokens[$0].lower }).isEmpty { break }
                        j += 1; continue
                    }
                    if j + 1 < e, tokens[j + 1].isCapitalized, tokens[j + 1].kind == .word {
                        if MentionFinder.connectors.contains(u.lower) { j += 1; continue }
                        if MentionFinder.orgConnectors.contains(u.lower), MentionFinder.orgKeywords[tokens[j - 1].lower] != nil { j += 1; continue }
                    }
                    break
                }
                // "Syrian Democratic Forces": a demonym right before an organisation name belongs to the name
                var startTok = i
                if j - i >= 2, MentionFinder.orgKeywords[tokens[j - 1].lower] != nil, i > s, let d = view.mentionAt[i - 1],
                   d == mentions.count - 1, mentions[d].isDemonym {
                    startTok = (s..<i).first { view.mentionAt[$0] == d } ?? i
                    for k in startTok..<i { view.mentionAt[k] = nil }
                    view.mentionIDs.removeLast()
                    mentions.removeLast()
                }
                let id = add(startTok, j, type: nil, kb: nil)
                classify(id, tokens: tokens, range: startTok..<j, sentence: view.range, mentions: &mentions, titles: view.titles)
                i = j; continue
            }
            i += 1
        }
    }

    /// Types an unseen capitalised span from its own words and its neighbours.
    func classify(_ id: Int, tokens: [Token], range r: Range<Int>, sentence: Range<Int>, mentions: inout [Mention], titles: [TitleHit]) {
        let words = r.filter { tokens[$0].kind == .word }
        guard let first = words.first, let last = words.last else { return }
        if let cls = MentionFinder.orgKeywords[tokens[last].lower] ?? (words.count > 2 ? MentionFinder.orgKeywords[tokens[first].lower] : nil),
           words.count >= 2 {
            mentions[id].type = .organization; mentions[id].orgClass = cls; return
        }
        if words.count == 1, tokens[first].isAllCaps, tokens[first].lower.count >= 2 {
            mentions[id].orgClass = "acronym"; return   // resolved against org names of the document, else dropped
        }
        var evidence = false
        let prev = r.lowerBound - 1, next = r.upperBound
        if prev >= sentence.lowerBound {
            let p = tokens[prev]
            if titles.contains(where: { $0.range.upperBound == r.lowerBound }) { evidence = true; mentions[id].titled = true }
            if kb.speechVerbs.contains(p.lower) { evidence = true }
            if ["mr.", "mrs.", "ms.", "dr."].contains(p.lower) { evidence = true }
            if p.lower == ",", prev - 1 >= sentence.lowerBound, titles.contains(where: { $0.range.upperBound == prev }) { evidence = true }
        }
        if next < sentence.upperBound {
            let n = tokens[next]
            if kb.speechVerbs.contains(n.lower) { evidence = true }
            if n.lower == ",", next + 1 < sentence.upperBound {
                let n2 = tokens[next + 1]
                if ["a", "an", "the", "who", "senior", "former", "national"].contains(n2.lower) || titles.contains(where: { $0.range.lowerBound == next + 1 }) || isTitleStart(tokens, next + 1, sentence.upperBound) { evidence = true }
            }
        }
        let wordCount = words.filter { !isInitial(tokens[$0].lower) && tokens[$0].lower.count > 1 }.count
        // a lone sentence-initial word ("Normally, the …") is a name only if a speech verb follows it
        if words.count == 1, r.lowerBound == sentence.lowerBound || (prev >= sentence.lowerBound && SentenceSplitter.isOpening(tokens[prev].lower)) {
            evidence = next < sentence.upperBound && kb.speechVerbs.contains(tokens[next].lower)
        }
        if wordCount >= 2, kb.givenNames.contains(tokens[first].lower) { evidence = true }
        mentions[id].personEvidence = evidence
        if evidence && wordCount >= 1 { mentions[id].type = .person }
        // a lone sentence-initial word without evidence stays untyped (resolver may attach it as a surname)
    }
}
