import XCTest

final class SHACLPlaceholderTests: XCTestCase {
    func testModuleLinks() {}
}
