/// An event as found in one sentence, in terms of mentions (resolved to entities after coreference).
public struct EventCandidate: Sendable, Hashable {
    public var info: TriggerInfo
    public var trigger: Range<Int>          // code points
    public var triggerText: String
    public var participants: [Int]          // mention indices
    public var location: Int?
    public var date: DateExpr?
    public var anaphoric: Bool
    public var sentence: Int
    /// For denials: the source (mention) and the event candidate it denies (index into the candidate list, or nil = the latest event).
    public var negSource: Int?
    public var negatesEarlier: Bool = false
    public var reportSources: [Int] = []
    public var anonymousSource: String?
    /// Persons named in the sentence outside quotes ("During the call, Trump pressured Zelenskyy"): they fill in
    /// the participants of the event an anaphoric trigger refers to.
    public var sentencePersons: [Int] = []
}

/// Stage 6: events. Triggers come from `events.tsv`; participants are the nearest named subject before the
/// trigger (a pronoun takes the last person named) and the names after "with", "to", "between", "on";
/// dates are the nearest date expression of the sentence ("Nov. 7", "20 January", "on Thursday", "Today").
/// A definite trigger without participants ("the call", "the meeting") refers back to the latest event.
public struct EventExtractor: Sendable {
    public let kb: KnowledgeBase
    public init(kb: KnowledgeBase) { self.kb = kb }

    static let months: [String: Int] = ["january": 1, "jan.": 1, "february": 2, "feb.": 2, "march": 3, "mar.": 3, "april": 4, "apr.": 4,
        "may": 5, "june": 6, "jun.": 6, "july": 7, "jul.": 7, "august": 8, "aug.": 8, "september": 9, "sep.": 9, "sept.": 9,
        "october": 10, "oct.": 10, "november": 11, "nov.": 11, "december": 12, "dec.": 12]
    static let weekdays: [String: Int] = ["sunday": 1, "monday": 2, "tuesday": 3, "wednesday": 4, "thursday": 5, "friday": 6, "saturday": 7]
    static let boundaries: Set<String> = [";", ":", "\u{2014}", "\u{2013}", "\u{201C}", "\u{201D}", "(", ")"]
    static let pronouns: Set<String> = ["he", "she"]
    static let negationCues: Set<String> = ["never", "not", "fiction", "false", "n't"]
    static let happened: Set<String> = ["happened", "occurred", "place", "happen", "occur"]
    /// Trigger words that are verbs: their subject is the nearest name before them. Every other trigger is a noun,
    /// whose participants are a possessor ("Trump’s call") or names after "with"/"between".
    static let verbs: Set<String> = ["spoke", "spoken", "talked", "met", "meets", "invaded", "indicted", "impeached", "visited", "arrested",
                                     "detained", "released", "died", "published", "posted", "denied", "denies", "beat", "beating", "won",
                                     "sworn", "takes", "fired", "defeated"]
    static let subordinators: Set<String> = ["since", "after", "before", "when", "while", "because", "that", "which", "who", "although", "though", "whether", "if"]
    static let callDeterminers: Set<String> = ["the", "a", "'s", "his", "her", "their", "this", "that", "first", "reported", "alleged", "private", "impromptu", "same"]
    static let lightVerbs: Set<String> = ["launched", "launches", "carried", "staged", "held", "holds", "made", "makes", "had", "conducted", "took", "placed", "hosted"]
    static let adjectives: Set<String> = ["first", "second", "third", "last", "latest", "alleged", "reported", "private", "recent", "previous",
                                          "impromptu", "brief", "new", "major", "historic", "planned", "upcoming", "phone", "telephone"]

    /// Date expressions of a sentence, by token index.
    public func dates(_ v: SentenceView) -> [(Int, DateExpr)] {
        let t = v.tokens, s = v.range.lowerBound, e = v.range.upperBound
        var out: [(Int, DateExpr)] = []
        func num(_ i: Int) -> Int? { i < e && t[i].kind == .number ? Int(t[i].lower) : nil }
        var i = s
        while i < e {
            let w = t[i].lower
            if let m = EventExtractor.months[w], t[i].isCapitalized {
                if let d = num(i + 1), d >= 1, d <= 31 {
                    if i + 3 < e, t[i + 2].lower == ",", let y = num(i + 3), y > 1800, y < 2200 { out.append((i, .full(year: y, month: m, day: d))); i += 4; continue }
                    if let y = num(i + 2), y > 1800, y < 2200 { out.append((i, .full(year: y, month: m, day: d))); i += 3; continue }
                    out.append((i, .monthDay(month: m, day: d))); i += 2; continue
                }
                if i > s, let d = num(i - 1), d >= 1, d <= 31 {
                    if let y = num(i + 1), y > 1800, y < 2200 { out.append((i - 1, .full(year: y, month: m, day: d))); i += 2; continue }
                    out.append((i - 1, .monthDay(month: m, day: d))); i += 1; continue
                }
            }
            if let d = EventExtractor.weekdays[w], t[i].isCapitalized { out.append((i, .weekday(d))) }
            if w == "today" { out.append((i, .today)) }
            if w == "yesterday" { out.append((i, .yesterday)) }
            i += 1
        }
        return out
    }

    public func extract(_ v: SentenceView, mentions: [Mention], lastPerson: Int?) -> [EventCandidate] {
        let t = v.tokens, s = v.range.lowerBound, e = v.range.upperBound
        func mention(at i: Int) -> Int? { v.mentionAt[i] }
        func usable(_ m: Int) -> Bool {
            let x = mentions[m]
            return x.descriptor == nil && (x.type != nil || x.orgClass == nil)
        }
        let ds = dates(v)
        var out: [EventCandidate] = []
        // reporting sources of this sentence
        var reportSources: [Int] = []
        var anonymous: String? = nil
        for i in s..<e {
            if let m = mention(at: i), let k = mentions[m].kb, kb.entities[k].schemaClass == "NewsMediaOrganization",
               !reportSources.contains(m) { reportSources.append(m) }
            if t[i].lower == "familiar", i + 1 < e, t[i + 1].lower == "with",
               i > s, ["people", "sources", "source", "person", "official", "officials"].contains(t[i - 1].lower) {
                anonymous = "people familiar with the matter"
            }
        }
        // trigger positions first: a date belongs to the trigger nearest to it
        var triggerStarts: [Int] = []
        var p = s
        while p < e {
            if !v.inQuote[p], let (len, infos) = kb.triggers.matches(e, start: p, word: { t[$0].lower }).first {
                // triggers that will be rejected below do not claim dates
                let info = infos.first
                let yearBefore = p > s && t[p - 1].kind == .number
                let rejected = (info?.eventClass == "Election" && !EventExtractor.verbs.contains(info?.words.first ?? "") && !yearBefore)
                    || (info?.words == ["call"] && !EventExtractor.callDeterminers.contains(p > s ? t[p - 1].lower : ""))
                if !rejected { triggerStarts.append(p) }
                p += len
            } else { p += 1 }
        }
        func nearestTrigger(_ d: Int) -> Int? { triggerStarts.min { abs($0 - d) < abs($1 - d) } }
        var i = s
        while i < e {
            if v.inQuote[i] { i += 1; continue }
            guard let (len, infos) = kb.triggers.matches(e, start: i, word: { t[$0].lower }).first, let info = infos.first else { i += 1; continue }
            let a = i, b = i + len
            i = b
            let prevWord = a > s ? t[a - 1].lower : ""
            // "call" must be a noun: "the call", "a call", "Trump’s call", "phone call"
            if info.words == ["call"] && !EventExtractor.callDeterminers.contains(prevWord) { continue }
            var isVerb = EventExtractor.verbs.contains(info.words.first ?? "")
            let lightVerb = (max(s, a - 4)..<a).contains { EventExtractor.lightVerbs.contains(t[$0].lower) }
            let scanSubject = isVerb || lightVerb
            var participants: [Int] = []
            var definite = false
            if scanSubject {
                // subject: nearest usable mention to the left in the clause (a pronoun takes the nearest person before it)
                var j = a - 1, steps = 0
                while j >= s, steps < 14 {
                    let w = t[j].lower
                    if EventExtractor.boundaries.contains(w) || v.inQuote[j] { break }
                    if EventExtractor.pronouns.contains(w) {
                        let inSentence = (s..<j).reversed().compactMap { mention(at: $0) }.first { (mentions[$0].type == .person || (mentions[$0].type == nil && mentions[$0].orgClass == nil)) && mentions[$0].descriptor == nil }
                        if let p = inSentence ?? lastPerson { participants.append(p) }
                        break
                    }
                    if let m = mention(at: j), usable(m), mentions[m].type != .place {
                        if mentions[m].isDemonym, j + 1 < e, v.titles.contains(where: { $0.range.lowerBound == j + 1 }) { j -= 1; steps += 1; continue }
                        if mentions[m].kb.map({ kb.entities[$0].schemaClass == "NewsMediaOrganization" }) ?? false { break }
                        participants.append(m); break
                    }
                    j -= 1; steps += 1
                }
            }
            if !isVerb {
                // noun: possessor ("Trump’s first impeachment") or determiner
                var j = a - 1
                while j >= s, EventExtractor.adjectives.contains(t[j].lower) || t[j].kind == .number { j -= 1 }
                if j >= s, t[j].lower == "'s", let m = mention(at: j - 1), usable(m), mentions[m].type != .place, !participants.contains(m) { participants.append(m) }
                // "the largest Ukrainian drone attack": the demonym is the actor
                if j >= s, let m = mention(at: j), mentions[m].isDemonym, !participants.contains(m) { participants.append(m) }
                if j >= s, ["the", "that", "this", "its", "his", "her", "their"].contains(t[j].lower) { definite = true }
            }
            if info.eventClass == "Election" {
                // "the 2020 election" names one; "beat X" needs the beaten
                if !isVerb {
                    guard a > s, t[a - 1].kind == .number, let y = Int(t[a - 1].lower), y > 1800, y < 2200 else { continue }
                    var c = EventCandidate(info: TriggerInfo(words: info.words, prefix: false, eventClass: "Election", label: "\(y) election", needsParty: false),
                                           trigger: v.cpStart[a - 1]..<v.cpEnd[b - 1], triggerText: "", participants: [], location: nil, date: nil, anaphoric: false, sentence: v.index)
                    c.reportSources = []
                    out.append(c); continue
                }
            }
            // objects: names after with / to / between / and / on / of
            var location: Int? = nil
            var k = b, steps2 = 0, armed = ["with", "to", "between"].contains(info.words.last ?? "") || isVerb && !["PhoneCall", "Denial", "Publication", "Statement"].contains(info.eventClass)
            while k < e, steps2 < 10 {
                let w = t[k].lower
                if EventExtractor.boundaries.contains(w) || EventExtractor.subordinators.contains(w) || v.inQuote[k] { break }
                if isVerb ? ["with", "to", "between", "and", "on", "against", "at"].contains(w) : ["with", "between", "on", "against"].contains(w) && steps2 <= 3 { armed = true }
                if !isVerb && !armed && steps2 > 3 { break }
                if ["in"].contains(w), let m = mention(at: k + 1), mentions[m].type == .place || mentions[m].type == .country, location == nil, !mentions[m].isDemonym { location = m }
                if let m = mention(at: k), usable(m) {
                    let mEnd = (k..<e).first { mention(at: $0) != m } ?? e
                    let titled = v.titles.first { $0.range.lowerBound == mEnd }
                    let personAfterTitle = titled.map { ti in ti.range.upperBound < e && mention(at: ti.range.upperBound) != nil } ?? false
                    if armed, !mentions[m].isDemonym || !(personAfterTitle || (mEnd < e && mention(at: mEnd) != nil)) {
                        if mentions[m].type == .place { location = location ?? m }
                        else if !participants.contains(m) { participants.append(m) }
                        if !(mEnd < e && (t[mEnd].lower == "and" || t[mEnd].lower == ",") && isVerb) && !(mentions[m].isDemonym) { break }
                    }
                    while k < e, mention(at: k) == m { k += 1 }
                    steps2 += 1; continue
                }
                if w == "," && !armed { break }
                k += 1; steps2 += 1
            }
            // "Negotiating a major prisoner exchange.": a fragment opening with a gerund continues the sentence
            // before it, whose last-named person is the actor
            if participants.isEmpty, !definite, let lp = lastPerson, t[s].kind == .word, t[s].isCapitalized, t[s].lower.count > 5,
               t[s].lower.hasSuffix("ing"), mention(at: s).map({ mentions[$0].type == nil && mentions[$0].kb == nil }) ?? true,
               s + 1 < e, !t[s + 1].isCapitalized {
                participants.append(lp)
            }
                        // the nearest date expression in the sentence
            let date = ds.filter { nearestTrigger($0.0) == a }.min { abs($0.0 - a) < abs($1.0 - a) }.flatMap { abs($0.0 - a) <= 30 ? $0.1 : nil }
            if info.eventClass == "Election" && !participants.contains(where: { mentions[$0].type == .person || mentions[$0].type == nil }) { continue }
            // a call or meeting told by its verb needs both sides named ("he had talked to 70 world leaders" is no event)
            if isVerb && ["PhoneCall", "Meeting"].contains(info.eventClass) && participants.count < 2 { continue }
            _ = isVerb; isVerb = isVerb || false
            var c = EventCandidate(info: info, trigger: v.cpStart[a]..<v.cpEnd[b - 1], triggerText: "", participants: participants,
                                   location: location, date: date, anaphoric: definite && participants.isEmpty, sentence: v.index)
            c.reportSources = reportSources
            c.anonymousSource = anonymous
            if c.anaphoric {
                var seen: [Int] = []
                for x in b..<e where !v.inQuote[x] { if let m = mention(at: x), usable(m), mentions[m].type == .person || mentions[m].type == nil, !seen.contains(m) { seen.append(m) } }
                c.sentencePersons = Array(seen.prefix(2))
            }
            if info.eventClass == "Denial" {
                c.negSource = participants.first
                c.participants = participants.prefix(1).map { $0 }
                c.negatesEarlier = b < e && ["that", "it", "this", "the", "claims", "reports"].contains(t[b].lower)
            }
            if info.needsParty && participants.isEmpty && !c.anaphoric && info.eventClass != "Denial" { continue }
            out.append(c)
        }
        // "Russia claimed the call never took place": a negated happening
        var negated = false
        for x in s..<e where EventExtractor.negationCues.contains(t[x].lower) {
            if (x + 1..<min(e, x + 4)).contains(where: { EventExtractor.happened.contains(t[$0].lower) }) { negated = true }
        }
        out.removeAll { $0.info.eventClass == "Denial" && $0.participants.isEmpty }
        if negated, !out.contains(where: { $0.info.eventClass == "Denial" }) {
            let src = (s..<e).compactMap { mention(at: $0) }.first { usable($0) && (mentions[$0].type == .country || mentions[$0].type == .organization || mentions[$0].type == .person) }
            if let src {
                let info = TriggerInfo(words: [], prefix: false, eventClass: "Denial", label: "Denial", needsParty: true)
                var c = EventCandidate(info: info, trigger: v.cpStart[s]..<v.cpStart[s], triggerText: "", participants: [src], location: nil,
                                       date: ds.first?.1, anaphoric: false, sentence: v.index)
                c.negSource = src; c.negatesEarlier = true
                out.append(c)
            }
        }
        return out
    }
}
