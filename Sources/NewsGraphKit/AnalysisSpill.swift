import Foundation
import Extraction
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The part of each document's analysis that only the emission pass of the merge reads (its text, linked
/// mentions and quotations: most of an analysis), parked in an unlinked temporary file from the moment the
/// document is extracted until the merge writes its graph, then read back one document at a time.
///
/// Why: the cross-document merge must see every document before it writes the first graph, so a build held
/// every analysis (about 40 KB an article) and its memory grew with the corpus. What the merge's first pass
/// reads (entities, relations, events) is a small fraction of that and stays in memory.
final class AnalysisSpill: @unchecked Sendable {
    private let fd: Int32
    private let name: String
    private let lock = NSLock()
    private var end = 0
    private var records: [String: (offset: Int, count: Int)] = [:]

    /// Creates the file in `directory` (the build's output directory, known to be writable) and unlinks it
    /// at once, so nothing is left behind whatever happens to the run.
    init(directory: String) throws {
        var template = Array((directory + "/.analyses-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { p -> Int32 in
            guard let base = p.baseAddress else { return -1 }
            return mkstemp(base)
        }
        name = directory + "/.analyses-XXXXXX"
        guard fd >= 0 else {
            throw NewsGraphFailure.unreadable("\(directory): cannot create a temporary file: " + String(cString: strerror(errno)))
        }
        template.withUnsafeBufferPointer { p in if let base = p.baseAddress { _ = unlink(base) } }
        self.fd = fd
    }

    deinit { close(fd) }

    /// Parks the emission detail of `analysis`; returns the analysis without it. Thread-safe.
    func park(_ analysis: DocumentAnalysis) throws -> DocumentAnalysis {
        let (compact, detail) = analysis.splitForMerging()
        var out = ByteWriter()
        out.detail(detail)
        lock.lock()
        defer { lock.unlock() }
        let offset = end
        try out.bytes.withUnsafeBytes { raw in
            var done = 0
            while done < raw.count {
                guard let base = raw.baseAddress else { return }
                let n = pwrite(fd, base + done, raw.count - done, off_t(offset + done))
                if n < 0 {
                    if errno == EINTR { continue }
                    throw NewsGraphFailure.unreadable("\(name): cannot write the temporary file: " + String(cString: strerror(errno)))
                }
                done += n
            }
        }
        end += out.bytes.count
        records[analysis.document.id] = (offset, out.bytes.count)
        return compact
    }

    /// `compact` with its parked detail restored (as it is when nothing was parked for it).
    func restore(_ compact: DocumentAnalysis) throws -> DocumentAnalysis {
        lock.lock()
        let record = records[compact.document.id]
        lock.unlock()
        guard let record else { return compact }
        var bytes = [UInt8](repeating: 0, count: record.count)
        try bytes.withUnsafeMutableBytes { raw in
            var done = 0
            while done < raw.count {
                guard let base = raw.baseAddress else { return }
                let n = pread(fd, base + done, raw.count - done, off_t(record.offset + done))
                if n < 0 && errno == EINTR { continue }
                guard n > 0 else {
                    throw NewsGraphFailure.unreadable("\(name): cannot read the temporary file back: " + String(cString: strerror(errno)))
                }
                done += n
            }
        }
        var reader = ByteReader(bytes: bytes)
        guard let detail = reader.detail() else {
            throw NewsGraphFailure.invalid("\(name): the temporary file of document '\(compact.document.id)' is damaged")
        }
        return compact.restoring(detail)
    }
}

/// Little-endian fixed-width integers and length-prefixed UTF-8: the spill's encoding, a private format that
/// only lives for one run (no versioning needed), chosen because it costs next to nothing to write and read.
struct ByteWriter {
    var bytes: [UInt8] = []

    mutating func int(_ v: Int) { withUnsafeBytes(of: Int64(v).littleEndian) { bytes.append(contentsOf: $0) } }
    mutating func optional(_ v: Int?) { int(v ?? -1) }
    mutating func string(_ s: String) {
        var s = s
        s.withUTF8 { p in int(p.count); bytes.append(contentsOf: p) }
    }

    mutating func detail(_ d: EmissionDetail) {
        string(d.text)
        int(d.mentions.count)
        for m in d.mentions { int(m.begin); int(m.end); int(m.entity); string(m.text) }
        int(d.quotes.count)
        for q in d.quotes { int(q.begin); int(q.end); optional(q.speaker); optional(q.event); string(q.text) }
    }
}

/// Reads what ``ByteWriter`` wrote; nil on truncated or inconsistent bytes, never a crash.
struct ByteReader {
    let bytes: [UInt8]
    var at = 0

    mutating func int() -> Int? {
        guard at + 8 <= bytes.count else { return nil }
        var v: Int64 = 0
        for k in (0..<8).reversed() { v = v << 8 | Int64(bytes[at + k]) }
        at += 8
        return Int(v)
    }
    mutating func optional() -> Int?? {
        guard let v = int() else { return nil }
        return .some(v < 0 ? nil : v)
    }
    mutating func string() -> String? {
        guard let n = int(), n >= 0, at + n <= bytes.count else { return nil }
        defer { at += n }
        return String(decoding: bytes[at..<at + n], as: UTF8.self)
    }
    mutating func count() -> Int? {
        guard let n = int(), n >= 0, n <= bytes.count else { return nil }
        return n
    }

    mutating func detail() -> EmissionDetail? {
        guard let text = string(), let mentionCount = count() else { return nil }
        var mentions: [EmissionDetail.MentionSpan] = []
        mentions.reserveCapacity(mentionCount)
        for _ in 0..<mentionCount {
            guard let begin = int(), let end = int(), let entity = int(), let t = string() else { return nil }
            mentions.append(.init(begin: begin, end: end, text: t, entity: entity))
        }
        guard let quoteCount = count() else { return nil }
        var quotes: [Quote] = []
        quotes.reserveCapacity(quoteCount)
        for _ in 0..<quoteCount {
            guard let begin = int(), let end = int(), let speaker = optional(), let event = optional(), let t = string() else { return nil }
            quotes.append(Quote(begin: begin, end: end, text: t, speaker: speaker, event: event))
        }
        return EmissionDetail(text: text, mentions: mentions, quotes: quotes)
    }
}
