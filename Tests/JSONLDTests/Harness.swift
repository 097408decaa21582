import Foundation
import JSON
import JSONLD
import NTriples
import RDF
import TestSupport
import XCTest

enum Shared {
    static var directory: URL? { SharedData.directory }
}

/// The project's ConformanceTally plus the list of skipped entries (printed, never counted as passes).
final class Tally {
    var tally: ConformanceTally
    var skipped: [String] = []
    init(_ suite: String) { tally = ConformanceTally(suite: suite) }
    func record(_ id: String, _ ok: Bool, _ message: String = "") { tally.record(id, passed: ok, message: String(message.prefix(300))) }
    func skip(_ id: String, _ why: String) { skipped.append("\(id) (\(why))") }
    func report() {
        tally.report()
        if !skipped.isEmpty { print("  skipped \(skipped.count): " + skipped.joined(separator: ", ")) }
    }
}

/// JSON-LD object comparison (test-suite README): objects by member, arrays without order
/// except `@list` values, language tags case-insensitively.
enum JSONLDCompare {
    static func equal(_ a: JSONValue, _ b: JSONValue, ordered: Bool = false) -> Bool {
        switch (a, b) {
        case let (.object(x), .object(y)):
            guard x.count == y.count else { return false }
            for k in x.keys {
                guard let xv = x[k], let yv = y[k] else { return false }
                if k == "@language", let s = xv.stringValue, let t = yv.stringValue {
                    if s.lowercased() != t.lowercased() { return false }
                    continue
                }
                if !equal(xv, yv, ordered: ordered || k == "@list") { return false }
            }
            return true
        case let (.array(x), .array(y)):
            guard x.count == y.count else { return false }
            if ordered { return zip(x, y).allSatisfy { equal($0, $1) } }
            var used = [Bool](repeating: false, count: y.count)
            outer: for xe in x {
                for (j, ye) in y.enumerated() where !used[j] && equal(xe, ye) { used[j] = true; continue outer }
                return false
            }
            return true
        default:
            return a == b
        }
    }
}

/// N-Quads text through the project's reader (NTriples module).
enum TestNQuads {
    static func parse(_ text: String) throws -> Dataset {
        var reader = NTriplesReader(source: InputSource(string: text), format: .nQuads)
        return try reader.readDataset()
    }
}

/// Reads one of the W3C JSON-LD manifests and runs its entries.
struct JSONLDSuite {
    static let baseIRI = "https://w3c.github.io/json-ld-api/tests/"
    let folder: URL
    let name: String

    struct Entry {
        var id: String
        var types: [String]
        var input: String
        var expect: String?
        var context: String?
        var errorCode: String?
        var option: JSONObject
        var requires: String?
    }

    init?(_ name: String) {
        guard let shared = Shared.directory else { return nil }
        self.folder = shared.appendingPathComponent("conformance/json-ld")
        self.name = name
    }

    func entries() throws -> [Entry] {
        let data = try Data(contentsOf: folder.appendingPathComponent("\(name)-manifest.jsonld"))
        let m = try JSONParser.parse(Array(data))
        return (m["sequence"]?.arrayValue ?? []).map { t in
            Entry(id: t["@id"]?.stringValue ?? "?", types: t["@type"]?.asArray.compactMap(\.stringValue) ?? [],
                  input: t["input"]?.stringValue ?? "", expect: t["expect"]?.stringValue, context: t["context"]?.stringValue,
                  errorCode: t["expectErrorCode"]?.stringValue, option: t["option"]?.objectValue ?? [:],
                  requires: t["requires"]?.stringValue)
        }
    }

    func loader() -> StandardDocumentLoader {
        StandardDocumentLoader(mappings: [(Self.baseIRI, folder.path)])
    }

    func json(_ relative: String) throws -> JSONValue {
        let data = try Data(contentsOf: folder.appendingPathComponent(relative))
        return try JSONParser.parse(Array(data), file: relative, options: .init(duplicateKeys: .lastWins))
    }

    func text(_ relative: String) throws -> String {
        try String(contentsOf: folder.appendingPathComponent(relative), encoding: .utf8)
    }

    /// The options an entry asks for; nil with a reason when the entry is out of scope.
    func options(_ e: Entry) -> (JSONLDOptions?, String?) {
        if e.option["specVersion"] == "json-ld-1.0" { return (nil, "json-ld-1.0 only") }
        if e.input.hasSuffix(".html") { return (nil, "HTML input") }
        var o = JSONLDOptions(base: Self.baseIRI + e.input)
        o.documentLoader = loader()
        if let b = e.option["base"]?.stringValue { o.base = b }
        if e.option["processingMode"] == "json-ld-1.0" { o.processingMode = .jsonLD10 }
        if let ec = e.option["expandContext"]?.stringValue {
            guard let v = try? json(ec) else { return (nil, "expandContext unreadable") }
            o.expandContext = v
        }
        if let d = e.option["rdfDirection"]?.stringValue { o.rdfDirection = JSONLDOptions.RDFDirection(rawValue: d) }
        if e.option["produceGeneralizedRdf"] == true { o.produceGeneralizedRdf = true }
        if e.option["compactArrays"] == false { o.compactArrays = false }
        if e.option["compactToRelative"] == false { o.compactToRelative = false }
        if e.option["useNativeTypes"] == true { o.useNativeTypes = true }
        if e.option["useRdfType"] == true { o.useRdfType = true }
        if e.option["ordered"] == true { o.ordered = true }
        return (o, nil)
    }
}

extension JSONLDCompare {
    /// Like ``equal(_:_:ordered:)`` but blank node labels (`_:x`) may differ through one consistent
    /// bijection — needed for fromRdf, since the N-Quads reader relabels blank nodes.
    static func equalModuloBlankNodes(_ a: JSONValue, _ b: JSONValue) -> Bool {
        var m: [String: String] = [:], r: [String: String] = [:]
        return eq(a, b, false, &m, &r)
    }

    private static func eq(_ a: JSONValue, _ b: JSONValue, _ ordered: Bool, _ m: inout [String: String], _ r: inout [String: String]) -> Bool {
        switch (a, b) {
        case let (.string(x), .string(y)) where x.hasPrefix("_:") && y.hasPrefix("_:"):
            if let mx = m[x] { return mx == y }
            if r[y] != nil { return false }
            m[x] = y; r[y] = x
            return true
        case let (.object(x), .object(y)):
            guard x.count == y.count else { return false }
            for k in x.keys {
                guard let xv = x[k], let yv = y[k] else { return false }
                if k == "@language", let s = xv.stringValue, let t = yv.stringValue { if s.lowercased() != t.lowercased() { return false }; continue }
                if !eq(xv, yv, ordered || k == "@list", &m, &r) { return false }
            }
            return true
        case let (.array(x), .array(y)):
            guard x.count == y.count else { return false }
            if ordered {
                for (p, q) in zip(x, y) where !eq(p, q, false, &m, &r) { return false }
                return true
            }
            var used = [Bool](repeating: false, count: y.count)
            outer: for xe in x {
                for (j, ye) in y.enumerated() where !used[j] {
                    var m2 = m, r2 = r
                    if eq(xe, ye, false, &m2, &r2) { used[j] = true; m = m2; r = r2; continue outer }
                }
                return false
            }
            return true
        default:
            return equal(a, b)
        }
    }
}

/// N-Triples from `Benchmarks/generate.py` (the benchmark's shape), read into a dataset.
enum GeneratedData {
    static func dataset(triples: Int) throws -> Dataset {
        let script = JSONLDCompactedWriterTests.packageRoot.appendingPathComponent("Benchmarks/generate.py")
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("generated-\(getpid())-\(triples).nt")
        defer { try? FileManager.default.removeItem(at: out) }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", script.path, String(triples)]
        FileManager.default.createFile(atPath: out.path, contents: nil)
        p.standardOutput = try FileHandle(forWritingTo: out)
        try p.run()
        p.waitUntilExit()
        XCTAssertEqual(p.terminationStatus, 0, "Benchmarks/generate.py failed")
        var reader = NTriplesReader(source: try InputSource(path: out.path), format: .nQuads)
        return try reader.readDataset()
    }
}
