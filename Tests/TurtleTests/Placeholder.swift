import XCTest

final class TurtlePlaceholderTests: XCTestCase {
    func testModuleLinks() {}
}
