import Foundation
import NTriples
import RDF
import Turtle

/// Locates the shared data folder (W3C suites, reference data, seeds) that lives beside the
/// package as `../shared`, so tests find it from any worktree without configuration.
public enum SharedData {
    /// `$NEWSGRAPH_SHARED` when set, otherwise `../shared` next to the package root; nil when
    /// neither exists — conformance tests then print a skip message and call `XCTSkip`.
    public static var directory: URL? {
        let fm = FileManager.default
        if let env = ProcessInfo.processInfo.environment["NEWSGRAPH_SHARED"], !env.isEmpty {
            var isDir: ObjCBool = false
            if fm.fileExists(atPath: env, isDirectory: &isDir), isDir.boolValue { return URL(fileURLWithPath: env, isDirectory: true) }
            return nil
        }
        let candidate = packageRoot.deletingLastPathComponent().appendingPathComponent("shared", isDirectory: true)
        var isDir: ObjCBool = false
        if fm.fileExists(atPath: candidate.path, isDirectory: &isDir), isDir.boolValue { return candidate.standardizedFileURL }
        return nil
    }

    /// The package root (the folder holding Package.swift), derived from this file's path.
    public static var packageRoot: URL {
        // .../<root>/Tests/TestSupport/TestSupport.swift
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    /// `directory/conformance/<suite>` when present.
    public static func conformance(_ suite: String) -> URL? {
        guard let dir = directory?.appendingPathComponent("conformance").appendingPathComponent(suite) else { return nil }
        return FileManager.default.fileExists(atPath: dir.path) ? dir : nil
    }
}

/// One test of a W3C manifest. The common properties are decoded; anything else (SHACL's
/// `sht:dataGraph`, an `mf:result` that is a node rather than a file) is read from `graph`
/// starting at `node`.
public struct ManifestEntry: Sendable {
    /// The short name of the test: the IRI's fragment, or its last path segment.
    public var id: String
    /// The entry's full IRI (file-based, from the manifest read with a `file://` base).
    public var iri: String
    /// `mf:name`, else `rdfs:label`, else `id`.
    public var name: String
    /// The `rdf:type`s of the entry, as full IRIs.
    public var types: [IRI]
    /// `mf:action` when it names a file.
    public var action: URL?
    /// `mf:result` when it names a file.
    public var result: URL?
    /// The raw `mf:action` / `mf:result` terms (blank nodes or literals included).
    public var actionTerm: Term?
    public var resultTerm: Term?
    /// The manifest file that lists this entry, and its `mf:assumedTestBase` if any.
    public var manifest: URL
    public var assumedTestBase: String?
    /// The whole manifest graph the entry comes from, and the entry's node in it.
    public var graph: Graph
    public var node: Term

    /// The local names of `types` (`TestTurtleEval`, `Validate`, …), for quick checks.
    public var typeNames: [String] { types.map { ManifestEntry.localName($0.value) } }

    /// True when one of the entry's types has this local name.
    public func hasType(_ localName: String) -> Bool { typeNames.contains(localName) }

    /// The published URL of a file of this suite: `testBase` plus the file's path relative to the
    /// manifest's folder. Suites are parsed with it as base IRI (see the conformance README).
    public func publishedIRI(of file: URL, testBase: String? = nil) -> String {
        let base = testBase ?? assumedTestBase ?? ""
        let dir = manifest.deletingLastPathComponent().standardizedFileURL.path
        let path = file.standardizedFileURL.path
        let relative = path.hasPrefix(dir + "/") ? String(path.dropFirst(dir.count + 1)) : file.lastPathComponent
        return base + relative
    }

    /// Objects of `predicate` on this entry.
    public func values(_ predicate: IRI) -> [Term] { graph.matching(subject: node, predicate: .iri(predicate)).map(\.object) }

    static func localName(_ iri: String) -> String {
        if let h = iri.lastIndex(of: "#") { return String(iri[iri.index(after: h)...]) }
        if let s = iri.lastIndex(of: "/") { return String(iri[iri.index(after: s)...]) }
        return iri
    }
}

/// Reads W3C test manifests (Turtle).
public enum Manifest {
    public static let mf = Namespace(prefix: "mf", iri: "http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#")

    /// The entries listed in `mf:entries`, in order, followed by those of every `mf:include`d
    /// manifest (recursively). The manifest is read with its `file://` URL as base, so `action`
    /// and `result` are local files.
    public static func load(_ url: URL) throws -> [ManifestEntry] {
        var visited = Set<String>()
        return try load(url.standardizedFileURL, visited: &visited)
    }

    static func load(_ url: URL, visited: inout Set<String>) throws -> [ManifestEntry] {
        guard visited.insert(url.path).inserted else { return [] }
        let graph = try readTurtle(url, base: url.absoluteString)
        let index = GraphIndex(graph)
        let manifestNode = Term.iri(IRI(unchecked: url.absoluteString))
        var heads = index.subjects(.iri(Vocab.rdf.type), .iri(mf("Manifest")))
        if heads.isEmpty { heads = [manifestNode] }
        let testBase = heads.flatMap { index.objects($0, mf("assumedTestBase")) }.first?.iri?.value
        var out: [ManifestEntry] = []
        for head in heads {
            for list in index.objects(head, mf("entries")) {
                for node in listItems(list, index) {
                    out.append(entry(node, graph: graph, index: index, manifest: url, testBase: testBase))
                }
            }
        }
        for head in heads {
            for include in index.objects(head, mf("include")) {
                let targets = include.iri != nil ? [include] : listItems(include, index)
                for t in targets {
                    guard let iri = t.iri, let u = fileURL(iri.value) else { continue }
                    out += try load(u, visited: &visited)
                }
            }
        }
        return out
    }

    static func entry(_ node: Term, graph: Graph, index: GraphIndex, manifest: URL, testBase: String?) -> ManifestEntry {
        let iri: String
        switch node {
        case let .iri(i): iri = i.value
        default: iri = node.description
        }
        let id = ManifestEntry.localName(iri)
        let name = (index.objects(node, mf("name")).first ?? index.objects(node, Vocab.rdfs.label).first)?.literal?.lexicalForm ?? id
        let types = index.objects(node, Vocab.rdf.type).compactMap(\.iri)
        let action = index.objects(node, mf("action")).first
        let result = index.objects(node, mf("result")).first
        return ManifestEntry(
            id: id, iri: iri, name: name, types: types,
            action: action?.iri.flatMap { fileURL($0.value) }, result: result?.iri.flatMap { fileURL($0.value) },
            actionTerm: action, resultTerm: result, manifest: manifest, assumedTestBase: testBase,
            graph: graph, node: node)
    }

    /// Items of an RDF list, stopping on malformed or cyclic lists.
    public static func listItems(_ head: Term, _ index: GraphIndex) -> [Term] {
        var items: [Term] = []
        var node = head
        var seen = Set<Term>()
        while node != .iri(Vocab.rdf.nil), seen.insert(node).inserted {
            guard let first = index.objects(node, Vocab.rdf.first).first else { break }
            items.append(first)
            guard let rest = index.objects(node, Vocab.rdf.rest).first else { break }
            node = rest
        }
        return items
    }

    static func fileURL(_ iri: String) -> URL? {
        guard iri.hasPrefix("file://") else { return nil }
        var path = String(iri.dropFirst("file://".count))
        if let h = path.firstIndex(of: "#") { path = String(path[..<h]) }
        return URL(fileURLWithPath: path.removingPercentEncoding ?? path)
    }
}

/// Counts passes and failures of one conformance suite and prints the one summary line the
/// project's CI looks for: `SUITE conformance: N/M passed`, followed by the failing ids.
public struct ConformanceTally: Sendable {
    public let suite: String
    public private(set) var passed = 0
    public private(set) var total = 0
    public private(set) var failures: [(id: String, message: String)] = []

    public init(suite: String) { self.suite = suite }

    public mutating func record(_ id: String, passed ok: Bool, message: String = "") {
        total += 1
        if ok { passed += 1 } else { failures.append((id, message)) }
    }

    /// The summary line.
    public var summary: String { "\(suite) conformance: \(passed)/\(total) passed" }

    /// Prints the summary line and one line per failure; returns the summary.
    @discardableResult public func report() -> String {
        print(summary)
        for f in failures {
            let msg = f.message.replacingOccurrences(of: "\n", with: " | ")
            print("  FAIL \(f.id)\(msg.isEmpty ? "" : ": " + String(msg.prefix(300)))")
        }
        return summary
    }
}

/// Reads a Turtle file into a graph.
public func readTurtle(_ url: URL, base: String) throws -> Graph {
    var reader = TurtleReader(source: try InputSource(path: url.path), base: base)
    return try reader.readGraph()
}

/// Reads an N-Triples file into a graph.
public func readNTriples(_ url: URL) throws -> Graph {
    var reader = NTriplesReader(source: try InputSource(path: url.path), format: .nTriples)
    return try reader.readGraph()
}

/// Reads an N-Quads file into a dataset.
public func readNQuads(_ url: URL) throws -> Dataset {
    var reader = NTriplesReader(source: try InputSource(path: url.path), format: .nQuads)
    return try reader.readDataset()
}

/// Parses Turtle text (for small inline test fixtures).
public func parseTurtle(_ text: String, base: String? = "http://example.org/") throws -> Graph {
    var reader = TurtleReader(source: InputSource(string: text), base: base)
    return try reader.readGraph()
}

/// Parses N-Triples text.
public func parseNTriples(_ text: String) throws -> Graph {
    var reader = NTriplesReader(source: InputSource(string: text), format: .nTriples)
    return try reader.readGraph()
}
