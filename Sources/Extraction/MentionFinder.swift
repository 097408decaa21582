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

    /// The keyword a run ends with ("… Ministry", "… Air Force", "… County"), longest first. Strings are joined only
    /// when the last word ends some multi-word keyword: this runs for every capitalised run.
    func lastKeyword(_ tokens: [Token], _ words: [Int]) -> NameKeyword? {
        guard let last = words.last else { return nil }
        if kb.multiWordKeywordEnds.contains(tokens[last].lower) {
            for n in stride(from: min(3, words.count), through: 2, by: -1) {
                if let k = kb.lastKeywords[words.suffix(n).map { tokens[$0].lower }.joined(separator: " ")] { return k }
            }
        }
        return kb.lastKeywords[tokens[last].lower]
    }
    /// The keyword a run starts with ("Mount …", "Gulf of …", "University of …"), when the run has more words.
    func firstKeyword(_ tokens: [Token], _ range: Range<Int>) -> NameKeyword? {
        guard range.count >= 2 else { return nil }
        let a = range.lowerBound
        if range.count >= 3, tokens[a + 1].lower == "of", let k = kb.firstKeywords[tokens[a].lower + " of"] { return k }
        return kb.firstKeywords[tokens[a].lower]
    }
    /// A word after which "of"/"for"/"and" continues a name ("Ministry of Defence", "Gulf of Aden").
    func isKeyword(_ lower: String) -> Bool { kb.lastKeywords[lower] != nil || kb.firstKeywords[lower] != nil }

    static let honorifics: Set<String> = ["mr.", "mrs.", "ms.", "dr.", "mr", "mrs", "ms", "dr", "sir", "dame", "lord", "lady"]
    static let connectors: Set<String> = ["bin", "al", "de", "van", "von", "der", "da", "du", "la", "le", "del", "ibn", "el"]
    static let orgConnectors: Set<String> = ["of", "for", "on", "and"]
    /// Words before a known place that name a region of it ("Northern Uganda", "New Mexico", "Central Texas").
    static let regionPrefixes: Set<String> = ["new", "north", "south", "east", "west", "central", "northern", "southern",
                                              "eastern", "western", "northeastern", "northwestern", "southeastern", "southwestern",
                                              "upper", "lower", "greater"]
    /// Organisation keywords whose names go on through "in" + a place ("Islamic Resistance in Iraq").
    static let inNamedKeywords: Set<String> = ["resistance", "mission", "movement", "front", "church"]

    /// Nouns after which a demonym stands for the state itself: "the Russian government", "Israeli officials"
    /// (officials speak for their state; "Israeli soldiers" or "Syrian security forces" only describe).
    static let stateNouns: Set<String> = ["government", "governments", "authorities", "officials", "official", "regime",
                                          "administration", "leadership", "cabinet", "state", "delegation", "diplomats", "diplomat", "leaders"]

    /// Whether a demonym ending before token `j` stands for its country as an actor: a role title follows ("the
    /// Russian president", "Israeli Prime Minister", "the Russian foreign minister") or a word for the government.
    func standsForState(_ tokens: [Token], after j: Int, end e: Int) -> Bool {
        var k = j
        while k < e, RelationExtractor.modifiers.contains(tokens[k].lower), !isTitleStart(tokens, k, e) { k += 1 }
        guard k < e else { return false }
        // an office ("president", "foreign minister"), not an occupation ("the Ukrainian activist")
        if let (_, infos) = kb.titles.matches(e, start: k, word: { tokens[$0].lower }).first { return infos.contains { $0.kind != "job" } }
        // "state" only as a noun ("the Russian state"), not "Russian state media"
        if tokens[k].lower == "state" { return k + 1 >= e || tokens[k + 1].kind != .word || tokens[k + 1].isCapitalized }
        return MentionFinder.stateNouns.contains(tokens[k].lower)
    }

    /// Words that, after "the Russians" / "the Chinese", show the demonym is the subject (the state as a collective
    /// actor: "allows the Russians to listen in", "have the Chinese listening") rather than an adjective.
    static let afterNounDemonym: Set<String> = ["to", "have", "has", "had", "are", "were", "will", "would", "could", "can",
                                                "may", "might", "say", "said", "says", "claim", "claimed", "and", "or"]

    /// "the Chinese" used as a noun: nothing after it, punctuation, an auxiliary or "to", or a lower-case "-ing" verb.
    func demonymAsNoun(_ tokens: [Token], after j: Int, end e: Int) -> Bool {
        guard j < e else { return true }
        let n = tokens[j]
        if n.kind == .punct { return n.lower != "-" }
        guard n.kind == .word, !n.isCapitalized else { return false }
        return MentionFinder.afterNounDemonym.contains(n.lower) || (n.lower.hasSuffix("ing") && n.lower.count > 5)
    }

    /// "New Mexico", "North Darfur": a direction word (a stopword on its own) opens a name before a known place.
    func regionStart(_ tokens: [Token], _ i: Int, _ e: Int) -> Bool {
        guard MentionFinder.regionPrefixes.contains(tokens[i].lower), i + 1 < e, tokens[i + 1].isCapitalized,
              let (_, entries) = kb.gazetteer.matches(e, start: i + 1, word: { tokens[$0].lower }).first else { return false }
        return entries.contains { !$0.demonym && [.place, .country].contains(kb.entities[$0.entity].type) }
    }

    /// Words opening a capitalised pair that names a storm, an operation or a landmark, not a person.
    static let nonPersonOpeners: Set<String> = ["hurricane", "typhoon", "cyclone", "storm", "tropical", "operation", "mount", "lake", "cape", "fort"]

    /// Lower-case words after which a capitalised word is still a noun phrase of its own (a verb, an auxiliary, a
    /// preposition or conjunction): "UNMISS condemned", "UNMISS and …", "UNMISS in Juba".
    static let nounFollowers: Set<String> = ["is", "was", "are", "were", "has", "have", "had", "will", "would", "could", "can",
                                             "may", "might", "must", "should", "did", "does", "and", "or", "but", "to", "in", "on",
                                             "at", "of", "for", "with", "from", "by", "after", "before", "as", "that", "which",
                                             "who", "also", "not", "since", "until", "about", "against", "over", "into"]

    func standsAsNoun(_ tokens: [Token], _ next: Int, _ end: Int) -> Bool {
        guard next < end else { return true }
        let n = tokens[next]
        if n.kind != .word { return true }
        if n.isCapitalized { return false }
        let w = n.lower
        return MentionFinder.nounFollowers.contains(w) || kb.speechVerbs.contains(w) || (w.hasSuffix("ed") && w.count > 4)
    }

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
            m.sentenceInitial = a == s || SentenceSplitter.isOpening(tokens[a - 1].lower)
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
                    // "US$1.4 trillion": a currency prefix, not the country
                    if i + len < e, tokens[i + len].lower == "$", tokens[i + len].start == tokens[i + len - 1].end { continue }
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
                    // "Miami Gardens", "Bahía Blanca": a known town followed by another capitalised word (no keyword, no
                    // known name, no title) is the start of a longer unseen name
                    if kb.entities[p.entity].type == .place, !p.demonym, i + len < e, tokens[i + len].kind == .word, tokens[i + len].isCapitalized,
                       !tokens[i + len].isAllCaps, !kb.stopwords.contains(tokens[i + len].lower), kb.lastKeywords[tokens[i + len].lower] == nil,
                       EventExtractor.months[tokens[i + len].lower] == nil, !isTitleStart(tokens, i + len, e),
                       kb.gazetteer.matches(e, start: i + len, word: { tokens[$0].lower }).isEmpty { break }
                    let id = add(i, i + len, type: kb.entities[p.entity].type, kb: p.entity)
                    mentions[id].isDemonym = p.demonym
                    if p.demonym {
                        mentions[id].demonymActor = standsForState(tokens, after: i + len, end: e) ||
                            (i > s && tokens[i - 1].lower == "the" && demonymAsNoun(tokens, after: i + len, end: e))
                    }
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
            if t.kind == .word, t.isCapitalized, !kb.stopwords.contains(t.lower) || regionStart(tokens, i, e), EventExtractor.months[t.lower] == nil {
                var j = i + 1
                func orgSoFar() -> Bool { (i..<j).contains { kb.lastKeywords[tokens[$0].lower]?.type == .organization } }
                while j < e {
                    let u = tokens[j]
                    if u.kind != .word { break }
                    if u.isCapitalized {
                        if kb.stopwords.contains(u.lower) || EventExtractor.months[u.lower] != nil || isTitleStart(tokens, j, e) { break }
                        // "Governor of Odesa Oblast Oleh Kiper": an area name ends at its keyword unless another keyword follows
                        if let k = kb.lastKeywords[tokens[j - 1].lower], k.type == .place, k.schemaClass == "AdministrativeArea" || k.schemaClass == "City",
                           kb.lastKeywords[u.lower] == nil { break }
                        if let (len, entries) = kb.gazetteer.matches(e, start: j, word: { tokens[$0].lower }).first {
                            // "José Murguía Santiago": a one-word place inside a name that opens with a given name
                            let place = len == 1 && entries.allSatisfy { kb.entities[$0.entity].type == .place }
                            let region = entries.contains { !$0.demonym && [.place, .country].contains(kb.entities[$0.entity].type) }
                            // "Northern Uganda", "New Mexico", "Central Texas": a direction before a known place names a
                            // region of it (a place of its own); "Atomic Energy Organization of Iran": an organisation
                            // name goes on through "of" + a place
                            if region, j == i + 1, MentionFinder.regionPrefixes.contains(tokens[i].lower) { j += len; continue }
                            if region, j >= i + 2, ["of", "for", "in"].contains(tokens[j - 1].lower), orgSoFar() { j += len; continue }
                            if !(place && kb.givenNames.contains(tokens[i].lower) && j + 1 < e && tokens[j + 1].lower == ",") { break }
                        }
                        j += 1; continue
                    }
                    // "Mohammed Shia al-Sudani": a lower-case Arabic article joined to a capitalised name goes on
                    if let dash = u.lower.utf8.firstIndex(of: 0x2D), MentionFinderArticles.contains(String(u.lower[..<dash])) {
                        let after = u.start + u.lower.utf8.distance(from: u.lower.utf8.startIndex, to: dash) + 1
                        if after < u.end, text[after] >= 0x41, text[after] <= 0x5A { j += 1; continue }
                    }
                    if j + 1 < e, tokens[j + 1].isCapitalized, tokens[j + 1].kind == .word {
                        if MentionFinder.connectors.contains(u.lower) { j += 1; continue }
                        if MentionFinder.orgConnectors.contains(u.lower), isKeyword(tokens[j - 1].lower),
                           u.lower != "and" || kb.lastKeywords[tokens[j - 1].lower]?.type == .organization { j += 1; continue }
                        // "Bank for Reconstruction and Development": inside an organisation name the connectors go on
                        if MentionFinder.orgConnectors.contains(u.lower), orgSoFar() { j += 1; continue }
                        // "Islamic Resistance in Iraq", "Mission in South Sudan": movements and missions are named after
                        // where they act (not "the Foreign Ministry in Moscow", a ministry located there)
                        if u.lower == "in", MentionFinder.inNamedKeywords.contains(tokens[j - 1].lower) { j += 1; continue }
                    }
                    // "Office for the Coordination …", "Organization of the Islamic Cooperation": "of/for the" inside
                    if j + 2 < e, MentionFinder.orgConnectors.contains(u.lower), u.lower != "and", tokens[j + 1].lower == "the",
                       tokens[j + 2].isCapitalized, tokens[j + 2].kind == .word, orgSoFar() { j += 2; continue }
                    break
                }
                // "Qatar Airways and Turkish Airlines": a connector the next name stopped is not part of this one
                while j > i + 1, tokens[j - 1].kind == .word, !tokens[j - 1].isCapitalized,
                      MentionFinder.orgConnectors.contains(tokens[j - 1].lower) || MentionFinder.connectors.contains(tokens[j - 1].lower) || ["in", "the"].contains(tokens[j - 1].lower) { j -= 1 }
                // "Syrian Democratic Forces", "Qatar Airways", "United States Central Command", "Gaza City", "Niger
                // State": a demonym or known place right before an organisation or area name belongs to the name
                var startTok = i
                if i > s, let d = view.mentionAt[i - 1], d == mentions.count - 1, mentions[d].descriptor == nil,
                   mentions[d].isDemonym || (mentions[d].kb.map { [.place, .country].contains(kb.entities[$0].type) } ?? false),
                   let kw = lastKeyword(tokens, Array(i..<j)),
                   kw.type == .organization || kw.schemaClass == "AdministrativeArea" || kw.schemaClass == "City" {
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
        placesFromContext(&view, mentions: &mentions)
    }

    /// Prepositions after which an unseen name with no other evidence is a place ("killed in Kirani", "near Mandalay").
    static let placePrepositions: Set<String> = ["in", "near", "outside", "across", "inside", "towards", "toward", "around"]

    /// Unseen names that the sentence places: "in Kirani, Balochistan, Pakistan" (a name followed by a comma and a
    /// known place or country is a place too, right to left so a chain of them resolves), "near Mandalay".
    func placesFromContext(_ view: inout SentenceView, mentions: inout [Mention]) {
        let tokens = view.tokens, s = view.range.lowerBound, e = view.range.upperBound
        func untyped(_ m: Int) -> Bool {
            let x = mentions[m]
            return x.type == nil && x.kb == nil && x.orgClass == nil && !x.personEvidence && x.descriptor == nil
        }
        // right to left for chains ending in a known place, then left to right for names after a place
        func candidate(_ m: Int) -> Bool { untyped(m) || (mentions[m].appositive && mentions[m].type == .person && !mentions[m].titled) }
        guard view.mentionIDs.contains(where: candidate) else { return }
        // token span of each mention of the sentence, in one pass
        var span: [Int: (first: Int, last: Int)] = [:]
        for k in s..<e { if let m = view.mentionAt[k] { span[m] = (span[m]?.first ?? k, k) } }
        for m in view.mentionIDs.reversed() + view.mentionIDs where candidate(m) {
            guard let (first, last) = span[m] else { continue }
            var place = false
            if last + 2 < e, tokens[last + 1].lower == ",", let n = view.mentionAt[last + 2],
               let ty = mentions[n].type, ty == .place || ty == .country, !mentions[n].isDemonym {
                place = true
            }
            if first > s, MentionFinder.placePrepositions.contains(tokens[first - 1].lower), tokens[first].kind == .word {
                // "in Kirani" but not "in Trump's view" (a possessive names a person or body) nor a lone acronym
                let possessive = last + 1 < e && tokens[last + 1].kind == .possessive
                if !possessive && !tokens[first].isAllCaps { place = true }
            }
            // "in Bajaur, Khyber Pakhtunkhwa, a former stronghold": after a place and a comma, still a place
            // (only to undo an apposition: in a list, "the Moscow, Bryansk and Kursk regions", a name stays unsure)
            if mentions[m].appositive, first >= s + 2, tokens[first - 1].lower == ",", let p = view.mentionAt[first - 2], mentions[p].type == .place || mentions[p].type == .country,
               !mentions[p].isDemonym, mentions[m].words.count <= 3, !kb.givenNames.contains(tokens[first].lower) {
                place = true
            }
            if mentions[m].appositive && !place { continue }
            if place { mentions[m].type = .place; mentions[m].personEvidence = false; mentions[m].appositive = false }
        }
    }

    /// Types an unseen capitalised span from its own words and its neighbours.
    func classify(_ id: Int, tokens: [Token], range r: Range<Int>, sentence: Range<Int>, mentions: inout [Mention], titles: [TitleHit]) {
        let words = r.filter { tokens[$0].kind == .word }
        guard let first = words.first, let last = words.last else { return }
        // "Bureau of Immigration": a keyword that opens a run of three or more words types it too
        let opening = words.count > 2 ? kb.lastKeywords[tokens[first].lower] : nil
        // "Plateau State", "Niger State" are places; "the Deep State" is no place (a state named so takes no article)
        let theState = tokens[last].lower == "state" && r.lowerBound > sentence.lowerBound && tokens[r.lowerBound - 1].lower == "the"
        // "floods in Cauca Department, Colombia": a department named like a place is an area (Latin America), not
        // an office ("the Police Department")
        if words.count >= 2, tokens[last].lower == "department", r.lowerBound > sentence.lowerBound {
            let p = tokens[r.lowerBound - 1].lower
            let countryAfter = r.upperBound + 1 < sentence.upperBound && tokens[r.upperBound].lower == "," &&
                (kb.gazetteer.matches(sentence.upperBound, start: r.upperBound + 1, word: { tokens[$0].lower }).first?.1.contains { kb.entities[$0.entity].type == .country && !$0.demonym } ?? false)
            if MentionFinder.placePrepositions.contains(p) || p == "of" && countryAfter || p != "the" && countryAfter {
                mentions[id].type = .place; return
            }
        }
        if words.count >= 2, !theState, let k = lastKeyword(tokens, words) ?? firstKeyword(tokens, r) ?? opening {
            mentions[id].type = k.type
            mentions[id].orgClass = k.schemaClass   // for places too: "Krasnodar Krai" is an AdministrativeArea
            return
        }
        _ = last
        // "Atomic Energy Organization of Iran", "Islamic Resistance in Iraq": an organisation keyword before "of"/"in"
        if words.count >= 3, let k = words.dropLast().last(where: { w in
            w + 1 < r.upperBound && ["of", "in", "for", "on"].contains(tokens[w + 1].lower) && kb.lastKeywords[tokens[w].lower]?.type == .organization }).flatMap({ kb.lastKeywords[tokens[$0].lower] }) {
            mentions[id].type = .organization; mentions[id].orgClass = k.schemaClass
            return
        }
        if words.count == 1, tokens[first].isAllCaps, tokens[first].lower.count >= 2 {
            // "UNICEF reports that …": an acronym that speaks is an organisation; otherwise it is resolved against
            // the organisation names of the document, else dropped
            let next = r.upperBound
            if tokens[first].lower.count >= 3, next < sentence.upperBound, kb.speechVerbs.contains(tokens[next].lower) {
                mentions[id].type = .organization; mentions[id].orgClass = "Organization"; return
            }
            mentions[id].orgClass = "acronym"
            // "UNMISS condemned …", "officials of the UNMISS": an acronym of three or more letters standing as a noun
            // (not "ATACMS missiles", a modifier) is an organisation when nothing in the document spells it out
            if tokens[first].lower.count >= 3, tokens[first].lower.utf8.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }),
               standsAsNoun(tokens, next, sentence.upperBound) { mentions[id].type = .organization }
            return
        }
        var evidence = false
        let prev = r.lowerBound - 1, next = r.upperBound
        if prev >= sentence.lowerBound {
            let p = tokens[prev]
            if titles.contains(where: { $0.range.upperBound == r.lowerBound }) { evidence = true; mentions[id].titled = true }
            if kb.speechVerbs.contains(p.lower) { evidence = true }
            if MentionFinder.honorifics.contains(p.lower) { evidence = true }
            if p.lower == ",", prev - 1 >= sentence.lowerBound, titles.contains(where: { $0.range.upperBound == prev }) { evidence = true }
        }
        if next < sentence.upperBound {
            let n = tokens[next]
            // "The mayor of Novorossiysk declares …": the name after a preposition is not the speaker
            let governed = prev >= sentence.lowerBound && ["of", "in", "at", "from", "near", "for", "on", "to"].contains(tokens[prev].lower)
            if kb.speechVerbs.contains(n.lower) && !governed && (words.count > 1 || !kb.weakSpeechVerbs.contains(n.lower)) { evidence = true }
            if n.lower == ",", next + 1 < sentence.upperBound {
                let n2 = tokens[next + 1]
                // "X, a former diplomat", "X, who …", "X, the mayor of …"; not "Gulf Air, the flag carrier of Bahrain"
                let describedAsPerson = n2.lower == "who" || (["a", "an", "the", "senior", "former", "national"].contains(n2.lower) &&
                    (next + 2..<min(sentence.upperBound, next + 6)).contains { isTitleStart(tokens, $0, sentence.upperBound) || RelationExtractor.kin[tokens[$0].lower] != nil })
                if describedAsPerson || titles.contains(where: { $0.range.lowerBound == next + 1 }) || isTitleStart(tokens, next + 1, sentence.upperBound) {
                    if !evidence { mentions[id].appositive = true }
                    evidence = true
                }
            }
        }
        let wordCount = words.filter { !isInitial(tokens[$0].lower) && tokens[$0].lower.count > 1 }.count
        // a lone sentence-initial word ("Normally, the …") is a name only if a speech verb follows it
        if words.count == 1, r.lowerBound == sentence.lowerBound || (prev >= sentence.lowerBound && SentenceSplitter.isOpening(tokens[prev].lower)) {
            // ("Amazon announces …": a company announces as often as a person does; "said" is a person's verb)
            evidence = next < sentence.upperBound && kb.speechVerbs.contains(tokens[next].lower) && !kb.weakSpeechVerbs.contains(tokens[next].lower)
        }
        if wordCount >= 2, kb.givenNames.contains(tokens[first].lower) { evidence = true }
        // "Paschal Donohoe is re-elected …", "Erin Patterson is found guilty …": two capitalised words opening a
        // sentence before a verb are a name (a headline-style sentence names its subject without a title)
        if words.count == 2, wordCount == 2, r.lowerBound == sentence.lowerBound || (prev >= sentence.lowerBound && SentenceSplitter.isOpening(tokens[prev].lower)),
           !tokens[first].isAllCaps, !tokens[last].isAllCaps, !MentionFinder.nonPersonOpeners.contains(tokens[first].lower),
           next < sentence.upperBound, tokens[next].kind == .word, !tokens[next].isCapitalized {
            let v = tokens[next].lower
            if ["is", "was", "has", "had", "will", "dies", "died"].contains(v) || kb.speechVerbs.contains(v) { evidence = true }
        }
        mentions[id].personEvidence = evidence
        if evidence && wordCount >= 1 { mentions[id].type = .person }
        // a lone sentence-initial word without evidence stays untyped (resolver may attach it as a surname)
    }
}
