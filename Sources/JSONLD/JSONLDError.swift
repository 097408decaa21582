import RDF

/// A JSON-LD processing error. `code` is the specification's error code string (JSON-LD 1.1 API
/// §9.4.2, e.g. `invalid IRI mapping`), so users can look it up and tests can compare it with the
/// W3C suite's expected result; `path` is a JSON Pointer into the input (`/@graph/3/name`).
public struct JSONLDError: Error, Hashable, Sendable, CustomStringConvertible {
    public var code: String
    public var message: String
    /// JSON Pointer to the offending member, when known.
    public var path: String?
    public var file: String?
    public var position: TextPosition?

    public init(_ code: String, _ message: String = "", path: String? = nil, file: String? = nil, position: TextPosition? = nil) {
        self.code = code; self.message = message; self.path = path; self.file = file; self.position = position
    }

    public var description: String {
        var s = ""
        if let file { s += file + ":" }
        if let position { s += "\(position.line):\(position.column):" }
        if !s.isEmpty { s += " " }
        s += "JSON-LD error '\(code)'"
        if let path, !path.isEmpty { s += " at \(path)" }
        if !message.isEmpty { s += ": " + message }
        return s
    }
}

/// The error codes of JSON-LD 1.1 API §9.4.2, spelled exactly as the specification does.
public enum JSONLDErrorCode {
    public static let collidingKeywords = "colliding keywords"
    public static let conflictingIndexes = "conflicting indexes"
    public static let contextOverflow = "context overflow"
    public static let cyclicIRIMapping = "cyclic IRI mapping"
    public static let invalidIdValue = "invalid @id value"
    public static let invalidImportValue = "invalid @import value"
    public static let invalidIncludedValue = "invalid @included value"
    public static let invalidIndexValue = "invalid @index value"
    public static let invalidNestValue = "invalid @nest value"
    public static let invalidPrefixValue = "invalid @prefix value"
    public static let invalidPropagateValue = "invalid @propagate value"
    public static let invalidProtectedValue = "invalid @protected value"
    public static let invalidReverseValue = "invalid @reverse value"
    public static let invalidVersionValue = "invalid @version value"
    public static let invalidBaseDirection = "invalid base direction"
    public static let invalidBaseIRI = "invalid base IRI"
    public static let invalidContainerMapping = "invalid container mapping"
    public static let invalidContextEntry = "invalid context entry"
    public static let invalidContextNullification = "invalid context nullification"
    public static let invalidDefaultLanguage = "invalid default language"
    public static let invalidIRIMapping = "invalid IRI mapping"
    public static let invalidJSONLiteral = "invalid JSON literal"
    public static let invalidKeywordAlias = "invalid keyword alias"
    public static let invalidLanguageMapValue = "invalid language map value"
    public static let invalidLanguageMapping = "invalid language mapping"
    public static let invalidLanguageTaggedString = "invalid language-tagged string"
    public static let invalidLanguageTaggedValue = "invalid language-tagged value"
    public static let invalidLocalContext = "invalid local context"
    public static let invalidRemoteContext = "invalid remote context"
    public static let invalidReverseProperty = "invalid reverse property"
    public static let invalidReversePropertyMap = "invalid reverse property map"
    public static let invalidReversePropertyValue = "invalid reverse property value"
    public static let invalidScopedContext = "invalid scoped context"
    public static let invalidScriptElement = "invalid script element"
    public static let invalidSetOrListObject = "invalid set or list object"
    public static let invalidTermDefinition = "invalid term definition"
    public static let invalidTypeMapping = "invalid type mapping"
    public static let invalidTypeValue = "invalid type value"
    public static let invalidTypedValue = "invalid typed value"
    public static let invalidValueObject = "invalid value object"
    public static let invalidValueObjectValue = "invalid value object value"
    public static let invalidVocabMapping = "invalid vocab mapping"
    public static let iriConfusedWithPrefix = "IRI confused with prefix"
    public static let keywordRedefinition = "keyword redefinition"
    public static let loadingDocumentFailed = "loading document failed"
    public static let loadingRemoteContextFailed = "loading remote context failed"
    public static let multipleContextLinkHeaders = "multiple context link headers"
    public static let processingModeConflict = "processing mode conflict"
    public static let protectedTermRedefinition = "protected term redefinition"
    public static let recursiveContextInclusion = "recursive context inclusion"
}
