/// The per-document pipeline: tokens → sentences → mentions → relations/events (by mention) → coreference and
/// linking → relations/events/quotes (by entity) with dates anchored. Loads its knowledge once; `analyze` is pure
/// and thread-safe, so documents can be analysed in parallel and merged afterwards.
public struct Pipeline: Sendable {
    public let options: ExtractionOptions
    public let kb: KnowledgeBase
    let finder: MentionFinder
    let relations: RelationExtractor
    let events: EventExtractor
    let resolver: Resolver

    public init(options: ExtractionOptions = .init()) throws {
        self.options = options
        kb = try KnowledgeBase.load()
        finder = MentionFinder(kb: kb); relations = RelationExtractor(kb: kb); events = EventExtractor(kb: kb); resolver = Resolver(kb: kb)
    }

    struct QuoteCandidate { var begin: Int, end: Int, text: String, speaker: Int?, sentence: Int }

    public func analyze(_ doc: Document) -> DocumentAnalysis {
        var text = doc.text
        var mentions: [Mention] = []
        var roles: [RoleCandidate] = []
        var family: [FamilyCandidate] = []
        var eventCands: [EventCandidate] = []
        var quoteCands: [QuoteCandidate] = []
        var sentenceCount = 0
        var length = 0
        var noiseStart: Int? = nil
        var presidentElectTokens = false
        text.withUTF8 { buf in
            var tokens: [Token] = []
            var lineStart = 0, cpLine = 0
            var lastPerson: Int? = nil
            var lastSpeaker: Int? = nil
            var i = 0
            while i <= buf.count {
                guard i == buf.count || buf[i] == 0x0A else { i += 1; continue }
                let lineRange = lineStart..<i
                // code points of this line
                var cpCount = 0
                for k in lineRange where buf[k] & 0xC0 != 0x80 { cpCount += 1 }
                defer { lineStart = i + 1; cpLine += cpCount + 1; i += 1 }
                if noiseStart != nil { continue }
                switch NoiseFilter.classify(bytes: buf, range: lineRange, kb: kb) {
                case .commentsStart: noiseStart = cpLine; continue
                case .boilerplate: continue
                case .text: break
                }
                tokens.removeAll(keepingCapacity: true)
                Tokenizer.tokenize(bytes: buf, range: lineRange, abbreviations: kb.abbreviations, into: &tokens)
                guard !tokens.isEmpty else { continue }
                // code-point offsets of the tokens (one forward pass) and quotation state
                var cpStart = [Int](repeating: 0, count: tokens.count), cpEnd = cpStart
                var inQuote = [Bool](repeating: false, count: tokens.count)
                var bytePos = lineStart, cp = cpLine, quoting = false, quoteOpen: Int? = nil
                var quoteSpans: [(Int, Int)] = []
                for (n, t) in tokens.enumerated() {
                    while bytePos < t.start { if buf[bytePos] & 0xC0 != 0x80 { cp += 1 }; bytePos += 1 }
                    cpStart[n] = cp
                    while bytePos < t.end { if buf[bytePos] & 0xC0 != 0x80 { cp += 1 }; bytePos += 1 }
                    cpEnd[n] = cp
                    if t.lower == "\u{201C}" || (t.lower == "\"" && !quoting) { quoting = true; quoteOpen = n; inQuote[n] = true; continue }
                    if t.lower == "\u{201D}" || (t.lower == "\"" && quoting) {
                        if let o = quoteOpen { quoteSpans.append((o, n)) }
                        quoting = false; quoteOpen = nil; inQuote[n] = true; continue
                    }
                    inQuote[n] = quoting
                    if t.lower == "president-elect" { presidentElectTokens = true }
                }
                let sentences = SentenceSplitter.split(tokens, in: 0..<tokens.count)
                var sentenceOfToken = [Int](repeating: 0, count: tokens.count)
                var views: [SentenceView] = []
                for r in sentences {
                    var v = SentenceView(tokens: tokens, range: r, index: sentenceCount, cpStart: cpStart, cpEnd: cpEnd, inQuote: inQuote)
                    sentenceCount += 1
                    for k in r { sentenceOfToken[k] = views.count }
                    finder.find(&v, text: buf, mentions: &mentions)
                    relations.extract(v, text: buf, mentions: &mentions, roles: &roles, family: &family, lastPerson: lastPerson)
                    eventCands += events.extract(v, mentions: mentions, lastPerson: lastPerson)
                    for m in v.mentionIDs where (mentions[m].type == .person || (mentions[m].type == nil && mentions[m].orgClass == nil)) && !mentions[m].inQuote { lastPerson = m }
                    views.append(v)
                }
                // quotations and their speakers
                for (o, c) in quoteSpans where c > o + 1 {
                    let qb = cpEnd[o], qe = cpStart[c]
                    let qtext = String(decoding: UnsafeBufferPointer(rebasing: buf[tokens[o].end..<tokens[c].start]), as: UTF8.self)
                    var speaker: Int? = nil
                    func personAt(_ k: Int) -> Int? {
                        for v in views { if let m = v.mentionAt[k], mentions[m].type == .person || mentions[m].descriptor != nil { return m } }
                        return nil
                    }
                    func lastPersonBefore(_ cpos: Int) -> Int? {
                        mentions.indices.last { mentions[$0].end <= cpos && mentions[$0].type == .person && !mentions[$0].inQuote }
                    }
                    // after: “…,” said NAME / “…,” NAME said / “…,” he said
                    var k = c + 1, verbSeen = false
                    while k < tokens.count, k <= c + 12, !inQuote[k] || k == c {
                        let w = tokens[k].lower
                        if kb.speechVerbs.contains(w) { verbSeen = true }
                        if let p = personAt(k) { if verbSeen || (k + 1 < tokens.count && kb.speechVerbs.contains(tokens[k + 1].lower)) || tokens[min(k + 3, tokens.count - 1)].lower == "said" { speaker = p }; break }
                        if ["he", "she"].contains(w), k + 1 < tokens.count, kb.speechVerbs.contains(tokens[k + 1].lower) { speaker = lastSpeaker ?? lastPersonBefore(qb); break }
                        if w == "." && verbSeen { break }
                        k += 1
                    }
                    // before: NAME said: “…” / said NAME: “…”
                    if speaker == nil {
                        var k = o - 1, verb = false
                        while k >= 0, k >= o - 8, !inQuote[k] {
                            if kb.speechVerbs.contains(tokens[k].lower) { verb = true }
                            if verb, let p = personAt(k) { speaker = p; break }
                            if verb, ["he", "she"].contains(tokens[k].lower) { speaker = lastSpeaker ?? lastPersonBefore(cpStart[k]); break }
                            k -= 1
                        }
                    }
                    if speaker != nil { lastSpeaker = speaker }
                    quoteCands.append(QuoteCandidate(begin: qb, end: qe, text: qtext, speaker: speaker, sentence: views[sentenceOfToken[o]].index))
                }
            }
            length = cpLine > 0 ? cpLine - 1 : 0
        }
        // 4. coreference and linking
        let roleTriples = roles.map { (mention: $0.mention, role: $0.role, qualifier: $0.qualifier) }
        var (entities, map) = resolver.resolve(mentions, roles: roleTriples)
        // 5. relations by entity
        var rels: [Relation] = []
        var nationalityQualifiers = Set<Int>()
        for r in roles {
            guard let e = map[r.mention], entities[e].type == .person else { continue }
            let q = r.qualifier.flatMap { map[$0] }
            let name = r.former ? "former " + r.role : r.role
            rels.append(Relation(kind: .role, subject: e, object: q, roleName: name, sentence: mentions[r.mention].sentence))
            if let q, entities[q].type == .country, let qm = r.qualifier, mentions[qm].isDemonym, r.kind != "org" {
                rels.append(Relation(kind: .nationality, subject: e, object: q, roleName: nil, sentence: mentions[r.mention].sentence))
                nationalityQualifiers.insert(qm)
            }
            if let q, entities[q].type == .organization, r.kind != "gov" || true {
                rels.append(Relation(kind: .affiliation, subject: e, object: q, roleName: nil, sentence: mentions[r.mention].sentence))
            }
        }
        // A demonym is a mention of its country only where it stands for the state ("the Russian president", "the
        // Russian government"); "Syrian security forces", "an Iranian drone" or "Palestinians" only describe. Such a
        // demonym leaves no mention and no node, and takes part in no event; one that states a person's nationality
        // ("the Ukrainian activist X") keeps the country node for that relation, still without a mention.
        var describedBy: [Int: Int] = [:]   // demonym mention → its country, for events when the country is named too
        for (i, m) in mentions.enumerated() where m.isDemonym && !m.demonymActor {
            guard let e = map[i] else { continue }
            map[i] = nil; describedBy[i] = e
            if !nationalityQualifiers.contains(i) { entities[e].mentions.removeAll { $0 == i } }
        }
        for f in family {
            guard let a = map[f.a], let b = map[f.b], a != b, entities[a].type == .person, entities[b].type == .person else { continue }
            rels.append(Relation(kind: f.kind, subject: a, object: b, roleName: nil, sentence: mentions[f.b].sentence))
        }
        // 6. reference date: given, or inferred ("President-elect X" with X's term start known → ~70 days before it)
        var reference = doc.date.flatMap(CivilDate.parse)
        // a title like "Current events, 2025-01-01" dates the document
        if reference == nil, let title = doc.title {
            for w in title.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "(" || $0 == ")" }) {
                if var d = CivilDate.parse(String(w)), w.count == 10 { d.status = "explicit"; reference = d; break }
            }
        }
        if reference == nil, presidentElectTokens {
            for r in roles where fold(r.role) == "president-elect" {
                guard let e = map[r.mention], let k = entities[e].kb else { continue }
                if let start = kb.entities[k].positions.compactMap({ CivilDate.parse($0.start) }).max() {
                    let d = CivilDate.days(start.year, start.month, start.day) - 70
                    var rd = CivilDate.make(d, "inferred"); rd.status = "inferred"
                    reference = rd; break
                }
            }
        }
        if reference == nil {
            let fulls = eventCands.compactMap { c -> ResolvedDate? in if case .full(let y, let m, let d)? = c.date { return ResolvedDate(year: y, month: m, day: d, status: "inferred") }; return nil }
            reference = fulls.max()
        }
        // 7. events by entity
        // within a sentence, denials come last: they deny what the sentence (or the text before it) tells
        eventCands = eventCands.enumerated().sorted { a, b in
            (a.element.sentence, a.element.info.eventClass == "Denial" ? 1 : 0, a.offset) < (b.element.sentence, b.element.info.eventClass == "Denial" ? 1 : 0, b.offset)
        }.map(\.element)
        var evs: [LocalEvent] = []
        var lastEvent: Int? = nil
        var sentenceEvents: [Int: [Int]] = [:]
        for c in eventCands {
            let parts = Array(Set(c.participants.compactMap { p in map[p] ?? describedBy[p].flatMap { entities[$0].mentions.isEmpty ? nil : $0 } })).sorted()
            let date = c.date.flatMap { CivilDate.resolve($0, reference: reference) }
            var attributions: [Attribution] = c.reportSources.compactMap { map[$0] }.map { Attribution(source: $0, anonymousSource: nil, positive: true, certainty: "CERTAIN") }
            if let a = c.anonymousSource { attributions.append(Attribution(source: nil, anonymousSource: a, positive: true, certainty: "PROBABLE")) }
            var target: Int? = nil
            if c.anaphoric || parts.isEmpty && !c.info.needsParty && ["PhoneCall", "Meeting"].contains(c.info.eventClass) {
                // in a denial's sentence, "the call" is the contested one; otherwise the latest of its class
                let denialHere = eventCands.contains { $0.sentence == c.sentence && $0.info.eventClass == "Denial" }
                if denialHere { target = evs.indices.last { evs[$0].eventClass == c.info.eventClass && evs[$0].attributions.contains { !$0.positive } } }
                if target == nil { target = evs.indices.last { evs[$0].eventClass == c.info.eventClass } }
                if target == nil, ["PhoneCall", "Meeting"].contains(c.info.eventClass), let l = lastEvent, ["PhoneCall", "Meeting"].contains(evs[l].eventClass) { target = l }
                if target == nil && c.anaphoric { continue }
            }
            if target == nil {
                target = sentenceEvents[c.sentence, default: []].first { evs[$0].eventClass == c.info.eventClass }
            }
            if target == nil {
                // the same event told again in the document: same class, one participant set containing the other, dates compatible
                target = evs.indices.first { evs[$0].eventClass == c.info.eventClass && !parts.isEmpty &&
                    (Set(evs[$0].participants).isSubset(of: parts) || Set(parts).isSubset(of: Set(evs[$0].participants))) &&
                    (evs[$0].resolved == nil || date == nil || evs[$0].resolved?.iso == date?.iso) &&
                    (evs[$0].participants == parts || evs[$0].resolved == nil || date == nil) && !["PhoneCall", "Meeting"].contains(c.info.eventClass) || (evs[$0].eventClass == c.info.eventClass && evs[$0].participants == parts && !parts.isEmpty && (evs[$0].resolved == nil || date == nil || evs[$0].resolved?.iso == date?.iso)) }
            }
            let idx: Int
            if let t = target {
                idx = t
                evs[t].participants = Array(Set(evs[t].participants + parts)).sorted()
                if c.anaphoric, evs[t].participants.count < 2 {
                    let extra = c.sentencePersons.compactMap { map[$0] }.filter { entities[$0].type == .person }
                    if extra.count == 2 || (extra.count == 1 && !evs[t].participants.isEmpty) {
                        evs[t].participants = Array(Set(evs[t].participants + extra)).sorted()
                    }
                }
                if evs[t].resolved == nil, let d = date { evs[t].resolved = d; evs[t].date = c.date }
                if evs[t].location == nil { evs[t].location = c.location.flatMap { map[$0] } }
                for a in attributions where !evs[t].attributions.contains(a) { evs[t].attributions.append(a) }
            } else {
                if parts.isEmpty && c.info.needsParty { continue }
                evs.append(LocalEvent(eventClass: c.info.eventClass, label: c.info.label, participants: parts, location: c.location.flatMap { map[$0] },
                                      date: c.date, resolved: date, triggerBegin: c.trigger.lowerBound, triggerEnd: c.trigger.upperBound,
                                      triggerText: c.triggerText, sentence: c.sentence, attributions: c.info.eventClass == "Denial" ? [] : attributions))
                idx = evs.count - 1
            }
            sentenceEvents[c.sentence, default: []].append(idx)
            if c.info.eventClass == "Denial" {
                // what is denied: another event of this sentence, else (for "denied that …") the latest event
                let denied = sentenceEvents[c.sentence, default: []].first { evs[$0].eventClass != "Denial" && $0 != idx }
                    ?? (c.negatesEarlier ? lastEvent : nil)
                if let d = denied, let src = c.negSource.flatMap({ map[$0] }) {
                    let a = Attribution(source: src, anonymousSource: nil, positive: false, certainty: "CERTAIN")
                    if !evs[d].attributions.contains(a) { evs[d].attributions.append(a) }
                }
            } else { lastEvent = idx }
        }
        // an event nobody takes part in is no fact worth a node, unless it is named ("the 2020 election") or
        // anchored in place or time ("a drone attack on Kyiv on Monday")
        var keep = [Int?](repeating: nil, count: evs.count)
        var kept: [LocalEvent] = []
        for (n, ev) in evs.enumerated() where !ev.participants.isEmpty || ev.label.first?.isNumber == true || ev.location != nil || ev.resolved != nil {
            keep[n] = kept.count; kept.append(ev)
        }
        evs = kept
        // 8. quotes
        var quotes: [Quote] = []
        for q in quoteCands {
            let spk = q.speaker.flatMap { map[$0] }
            let ev = sentenceEvents[q.sentence]?.lazy.compactMap { keep[$0] }.first
            quotes.append(Quote(begin: q.begin, end: q.end, text: q.text, speaker: spk, event: ev))
        }
        return DocumentAnalysis(document: doc, length: length, mentions: mentions, entities: entities, mentionEntity: map,
                                relations: rels, events: evs, quotes: quotes, referenceDate: reference, noiseStart: noiseStart)
    }
}
