import CLibXML2
import RDF
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A streaming RDF/XML reader (RDF 1.1 XML Syntax) on libxml2's `xmlTextReader`.
///
/// Why a pull reader: `next()` advances libxml2 only until the next triples are known, so a
/// conversion streams (memory grows only with the open elements and with the distinct rdf:ID and
/// rdf:nodeID values, remembered for duplicate checks and labels), and the grammar runs on an
/// explicit stack of frames (one per open element) rather than recursion, so nesting depth never
/// threatens the Swift stack.
/// libxml2 itself refuses documents deeper than 256 levels (we never pass `XML_PARSE_HUGE`).
///
/// Safety: the input is fed to libxml2 in 1 MiB chunks through `xmlReaderForIO` with
/// `XML_PARSE_NONET` and without `XML_PARSE_NOENT`/`DTDLOAD`/`DTDATTR`, so no DTD or external
/// entity is ever fetched. A reference to an external entity is an error (XXE); internal entities
/// are expanded by libxml2, whose amplification checks stop billion-laughs documents at once.
///
/// RDF 1.2: `its:dir` gives language-tagged literals a base direction when `rdf:version` is in
/// scope. Triple terms are not supported (the model has none): `rdf:parseType="Triple"` is an
/// error, and RDF 1.2 annotation attributes are not recognised.
///
/// Errors are ``SyntaxError``s named `FILE:LINE:COLUMN`. For libxml2's well-formedness errors the
/// position is libxml2's; for RDF grammar errors the line is that of the offending element's start
/// tag and the column is where libxml2's parser stood on that line (or 1 when it had moved on).
public final class RDFXMLReader: QuadSource {
    public let fileName: String
    let source: InputSource
    let documentBase: String
    var reader: xmlTextReaderPtr?
    let io: IOContext
    let errors = ErrorCollector()
    var started = false
    var finished = false
    /// True when libxml2 already stands on the next node (after skipping a parseType="Literal" subtree).
    var positioned = false

    var stack: [Frame] = []
    var pending: [Quad] = []
    var pendingHead = 0
    var blanks = BlankNodeGenerator(prefix: "x")
    var usedIDs: Set<String> = []
    var sawRoot = false
    /// Base direction (its:dir) in scope for the element being opened.
    var currentDir: String?
    var currentVersion12 = false
    var nameCache: [UnsafeRawPointer: [QualifiedName]] = [:]

    /// - Parameters:
    ///   - source: the document; read in chunks.
    ///   - base: the document's base IRI (its retrieval IRI), against which relative IRIs, rdf:ID and
    ///     xml:base resolve. Without one, relative references stay as written.
    public init(source: InputSource, base: String?) {
        self.source = source
        self.fileName = source.name
        self.documentBase = base ?? ""
        self.io = IOContext(source: source)
    }

    deinit {
        if let reader { xmlFreeTextReader(reader) }
    }

    /// Parses the whole document, handing each triple to `emit`.
    public func parse(_ emit: (Triple) throws -> Void) throws {
        while let q = try next() { try emit(q.triple) }
    }

    /// The line of the element that produced the quad `next()` last returned (column 1: libxml2
    /// keeps a line, not a column, on each node), so a validator can point near the statement
    /// that describes a node.
    public private(set) var subjectPosition: TextPosition?
    var stepLine = 0

    public func next() throws -> Quad? {
        while pendingHead == pending.count {
            if finished { return nil }
            pending.removeAll(keepingCapacity: true)
            pendingHead = 0
            try step()
        }
        defer { pendingHead += 1 }
        subjectPosition = stepLine > 0 ? TextPosition(line: stepLine, column: 1) : nil
        return pending[pendingHead]
    }

    // MARK: - libxml2 plumbing

    static let parseOptions: Int32 = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_BIG_LINES.rawValue)

    func open() throws -> xmlTextReaderPtr {
        xmlInitParser()
        let ctx = Unmanaged.passUnretained(io).toOpaque()
        let read: xmlInputReadCallback = { ctx, buffer, len in
            guard let ctx, let buffer, len > 0 else { return 0 }
            let io = Unmanaged<IOContext>.fromOpaque(ctx).takeUnretainedValue()
            return io.read(into: buffer, max: Int(len))
        }
        guard let r = xmlReaderForIO(read, nil, ctx, documentBase.isEmpty ? nil : documentBase, nil, Self.parseOptions) else {
            throw SyntaxError("libxml2 could not create an XML reader", at: TextPosition(line: 1, column: 1), file: fileName)
        }
        let handler: xmlStructuredErrorFunc = { arg, error in
            guard let arg, let error else { return }
            Unmanaged<ErrorCollector>.fromOpaque(arg).takeUnretainedValue().record(error)
        }
        xmlTextReaderSetStructuredErrorHandler(r, handler, Unmanaged.passUnretained(errors).toOpaque())
        return r
    }

    func libxmlError() -> SyntaxError {
        if let ioError = io.error {
            return SyntaxError("cannot read input: \(ioError)", at: nil, file: fileName)
        }
        if let e = errors.first {
            return SyntaxError(e.message, at: TextPosition(line: max(e.line, 1), column: max(e.column, 1)), file: fileName)
        }
        return SyntaxError("malformed XML", at: parserPosition(), file: fileName)
    }

    func parserPosition() -> TextPosition {
        guard let reader else { return TextPosition(line: 1, column: 1) }
        return TextPosition(line: max(Int(xmlTextReaderGetParserLineNumber(reader)), 1),
                            column: max(Int(xmlTextReaderGetParserColumnNumber(reader)), 1))
    }

    func error(_ message: String, _ node: xmlNodePtr?) -> SyntaxError {
        var pos = parserPosition()
        if let node {
            let line = Int(xmlGetLineNo(node))
            if line > 0 && line != pos.line { pos = TextPosition(line: line, column: 1) }
        }
        return SyntaxError(message, at: pos, file: fileName)
    }

    // MARK: - Event loop

    func step() throws {
        if !started {
            started = true
            reader = try open()
        }
        guard let reader else { finished = true; return }
        let r: Int32
        if positioned { positioned = false; r = 1 } else { r = xmlTextReaderRead(reader) }
        if let ioError = io.error { throw ioError }
        if errors.first != nil || r < 0 { throw libxmlError() }
        if r == 0 {
            if !stack.isEmpty || !sawRoot { throw libxmlError() }
            finished = true
            return
        }
        let type = xmlTextReaderNodeType(reader)
        if let current = xmlTextReaderCurrentNode(reader) { stepLine = Int(xmlGetLineNo(current)) }
        switch type {
        case ReaderType.element:
            guard let node = xmlTextReaderCurrentNode(reader) else { throw libxmlError() }
            let empty = xmlTextReaderIsEmptyElement(reader) == 1
            try startElement(node, isEmpty: empty)
        case ReaderType.endElement:
            try endElement(xmlTextReaderCurrentNode(reader))
        case ReaderType.text, ReaderType.cdata, ReaderType.whitespace, ReaderType.significantWhitespace:
            guard !stack.isEmpty else { return }
            guard let value = xmlTextReaderConstValue(reader) else { return }
            // Whitespace between elements (the common case outside property elements) costs no String.
            // (The frame is read in place: copying it would retain every field.)
            let top = stack.count - 1
            if stack[top].kind != .property || stack[top].hasNodeChild, Self.isWhitespace(value) { return }
            let text = String(cString: value)
            try characters(text, node: xmlTextReaderCurrentNode(reader))
        case ReaderType.entityReference:
            try entityReference(xmlTextReaderCurrentNode(reader))
        default:
            break  // comments, processing instructions, the DOCTYPE node
        }
    }

    /// An entity reference libxml2 left unexpanded: internal entities are expanded here (libxml2
    /// already checked them for amplification); an external one is refused, never loaded.
    func entityReference(_ node: xmlNodePtr?) throws {
        guard let node, let name = node.pointee.name else { return }
        let entityName = String(cString: name)
        guard let doc = node.pointee.doc, let entity = xmlGetDocEntity(doc, name) else {
            throw error("reference to undeclared entity &\(entityName);", node)
        }
        guard entity.pointee.etype == XML_INTERNAL_GENERAL_ENTITY else {
            throw error("reference to external entity &\(entityName); refused: external entities and DTDs are never loaded", node)
        }
        if let content = entity.pointee.content, strchr(UnsafeRawPointer(content).assumingMemoryBound(to: CChar.self), 0x3C) != nil {
            throw error("entity &\(entityName); contains markup, which this reader does not expand", node)
        }
        guard let text = xmlNodeGetContent(node) else { return }
        defer { free(text) }
        guard !stack.isEmpty else { return }
        try characters(String(cString: text), node: node)
    }

    // MARK: - Frames

    enum Kind { case rdfRoot, node, property, collection }

    struct Frame {
        var kind: Kind
        var base: String
        var lang: String?
        var dir: String?
        var version12 = false
        /// node: the node; property/collection: the subject of the statement.
        var subject: Term = .iri(IRI(unchecked: ""))
        var predicate: IRI = IRI(unchecked: "")
        var liCounter = 0
        var reifyID: IRI?
        var datatype: IRI?
        var text = ""
        var hasNodeChild = false
        var resourceObject: Term?
        var propertyAttributes: [(IRI, String)] = []
        var typeAttribute: IRI?
        var lastCell: Term?
        var hasAttributesBesidesID: Bool {
            datatype != nil || resourceObject != nil || !propertyAttributes.isEmpty || typeAttribute != nil
        }
    }

    struct Attribute {
        var uri: String  // namespace + local name
        var local: String
        var isRDF: Bool
        var value: String
    }

    /// Attributes that matter to RDF: xml:lang / xml:base are returned separately; other xml* names ignored.
    func attributes(of node: xmlNodePtr) throws -> (attrs: [Attribute], lang: String?, base: String?, dir: String?, version: Bool) {
        var result: [Attribute] = []
        var lang: String?
        var base: String?
        var dir: String?
        var version = false
        var attr = node.pointee.properties
        while let a = attr {
            defer { attr = a.pointee.next }
            guard let namePtr = a.pointee.name else { continue }
            let value: String
            if let child = a.pointee.children, child.pointee.next == nil, child.pointee.type == XML_TEXT_NODE, let c = child.pointee.content {
                value = String(cString: c)
            } else if let s = xmlNodeListGetString(node.pointee.doc, a.pointee.children, 1) {
                value = String(cString: s); free(s)
            } else {
                value = ""
            }
            if let ns = a.pointee.ns, let hrefPtr = ns.pointee.href {
                let q = qualified(namePtr, hrefPtr)
                let local = q.local
                if q.isXML {
                    if local == "lang" { lang = value } else if local == "base" { base = value }
                    continue
                }
                if q.isITS && (local == "dir" || local == "version") {
                    // RDF 1.2 base direction (its:dir); its:version only announces ITS.
                    if local == "dir" {
                        guard value == "ltr" || value == "rtl" else { throw error("its:dir must be \"ltr\" or \"rtl\", not \"\(value)\"", node) }
                        dir = value
                    }
                    continue
                }
                if q.isRDF && local == "version" { version = true; continue }  // RDF 1.2 rdf:version announces the syntax version
                if let p = ns.pointee.prefix, p[0] == 0x78 || p[0] == 0x58, String(cString: p).lowercased().hasPrefix("xml") { continue }
                result.append(Attribute(uri: q.iri, local: local, isRDF: q.isRDF, value: value))
            } else {
                let local = String(cString: namePtr)
                if local.lowercased().hasPrefix("xml") { continue }
                switch local {
                case "ID", "about", "resource", "parseType", "type":
                    result.append(Attribute(uri: RDFSyntax.ns + local, local: local, isRDF: true, value: value))
                default:
                    throw error("attribute '\(local)' has no namespace; RDF/XML attributes must be qualified", node)
                }
            }
        }
        return (result, lang, base, dir, version)
    }

    /// The element's IRI (namespace name + local name), cached per interned name.
    func elementIRI(_ node: xmlNodePtr) throws -> (iri: String, local: String, isRDF: Bool) {
        guard let namePtr = node.pointee.name else { throw error("element without a name", node) }
        guard let ns = node.pointee.ns, let href = ns.pointee.href else {
            throw error("element <\(String(cString: namePtr))> has no namespace; RDF/XML element names must be qualified", node)
        }
        let q = qualified(namePtr, href)
        return (q.iri, q.local, q.isRDF)
    }

    struct QualifiedName {
        var localC: [CChar]; var href: [CChar]; var local: String; var iri: String
        var isRDF: Bool; var isXML: Bool; var isITS: Bool
    }

    /// Namespace name + local name, cached by the address of the local name (libxml2 interns names
    /// in its dictionary, so an address means one name); both strings are still compared by
    /// content, so a reused address can never yield a stale name.
    func qualified(_ namePtr: UnsafePointer<xmlChar>, _ href: UnsafePointer<xmlChar>) -> QualifiedName {
        let key = UnsafeRawPointer(namePtr)
        let hrefC = UnsafeRawPointer(href).assumingMemoryBound(to: CChar.self)
        let nameC = UnsafeRawPointer(namePtr).assumingMemoryBound(to: CChar.self)
        if let entries = nameCache[key] {
            for e in entries where e.href.withUnsafeBufferPointer({ strcmp($0.baseAddress!, hrefC) }) == 0
                && e.localC.withUnsafeBufferPointer({ strcmp($0.baseAddress!, nameC) }) == 0 {
                return e
            }
        }
        let hrefString = String(cString: href)
        let local = String(cString: namePtr)
        let q = QualifiedName(localC: Array(local.utf8CString), href: Array(hrefString.utf8CString), local: local, iri: hrefString + local,
                              isRDF: hrefString == RDFSyntax.ns, isXML: hrefString == RDFSyntax.xmlNS,
                              isITS: hrefString == RDFSyntax.itsNS)
        nameCache[key, default: []].append(q)
        return q
    }

    /// Resolves an IRI reference from the document and checks the result: characters that RFC 3987
    /// forbids anywhere (controls, space, `<>"{}|\^``) or a malformed %-escape are a syntax error,
    /// so no reader downstream ever sees an IRI it could not write back.
    func iri(_ ref: String, _ base: String, _ node: xmlNodePtr) throws -> IRI {
        var value = resolve(ref, base)
        // One pass over the bytes; the first problem found is the one reported.
        let problem: (badEscape: Bool, byte: UInt8)? = value.withUTF8 { p in
            var i = 0
            while i < p.count {
                let b = p[i]
                if b == 0x25 {
                    for k in 1...2 {
                        guard i + k < p.count, TurtleGrammar.hexValue(p[i + k]) != nil else { return (true, b) }
                    }
                    i += 3
                    continue
                }
                if b < 0x80 && Self.isForbiddenInIRI(b) { return (false, b) }
                i += 1
            }
            return nil
        }
        if let problem {
            if problem.badEscape { throw error("invalid IRI <\(value)>: '%' is not followed by two hexadecimal digits", node) }
            throw error("invalid IRI <\(value)>: it contains U+\(String(problem.byte, radix: 16, uppercase: true)), which IRIs forbid", node)
        }
        return IRI(unchecked: value)
    }

    /// Controls, space, DEL and `"<>\\^``{|}`: one shift and mask per byte.
    @inline(__always) static func isForbiddenInIRI(_ b: UInt8) -> Bool {
        let low: UInt64 = 0x5000_0005_FFFF_FFFF  // 0x00–0x20, 0x22, 0x3C, 0x3E
        let high: UInt64 = 0xB800_0001_5000_0000  // 0x5C, 0x5E, 0x60, 0x7B–0x7D, 0x7F (bits from 0x40)
        return b < 0x40 ? (low >> UInt64(b)) & 1 == 1 : (high >> UInt64(b - 0x40)) & 1 == 1
    }

    func resolve(_ ref: String, _ base: String) -> String {
        if base.isEmpty { return ref }
        // Fast path: an absolute IRI without dot segments resolves to itself.
        if Self.isAbsoluteWithoutDotSegments(ref) { return ref }
        return IRIReference.resolve(ref, against: base)
    }

    /// `scheme:` and no `/.` or `:.` anywhere, scanned as bytes (String's Character-based
    /// `contains` was most of the reader's time on attribute-heavy documents).
    static func isAbsoluteWithoutDotSegments(_ ref: String) -> Bool {
        var ref = ref
        return ref.withUTF8 { p in
            guard TurtleGrammar.hasScheme(p) else { return false }
            var previous: UInt8 = 0
            for b in p {
                if b == 0x2E && (previous == 0x2F || previous == 0x3A) { return false }
                previous = b
            }
            return true
        }
    }

    func emit(_ s: Term, _ p: IRI, _ o: Term) { pending.append(Quad(s, .iri(p), o)) }

    func reify(_ id: IRI?, _ s: Term, _ p: IRI, _ o: Term) {
        guard let id else { return }
        let r = Term.iri(id)
        emit(r, Vocab.rdf.type, .iri(Vocab.rdf.Statement))
        emit(r, Vocab.rdf.subject, s)
        emit(r, Vocab.rdf.predicate, .iri(p))
        emit(r, Vocab.rdf.object, o)
    }

    func idIRI(_ id: String, _ base: String, _ node: xmlNodePtr) throws -> IRI {
        guard XMLNames.isNCName(id) else { throw error("rdf:ID \"\(id)\" is not an XML NCName", node) }
        var b = base
        if let hash = b.firstIndex(of: "#") { b = String(b[..<hash]) }
        let iri = b + "#" + id
        guard usedIDs.insert(iri).inserted else { throw error("rdf:ID \"\(id)\" is used twice with the same base (<\(iri)>)", node) }
        return IRI(unchecked: iri)
    }

    func nodeIDTerm(_ id: String, _ node: xmlNodePtr) throws -> Term {
        guard XMLNames.isNCName(id) else { throw error("rdf:nodeID \"\(id)\" is not an XML NCName", node) }
        return .blank(blanks.node(for: id))
    }

    func literal(_ text: String, datatype: IRI?, lang: String?, dir: String?) -> Term {
        if let datatype { return .literal(Literal(text, datatype: datatype)) }
        if let lang { return .literal(Literal(text, language: lang, direction: dir)) }
        return .literal(Literal(text))
    }

    // MARK: - Grammar

    func startElement(_ node: xmlNodePtr, isEmpty: Bool) throws {
        let parentIndex = stack.isEmpty ? nil : stack.count - 1
        let (attrs, langAttr, baseAttr, dirAttr, versionAttr) = try attributes(of: node)
        var base = parentIndex.map { stack[$0].base } ?? documentBase
        if let baseAttr {
            var b = resolve(baseAttr, base)
            if let hash = b.firstIndex(of: "#") { b = String(b[..<hash]) }
            base = b
        }
        var lang = parentIndex.flatMap { stack[$0].lang }
        if let langAttr { lang = langAttr.isEmpty ? nil : langAttr }
        // its:dir only counts in an RDF 1.2 document (rdf:version on this element or an ancestor).
        currentVersion12 = versionAttr || (parentIndex.map { stack[$0].version12 } ?? false)
        currentDir = parentIndex.flatMap { stack[$0].dir }
        if let dirAttr, currentVersion12 { currentDir = dirAttr }
        let name = try elementIRI(node)

        guard let parentIndex else {
            sawRoot = true
            if name.isRDF && name.local == "RDF" {
                if let a = attrs.first { throw error("attribute \(a.uri) is not allowed on rdf:RDF", node) }
                stack.append(Frame(kind: .rdfRoot, base: base, lang: lang, dir: currentDir, version12: currentVersion12))
                if isEmpty { stack.removeLast() }
            } else {
                _ = try startNode(node, name, attrs, base: base, lang: lang, isEmpty: isEmpty)
            }
            return
        }

        switch stack[parentIndex].kind {
        case .rdfRoot:
            _ = try startNode(node, name, attrs, base: base, lang: lang, isEmpty: isEmpty)
        case .node:
            try startProperty(node, name, attrs, base: base, lang: lang, isEmpty: isEmpty)
        case .property:
            let i = stack.count - 1
            if stack[i].hasNodeChild { throw error("a property element may contain only one node element", node) }
            if !isWhitespace(stack[i].text) { throw error("a property element cannot mix text and a node element", node) }
            if stack[i].hasAttributesBesidesID {
                throw error("a property element with a node element inside may carry only rdf:ID", node)
            }
            stack[i].hasNodeChild = true
            stack[i].text = ""
            let (s, p, reifyID) = (stack[i].subject, stack[i].predicate, stack[i].reifyID)
            let o = try startNode(node, name, attrs, base: base, lang: lang, isEmpty: isEmpty)
            emit(s, p, o)
            reify(reifyID, s, p, o)
        case .collection:
            let i = stack.count - 1
            let (s, p, reifyID, last) = (stack[i].subject, stack[i].predicate, stack[i].reifyID, stack[i].lastCell)
            let cell = Term.blank(blanks.fresh())
            stack[i].lastCell = cell
            if let last {
                emit(last, Vocab.rdf.rest, cell)
            } else {
                emit(s, p, cell)
                reify(reifyID, s, p, cell)
            }
            let o = try startNode(node, name, attrs, base: base, lang: lang, isEmpty: isEmpty)
            emit(cell, Vocab.rdf.first, o)
        }
    }

    /// Opens a node element (§7.2.11) and returns its subject.
    func startNode(_ node: xmlNodePtr, _ name: (iri: String, local: String, isRDF: Bool), _ attrs: [Attribute],
                   base: String, lang: String?, isEmpty: Bool) throws -> Term {
        if name.isRDF && RDFSyntax.forbiddenAsNodeElement(name.local) {
            throw error("rdf:\(name.local) cannot be used as a node element", node)
        }
        var subject: Term?
        var typeValue: String?
        var props: [(IRI, String)] = []
        for a in attrs {
            if a.isRDF {
                switch a.local {
                case "ID", "about", "nodeID":
                    if subject != nil { throw error("a node element may have only one of rdf:ID, rdf:about and rdf:nodeID", node) }
                    switch a.local {
                    case "ID": subject = .iri(try idIRI(a.value, base, node))
                    case "about": subject = .iri(try iri(a.value, base, node))
                    default: subject = try nodeIDTerm(a.value, node)
                    }
                    continue
                case "type":
                    typeValue = a.value; continue
                default:
                    if RDFSyntax.forbiddenAsPropertyAttribute(a.local) {
                        throw error("rdf:\(a.local) is not allowed as an attribute of a node element", node)
                    }
                }
            }
            props.append((IRI(unchecked: a.uri), a.value))
        }
        let s = subject ?? .blank(blanks.fresh())
        if !(name.isRDF && name.local == "Description") {
            emit(s, Vocab.rdf.type, .iri(IRI(unchecked: name.iri)))
        }
        if let typeValue { emit(s, Vocab.rdf.type, .iri(try iri(typeValue, base, node))) }
        for (p, v) in props { emit(s, p, literal(v, datatype: nil, lang: lang, dir: currentDir)) }
        if !isEmpty {
            var f = Frame(kind: .node, base: base, lang: lang, dir: currentDir, version12: currentVersion12)
            f.subject = s
            stack.append(f)
        }
        return s
    }

    /// Opens a property element (§7.2.14–7.2.21).
    func startProperty(_ node: xmlNodePtr, _ name: (iri: String, local: String, isRDF: Bool), _ attrs: [Attribute],
                       base: String, lang: String?, isEmpty: Bool) throws {
        let parentIndex = stack.count - 1
        let subject = stack[parentIndex].subject
        var predicate = IRI(unchecked: name.iri)
        if name.isRDF {
            if RDFSyntax.forbiddenAsPropertyElement(name.local) {
                throw error("rdf:\(name.local) cannot be used as a property element", node)
            }
            if name.local == "li" {
                stack[parentIndex].liCounter += 1
                predicate = Vocab.rdf.ns("_\(stack[parentIndex].liCounter)")
            }
        }
        var f = Frame(kind: .property, base: base, lang: lang, dir: currentDir, version12: currentVersion12)
        f.subject = subject
        f.predicate = predicate
        var parseType: String?
        var nodeIDOrResource = false
        for a in attrs {
            if a.isRDF {
                switch a.local {
                case "ID": f.reifyID = try idIRI(a.value, base, node); continue
                case "parseType": parseType = a.value; continue
                case "resource", "nodeID":
                    if nodeIDOrResource { throw error("a property element cannot have both rdf:resource and rdf:nodeID", node) }
                    nodeIDOrResource = true
                    f.resourceObject = a.local == "resource" ? .iri(try iri(a.value, base, node)) : try nodeIDTerm(a.value, node)
                    continue
                case "datatype": f.datatype = try iri(a.value, base, node); continue
                case "type": f.typeAttribute = try iri(a.value, base, node); continue
                default:
                    if RDFSyntax.forbiddenAsPropertyAttribute(a.local) {
                        throw error("rdf:\(a.local) is not allowed as an attribute of a property element", node)
                    }
                }
            }
            f.propertyAttributes.append((IRI(unchecked: a.uri), a.value))
        }

        if let parseType {
            if f.hasAttributesBesidesID {
                throw error("a property element with rdf:parseType may carry only rdf:ID besides it", node)
            }
            switch parseType {
            case "Resource":
                let o = Term.blank(blanks.fresh())
                emit(subject, predicate, o)
                reify(f.reifyID, subject, predicate, o)
                if !isEmpty {
                    var nf = Frame(kind: .node, base: base, lang: lang, dir: currentDir, version12: currentVersion12)
                    nf.subject = o
                    stack.append(nf)
                }
            case "Triple":
                throw error("rdf:parseType=\"Triple\" (RDF 1.2 triple terms) is not supported: the graph model has no triple terms", node)
            case "Collection":
                if isEmpty {
                    emit(subject, predicate, .iri(Vocab.rdf.nil))
                    reify(f.reifyID, subject, predicate, .iri(Vocab.rdf.nil))
                } else {
                    f.kind = .collection
                    stack.append(f)
                }
            default:  // "Literal" and every other value (§7.2.20: other values are treated as Literal)
                let text = isEmpty ? "" : try canonicalLiteral(node)
                let o = Term.literal(Literal(text, datatype: Vocab.rdf.XMLLiteral))
                emit(subject, predicate, o)
                reify(f.reifyID, subject, predicate, o)
            }
            return
        }
        stack.append(f)
        if isEmpty { try endElement(node) }
    }

    func characters(_ text: String, node: xmlNodePtr?) throws {
        let i = stack.count - 1
        switch stack[i].kind {
        case .property:
            if stack[i].hasNodeChild {
                if !isWhitespace(text) { throw error("a property element cannot mix text and a node element", node) }
            } else {
                stack[i].text += text
            }
        case .node, .rdfRoot, .collection:
            if !isWhitespace(text) {
                throw error("text \"\(text.prefix(40))\" is not allowed here (only elements may appear)", node)
            }
        }
    }

    func endElement(_ node: xmlNodePtr?) throws {
        guard let f = stack.popLast() else { return }
        switch f.kind {
        case .rdfRoot, .node:
            return
        case .collection:
            if let last = f.lastCell {
                emit(last, Vocab.rdf.rest, .iri(Vocab.rdf.nil))
            } else {
                emit(f.subject, f.predicate, .iri(Vocab.rdf.nil))
                reify(f.reifyID, f.subject, f.predicate, .iri(Vocab.rdf.nil))
            }
        case .property:
            if f.hasNodeChild { return }
            let hasResourceAttributes = f.resourceObject != nil || !f.propertyAttributes.isEmpty || f.typeAttribute != nil
            if !f.text.isEmpty && !(hasResourceAttributes && isWhitespace(f.text)) {
                // literalPropertyElt
                if hasResourceAttributes {
                    throw error("a property element with text may carry only rdf:ID, rdf:datatype and xml:lang", node)
                }
                let o = literal(f.text, datatype: f.datatype, lang: f.lang, dir: f.dir)
                emit(f.subject, f.predicate, o)
                reify(f.reifyID, f.subject, f.predicate, o)
                return
            }
            if !hasResourceAttributes {
                // an empty literal, typed when rdf:datatype is present
                let o = literal("", datatype: f.datatype, lang: f.lang, dir: f.dir)
                emit(f.subject, f.predicate, o)
                reify(f.reifyID, f.subject, f.predicate, o)
                return
            }
            if f.datatype != nil {
                throw error("rdf:datatype is only allowed on a property element whose content is text", node)
            }
            // emptyPropertyElt with a resource, a node ID or property attributes
            let o = f.resourceObject ?? .blank(blanks.fresh())
            emit(f.subject, f.predicate, o)
            reify(f.reifyID, f.subject, f.predicate, o)
            if let t = f.typeAttribute { emit(o, Vocab.rdf.type, .iri(t)) }
            for (p, v) in f.propertyAttributes { emit(o, p, literal(v, datatype: nil, lang: f.lang, dir: f.dir)) }
        }
    }

    static func isWhitespace(_ p: UnsafePointer<xmlChar>) -> Bool {
        var i = 0
        while true {
            switch p[i] {
            case 0: return true
            case 0x20, 0x09, 0x0A, 0x0D: i += 1
            default: return false
            }
        }
    }

    func isWhitespace(_ s: String) -> Bool {
        for b in s.utf8 where b != 0x20 && b != 0x09 && b != 0x0A && b != 0x0D { return false }
        return true
    }

    // MARK: - parseType="Literal"

    /// The exclusive XML canonicalization (with comments, empty InclusiveNamespaces list) of the
    /// element's content: libxml2 expands just this subtree, we copy it into a scratch document so
    /// that namespaces declared on ancestors come along, and `xmlC14NExecute` renders everything
    /// below the copied element. The reader then skips the subtree.
    func canonicalLiteral(_ node: xmlNodePtr) throws -> String {
        guard let reader else { throw error("reader closed", node) }
        guard let expanded = xmlTextReaderExpand(reader) else { throw libxmlError() }
        if errors.first != nil { throw libxmlError() }
        guard let text = XMLCanonicalizer.canonicalContent(of: expanded) else {
            throw error("could not canonicalize the XML literal", node)
        }
        // Skip the subtree: libxml2 now stands on the following node.
        let r = xmlTextReaderNext(reader)
        if r < 0 || errors.first != nil { throw libxmlError() }
        if r == 1 { positioned = true }
        return text
    }
}

enum ReaderType {
    static let element = Int32(XML_READER_TYPE_ELEMENT.rawValue)
    static let endElement = Int32(XML_READER_TYPE_END_ELEMENT.rawValue)
    static let text = Int32(XML_READER_TYPE_TEXT.rawValue)
    static let cdata = Int32(XML_READER_TYPE_CDATA.rawValue)
    static let whitespace = Int32(XML_READER_TYPE_WHITESPACE.rawValue)
    static let significantWhitespace = Int32(XML_READER_TYPE_SIGNIFICANT_WHITESPACE.rawValue)
    static let entityReference = Int32(XML_READER_TYPE_ENTITY_REFERENCE.rawValue)
}

/// Feeds an ``InputSource`` to libxml2 through its read callback.
final class IOContext {
    let source: InputSource
    var buffer: [UInt8] = []
    var error: (any Error)?
    init(source: InputSource) { self.source = source }

    func read(into out: UnsafeMutablePointer<CChar>, max: Int) -> Int32 {
        buffer.removeAll(keepingCapacity: true)
        do {
            let n = try source.read(into: &buffer, max: Swift.min(max, 1 << 20))
            buffer.withUnsafeBytes { raw in
                if let base = raw.baseAddress, n > 0 { UnsafeMutableRawPointer(out).copyMemory(from: base, byteCount: n) }
            }
            return Int32(n)
        } catch {
            self.error = error
            return -1
        }
    }
}

/// Keeps the first libxml2 error (warnings are ignored), with a clearer message for the cases
/// users meet most.
final class ErrorCollector {
    struct Entry { var message: String; var line: Int; var column: Int }
    var first: Entry?

    func record(_ error: xmlErrorPtr) {
        let e = error.pointee
        guard e.level.rawValue >= XML_ERR_ERROR.rawValue, first == nil else { return }
        var message = e.message.map { String(cString: $0) } ?? "XML error"
        while message.hasSuffix("\n") { message.removeLast() }
        if message.contains("not proper UTF-8") || e.code == Int32(XML_ERR_INVALID_ENCODING.rawValue) {
            message = "invalid UTF-8 in the input (libxml2: \(message))"
        } else if e.code == Int32(XML_ERR_ENTITY_LOOP.rawValue) || message.contains("amplification") {
            message = "entity expansion refused: the document looks like an entity-expansion (billion laughs) attack (libxml2: \(message))"
        } else if message.contains("Excessive depth") || message.contains("depth") {
            message = "document nested too deeply: \(message)"
        } else {
            message = "malformed XML: \(message)"
        }
        first = Entry(message: message, line: Int(e.line), column: Int(e.int2))
    }
}
