import Foundation
import RDF

/// `newsgraph merge`: joins the outputs of sharded builds (`build --shard I/N`) into the files a
/// single build of the whole corpus writes.
///
/// IRIs are minted from stable keys, so the shards already agree on every name; what a shard
/// cannot know is the rest of the corpus' description of an entity or event it shares with other
/// shards (the alternate names another article used, a denial another article reported). A single
/// build puts that merged description into every document graph that mentions the node; `merge`
/// does the same from the union of the shards' graphs.
public enum ShardMerger {
    /// Properties that describe an entity as a whole (as opposed to per-document facts such as a
    /// role, a job title or a nationality, which stay in the graph of the article that states them).
    static let entityDescription: Set<Term> = Set([
        Vocab.rdf.type, Vocab.schema.name, Vocab.schema.alternateName, Vocab.schema.sameAs, Vocab.owl.sameAs,
        Vocab.schema.ns("identifier"), Vocab.schema.ns("areaServed"), Vocab.schema.ns("containedInPlace"),
        Vocab.schema.ns("parentOrganization"),
    ].map(Term.iri))

    /// Per-document links of an event that are not part of its shared description.
    static let eventLocal: Set<Term> = Set([Vocab.prov.wasDerivedFrom, NewsGraphPrefixes.grasp("hasAttribution")].map(Term.iri))

    static let entityClasses: Set<Term> = Set(
        ["Person", "Country", "Organization", "GovernmentOrganization", "NewsMediaOrganization", "Corporation",
         "EducationalOrganization", "Place", "City", "AdministrativeArea"].map { Term.iri(Vocab.schema.ns($0)) })

    /// The merged dataset of several shard datasets.
    public static func merge(_ shards: [Dataset]) -> Dataset {
        var union = Dataset()
        for s in shards { union.formUnion(s.quads) }
        let triples = union.union
        let index = GraphIndex(triples)
        var kind: [Term: Bool] = [:]  // true: event, false: entity
        for t in triples where t.predicate == .iri(Vocab.rdf.type) {
            if t.object == .iri(Vocab.schema.Event) { kind[t.subject] = true }
            else if entityClasses.contains(t.object), kind[t.subject] == nil { kind[t.subject] = false }
        }
        var description: [Term: [(Term, Term)]] = [:]
        for (subject, isEvent) in kind {
            var d: [(Term, Term)] = []
            for (p, objects) in index.bySubject[subject] ?? [:] {
                let keep = isEvent ? !eventLocal.contains(p) : entityDescription.contains(p)
                if keep { for o in objects { d.append((p, o)) } }
            }
            description[subject] = d
        }
        var merged = union
        for q in union.quads {
            guard let g = q.graph, q.predicate == .iri(Vocab.prov.wasDerivedFrom), q.object == g,
                  let d = description[q.subject] else { continue }
            for (p, o) in d { merged.insert(Quad(q.subject, p, o, graph: g)) }
        }
        return merged
    }

    /// Reads `graph.nq` from each shard directory, merges, and writes every format into `output`.
    public static func run(shardDirectories: [String], output: String, formats: [OutputFormat] = Builder.defaultFormats) throws -> BuildSummary {
        let start = Date()
        guard !shardDirectories.isEmpty else { throw NewsGraphFailure.usage("give at least one shard directory") }
        var shards: [Dataset] = []
        for dir in shardDirectories {
            let path = (dir as NSString).appendingPathComponent("graph.nq")
            guard FileManager.default.fileExists(atPath: path) else {
                throw NewsGraphFailure.unreadable("\(dir): no graph.nq (build each shard with the nq format)")
            }
            shards.append(try RDFFiles.read(path: path, format: .nQuads))
        }
        var summary = BuildSummary()
        summary.dataset = merge(shards)
        summary.documents = summary.dataset.graphNames.count
        summary.triples = summary.dataset.union.count
        summary.quads = summary.dataset.count
        summary.files = try Builder.write(summary.dataset, to: output, formats: formats)
        summary.seconds = Date().timeIntervalSince(start)
        return summary
    }
}
