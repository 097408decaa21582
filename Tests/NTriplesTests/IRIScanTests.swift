@testable import NTriples
import XCTest

/// The word-at-a-time scan for bytes an IRIREF cannot hold must answer exactly as the byte-wise test.
final class IRIScanTests: XCTestCase {
    func bytewise(_ bytes: [UInt8]) -> Bool { bytes.contains { $0 < 0x80 && NTriplesWriter.isIRISpecial($0) } }

    func testWordScanEqualsTheByteWiseTest() {
        let plain = Array("https://w3id.org/newsgraph/id/doc-2025-01-01#char=12,34xyz~é".utf8)
        // every byte value at every position of strings of several lengths
        for length in [1, 7, 8, 9, 16, 23, plain.count] {
            for position in 0..<length {
                for b in 0...255 {
                    var bytes = Array(plain.prefix(length))
                    while bytes.count < length { bytes.append(0x61) }
                    bytes[position] = UInt8(b)
                    let fast = bytes.withUnsafeBufferPointer { NTriplesWriter.containsIRISpecial($0) }
                    XCTAssertEqual(fast, bytewise(bytes), "byte 0x\(String(b, radix: 16)) at \(position) of \(length)")
                }
            }
        }
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<2000 {
            let bytes = (0..<Int.random(in: 0...40, using: &rng)).map { _ in UInt8.random(in: 0...255, using: &rng) }
            XCTAssertEqual(bytes.withUnsafeBufferPointer { NTriplesWriter.containsIRISpecial($0) }, bytewise(bytes))
        }
    }
}
