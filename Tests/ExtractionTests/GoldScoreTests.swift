import XCTest
import RDF
@testable import Extraction

/// Scores the seed graph against the hand-built gold set in Gold/ and prints precision/recall/F1 for entities,
/// links, relations and events. The gold set is read from files; nothing in the pipeline knows it.
final class GoldScoreTests: XCTestCase {
    struct PRF { var tp = 0, fp = 0, fn = 0
        var p: Double { tp + fp == 0 ? 1 : Double(tp) / Double(tp + fp) }
        var r: Double { tp + fn == 0 ? 1 : Double(tp) / Double(tp + fn) }
        var f: Double { p + r == 0 ? 0 : 2 * p * r / (p + r) }
        func line(_ name: String) -> String { String(format: "%@: P=%.3f R=%.3f F1=%.3f (tp %d, fp %d, fn %d)", name, p, r, f, tp, fp, fn) }
    }
    static func rows(_ file: String) throws -> [[String]] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Gold").appendingPathComponent(file)
        return try String(contentsOf: url, encoding: .utf8).split(separator: "\n").filter { !$0.hasPrefix("#") }
            .map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
    }

    /// The graph seen as the scorer needs it: typed nodes with names, QIDs, documents.
    struct Node { var iri: String; var type: String; var names: Set<String>; var qid: String?; var docs: Set<String> }
    static func nodes(_ ds: Dataset) -> (nodes: [String: Node], index: GraphIndex) {
        let g = ds.union
        let idx = GraphIndex(g)
        let schema = "http://schema.org/"
        let typeMap = ["Person": "person", "Country": "country", "Organization": "organization", "GovernmentOrganization": "organization",
                       "NewsMediaOrganization": "organization", "Corporation": "organization", "EducationalOrganization": "organization",
                       "Place": "place", "City": "place", "AdministrativeArea": "place"]
        var out: [String: Node] = [:]
        for t in g where t.predicate == .iri(Vocab.rdf.type) {
            guard let s = t.subject.iri?.value, let o = t.object.iri?.value, o.hasPrefix(schema) || o.hasSuffix("PoliticalParty") else { continue }
            let local = String(o.split(separator: "/").last ?? "").split(separator: "#").last.map(String.init) ?? ""
            guard let ty = typeMap[local] ?? (local == "PoliticalParty" ? "organization" : nil), out[s] == nil else { continue }
            var names = Set<String>()
            for p in ["name", "alternateName"] { for n in idx.objects(t.subject, IRI(unchecked: schema + p)) { if let l = n.literal?.lexicalForm { names.insert(fold(l)) } } }
            let qid = idx.objects(t.subject, IRI(unchecked: schema + "sameAs")).compactMap { $0.iri?.value.split(separator: "/").last.map(String.init) }.first
            let docs = Set(idx.objects(t.subject, IRI(unchecked: "http://www.w3.org/ns/prov#wasDerivedFrom")).compactMap { $0.iri?.value.split(separator: "/").last.map { String($0.dropFirst(4).prefix(3)) } })
            out[s] = Node(iri: s, type: ty, names: names, qid: qid, docs: docs)
        }
        return (out, idx)
    }

    func testScoreSeeds() throws {
        let gold = try Self.rows("entities.tsv")
        let (nodes, idx) = Self.nodes(Fixture.seedDataset)
        var ent = PRF(), link = PRF()
        var matched = Set<String>()   // "doc|iri"
        var goldByNode: [String: String] = [:]   // iri → gold QID
        var goldNodeOf: [String: String] = [:]   // "doc|name" → iri
        for r in gold where r.count >= 3 {
            let doc = r[0], type = r[1], names = Set(([r[2]] + (r.count > 4 ? r[4].split(separator: "|").map(String.init) : [])).map(fold))
            let qid = r.count > 3 && !r[3].isEmpty ? r[3] : nil
            let hit = nodes.values.sorted { $0.iri < $1.iri }.first { $0.type == type && $0.docs.contains(doc) && !$0.names.isDisjoint(with: names) && !matched.contains(doc + "|" + $0.iri) }
            if let h = hit {
                ent.tp += 1; matched.insert(doc + "|" + h.iri); goldNodeOf[doc + "|" + fold(r[2])] = h.iri
                if let q = qid { goldByNode[h.iri] = q }
                if qid != nil && h.qid == nil { link.fn += 1 }
            } else {
                ent.fn += 1; print("  missed entity:", doc, type, r[2])
                if qid != nil { link.fn += 1 }
            }
        }
        for n in nodes.values.sorted(by: { $0.iri < $1.iri }) {
            for d in n.docs.sorted() where !matched.contains(d + "|" + n.iri) { ent.fp += 1; print("  spurious entity:", d, n.type, n.names.sorted().first ?? n.iri) }
            if let q = n.qid {
                if goldByNode[n.iri] == q { link.tp += 1 } else { link.fp += 1; print("  wrong or unverified link:", n.iri, q, "gold:", goldByNode[n.iri] ?? "none") }
            }
        }
        // duplicates: two nodes of one type sharing a QID or a name
        var seen: [String: String] = [:]
        var duplicates = 0
        for n in nodes.values.sorted(by: { $0.iri < $1.iri }) {
            for k in (n.qid.map { ["q:" + $0] } ?? []) { if let o = seen[k], o != n.iri { duplicates += 1; print("  duplicate:", o, n.iri) }; seen[k] = n.iri }
        }
        // relations
        var rel = PRF()
        let schema = "http://schema.org/"
        var predicted = Set<String>()
        for (iri, n) in nodes where n.type == "person" {
            for role in idx.objects(.iri(IRI(unchecked: iri)), IRI(unchecked: schema + "memberOf")) {
                let rn = idx.objects(role, IRI(unchecked: schema + "roleName")).compactMap { $0.literal?.lexicalForm }.first ?? ""
                let docs = idx.objects(role, IRI(unchecked: "http://www.w3.org/ns/prov#wasDerivedFrom")).compactMap { $0.iri?.value.split(separator: "/").last.map { String($0.dropFirst(4).prefix(3)) } }
                for d in docs { predicted.insert(d + "|" + iri + "|role|" + fold(rn).replacingOccurrences(of: "former ", with: "")) }
            }
        }
        // facts are scored in the named graph of the document that states them
        for q in Fixture.seedDataset {
            guard let p = q.predicate.iri?.value, let sub = q.subject.iri?.value, nodes[sub]?.type == "person",
                  let kind = ["nationality": "nationality", "children": "child", "spouse": "spouse"][String(p.dropFirst(schema.count))], p.hasPrefix(schema),
                  let g = q.graph?.iri?.value.split(separator: "/").last else { continue }
            predicted.insert(String(g.dropFirst(4).prefix(3)) + "|" + sub + "|" + kind + "|" + (q.object.iri?.value ?? ""))
        }
        var used = Set<String>()
        for r in try Self.rows("relations.tsv") where r.count >= 4 {
            guard let subj = goldNodeOf[r[0] + "|" + fold(r[1])] else { rel.fn += 1; print("  missed relation (no subject):", r.joined(separator: " ")); continue }
            let key: String
            if r[2] == "role" { key = r[0] + "|" + subj + "|role|" }
            else { key = r[0] + "|" + subj + "|" + r[2] + "|" + (goldNodeOf[r[0] + "|" + fold(r[3])] ?? "?") }
            let hit = predicted.sorted().first { r[2] == "role" ? ($0.hasPrefix(key) && $0.dropFirst(key.count).hasPrefix(fold(r[3]))) : $0 == key }
            if let h = hit, !used.contains(h) { rel.tp += 1; used.insert(h) } else { rel.fn += 1; print("  missed relation:", r.joined(separator: " ")) }
        }
        let unmatchedRelations = predicted.subtracting(used).filter { p in goldNodeOf.values.contains { p.contains("|" + $0 + "|") } }
        rel.fp = unmatchedRelations.count
        for u in unmatchedRelations.sorted() { print("  unmatched relation:", u.replacingOccurrences(of: "https://w3id.org/newsgraph/id/", with: "")) }
        // events
        var evp = PRF(), dated = (ok: 0, total: 0)
        let ng = "https://w3id.org/newsgraph/ontology#"
        var events: [(iri: String, cls: String, parts: Set<String>, date: String?, docs: Set<String>, contested: Bool)] = []
        for t in Fixture.seedDataset.union where t.predicate == .iri(Vocab.rdf.type) {
            guard let o = t.object.iri?.value, o.hasPrefix(ng), let s = t.subject.iri?.value, s.contains("/event-") else { continue }
            let parts = Set(idx.objects(t.subject, IRI(unchecked: schema + "participant")).flatMap { p in nodes[p.iri?.value ?? ""]?.names ?? [] })
            let date = idx.objects(t.subject, IRI(unchecked: schema + "startDate")).first?.literal?.lexicalForm
            let docs = Set(idx.objects(t.subject, IRI(unchecked: "http://www.w3.org/ns/prov#wasDerivedFrom")).compactMap { $0.iri?.value.split(separator: "/").last.map { String($0.dropFirst(4).prefix(3)) } })
            let contested = !idx.objects(t.subject, IRI(unchecked: ng + "contested")).isEmpty
            events.append((s, String(o.dropFirst(ng.count)), parts, date, docs, contested))
        }
        var usedEvents = Set<String>()
        for r in try Self.rows("events.tsv") where r.count >= 4 {
            let parts = Set(r[1].split(separator: "|").map { fold(String($0)) })
            let docs = Set(r[3].split(separator: "|").map(String.init))
            let hit = events.first { e in
                !usedEvents.contains(e.iri) && e.cls == r[0] && !e.docs.isDisjoint(with: docs) && (parts.isEmpty || e.parts.intersection(parts).count >= min(2, parts.count)) && (r[2].isEmpty || e.date == r[2])
            }
            if let h = hit {
                evp.tp += 1; usedEvents.insert(h.iri)
                if !r[2].isEmpty { dated.total += 1; dated.ok += 1 }
                if h.docs != docs { print("  event documents differ:", r[0], r[1], "gold", docs.sorted(), "found", h.docs.sorted()) }
                if (r.count > 4 && r[4] == "yes") != h.contested { print("  event contested flag differs:", r[0], r[1]) }
            } else {
                evp.fn += 1; if !r[2].isEmpty { dated.total += 1 }
                print("  missed event:", r[0], r[1], r[2], r[3])
            }
        }
        for e in events where !usedEvents.contains(e.iri) { evp.fp += 1; print("  unmatched event:", e.iri) }
        print(ent.line("entities"))
        print(link.line("links"))
        print(rel.line("relations"))
        print(evp.line("events"))
        print("dated gold events found with their date: \(dated.ok)/\(dated.total); duplicate nodes: \(duplicates)")
        XCTAssertGreaterThanOrEqual(ent.f, 0.80, "entity F1")
        XCTAssertGreaterThanOrEqual(link.p, 0.95, "link precision")
        XCTAssertEqual(duplicates, 0)
        XCTAssertTrue(events.contains { $0.cls == "PhoneCall" && $0.date == "2024-11-07" && $0.docs == ["000", "002", "003", "004"] && $0.contested },
                      "the Nov 7 Trump–Putin call is one contested node told by four seeds")
    }
}
