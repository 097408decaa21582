import Foundation
import RDF
import XCTest
@testable import DOT

/// Checks DOT the way CI does: with the library's checker always, and with Graphviz's `dot`
/// when it is installed, requiring that `dot -Tsvg` prints nothing on stderr.
enum DOTAssert {
    static let temporaryDirectory: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("newsgraph-dot-tests-\(getpid())")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }()

    /// Returns the SVG when Graphviz rendered it, nil when Graphviz is not installed.
    @discardableResult
    static func accepted(_ dot: String, name: String, file: StaticString = #filePath, line: UInt = #line) -> String? {
        do {
            try DOTChecker.check(dot, file: name)
        } catch {
            XCTFail("DOTChecker rejected \(name): \(error)", file: file, line: line)
        }
        if ProcessInfo.processInfo.environment["NEWSGRAPH_DOT_DUMP"] != nil {
            // For looking at the pictures: `dot -Tpng $TMPDIR/newsgraph-dot-tests-PID/NAME.dot`.
            try? dot.write(to: temporaryDirectory.appendingPathComponent(name + ".dot"), atomically: true, encoding: .utf8)
        }
        guard Graphviz.isInstalled else { return nil }
        let out = temporaryDirectory.appendingPathComponent(name + ".svg").path
        do {
            let stderr = try Graphviz.render(dot: dot, format: .svg, to: out)
            XCTAssertEqual(stderr, "", "dot -Tsvg printed warnings for \(name)", file: file, line: line)
            return try String(contentsOfFile: out, encoding: .utf8)
        } catch {
            XCTFail("dot rejected \(name): \(error)", file: file, line: line)
            return nil
        }
    }
}

extension GraphView {
    func node(named name: String) -> ViewNode? { nodes.first { $0.name == name } }
    var names: [String] { nodes.map(\.name).sorted() }
    struct EdgeInfo { var label: String; var style: EdgeStyle; var tooltip: String }
    func edges(from: String, to: String) -> [EdgeInfo] {
        edges.filter { nodes[$0.from].name == from && nodes[$0.to].name == to }
            .map { EdgeInfo(label: text($0.label), style: $0.style, tooltip: text($0.tooltip)) }
    }
}
