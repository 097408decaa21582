import XCTest

final class DOTPlaceholderTests: XCTestCase {
    func testModuleLinks() {}
}
