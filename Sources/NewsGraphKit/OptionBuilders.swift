import Foundation
import RDF
import JSON
import JSONLD
import DOT

/// Turns the CLI's strings into library options, so the command-line layer stays declarations only
/// and every usage mistake becomes a ``NewsGraphFailure/usage(_:)`` with a precise message.
public enum ReadOptionsBuilder {
    public static func make(
        base: String?, processingMode: String?, expandContext: String?, rdfDirection: String?,
        generalizedRDF: Bool, mapURLs: [String], allowRemote: Bool
    ) throws -> ReadOptions {
        if let base, (try? IRI(base)) == nil { throw NewsGraphFailure.usage("--base '\(base)' is not an absolute IRI") }
        var jsonld = JSONLDOptions(base: base)
        if let processingMode {
            guard let mode = JSONLDOptions.ProcessingMode(rawValue: processingMode) else {
                throw NewsGraphFailure.usage("--processing-mode must be json-ld-1.0 or json-ld-1.1, not '\(processingMode)'")
            }
            jsonld.processingMode = mode
        }
        if let rdfDirection {
            guard let d = JSONLDOptions.RDFDirection(rawValue: rdfDirection) else {
                throw NewsGraphFailure.usage("--rdf-direction must be i18n-datatype or compound-literal, not '\(rdfDirection)'")
            }
            jsonld.rdfDirection = d
        }
        jsonld.produceGeneralizedRdf = generalizedRDF
        let loader = StandardDocumentLoader(allowRemote: allowRemote)
        for mapping in mapURLs {
            do { try loader.addMapping(mapping) } catch { throw NewsGraphFailure.usage("--map-url: \(error)") }
        }
        jsonld.documentLoader = loader
        if let expandContext {
            let bytes = try InputSource(path: expandContext).readAll()
            do { jsonld.expandContext = try JSONParser.parse(bytes, file: expandContext) } catch {
                throw NewsGraphFailure.invalid("\(error)")
            }
        }
        return ReadOptions(base: base, jsonld: jsonld)
    }
}

public enum JSONLDFormName {
    public static func parse(_ s: String) throws -> JSONLDWriter.Form {
        switch s.lowercased() {
        case "compact", "compacted": return .compacted
        case "expanded", "expand": return .expanded
        case "flattened", "flatten": return .flattened
        default: throw NewsGraphFailure.usage("--jsonld-form must be compact, expanded or flattened, not '\(s)'")
        }
    }
}

public enum DOTOptionsBuilder {
    public static func make(
        focus: String?, depth: Int, types: String?, maxNodes: Int?, clusterBy: String, rankdir: String,
        provenance: Bool, mentions: Bool
    ) throws -> DOTOptions {
        guard depth >= 0 else { throw NewsGraphFailure.usage("--depth must be 0 or more") }
        if let maxNodes, maxNodes < 1 { throw NewsGraphFailure.usage("--max-nodes must be at least 1") }
        guard let cluster = DOTClustering(rawValue: clusterBy.lowercased()) else {
            throw NewsGraphFailure.usage("--cluster-by must be none, document or type, not '\(clusterBy)'")
        }
        guard let dir = DOTRankDir(rawValue: rankdir.uppercased()) else {
            throw NewsGraphFailure.usage("--rankdir must be LR, TB, RL or BT, not '\(rankdir)'")
        }
        var kinds: Set<EntityKind> = []
        if let types {
            do { kinds = try EntityKind.parseList(types) } catch { throw NewsGraphFailure.usage("--types: \(error)") }
        }
        return DOTOptions(
            focus: focus, depth: depth, types: kinds, maxNodes: maxNodes, clusterBy: cluster, rankdir: dir,
            includeProvenance: provenance, includeMentions: mentions)
    }
}
