/// Stage 4: in-document coreference and linking. Mentions become local entities:
/// full names (middle initials ignored: "Vladimir V. Putin" = "Vladimir Putin"), lone surnames and first names
/// attached to the unique matching person (a prominent office-holder wins over relatives sharing the surname, and
/// two full names with different first names are never merged), acronyms to the organisation they abbreviate,
/// descriptions ("the Russian president") to the person the text or the knowledge base establishes in that role.
public struct Resolver: Sendable {
    public let kb: KnowledgeBase
    public init(kb: KnowledgeBase) { self.kb = kb }

    static func isInitialLower(_ w: String) -> Bool { w.count == 1 || (w.count == 2 && w.hasSuffix(".")) }

    /// Person key ignoring middle initials and tolerant of spelling variants of the surname: "Donald J. Trump" →
    /// "donald trmp"; "Brian Katulis" and "Brian Cutulis" (one person spelt two ways by two articles), like
    /// "Zelensky"/"Zelenskyy", share a key, while "Joe Biden" and "Hunter Biden" never do (the given name is exact).
    /// A key, not a pairwise comparison, so every shard of a corpus names the person the same way.
    public static func personKey(_ words: [String]) -> String? {
        let ws = words.map { fold($0) }.filter { !isInitialLower($0) && !["jr.", "sr.", "jr", "sr", "ii", "iii"].contains($0) }
        guard ws.count >= 2, let f = ws.first, let l = ws.last else { return nil }
        return f + " " + surnameSkeleton(l)
    }

    /// `personKey` with the surname as written: what a person's IRI is minted from (readable, where the
    /// skeleton in the key only serves to merge spelling variants).
    public static func spelledKey(_ words: [String]) -> String? {
        let ws = words.map { fold($0) }.filter { !isInitialLower($0) && !["jr.", "sr.", "jr", "sr", "ii", "iii"].contains($0) }
        guard ws.count >= 2, let f = ws.first, let l = ws.last else { return nil }
        return f + " " + l
    }

    /// Folded words without middle initials: the key for knowledge-base lookups, which must match exactly.
    public static func exactKey(_ words: [String]) -> String {
        words.map { fold($0) }.filter { !isInitialLower($0) }.joined(separator: " ")
    }

    public func resolve(_ mentions: [Mention], roles: [(mention: Int, role: String, qualifier: Int?)]) -> (entities: [LocalEntity], map: [Int?]) {
        var entities: [LocalEntity] = []
        var byKey: [String: Int] = [:]
        var map = [Int?](repeating: nil, count: mentions.count)
        func attach(_ m: Int, key: String, type: EntityType, kbIndex: Int?) {
            let e: Int
            if let x = byKey[key] { e = x } else {
                entities.append(LocalEntity(type: type, name: "", kb: kbIndex, names: [], mentions: [], orgClass: mentions[m].orgClass))
                e = entities.count - 1; byKey[key] = e
            }
            entities[e].mentions.append(m)
            map[m] = e
        }
        // 1. linked and full-name mentions
        for (i, m) in mentions.enumerated() {
            if let k = m.kb { attach(i, key: "kb:\(k)", type: kb.entities[k].type, kbIndex: k); continue }
            if m.descriptor != nil || m.orgClass == "acronym" { continue }
            switch m.type {
            case .person?:
                if let key = Resolver.personKey(m.words) {
                    if let k = kb.fullNames[Resolver.exactKey(m.words)] { attach(i, key: "kb:\(k)", type: .person, kbIndex: k) }
                    else { attach(i, key: "p:" + key, type: .person, kbIndex: nil) }
                }
            case .organization?:
                var ws = m.words.map { fold($0) }
                if ws.first == "the" { ws.removeFirst() }
                attach(i, key: "o:" + ws.joined(separator: " "), type: .organization, kbIndex: nil)
            case .place?, .country?:
                attach(i, key: "x:" + fold(m.text), type: m.type ?? .place, kbIndex: nil)
            case nil: break
            }
        }
        // indexes for the lone-word pass (linear, not entities × mentions)
        var bySurname: [String: [Int]] = [:], byFirst: [String: [Int]] = [:], byInitials: [String: [Int]] = [:]
        var bySkeleton: [String: [Int]] = [:]
        for e in entities.indices {
            for mm in entities[e].mentions {
                let ws = mentions[mm].words.filter { !Resolver.isInitialLower(fold($0)) }
                if entities[e].type == .person, ws.count >= 2 {
                    let sk = surnameKey(ws[ws.count - 1]), fk = fold(ws[0])
                    if bySurname[sk]?.contains(e) != true { bySurname[sk, default: []].append(e) }
                    if byFirst[fk]?.contains(e) != true { byFirst[fk, default: []].append(e) }
                    let xk = surnameSkeleton(ws[ws.count - 1])
                    if bySkeleton[xk]?.contains(e) != true { bySkeleton[xk, default: []].append(e) }
                }
                if entities[e].type == .organization, mentions[mm].words.count >= 2 {
                    let ini = initials(mentions[mm].words)
                    if byInitials[ini]?.contains(e) != true { byInitials[ini, default: []].append(e) }
                }
            }
        }
        // countries the document names (or stands for with a demonym): they make an office-holder plausible
        var documentCountries = Set<String>()
        for m in mentions { if let k = m.kb, kb.entities[k].type == .country, let c = kb.entities[k].key { documentCountries.insert(c) } }
        // 2. lone words: surnames, first names, acronyms
        for (i, m) in mentions.enumerated() where map[i] == nil && m.descriptor == nil {
            guard m.words.count == 1 || (m.type == .person && Resolver.personKey(m.words) == nil) else { continue }
            guard let w = m.words.last else { continue }
            if m.orgClass == "acronym" {
                let acr = fold(w).replacingOccurrences(of: ".", with: "")
                if let hits = byInitials[acr], hits.count == 1 { map[i] = hits[0]; entities[hits[0]].mentions.append(i) }
                else if m.type == .organization { attach(i, key: "o:" + fold(w), type: .organization, kbIndex: nil) }
                continue
            }
            let sk = surnameKey(w), fk = fold(w)
            var cands = bySurname[sk] ?? []
            if cands.isEmpty, kb.givenNames.contains(fk) { cands = byFirst[fk] ?? [] }
            // "Brian Cutulis … Katulis": a surname spelt another way names the one person whose surname it resembles
            if cands.isEmpty, fk.count >= 5, !kb.givenNames.contains(fk), let v = bySkeleton[surnameSkeleton(w)], v.count == 1 { cands = v }
            if cands.count > 1 {
                let prominent = cands.filter { entities[$0].kb.map { !kb.entities[$0].positions.isEmpty } ?? false }
                if prominent.count == 1 { cands = prominent }
                else {
                    // the most recently named before this mention
                    let before = cands.compactMap { e -> (Int, Int)? in
                        let last = entities[e].mentions.last { $0 < i }; return last.map { ($0, e) } }
                    if let best = before.max(by: { $0.0 < $1.0 }) { cands = [best.1] }
                }
            }
            if cands.count == 1 { map[i] = cands[0]; entities[cands[0]].mentions.append(i); continue }
            if cands.isEmpty, fk.count >= 5, !kb.givenNames.contains(fk), !kb.stopwords.contains(fk), let ks = kb.surnames[fk] {
                // a lone surname links to the knowledge base only when the spelling is exact and either a title stands
                // before it ("President Erdogan") and no other known person carries it, or it is the one office-holder
                // carrying it whose country the document names ("While Biden and …" in an article naming the US; not
                // the Prime Minister of Saint Kitts for a "Harris"): no link rather than a wrong one. Once linked,
                // later lone mentions ("“Biden said") join the same person.
                var pick: Int? = nil
                if let linked = Set(entities.compactMap { $0.type == .person ? $0.kb : nil }).intersection(ks).first,
                   Set(entities.compactMap { $0.type == .person ? $0.kb : nil }).intersection(ks).count == 1 { pick = linked }
                else if m.titled && ks.count == 1 { pick = ks[0] }
                else if m.titled || !m.sentenceInitial {
                    let office = ks.filter { k in kb.entities[k].positions.contains { documentCountries.contains($0.country) } }
                    if office.count == 1 { pick = office[0] }
                    // "Biden and Harris's strategy": paired with a known person, the one curated public figure carrying
                    // the surname, when every other bearer holds office in a country the document never names (the
                    // Prime Minister of Saint Kitts is no "Harris" in an article about Washington)
                    var pairedWithKnown = false
                    for n in [i - 1, i + 1] where n >= 0 && n < mentions.count && mentions[n].sentence == m.sentence {
                        guard let nk = mentions[n].kb ?? map[n].flatMap({ entities[$0].kb }), kb.entities[nk].type == .person else { continue }
                        let gap: Int = n < i ? m.begin - mentions[n].end : mentions[n].begin - m.end
                        if gap <= 5 { pairedWithKnown = true }
                    }
                    if office.isEmpty, pairedWithKnown, !documentCountries.isEmpty {
                        let curated = ks.filter { kb.entities[$0].positions.isEmpty && kb.entities[$0].description?.isEmpty == false }
                        if curated.count == 1 { pick = curated[0] }
                    }
                }
                if let k = pick {
                    attach(i, key: "kb:\(k)", type: .person, kbIndex: k); continue
                }
            }
            if cands.isEmpty, m.type == .person || m.personEvidence {
                attach(i, key: "s:" + sk, type: .person, kbIndex: nil)
            }
        }
        // 3. descriptions: "the Russian president" → the person the text (or the KB) gives that role
        let linkedPeople = entities.indices.filter { entities[$0].type == .person && entities[$0].kb.map { !kb.entities[$0].positions.isEmpty } == true }
        var rolesByName: [String: [(mention: Int, role: String, qualifier: Int?)]] = [:]
        for r in roles { rolesByName[fold(r.role), default: []].append(r) }
        for (i, m) in mentions.enumerated() where map[i] == nil {
            guard let d = m.descriptor else { continue }
            let qual = d.qualifier.flatMap { map[$0] }
            let role = fold(d.role)
            var cands: [Int] = []
            for r in rolesByName[role] ?? [] where r.mention < i {
                guard let e = map[r.mention], entities[e].type == .person else { continue }
                let rq = r.qualifier.flatMap { map[$0] }
                if qual == nil || rq == qual { cands.append(e) }
            }
            if Set(cands).count != 1, let q = qual, let qk = entities[q].kb, let ck = kb.entities[qk].key {
                cands = linkedPeople.filter { e in
                    guard let first = entities[e].mentions.first, first < i, let k = entities[e].kb else { return false }
                    return kb.entities[k].positions.contains { $0.country == ck && $0.end.isEmpty && $0.title.split(separator: "/").contains { fold(String($0)).hasPrefix(role) } }
                }
            }
            if Set(cands).count == 1, let e = cands.first { map[i] = e; entities[e].mentions.append(i) }
        }
        // names
        for e in entities.indices {
            entities[e].mentions.sort()
            var forms: [String: Int] = [:]
            // names only: a description ("the Russian president") or a titled form ("King Charles") stays a mention
            for m in entities[e].mentions where !mentions[m].isDemonym && mentions[m].descriptor == nil {
                // (only a gazetteer alias can open with a title: unseen names stop at titles and honorifics)
                if entities[e].type == .person, mentions[m].kb != nil, startsWithTitle(mentions[m].words) { continue }
                forms[mentions[m].text, default: 0] += 1
            }
            if forms.isEmpty, entities[e].kb == nil { for m in entities[e].mentions where !mentions[m].isDemonym { forms[mentions[m].text, default: 0] += 1 } }
            if let k = entities[e].kb { entities[e].name = kb.entities[k].name }
            else {
                let full = forms.keys.filter { $0.split(separator: " ").count >= 2 || entities[e].type != .person }
                let pool = full.isEmpty ? Array(forms.keys) : full
                entities[e].name = pool.sorted { (forms[$0]!, -$0.count, $0) > (forms[$1]!, -$1.count, $1) }.first.map(stripThe) ?? ""
            }
            entities[e].names = forms.keys.map(stripThe).filter { $0 != entities[e].name }.sorted()
            entities[e].names = Array(Set(entities[e].names)).sorted()
        }
        // drop entities left without a name (only demonym mentions give a country, which is fine)
        return (entities, map)
    }

    /// "King Charles", "Sir Keir Starmer": a surface form that begins with a role title or an honorific is no name.
    func startsWithTitle(_ words: [String]) -> Bool {
        let toks = words.map { fold($0) }
        guard let first = toks.first else { return false }
        return kb.stopwords.contains(first) || !kb.titles.matches(toks.count, start: 0, word: { toks[$0] }).isEmpty
    }

    func initials(_ words: [String]) -> String {
        String(words.filter { !["of", "for", "the", "and", "on"].contains(fold($0)) }.compactMap { fold($0).first })
    }
}

func stripThe(_ s: String) -> String {
    if s.hasPrefix("the ") { return String(s.dropFirst(4)) }
    return s
}
