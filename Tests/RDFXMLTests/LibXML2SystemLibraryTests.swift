import CLibXML2
import XCTest

/// Proves the `CLibXML2` system library target links and works on this platform (issue 2 item 1).
final class LibXML2SystemLibraryTests: XCTestCase {
    func testParsesSmallDocumentThroughCLibXML2() throws {
        let xml = Array("<root xmlns=\"http://example.org/\"><child a=\"1\">text</child></root>".utf8)
        let doc = xml.withUnsafeBufferPointer { buf in
            buf.withMemoryRebound(to: CChar.self) {
                xmlReadMemory($0.baseAddress, Int32($0.count), nil, "UTF-8", Int32(XML_PARSE_NONET.rawValue))
            }
        }
        let parsed = try XCTUnwrap(doc)
        defer { xmlFreeDoc(parsed) }
        let root = try XCTUnwrap(xmlDocGetRootElement(parsed))
        XCTAssertEqual(String(cString: root.pointee.name), "root")
        XCTAssertEqual(String(cString: try XCTUnwrap(root.pointee.ns?.pointee.href)), "http://example.org/")
        let child = try XCTUnwrap(xmlFirstElementChild(root))
        let content = try XCTUnwrap(xmlNodeGetContent(child))
        defer { free(content) }
        XCTAssertEqual(String(cString: content), "text")
    }
}
