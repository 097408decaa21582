import XCTest

final class RDFXMLPlaceholderTests: XCTestCase {
    func testModuleLinks() {}
}
