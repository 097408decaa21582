// newsgraph-bench: each reader and each writer timed on its own, so a figure says what one
// component costs rather than what a whole `convert` (read + sort + write) costs.
//
//   newsgraph-bench FILE.nt [FILE.ttl FILE.rdf FILE.jsonld …]
//
// Every file is read on its own (reader figure: parse to quads, nothing kept but a count); the
// first file's quads are then kept in memory and handed to every writer, whose bytes go to a sink
// that drops them (writer figure: formatting and buffering only, no disk). Times are CPU seconds
// of this process (CLOCK_PROCESS_CPUTIME_ID), so a busy machine does not distort them.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import NewsGraphKit
import RDF
import NTriples

/// A sink that counts bytes and throws them away.
final class DiscardSink: ByteSink {
    var count = 0
    func write(_ bytes: UnsafeRawBufferPointer) throws { count += bytes.count }
    func flush() throws {}
}

func cpuSeconds() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
}

func printError(_ message: String) {
    var line = Array((message + "\n").utf8)
    _ = line.withUnsafeMutableBytes { write(2, $0.baseAddress, $0.count) }
}

func report(_ label: String, triples: Int, bytes: Int, seconds: Double) {
    let rate = seconds > 0 ? Double(triples) / seconds : 0
    let mb = seconds > 0 ? Double(bytes) / seconds / 1e6 : 0
    let line = label.padding(toLength: 28, withPad: " ", startingAt: 0)
        + pad(fixed(seconds, 3), 8) + " CPU s " + pad(String(Int(rate)), 10) + " triples/s " + pad(fixed(mb, 1), 7) + " MB/s"
    print(line)
}

func fileSize(_ path: String) -> Int {
    var st = stat()
    return stat(path, &st) == 0 ? Int(st.st_size) : 0
}

func fixed(_ x: Double, _ digits: Int) -> String {
    var scale = 1.0
    for _ in 0..<digits { scale *= 10 }
    let n = Int((x * scale).rounded())
    let whole = String(n / Int(scale)), part = String(n % Int(scale))
    return whole + "." + String(repeating: "0", count: digits - part.count) + part
}

func pad(_ s: String, _ width: Int) -> String { String(repeating: " ", count: max(0, width - s.count)) + s }

func measure(_ body: () throws -> Void) rethrows -> Double {
    let start = cpuSeconds()
    try body()
    return cpuSeconds() - start
}

@main
enum Bench {
    static func main() {
        exit(run())
    }

    static func run() -> Int32 {
        let paths = Array(CommandLine.arguments.dropFirst())
        guard !paths.isEmpty else {
            printError("usage: newsgraph-bench FILE… (the first file's quads feed the writers)")
            return 2
        }

        do {
            var kept: [Quad] = []
            for (i, path) in paths.enumerated() {
                let format = try RDFFiles.inputFormat(path: path, explicit: nil)
                let source = try InputSource(path: path)
                var count = 0
                let seconds = try measure {
                    var reader = try RDFFiles.reader(format, source: source, options: ReadOptions(base: RDFFiles.defaultBase(path)))
                    while let q = try reader.next() {
                        count += 1
                        if i == 0 { kept.append(q) }
                    }
                }
                report("read \(format.name)", triples: count, bytes: fileSize(path), seconds: seconds)
            }

            let triples = kept.map(\.triple)
            let dataset = Dataset(kept)
            func timeWriter(_ label: String, _ body: (OutputBuffer) throws -> Void) throws {
                let sink = DiscardSink()
                let output = OutputBuffer(sink: sink)
                let seconds = try measure {
                    try body(output)
                    try output.flush()
                }
                report("write \(label)", triples: kept.count, bytes: sink.count, seconds: seconds)
            }
            try timeWriter("N-Triples (streaming)") { output in
                var w = NTriplesWriter(output: output, format: .nTriples)
                for q in kept { try w.write(q) }
                try w.finish()
            }
            try timeWriter("N-Quads (streaming)") { output in
                var w = NTriplesWriter(output: output, format: .nQuads)
                for q in kept { try w.write(q) }
                try w.finish()
            }
            try timeWriter("N-Triples (sorted)") { try RDFFiles.write(dataset, as: .rdf(.nTriples), to: $0) }
            try timeWriter("Turtle") { try RDFFiles.write(triples: triples, as: .rdf(.turtle), to: $0) }
            try timeWriter("RDF/XML") { try RDFFiles.write(triples: triples, as: .rdf(.rdfXML), to: $0) }
            try timeWriter("JSON-LD (compacted)") { try RDFFiles.write(dataset, as: .rdf(.jsonLD), to: $0) }
            try timeWriter("DOT") { try RDFFiles.write(dataset, as: .dot, to: $0) }
        } catch {
            printError("newsgraph-bench: \(error)")
            return 1
        }
        return 0
    }
}

