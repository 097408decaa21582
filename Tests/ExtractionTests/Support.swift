import Foundation
import XCTest
@testable import Extraction

/// Shared fixtures: one pipeline for all tests (resources load once), and the seeds/corpus locations.
enum Fixture {
    static let pipeline: Pipeline = {
        do { return try Pipeline(options: ExtractionOptions(mentions: true)) } catch { fatalError("resources: \(error)") }
    }()
    static var packageRoot: URL { URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent() }
    static var sharedDirectory: URL? {
        if let env = ProcessInfo.processInfo.environment["NEWSGRAPH_SHARED"] { return URL(fileURLWithPath: env) }
        let u = packageRoot.deletingLastPathComponent().appendingPathComponent("shared")
        return FileManager.default.fileExists(atPath: u.path) ? u : nil
    }
    static func seeds() throws -> [Document] {
        let dir = packageRoot.appendingPathComponent("seeds")
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".txt") }.sorted()
        return try files.map { f in
            Document(id: String(f.dropLast(4)), text: try String(contentsOf: dir.appendingPathComponent(f), encoding: .utf8))
        }
    }
    static let seedAnalyses: [DocumentAnalysis] = { (try? seeds())?.map { pipeline.analyze($0) } ?? [] }()
    static let seedDataset = CorpusMerger.merge(seedAnalyses, options: ExtractionOptions(mentions: true), kb: pipeline.kb)
}
