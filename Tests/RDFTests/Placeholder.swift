import XCTest

final class RDFPlaceholderTests: XCTestCase {
    func testModuleLinks() {}
}
