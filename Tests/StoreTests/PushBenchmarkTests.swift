import Foundation
import RDF
import Store
import XCTest

/// Push throughput against a local Oxigraph server beside `oxigraph load` on the same N-Triples
/// file. Opt-in (it takes a while): `NEWSGRAPH_STORE_BENCH=1000000 swift test -c release …`.
final class PushBenchmarkTests: XCTestCase {
    func testPushThroughputBesideOxigraphLoad() throws {
        guard let n = ProcessInfo.processInfo.environment["NEWSGRAPH_STORE_BENCH"].flatMap({ Int($0) }), n > 0 else {
            print("StoreTests: skipping push benchmark (set NEWSGRAPH_STORE_BENCH=<triples> to run it)")
            throw XCTSkip("set NEWSGRAPH_STORE_BENCH=<triples> to run the push benchmark")
        }
        let server = try OxigraphServer.start(for: self)
        let chunk = ProcessInfo.processInfo.environment["NEWSGRAPH_STORE_BENCH_CHUNK"].flatMap { Int($0) } ?? 50_000

        for kind in [StoreProtocol.graphStore, .dataset, .update] {
            let client = GraphStoreClient(endpoint: server.baseURL, configuration: StoreConfiguration(
                protocolKind: kind, chunkTriples: chunk, timeout: 300, credentials: nil))
            var source = GeneratedSource(count: n)
            let start = Date()
            let report = try client.push(&source, options: PushOptions(target: .defaultGraph, replace: true))
            let seconds = Date().timeIntervalSince(start)
            XCTAssertEqual(report.triplesSent, n)
            XCTAssertEqual(try client.count(.defaultGraph), n)
            print(String(format: "push %@ (%d-triple chunks): %d triples in %.2f s = %.0f triples/s",
                         kind.rawValue, chunk, n, seconds, Double(n) / seconds))
        }

        // The same statements as a file, loaded by Oxigraph's own bulk loader into a fresh store.
        guard let exe = OxigraphServer.executable() else { return }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("newsgraph-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("bench.nt")
        _ = FileManager.default.createFile(atPath: file.path, contents: nil)
        let handle = try FileHandle(forWritingTo: file)
        var source = GeneratedSource(count: n)
        var buffer = ""
        while let q = try source.next() {
            buffer += q.description + "\n"
            if buffer.utf8.count > 1 << 20 { handle.write(Data(buffer.utf8)); buffer = "" }
        }
        handle.write(Data(buffer.utf8))
        try handle.close()
        let load = Process()
        load.executableURL = exe
        load.arguments = ["load", "--location", dir.appendingPathComponent("db").path, "--file", file.path]
        load.standardOutput = FileHandle.nullDevice
        load.standardError = FileHandle.nullDevice
        let start = Date()
        try load.run()
        load.waitUntilExit()
        let seconds = Date().timeIntervalSince(start)
        XCTAssertEqual(load.terminationStatus, 0)
        print(String(format: "oxigraph load: %d triples in %.2f s = %.0f triples/s", n, seconds, Double(n) / seconds))
    }
}
