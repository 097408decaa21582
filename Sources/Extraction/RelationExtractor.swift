/// A role stated in the text, in terms of mentions (resolved to entities after coreference).
public struct RoleCandidate: Sendable, Hashable {
    public var mention: Int
    public var role: String
    public var qualifier: Int?
    public var kind: String
    public var former: Bool
}

public struct FamilyCandidate: Sendable, Hashable {
    public var a: Int, b: Int
    public var kind: Relation.Kind
}

/// Stage 5: relations from local patterns around titles and names:
/// "Kremlin spokesman Dmitry Peskov", "President Vladimir V. Putin of Russia", "Brett Bruen, a former diplomat",
/// "the Kremlin’s main spokesman, Dmitry Peskov", "Trump had become the president-elect", "his son, Hunter Biden".
/// Titles with no name next to them ("the Russian president") become descriptor mentions for the resolver.
public struct RelationExtractor: Sendable {
    public let kb: KnowledgeBase
    public init(kb: KnowledgeBase) { self.kb = kb }

    static let modifiers: Set<String> = ["former", "main", "top", "senior", "chief", "deputy", "then-former", "then", "national",
                                         "current", "longtime", "veteran", "acting", "new", "incoming", "outgoing", "ex", "late",
                                         "state", "tv", "channel", "nonpartisan", "foreign", "policy", "special", "federal"]
    static let kin: [String: Relation.Kind] = ["wife": .spouse, "husband": .spouse, "son": .child, "daughter": .child,
                                               "father": .parent, "mother": .parent, "brother": .sibling, "sister": .sibling,
                                               "stepson": .child, "stepdaughter": .child]

    func isPersonish(_ m: Mention) -> Bool { m.type == .person || (m.type == nil && m.orgClass == nil) }

    public func extract(_ v: SentenceView, text: UnsafeBufferPointer<UInt8>, mentions: inout [Mention],
                        roles: inout [RoleCandidate], family: inout [FamilyCandidate], lastPerson: Int?) {
        let t = v.tokens
        let s = v.range.lowerBound, e = v.range.upperBound
        func mention(at i: Int) -> Int? { i >= s && i < e ? v.mentionAt[i] : nil }
        func mentionStart(_ m: Int) -> Int { (s..<e).first { v.mentionAt[$0] == m } ?? e }
        func mentionEnd(_ m: Int) -> Int { ((s..<e).last { v.mentionAt[$0] == m } ?? s) + 1 }
        for hit in v.titles {
            // left: modifiers, possessive, a qualifying org/country
            var j = hit.range.lowerBound - 1
            var former = false, qualifier: Int? = nil
            while j >= s {
                let w = t[j].lower
                if RelationExtractor.modifiers.contains(w) || w == "'s" { if w.contains("former") { former = true }; j -= 1; continue }
                if let m = mention(at: j), mentions[m].type == .country || mentions[m].type == .organization || mentions[m].type == .place {
                    qualifier = m; j = mentionStart(m) - 1
                    while j >= s, RelationExtractor.modifiers.contains(t[j].lower) { if t[j].lower.contains("former") { former = true }; j -= 1 }
                }
                break
            }
            let determiner = j >= s ? t[j].lower : ""
            // right: optional comma / prepositional qualifier, then a name
            var k = hit.range.upperBound
            var q2: Int? = nil
            let preposition = k < e ? t[k].lower : ""
            if k < e, ["of", "for", "at", "with", "to"].contains(t[k].lower) {
                var x = k + 1, steps = 0
                while x < e, steps < 8, t[x].lower != "," {
                    if let m = mention(at: x), mentions[m].type == .organization || mentions[m].type == .country { q2 = m; x = mentionEnd(m); if x < e, t[x].lower == "," { break }; continue }
                    x += 1; steps += 1
                }
                if q2 != nil { k = x }
            }
            if k < e, t[k].lower == ",", hit.range.upperBound == k || q2 != nil { k += 1 }
            // an ambassador *to* a country is not a member of it: the destination goes into the role name
            var roleName = hit.info.role
            if preposition == "to", let d = q2 { roleName += " to " + mentions[d].text; q2 = nil }
            if let m = mention(at: k), isPersonish(mentions[m]), mentionStart(m) == k {
                if mentions[m].type == nil { mentions[m].type = .person; mentions[m].personEvidence = true }
                var q = qualifier ?? q2
                let end = mentionEnd(m)
                if q == nil, end + 1 < e, t[end].lower == "of", let c = mention(at: end + 1), mentions[c].type == .country { q = c }
                roles.append(RoleCandidate(mention: m, role: roleName, qualifier: q, kind: hit.info.kind, former: former))
                continue
            }
            // apposition after a name: "Brett Bruen, a former diplomat" / "Steven Cheung, Trump’s communications director"
            var a = (qualifier.map { mentionStart($0) } ?? (j + 1)) - 1
            while a >= s, ["a", "an", "the"].contains(t[a].lower) || RelationExtractor.modifiers.contains(t[a].lower) { a -= 1 }
            if a >= s, t[a].lower == ",", let m = mention(at: a - 1), isPersonish(mentions[m]), mentions[m].type == .person {
                roles.append(RoleCandidate(mention: m, role: hit.info.role, qualifier: qualifier ?? q2, kind: hit.info.kind, former: former))
                continue
            }
            // copula: "Trump had become the president-elect"
            if a >= s, ["the", "a"].contains(determiner) || determiner.isEmpty {
                var c = j - 1
                if c >= s, ["become", "became", "is", "was", "remains", "been"].contains(t[c].lower) {
                    while c >= s, ["become", "became", "is", "was", "had", "has", "remains", "been"].contains(t[c].lower) { c -= 1 }
                    if let m = mention(at: c), mentions[m].type == .person {
                        roles.append(RoleCandidate(mention: m, role: hit.info.role, qualifier: qualifier ?? q2, kind: hit.info.kind, former: former))
                        continue
                    }
                }
            }
            // description standing for a person: "the Russian president", "the Kremlin spokesman"
            if determiner == "the", hit.info.kind != "job", !former, j >= s {
                var d = Mention(begin: v.cpStart[j], end: v.cpEnd[hit.range.upperBound - 1],
                                text: String(decoding: UnsafeBufferPointer(rebasing: text[t[j].start..<t[hit.range.upperBound - 1].end]), as: UTF8.self),
                                type: .person, kb: nil, sentence: v.index, words: [])
                d.descriptor = Descriptor(role: hit.info.role, qualifier: qualifier)
                d.inQuote = v.inQuote[j]
                mentions.append(d)
            }
        }
        // family ties: "his son, Hunter Biden", "Netanyahu’s wife, Sara"
        for i in s..<e {
            guard let kind = RelationExtractor.kin[t[i].lower], i + 1 < e else { continue }
            var k = i + 1
            if t[k].lower == "," { k += 1 }
            guard let b = mention(at: k), mentions[b].type == .person || (mentions[b].type == nil && mentions[b].orgClass == nil) else { continue }
            var antecedent: Int? = nil
            if i - 1 >= s {
                if t[i - 1].lower == "'s", let a = mention(at: i - 2) { antecedent = a }
                else if ["his", "her"].contains(t[i - 1].lower) {
                    antecedent = (s..<(i - 1)).reversed().compactMap { mention(at: $0) }.first { mentions[$0].type == .person || (mentions[$0].type == nil && mentions[$0].orgClass == nil) } ?? lastPerson
                }
            }
            if let a = antecedent, a != b {
                if mentions[b].type == nil { mentions[b].type = .person }
                family.append(FamilyCandidate(a: a, b: b, kind: kind))
            }
        }
    }
}
