import CLibXML2

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

    /// Canonical content of `root`, which must be the root element of `doc`.
    static func canonicalContent(ofRoot root: xmlNodePtr, in doc: xmlDocPtr) -> String? {
        guard let out = xmlAllocOutputBuffer(nil) else { return nil }
        let visible: xmlC14NIsVisibleCallback = { user, n, parent in
            guard let user, let n else { return 0 }
            let root = user.assumingMemoryBound(to: xmlNode.self)
            if n == root { return 0 }
            // xmlNs, xmlAttr and xmlNode all keep their type as the second field.
            let t = n.pointee.type
            var p: xmlNodePtr?
            if t == XML_NAMESPACE_DECL || t == XML_ATTRIBUTE_NODE {
                guard let parent, parent != root else { return 0 }
                p = parent.pointee.parent
            } else {
                p = n.pointee.parent
            }
            while let q = p {
                if q == root { return 1 }
                p = q.pointee.parent
            }
            return 0
        }
        let rc = xmlC14NExecute(doc, visible, UnsafeMutableRawPointer(root), Int32(XML_C14N_EXCLUSIVE_1_0.rawValue), nil, 1, out)
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
