import RDF

/// The SHACL terms the engine reads and writes, so the code never spells out an IRI.
enum SH {
    static let ns = Vocab.sh.ns
    static let NodeShape = ns("NodeShape"), PropertyShape = ns("PropertyShape"), Shape = ns("Shape")
    static let targetNode = ns("targetNode"), targetClass = ns("targetClass")
    static let targetSubjectsOf = ns("targetSubjectsOf"), targetObjectsOf = ns("targetObjectsOf")
    static let path = ns("path"), inversePath = ns("inversePath"), alternativePath = ns("alternativePath")
    static let zeroOrMorePath = ns("zeroOrMorePath"), oneOrMorePath = ns("oneOrMorePath"), zeroOrOnePath = ns("zeroOrOnePath")
    static let deactivated = ns("deactivated"), severity = ns("severity"), message = ns("message")
    static let Violation = ns("Violation"), Warning = ns("Warning"), Info = ns("Info")
    static let `class` = ns("class"), datatype = ns("datatype"), nodeKind = ns("nodeKind")
    static let minCount = ns("minCount"), maxCount = ns("maxCount")
    static let minExclusive = ns("minExclusive"), minInclusive = ns("minInclusive")
    static let maxExclusive = ns("maxExclusive"), maxInclusive = ns("maxInclusive")
    static let minLength = ns("minLength"), maxLength = ns("maxLength")
    static let pattern = ns("pattern"), flags = ns("flags"), languageIn = ns("languageIn"), uniqueLang = ns("uniqueLang")
    static let equals = ns("equals"), disjoint = ns("disjoint"), lessThan = ns("lessThan"), lessThanOrEquals = ns("lessThanOrEquals")
    static let not = ns("not"), and = ns("and"), or = ns("or"), xone = ns("xone"), node = ns("node"), property = ns("property")
    static let qualifiedValueShape = ns("qualifiedValueShape"), qualifiedMinCount = ns("qualifiedMinCount")
    static let qualifiedMaxCount = ns("qualifiedMaxCount"), qualifiedValueShapesDisjoint = ns("qualifiedValueShapesDisjoint")
    static let closed = ns("closed"), ignoredProperties = ns("ignoredProperties")
    static let hasValue = ns("hasValue"), `in` = ns("in")
    static let BlankNode = ns("BlankNode"), IRI = ns("IRI"), Literal = ns("Literal")
    static let BlankNodeOrIRI = ns("BlankNodeOrIRI"), BlankNodeOrLiteral = ns("BlankNodeOrLiteral"), IRIOrLiteral = ns("IRIOrLiteral")
    // Report vocabulary.
    static let ValidationReport = ns("ValidationReport"), ValidationResult = ns("ValidationResult")
    static let conforms = ns("conforms"), result = ns("result"), focusNode = ns("focusNode"), resultPath = ns("resultPath")
    static let value = ns("value"), sourceShape = ns("sourceShape"), sourceConstraintComponent = ns("sourceConstraintComponent")
    static let sourceConstraint = ns("sourceConstraint"), resultSeverity = ns("resultSeverity"), resultMessage = ns("resultMessage")
    static let detail = ns("detail")

    static func component(_ local: String) -> RDF.IRI { ns(local + "ConstraintComponent") }
}
