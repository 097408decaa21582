import XCTest

final class ValidationPlaceholderTests: XCTestCase {
    func testModuleLinks() {}
}
