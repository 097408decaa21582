import XCTest

final class JSONLDPlaceholderTests: XCTestCase {
    func testModuleLinks() {}
}
