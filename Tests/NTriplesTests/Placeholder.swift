import XCTest

final class NTriplesPlaceholderTests: XCTestCase {
    func testModuleLinks() {}
}
