import ArgumentParser
import NewsGraphKit

struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Validate datasets: syntax, then XML Schema / RELAX NG or JSON Schema, then SHACL.",
        discussion: "Uses the bundled schemas and shapes unless others are given. Exit 0 when valid, 1 when a finding reaches --fail-on, 2 on a usage error or an unreadable file. DOT files are checked against the DOT grammar.")

    @Argument(help: "Files to validate (.nt .nq .ttl .rdf .xml .owl .jsonld .json .dot).")
    var files: [String]
    @Option(help: "SHACL shapes (Turtle or any RDF format) instead of the bundled Schemas/shapes.ttl.")
    var shapes: String?
    @Option(name: .customLong("xml-schema"), help: "An XML Schema (.xsd) or RELAX NG (.rng) schema for RDF/XML files.")
    var xmlSchema: String?
    @Option(name: .customLong("json-schema"), help: "A JSON Schema (draft 2020-12) for JSON-LD files.")
    var jsonSchema: String?
    @Flag(name: .customLong("no-shacl"), help: "Skip the SHACL stage.")
    var noSHACL = false
    @Flag(name: .customLong("no-schema"), help: "Skip the XML/JSON schema stage.")
    var noSchema = false
    @Option(help: "Report format: text, json, junit or shacl (a sh:ValidationReport in Turtle).")
    var format: String = "text"
    @Option(name: .customLong("fail-on"), help: "Lowest severity that fails: violation, warning or info.")
    var failOn: String = "violation"
    @Option(name: [.short, .long], help: "Write the report to this file instead of standard output.")
    var output: String?
    @Option(help: "Input RDF format, when the extension does not tell.")
    var from: String?
    @Option(help: "Base IRI for relative references.")
    var base: String?
    @OptionGroup var jsonld: JSONLDReadFlags

    func run() throws {
        let request = ValidateRequest(
            files: files, shapes: shapes, xmlSchema: xmlSchema, jsonSchema: jsonSchema, shacl: !noSHACL, schema: !noSchema,
            format: format, failOn: failOn, output: output, from: from, read: try jsonld.options(base: base))
        let failed = try ValidationRunner.run(request)
        if failed { throw NewsGraphFailure.alreadyReported }
    }
}
