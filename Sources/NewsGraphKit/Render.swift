import Foundation
import RDF
import DOT

public enum RenderRunner {
    /// Draws `input` (DOT as it is, or any RDF file through the DOT writer) with Graphviz.
    public static func run(input: String, to: String, output: String?, from: String?, base: String?, dot: DOTOptions) throws {
        guard let format = GraphvizFormat(rawValue: to.lowercased()) else {
            throw NewsGraphFailure.usage("--to must be one of \(GraphvizFormat.allCases.map(\.rawValue).joined(separator: ", ")), not '\(to)'")
        }
        let bytes: [UInt8]
        if from == nil, OutputFormat(path: input) == .dot {
            bytes = try InputSource(path: input).readAll()
            do { _ = try DOTChecker.check(bytes, file: input) } catch { throw NewsGraphFailure.invalid(error.description) }
        } else {
            let rdfFormat = try RDFFiles.inputFormat(path: input, explicit: from)
            let dataset = try RDFFiles.read(path: input, format: rdfFormat, options: ReadOptions(base: base))
            let buffer = OutputBuffer()
            try DOTWriter(options: dot).write(dataset, to: buffer)
            bytes = buffer.bytes
        }
        let target: String
        if let output { target = output } else if input == "-" { target = "graph." + format.rawValue } else {
            target = ((input as NSString).deletingPathExtension) + "." + format.rawValue
        }
        do {
            let warnings = try Graphviz.render(dot: bytes, format: format, to: target)
            if !warnings.isEmpty { FileHandle.standardError.write(Data(warnings.utf8)) }
        } catch {
            switch error {
            case .notInstalled: throw NewsGraphFailure.unreadable(error.description)
            default: throw NewsGraphFailure.invalid(error.description)
            }
        }
    }
}
