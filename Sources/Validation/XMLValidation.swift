internal import CLibXML2
import RDF

// XML Schema and RELAX NG validation with libxml2's own validators.
//
// Safety rules, the same for schema files and instance documents:
// - the network is never used (XML_PARSE_NONET, and an external-entity loader that refuses
//   anything but local files);
// - instance documents are read with no entity substitution and no DTD loading, so XXE cannot
//   read files and billion-laughs cannot expand; a document that declares or uses entities gets
//   a clear finding instead of silently different content;
// - documents are streamed through xmlTextReader, so a 1 GB file needs bounded memory;
// - libxml2 reports errors through callbacks; every callback here gets a context pointer to the
//   collector of *this* validation (per-context structured handlers, never the global one).

/// The libxml2 version this build was compiled against, e.g. "2.9.14".
public let libxml2Version: String = LIBXML_DOTTED_VERSION

/// Collects libxml2's structured errors for one parse or validation. Passed to C callbacks as
/// an unretained context pointer, so it must outlive the handle it is registered on — the
/// owners below guarantee that by freeing the handle first.
final class LibXMLErrorCollector {
    var findings: [Finding] = []
    var dropped = 0
    let stage: Stage
    let constraint: String
    let file: String?
    let source: String?
    /// Bounds memory on a file with millions of errors; the count of dropped ones is reported.
    let limit: Int

    init(stage: Stage, constraint: String, file: String?, source: String?, limit: Int = 1000) {
        self.stage = stage; self.constraint = constraint; self.file = file; self.source = source; self.limit = limit
    }

    /// (line, column, message) of findings already recorded: validating top-level elements one
    /// at a time makes libxml2 repeat root-level messages.
    var seen = Set<String>()
    /// Line to report when libxml2 gives none or its 16-bit node line saturated (65535): the
    /// start line of the element being validated, set by chunked validation.
    var fallbackLine: Int?

    func add(_ error: UnsafePointer<xmlError>) {
        let e = error.pointee
        guard findings.count < limit else { dropped += 1; return }
        let key = "\(e.line):\(e.int2):" + (e.message.map { String(cString: $0) } ?? "")
        guard seen.insert(key).inserted else { return }
        var message = e.message.map { String(cString: $0) } ?? "unknown libxml2 error"
        while let last = message.last, last == "\n" || last == " " { message.removeLast() }
        let severity: Severity = e.level == XML_ERR_WARNING ? .warning : .violation
        // Parser errors are syntax problems whatever stage asked for the parse.
        let isParser = e.domain == Int32(XML_FROM_PARSER.rawValue) || e.domain == Int32(XML_FROM_IO.rawValue)
            || e.domain == Int32(XML_FROM_NAMESPACE.rawValue)
        var elementPath: String?
        if let node = e.node?.assumingMemoryBound(to: xmlNode.self), node.pointee.type == XML_ELEMENT_NODE {
            elementPath = Self.path(of: node)
        }
        findings.append(Finding(
            severity: severity,
            stage: isParser ? .syntax : stage,
            file: file ?? e.file.map { String(cString: $0) },
            line: (e.line > 0 && e.line != 65535) ? Int(e.line) : fallbackLine,
            column: e.int2 > 0 ? Int(e.int2) : nil,
            focusNode: elementPath,
            constraint: isParser ? "syntax" : constraint,
            message: message,
            source: isParser ? nil : source))
    }

    func note(_ message: String, constraint: String = "syntax", stage: Stage = .syntax, line: Int? = nil, column: Int? = nil) {
        findings.append(Finding(stage: stage, file: file, line: line, column: column, constraint: constraint, message: message))
    }

    /// All findings, with a final note when some were dropped.
    func finish() -> [Finding] {
        var out = findings
        if dropped > 0 {
            out.append(Finding(severity: .info, stage: stage, file: file, constraint: constraint,
                               message: "\(dropped) further findings not shown (limit \(limit))"))
        }
        return out
    }

    /// `/rdf:RDF/rdf:Description[3]`-style location of an element, for findings without a line.
    static func path(of node: UnsafeMutablePointer<xmlNode>) -> String {
        var parts: [String] = []
        var current: UnsafeMutablePointer<xmlNode>? = node
        var depth = 0
        while let n = current, n.pointee.type == XML_ELEMENT_NODE, depth < 64 {
            var name = n.pointee.name.map { String(cString: $0) } ?? "?"
            if let ns = n.pointee.ns, let prefix = ns.pointee.prefix { name = String(cString: prefix) + ":" + name }
            parts.append(name)
            current = n.pointee.parent
            depth += 1
        }
        return "/" + parts.reversed().joined(separator: "/")
    }

    var context: UnsafeMutableRawPointer { Unmanaged.passUnretained(self).toOpaque() }

    static func from(_ ctx: UnsafeMutableRawPointer?) -> LibXMLErrorCollector? {
        guard let ctx else { return nil }
        return Unmanaged<LibXMLErrorCollector>.fromOpaque(ctx).takeUnretainedValue()
    }
}

/// The structured-error callback every handle here registers; `ctx` is its collector.
let collectLibXMLError: xmlStructuredErrorFunc = { ctx, error in
    guard let error, let collector = LibXMLErrorCollector.from(ctx) else { return }
    collector.add(UnsafePointer(error))
}

/// Once per process: libxml2 initialised and external entities restricted to local files
/// (libxml2's own no-network loader), so no schema import or DTD reference reaches the network.
let libxml2Setup: Void = {
    xmlInitParser()
    xmlSetExternalEntityLoader(xmlNoNetExternalEntityLoader)
}()

/// Parser options for every document and schema file: no network, no entity substitution,
/// no external DTD, no DTD attribute defaults; keep line numbers beyond 65535 (XML_PARSE_BIG_LINES).
let safeParseOptions: Int32 = Int32(XML_PARSE_NONET.rawValue) | Int32(XML_PARSE_BIG_LINES.rawValue)
    | Int32(XML_PARSE_NOCDATA.rawValue)

/// Where a document to validate comes from.
public enum XMLInput: Sendable {
    case file(String)
    case bytes([UInt8], name: String)

    var name: String {
        switch self {
        case let .file(path): return path
        case let .bytes(_, name): return name
        }
    }
}

/// A parsed XML file kept alive for the lifetime of a compiled schema (libxml2's schema
/// components may point into it).
final class XMLDocumentHandle {
    let doc: xmlDocPtr
    init(doc: xmlDocPtr) { self.doc = doc }
    deinit { xmlFreeDoc(doc) }

    /// Parses a schema file safely; a file that is not well-formed, or declares entities, throws
    /// a ``SyntaxError`` with libxml2's first message and position.
    static func parseSchemaFile(_ path: String) throws -> XMLDocumentHandle {
        _ = libxml2Setup
        let collector = LibXMLErrorCollector(stage: .syntax, constraint: "syntax", file: path, source: nil)
        let doc = withStructuredErrors(collector) { xmlReadFile(path, nil, safeParseOptions) }
        guard let doc else {
            let first = collector.findings.first { $0.severity == .violation } ?? collector.findings.first
            let position = first.flatMap { f in f.line.map { TextPosition(line: $0, column: f.column ?? 1) } }
            throw SyntaxError("schema does not parse: " + (first?.message ?? "cannot read the file"), at: position, file: path)
        }
        let handle = XMLDocumentHandle(doc: doc)
        if let dtd = doc.pointee.intSubset, Self.declaresEntities(dtd) {
            throw SyntaxError("schema declares XML entities; entity expansion is refused for safety", file: path)
        }
        return handle
    }

    static func declaresEntities(_ dtd: xmlDtdPtr) -> Bool {
        var child = dtd.pointee.children
        while let c = child {
            if c.pointee.type == XML_ENTITY_DECL { return true }
            child = c.pointee.next
        }
        return false
    }
}

/// Runs `body` with libxml2's thread-local structured error handler pointed at `collector`,
/// and clears it afterwards. libxml2 keeps this handler per thread, so concurrent validations
/// on other threads keep their own.
func withStructuredErrors<T>(_ collector: LibXMLErrorCollector, _ body: () throws -> T) rethrows -> T {
    xmlSetStructuredErrorFunc(collector.context, collectLibXMLError)
    defer { xmlSetStructuredErrorFunc(nil, nil) }
    return try withExtendedLifetime(collector) { try body() }
}

/// A compiled schema of either kind plus how to attach it to a streaming reader.
protocol LibXMLSchemaEngine: AnyObject {
    var schemaPath: String { get }
    var constraintName: String { get }
    /// Attaches validation to `reader`; nil when libxml2 refuses.
    func attach(to reader: xmlTextReaderPtr, collector: LibXMLErrorCollector) -> XMLValidationSession?
}

/// What one engine does during one streamed validation.
final class XMLValidationSession {
    /// Frees what `attach` created.
    var detach: () -> Void = {}
    /// Called at every element start with its depth; returns true when it consumed the
    /// element's subtree itself (the loop then moves to the next sibling).
    var element: ((xmlTextReaderPtr, Int32) -> Bool)?
    /// Called once after the last node.
    var end: () -> Void = {}
    /// Set by sessions that validate by themselves (not through the reader) when libxml2 said
    /// "invalid", so a silent failure is still reported.
    var invalid = false
    /// Whether xmlTextReaderIsValid reflects this session's validation.
    var readerValidates = true
    /// Set when the session never sees text directly inside the root (chunked validation), so
    /// the loop reports non-blank text there itself.
    var checksTopLevelText = false
}

/// Streams one document through xmlTextReader with `engine` attached and returns every
/// syntax and schema finding. Refuses entities (declared or referenced) with a finding.
func streamValidate(_ input: XMLInput, engine: LibXMLSchemaEngine) -> [Finding] {
    _ = libxml2Setup
    let name = input.name
    let collector = LibXMLErrorCollector(stage: .schema, constraint: engine.constraintName, file: name, source: engine.schemaPath)
    var storage: [UInt8] = []
    let reader: xmlTextReaderPtr?
    switch input {
    case let .file(path):
        reader = xmlReaderForFile(path, nil, safeParseOptions)
        if reader == nil {
            return [Finding(stage: .syntax, file: name, constraint: "syntax", message: "cannot open the file for reading")]
        }
    case let .bytes(bytes, name):
        storage = bytes
        if storage.isEmpty { storage = [0] } // xmlReaderForMemory wants a non-null buffer
        reader = storage.withUnsafeBufferPointer { buf in
            buf.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buf.count) {
                xmlReaderForMemory($0, Int32(bytes.count), name, nil, safeParseOptions)
            }
        }
    }
    guard let reader else {
        return [Finding(stage: .syntax, file: name, constraint: "syntax", message: "cannot create an XML reader")]
    }
    // The reader may keep pointing into `storage`; free it before `storage` goes away.
    return withExtendedLifetime(storage) {
        defer { xmlFreeTextReader(reader) }
        xmlTextReaderSetStructuredErrorHandler(reader, collectLibXMLError, collector.context)
        guard let session = engine.attach(to: reader, collector: collector) else {
            collector.note("libxml2 could not start \(engine.constraintName) validation", constraint: engine.constraintName, stage: .schema)
            return collector.finish()
        }
        defer { session.detach() }
        var entitiesChecked = false
        withStructuredErrors(collector) {
        var r = xmlTextReaderRead(reader)
        var complete = true
        while r == 1 {
            let type = xmlTextReaderNodeType(reader)
            if !entitiesChecked, type != Int32(XML_READER_TYPE_DOCUMENT_TYPE.rawValue) {
                entitiesChecked = true
                if let doc = xmlTextReaderCurrentDoc(reader), let dtd = doc.pointee.intSubset,
                   XMLDocumentHandle.declaresEntities(dtd) {
                    let line = Int(xmlTextReaderGetParserLineNumber(reader))
                    collector.note("the document declares XML entities (<!ENTITY …>); entity expansion is disabled for safety (XXE, billion laughs), so it is not validated",
                                   line: line > 0 ? line : nil)
                    complete = false
                    break
                }
            }
            if type == Int32(XML_READER_TYPE_ENTITY_REFERENCE.rawValue) {
                let line = Int(xmlTextReaderGetParserLineNumber(reader))
                let column = Int(xmlTextReaderGetParserColumnNumber(reader))
                let entity = xmlTextReaderConstName(reader).map { String(cString: $0) } ?? "?"
                collector.note("entity reference &\(entity); is not expanded (entity expansion is disabled for safety)",
                               line: line > 0 ? line : nil, column: column > 0 ? column : nil)
                complete = false
                break
            }
            if session.checksTopLevelText, type == Int32(XML_READER_TYPE_TEXT.rawValue) || type == Int32(XML_READER_TYPE_CDATA.rawValue),
               xmlTextReaderDepth(reader) == 1 {
                let nodeLine = xmlTextReaderCurrentNode(reader).map { Int(xmlGetLineNo($0)) } ?? 0
                let line = nodeLine > 0 ? nodeLine : Int(xmlTextReaderGetParserLineNumber(reader))
                collector.note("text is not allowed directly inside the root element; only node elements are",
                               constraint: engine.constraintName, stage: .schema, line: line > 0 ? line : nil)
            }
            if type == Int32(XML_READER_TYPE_ELEMENT.rawValue), let onElement = session.element,
               onElement(reader, xmlTextReaderDepth(reader)) {
                r = xmlTextReaderNext(reader)
            } else {
                r = xmlTextReaderRead(reader)
            }
        }
        if complete && r == 0 { session.end() }
        }
        var findings = collector.finish()
        // libxml2 occasionally reports invalidity without a message (e.g. after an internal
        // error); never report a document as valid that libxml2 did not accept.
        let readerInvalid = session.readerValidates && xmlTextReaderIsValid(reader) == 0
        if findings.isEmpty && (readerInvalid || session.invalid) {
            findings.append(Finding(stage: .schema, file: name, constraint: engine.constraintName,
                                    message: "the document is not valid against \(engine.schemaPath)", source: engine.schemaPath))
        }
        return findings
    }
}

/// Validates XML documents against a W3C XML Schema with libxml2's validator.
///
/// The schema is compiled once in `init` and reused for every document; each `validate` call
/// has its own validation context, so errors never mix between documents. Sendable because
/// the compiled schema is only read after `init` (libxml2 allows sharing it between threads).
public final class XMLSchemaValidator: LibXMLSchemaEngine, @unchecked Sendable {
    public let schemaPath: String
    let constraintName = "xsd"
    private let document: XMLDocumentHandle
    private let schema: xmlSchemaPtr

    /// Compiles the schema at `schemaPath`; throws a ``SyntaxError`` naming the file and the
    /// first problem when it is not well-formed XML or not a valid XML Schema.
    public init(schemaPath: String) throws {
        self.schemaPath = schemaPath
        document = try XMLDocumentHandle.parseSchemaFile(schemaPath)
        let collector = LibXMLErrorCollector(stage: .schema, constraint: "xsd", file: schemaPath, source: nil)
        guard let parser = xmlSchemaNewDocParserCtxt(document.doc) else {
            throw SyntaxError("cannot allocate an XML Schema parser", file: schemaPath)
        }
        defer { xmlSchemaFreeParserCtxt(parser) }
        xmlSchemaSetParserStructuredErrors(parser, collectLibXMLError, collector.context)
        guard let schema = withExtendedLifetime(collector, { xmlSchemaParse(parser) }) else {
            let first = collector.findings.first
            throw SyntaxError("not a valid XML Schema: " + (first?.message ?? "libxml2 rejected it"),
                              at: first?.line.map { TextPosition(line: $0, column: first?.column ?? 1) }, file: schemaPath)
        }
        self.schema = schema
    }

    deinit { xmlSchemaFree(schema) }

    /// Syntax and schema findings for one document (empty means valid).
    public func validate(_ input: XMLInput) -> [Finding] { streamValidate(input, engine: self) }

    /// Syntax and schema findings for the file at `path` (empty means valid).
    public func validate(file path: String) -> [Finding] { validate(.file(path)) }

    func attach(to reader: xmlTextReaderPtr, collector: LibXMLErrorCollector) -> XMLValidationSession? {
        guard let ctxt = xmlSchemaNewValidCtxt(schema) else { return nil }
        xmlSchemaSetValidStructuredErrors(ctxt, collectLibXMLError, collector.context)
        if xmlTextReaderSchemaValidateCtxt(reader, ctxt, 0) != 0 { xmlSchemaFreeValidCtxt(ctxt); return nil }
        let session = XMLValidationSession()
        session.detach = {
            _ = xmlTextReaderSchemaValidateCtxt(reader, nil, 0)
            xmlSchemaFreeValidCtxt(ctxt)
        }
        return session
    }
}

/// Validates XML documents against a RELAX NG schema (XML syntax) with libxml2's validator.
/// Sendable for the same reason as ``XMLSchemaValidator``: the grammar is read-only after `init`.
public final class RelaxNGValidator: LibXMLSchemaEngine, @unchecked Sendable {
    public let schemaPath: String
    let constraintName = "relaxng"
    private let document: XMLDocumentHandle
    private let schema: xmlRelaxNGPtr

    /// Compiles the RELAX NG schema at `schemaPath`; throws a ``SyntaxError`` when it is not
    /// well-formed or not a correct RELAX NG grammar.
    public init(schemaPath: String) throws {
        self.schemaPath = schemaPath
        document = try XMLDocumentHandle.parseSchemaFile(schemaPath)
        let collector = LibXMLErrorCollector(stage: .schema, constraint: "relaxng", file: schemaPath, source: nil)
        guard let parser = xmlRelaxNGNewDocParserCtxt(document.doc) else {
            throw SyntaxError("cannot allocate a RELAX NG parser", file: schemaPath)
        }
        defer { xmlRelaxNGFreeParserCtxt(parser) }
        xmlRelaxNGSetParserStructuredErrors(parser, collectLibXMLError, collector.context)
        guard let schema = withExtendedLifetime(collector, { xmlRelaxNGParse(parser) }) else {
            let first = collector.findings.first
            throw SyntaxError("not a valid RELAX NG schema: " + (first?.message ?? "libxml2 rejected it"),
                              at: first?.line.map { TextPosition(line: $0, column: first?.column ?? 1) }, file: schemaPath)
        }
        self.schema = schema
    }

    deinit { xmlRelaxNGFree(schema) }

    /// Syntax and schema findings for one document (empty means valid).
    public func validate(_ input: XMLInput) -> [Finding] { streamValidate(input, engine: self) }

    /// Syntax and schema findings for the file at `path` (empty means valid).
    public func validate(file path: String) -> [Finding] { validate(.file(path)) }

    /// libxml2's RELAX NG validator streams only content models it can compile to automata;
    /// `rdf:RDF` holding "any element name" is not one, so attached to the reader it would
    /// expand the whole document (quadratic time, memory ∝ file). Instead the document is
    /// streamed and each top-level node element is validated on its own, inside a shallow copy
    /// of the root: the same grammar, the same messages and line numbers, bounded memory.
    func attach(to reader: xmlTextReaderPtr, collector: LibXMLErrorCollector) -> XMLValidationSession? {
        guard let ctxt = xmlRelaxNGNewValidCtxt(schema) else { return nil }
        xmlRelaxNGSetValidStructuredErrors(ctxt, collectLibXMLError, collector.context)
        let session = XMLValidationSession()
        session.readerValidates = false
        session.checksTopLevelText = true
        var rootTemplate: xmlDocPtr?
        var sawChild = false
        func validate(_ doc: xmlDocPtr) {
            if xmlRelaxNGValidateDoc(ctxt, doc) != 0 { session.invalid = true }
        }
        func newDocWithRoot() -> (xmlDocPtr, xmlNodePtr)? {
            guard let template = rootTemplate, let templateRoot = xmlDocGetRootElement(template),
                  let doc = xmlNewDoc("1.0") else { return nil }
            guard let root = xmlDocCopyNode(templateRoot, doc, 2) else { xmlFreeDoc(doc); return nil }
            xmlDocSetRootElement(doc, root)
            return (doc, root)
        }
        session.element = { reader, depth in
            guard let node = xmlTextReaderCurrentNode(reader) else { return false }
            if depth == 0 {
                guard let doc = xmlNewDoc("1.0"), let root = xmlDocCopyNode(node, doc, 2) else { return false }
                xmlDocSetRootElement(doc, root)
                if let old = rootTemplate { xmlFreeDoc(old) }
                rootTemplate = doc
                return false
            }
            guard depth == 1 else { return false }
            let line = Int(xmlGetLineNo(node))
            guard let subtree = xmlTextReaderExpand(reader), let (doc, root) = newDocWithRoot() else { return false }
            defer { xmlFreeDoc(doc) }
            if let copy = xmlDocCopyNode(subtree, doc, 1) { xmlAddChild(root, copy) }
            collector.fallbackLine = line > 0 ? line : nil
            validate(doc)
            collector.fallbackLine = nil
            sawChild = true
            return true
        }
        session.end = {
            // An rdf:RDF without node elements (or with only text) is validated as it is.
            if !sawChild, let template = rootTemplate { validate(template) }
        }
        session.detach = {
            if let template = rootTemplate { xmlFreeDoc(template) }
            xmlRelaxNGFreeValidCtxt(ctxt)
        }
        return session
    }
}
