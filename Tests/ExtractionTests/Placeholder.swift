import XCTest

final class ExtractionPlaceholderTests: XCTestCase {
    func testModuleLinks() {}
}
