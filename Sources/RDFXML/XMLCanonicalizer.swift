import CLibXML2
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Exclusive XML canonicalization (with comments, empty InclusiveNamespaces list) of an element's
/// content, the lexical form RDF/XML gives `rdf:parseType="Literal"` (RDF 1.1 XML Syntax §7.2.17).
/// The reader uses it to build XML literals and the writer to decide whether a literal can be
/// written back as markup without changing its lexical form.
enum XMLCanonicalizer {
    /// The subtree is copied into a scratch document, so namespaces declared on its ancestors come
    /// along, and `xmlC14NExecute` renders everything strictly below the copied element.
    static func canonicalContent(of element: xmlNodePtr) -> String? {
        guard let doc = xmlNewDoc("1.0") else { return nil }
        defer { xmlFreeDoc(doc) }
        guard let copy = xmlDocCopyNode(element, doc, 1) else { return nil }
        xmlDocSetRootElement(doc, copy)
        return canonicalContent(ofRoot: copy, in: doc)
    }

    /// Canonical content of `root`, which must be the root element of `doc`. Each child element is
    /// canonicalized on its own: given the whole content at once, libxml2 treats comments after the
    /// first element as lying outside the document element and adds line breaks around them.
    static func canonicalContent(ofRoot root: xmlNodePtr, in doc: xmlDocPtr) -> String? {
        var result = ""
        var child = root.pointee.children
        while let c = child {
            defer { child = c.pointee.next }
            switch c.pointee.type {
            case XML_ELEMENT_NODE:
                guard let s = canonicalElement(c, in: doc) else { return nil }
                result += s
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE, XML_ENTITY_REF_NODE:
                guard let content = xmlNodeGetContent(c) else { continue }
                result += escapeText(String(cString: content))
                free(content)
            case XML_COMMENT_NODE:
                result += "<!--" + (c.pointee.content.map { String(cString: $0) } ?? "") + "-->"
            case XML_PI_NODE:
                let target = c.pointee.name.map { String(cString: $0) } ?? ""
                let data = c.pointee.content.map { String(cString: $0) } ?? ""
                result += "<?" + target + (data.isEmpty ? "" : " " + data) + "?>"
            default:
                break
            }
        }
        return result
    }

    /// C14N text escaping (Canonical XML 1.0 §2.3).
    static func escapeText(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for c in s.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\r": out += "&#xD;"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }

    /// The exclusive canonical form of one element (with its subtree).
    static func canonicalElement(_ element: xmlNodePtr, in doc: xmlDocPtr) -> String? {
        guard let out = xmlAllocOutputBuffer(nil) else { return nil }
        let visible: xmlC14NIsVisibleCallback = { user, n, parent in
            guard let user, let n else { return 0 }
            let top = user.assumingMemoryBound(to: xmlNode.self)
            // xmlNs, xmlAttr and xmlNode all keep their type as the second field.
            let t = n.pointee.type
            var p: xmlNodePtr? = (t == XML_NAMESPACE_DECL || t == XML_ATTRIBUTE_NODE) ? parent : n
            while let q = p {
                if q == top { return 1 }
                p = q.pointee.parent
            }
            return 0
        }
        let rc = xmlC14NExecute(doc, visible, UnsafeMutableRawPointer(element), Int32(XML_C14N_EXCLUSIVE_1_0.rawValue), nil, 1, out)
        var text: String?
        if rc >= 0, let content = xmlOutputBufferGetContent(out) {
            let size = Int(xmlOutputBufferGetSize(out))
            text = String(decoding: UnsafeBufferPointer(start: content, count: size), as: UTF8.self)
        }
        xmlOutputBufferClose(out)
        return text
    }

    /// True when `lexical` is well-formed XML content (namespace-well-formed on its own) and
    /// already in the canonical form, so `rdf:parseType="Literal"` reproduces it exactly.
    static func isCanonicalContent(_ lexical: String) -> Bool {
        let wrapped = Array(("<w>" + lexical + "</w>").utf8)
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)
        guard let ctxt = xmlNewParserCtxt() else { return false }
        defer { xmlFreeParserCtxt(ctxt) }
        let parsed: xmlDocPtr? = wrapped.withUnsafeBufferPointer { buf in
            buf.withMemoryRebound(to: CChar.self) { xmlCtxtReadMemory(ctxt, $0.baseAddress, Int32($0.count), nil, "UTF-8", options) }
        }
        guard let doc = parsed else { return false }
        defer { xmlFreeDoc(doc) }
        if ctxt.pointee.wellFormed == 0 || ctxt.pointee.nsWellFormed == 0 { return false }
        if doc.pointee.intSubset != nil { return false }
        guard let root = xmlDocGetRootElement(doc) else { return false }
        return canonicalContent(ofRoot: root, in: doc) == lexical
    }
}
