import XCTest

final class NewsGraphKitPlaceholderTests: XCTestCase {
    func testModuleLinks() {}
}
