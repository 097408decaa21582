import Foundation
import RDF
import RDFXML
import XCTest

/// Temporary: minimal N-Triples line parser for the expected results until TestSupport lands.
enum NTriplesForTests {
    static func parse(_ text: String) throws -> Graph {
        var g = Graph()
        var labels: [String: BlankNode] = [:]
        for rawLine in text.split(whereSeparator: { $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) {
            var s = Substring(rawLine).drop(while: { $0 == " " || $0 == "\t" })
            if s.isEmpty || s.hasPrefix("#") { continue }
            var terms: [Term] = []
            while terms.count < 3 {
                s = s.drop(while: { $0 == " " || $0 == "\t" })
                if s.hasPrefix("<") {
                    let end = s.firstIndex(of: ">")!
                    terms.append(.iri(IRI(unchecked: unescape(s[s.index(after: s.startIndex)..<end]))))
                    s = s[s.index(after: end)...]
                } else if s.hasPrefix("_:") {
                    let end = s.firstIndex(where: { $0 == " " || $0 == "\t" || $0 == "." }) ?? s.endIndex
                    let label = String(s[s.index(s.startIndex, offsetBy: 2)..<end])
                    let b = labels[label] ?? BlankNode("e" + label)
                    labels[label] = b
                    terms.append(.blank(b))
                    s = s[end...]
                } else if s.hasPrefix("\"") {
                    var i = s.index(after: s.startIndex)
                    var raw = ""
                    while s[i] != "\"" {
                        if s[i] == "\\" { raw.append(s[i]); i = s.index(after: i) }
                        raw.append(s[i]); i = s.index(after: i)
                    }
                    s = s[s.index(after: i)...]
                    let lex = unescape(Substring(raw))
                    if s.hasPrefix("@") {
                        let end = s.firstIndex(where: { $0 == " " || $0 == "\t" }) ?? s.endIndex
                        terms.append(.literal(Literal(lex, language: String(s[s.index(after: s.startIndex)..<end]))))
                        s = s[end...]
                    } else if s.hasPrefix("^^<") {
                        let end = s.firstIndex(of: ">")!
                        terms.append(.literal(Literal(lex, datatype: IRI(unchecked: String(s[s.index(s.startIndex, offsetBy: 3)..<end])))))
                        s = s[s.index(after: end)...]
                    } else {
                        terms.append(.literal(Literal(lex)))
                    }
                } else {
                    throw SyntaxError("bad N-Triples line: \(rawLine)")
                }
            }
            g.insert(Triple(terms[0], terms[1], terms[2]))
        }
        return g
    }

    static func unescape(_ s: Substring) -> String {
        guard s.contains("\\") else { return String(s) }
        var out = ""
        var it = s.unicodeScalars.makeIterator()
        while let c = it.next() {
            guard c == "\\", let e = it.next() else { out.unicodeScalars.append(c); continue }
            switch e {
            case "n": out += "\n"
            case "r": out += "\r"
            case "t": out += "\t"
            case "\"": out += "\""
            case "\\": out += "\\"
            case "u", "U":
                var hex = ""
                for _ in 0..<(e == "u" ? 4 : 8) { if let h = it.next() { hex.unicodeScalars.append(h) } }
                if let v = UInt32(hex, radix: 16), let sc = Unicode.Scalar(v) { out.unicodeScalars.append(sc) }
            default: out.unicodeScalars.append(e)
            }
        }
        return out
    }
}

final class DevConformanceTests: XCTestCase {
    func testDevRDFXMLSuite() throws {
        let dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../../shared/conformance/rdf-xml").standardized
        let manifest = try String(contentsOf: dir.appendingPathComponent("manifest.ttl"), encoding: .utf8)
        let blocks = manifest.components(separatedBy: "\n<#").dropFirst()
        var passed = 0, total = 0
        var failures: [String] = []
        for block in blocks {
            guard let idEnd = block.firstIndex(of: ">") else { continue }
            let id = String(block[..<idEnd])
            guard block.contains("rdft:TestXML") else { continue }
            func field(_ name: String) -> String? {
                guard let r = block.range(of: name + " <") else { return nil }
                let rest = block[r.upperBound...]
                return String(rest[..<rest.firstIndex(of: ">")!])
            }
            guard let action = field("mf:action") else { continue }
            total += 1
            let base = "https://w3c.github.io/rdf-tests/rdf/rdf11/rdf-xml/" + action
            let negative = block.contains("TestXMLNegativeSyntax")
            do {
                var reader = RDFXMLReader(source: try InputSource(path: dir.appendingPathComponent(action).path), base: base)
                let g = try reader.readGraph()
                if negative { failures.append("\(id): accepted a negative test"); continue }
                let expected = try NTriplesForTests.parse(try String(contentsOf: dir.appendingPathComponent(field("mf:result")!), encoding: .utf8))
                if Isomorphism.isIsomorphic(g, expected) { passed += 1 } else {
                    failures.append("\(id): not isomorphic\n" + Isomorphism.difference(g, expected))
                }
            } catch {
                if negative { passed += 1 } else { failures.append("\(id): \(error)") }
            }
        }
        print("dev rdf-xml conformance: \(passed)/\(total) passed")
        for f in failures { print("  FAIL " + f) }
    }
}

final class DevRoundTripTests: XCTestCase {
    func testDevRoundTrip() throws {
        let shared = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../../shared/conformance").standardized
        var files: [URL] = []
        for sub in ["ntriples", "turtle", "rdf-xml"] {
            let dir = shared.appendingPathComponent(sub)
            let e = FileManager.default.enumerator(at: dir, includingPropertiesForKeys: nil)!
            for case let u as URL in e where u.pathExtension == "nt" && !u.lastPathComponent.contains("bad") { files.append(u) }
        }
        files.sort { $0.path < $1.path }
        var ok = 0, refused: [String] = [], failed: [String] = []
        for f in files {
            guard let g = try? NTriplesForTests.parse(String(contentsOf: f, encoding: .utf8)) else { continue }
            let xml: String
            do { xml = try RDFXMLWriter().string(g) } catch { refused.append("\(f.lastPathComponent): \(error)"); continue }
            do {
                var r = RDFXMLReader(source: InputSource(string: xml), base: nil)
                let back = try r.readGraph()
                if Isomorphism.isIsomorphic(g, back) { ok += 1 } else { failed.append("\(f.path): " + Isomorphism.difference(g, back) + "\n" + xml) }
            } catch { failed.append("\(f.path): \(error)\n\(xml)") }
        }
        print("dev round trip: \(ok) ok, \(refused.count) refused, \(failed.count) failed of \(files.count)")
        for r in refused { print("  REFUSED " + r) }
        for r in failed { print("  FAIL " + r) }
    }
}
