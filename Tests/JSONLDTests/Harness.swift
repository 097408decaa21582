import Foundation
import JSON
import JSONLD
import RDF
import XCTest

/// Locates ../shared (or $NEWSGRAPH_SHARED) for the W3C suites.
enum Shared {
    static var directory: URL? {
        if let env = ProcessInfo.processInfo.environment["NEWSGRAPH_SHARED"], !env.isEmpty {
            return URL(fileURLWithPath: env)
        }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let candidate = root.appendingPathComponent("../shared").standardizedFileURL
        return FileManager.default.fileExists(atPath: candidate.appendingPathComponent("conformance").path) ? candidate : nil
    }
}

/// Counts results and prints the one-line summary the project's CI greps for.
final class Tally {
    let suite: String
    var passed = 0, total = 0
    var failures: [String] = []
    var skipped: [String] = []
    init(_ suite: String) { self.suite = suite }
    func record(_ id: String, _ ok: Bool, _ message: String = "") {
        total += 1
        if ok { passed += 1 } else { failures.append(message.isEmpty ? id : "\(id): \(message)") }
    }
    func skip(_ id: String, _ why: String) { skipped.append("\(id) (\(why))") }
    func report() {
        print("\(suite) conformance: \(passed)/\(total) passed")
        if !failures.isEmpty { print("  failing: " + failures.map { String($0.prefix(300)) }.joined(separator: "\n    ")) }
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

/// A tiny N-Quads reader for the expected results of the toRdf suite (test-only; the project's
/// N-Quads reader lives in the NTriples module).
enum TestNQuads {
    static func parse(_ text: String) -> Dataset {
        var d = Dataset()
        for line in text.split(whereSeparator: { $0 == "\n" || $0 == "\r" }) {
            var s = Substring(line).drop(while: { $0 == " " || $0 == "\t" })
            if s.isEmpty || s.hasPrefix("#") { continue }
            var terms: [Term] = []
            while let t = term(&s) { terms.append(t) }
            guard terms.count >= 3 else { continue }
            d.insert(Quad(terms[0], terms[1], terms[2], graph: terms.count > 3 ? terms[3] : nil))
        }
        return d
    }

    static func term(_ s: inout Substring) -> Term? {
        s = s.drop(while: { $0 == " " || $0 == "\t" })
        guard let c = s.first, c != "." else { return nil }
        if c == "<" {
            let end = s.firstIndex(of: ">")!
            let iri = unescape(s[s.index(after: s.startIndex)..<end])
            s = s[s.index(after: end)...]
            return .iri(IRI(unchecked: iri))
        }
        if c == "_" {
            let end = s.firstIndex(where: { $0 == " " || $0 == "\t" }) ?? s.endIndex
            let label = String(s[s.index(s.startIndex, offsetBy: 2)..<end])
            s = s[end...]
            return .blank(BlankNode(label))
        }
        // literal
        var i = s.index(after: s.startIndex)
        var raw = ""
        while s[i] != "\"" {
            if s[i] == "\\" { raw.append(s[i]); i = s.index(after: i) }
            raw.append(s[i]); i = s.index(after: i)
        }
        s = s[s.index(after: i)...]
        let lexical = unescape(Substring(raw))
        if s.hasPrefix("@") {
            let end = s.firstIndex(where: { $0 == " " || $0 == "\t" }) ?? s.endIndex
            var lang = String(s.dropFirst()[..<end])
            s = s[end...]
            var dir: String?
            if let r = lang.range(of: "--") { dir = String(lang[r.upperBound...]); lang = String(lang[..<r.lowerBound]) }
            return .literal(Literal(lexical, language: lang, direction: dir))
        }
        if s.hasPrefix("^^") {
            s = s.dropFirst(2)
            guard case let .iri(dt)? = term(&s) else { return nil }
            return .literal(Literal(lexical, datatype: dt))
        }
        return .literal(Literal(lexical))
    }

    static func unescape(_ s: Substring) -> String {
        guard s.contains("\\") else { return String(s) }
        var out = ""
        var it = s.makeIterator()
        while let c = it.next() {
            guard c == "\\", let e = it.next() else { out.append(c); continue }
            switch e {
            case "t": out.append("\t")
            case "n": out.append("\n")
            case "r": out.append("\r")
            case "b": out.append("\u{08}")
            case "f": out.append("\u{0C}")
            case "\"": out.append("\"")
            case "'": out.append("'")
            case "\\": out.append("\\")
            case "u", "U":
                var hex = ""
                for _ in 0..<(e == "u" ? 4 : 8) { if let h = it.next() { hex.append(h) } }
                if let v = UInt32(hex, radix: 16), let sc = Unicode.Scalar(v) { out.unicodeScalars.append(sc) }
            default: out.append(e)
            }
        }
        return out
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
