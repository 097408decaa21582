import RDF

/// XML 1.0 (5th edition) name and character rules, shared by the reader (rdf:ID and rdf:nodeID
/// must be NCNames) and the writer (predicates must split into namespace + NCName).
enum XMLNames {
    static func isNameStart(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x41...0x5A, 0x61...0x7A, 0x5F: return true  // A-Z a-z _
        case 0xC0...0xD6, 0xD8...0xF6, 0xF8...0x2FF, 0x370...0x37D, 0x37F...0x1FFF, 0x200C...0x200D,
             0x2070...0x218F, 0x2C00...0x2FEF, 0x3001...0xD7FF, 0xF900...0xFDCF, 0xFDF0...0xFFFD,
             0x10000...0xEFFFF:
            return true
        default: return false
        }
    }

    static func isNameChar(_ c: Unicode.Scalar) -> Bool {
        if isNameStart(c) { return true }
        switch c.value {
        case 0x2D, 0x2E, 0x30...0x39, 0xB7, 0x300...0x36F, 0x203F...0x2040: return true  // - . 0-9
        default: return false
        }
    }

    /// A name without a colon (Namespaces in XML 1.0 NCName).
    static func isNCName<S: StringProtocol>(_ s: S) -> Bool {
        var first = true
        for c in s.unicodeScalars {
            if first { guard isNameStart(c) else { return false }; first = false } else if !isNameChar(c) { return false }
        }
        return !first
    }

    /// Characters XML 1.0 documents may contain (§2.2 Char).
    @inline(__always) static func isXMLChar(_ v: UInt32) -> Bool {
        switch v {
        case 0x9, 0xA, 0xD, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: return true
        default: return false
        }
    }

    /// The first scalar XML 1.0 cannot hold, if any (fast path over UTF-8 bytes).
    static func firstNonXMLChar(_ s: String) -> Unicode.Scalar? {
        // Only C0 controls and U+FFFE/U+FFFF (EF BF BE/BF) can fail: scan the contiguous bytes for them.
        var copy = s
        let suspicious = copy.withUTF8 { p in
            p.contains { b in b < 0x20 ? (b != 0x9 && b != 0xA && b != 0xD) : b == 0xEF }
        }
        guard suspicious else { return nil }
        for c in s.unicodeScalars where !isXMLChar(c.value) { return c }
        return nil
    }

    /// Splits an IRI into a namespace and the longest suffix that is an NCName, the only way an
    /// IRI can become an XML element name. Nil when no non-empty NCName suffix exists.
    static func splitQName(_ iri: String) -> (namespace: String, local: String)? {
        let scalars = Array(iri.unicodeScalars)
        var i = scalars.count
        while i > 0 && isNameChar(scalars[i - 1]) { i -= 1 }
        while i < scalars.count && !isNameStart(scalars[i]) { i += 1 }
        guard i < scalars.count, i > 0 else { return nil }
        var ns = String.UnicodeScalarView(); ns.append(contentsOf: scalars[..<i])
        var local = String.UnicodeScalarView(); local.append(contentsOf: scalars[i...])
        return (String(ns), String(local))
    }
}

/// Names of the RDF/XML syntax (RDF 1.1 XML Syntax §5.1).
enum RDFSyntax {
    static let ns = Vocab.rdf.ns.iri
    static let xmlNS = "http://www.w3.org/XML/1998/namespace"
    static let itsNS = "http://www.w3.org/2005/11/its"
    static let coreSyntaxTerms: Set<String> = ["RDF", "ID", "about", "parseType", "resource", "nodeID", "datatype"]
    static let oldTerms: Set<String> = ["aboutEach", "aboutEachPrefix", "bagID"]

    /// Local names (in the rdf namespace) that may not be node element names.
    static func forbiddenAsNodeElement(_ local: String) -> Bool {
        coreSyntaxTerms.contains(local) || oldTerms.contains(local) || local == "li"
    }
    /// Local names (in the rdf namespace) that may not be property element names.
    static func forbiddenAsPropertyElement(_ local: String) -> Bool {
        coreSyntaxTerms.contains(local) || oldTerms.contains(local) || local == "Description"
    }
    /// Local names (in the rdf namespace) that may not be property attribute names.
    static func forbiddenAsPropertyAttribute(_ local: String) -> Bool {
        coreSyntaxTerms.contains(local) || oldTerms.contains(local) || local == "Description" || local == "li"
    }
}
