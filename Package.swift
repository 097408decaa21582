// swift-tools-version:6.0
import PackageDescription

// Layers, bottom to top (no syntax module depends on another):
//   CLibXML2 · RDF  →  NTriples · Turtle · RDFXML · JSONLD · DOT  →  SHACL · Validation · Extraction · Store
//   →  NewsGraphKit (format facade, build pipeline)  →  newsgraph (thin CLI)
let package = Package(
    name: "NewsGraph",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "newsgraph", targets: ["NewsGraphCLI"]),
        .library(name: "NewsGraphKit", targets: ["NewsGraphKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]
        ),
        .target(name: "RDF", dependencies: [.product(name: "OrderedCollections", package: "swift-collections")]),
        .target(name: "NTriples", dependencies: ["RDF"]),
        .target(name: "Turtle", dependencies: ["RDF"]),
        .target(name: "RDFXML", dependencies: ["RDF", "CLibXML2"]),
        .target(name: "JSON", dependencies: ["RDF"]),
        .target(name: "JSONLD", dependencies: ["RDF", "JSON"], resources: [.copy("Resources")]),
        .target(name: "DOT", dependencies: ["RDF"]),
        .target(name: "SHACL", dependencies: ["RDF"]),
        .target(name: "Validation", dependencies: ["RDF", "CLibXML2", "SHACL", "JSON"]),
        .target(name: "Extraction", dependencies: ["RDF"], resources: [.copy("Resources")]),
        .target(name: "Store", dependencies: ["RDF", "NTriples"]),
        // Schemas/ is the single copy of the bundled ontology, shapes, XML/JSON schemas and
        // context; this target makes it a resource bundle so an installed tool still finds it.
        .target(name: "NewsGraphSchemas", path: "Schemas", sources: ["SchemasBundle.swift"], resources: [
            .copy("MODEL.md"), .copy("context.jsonld"), .copy("newsgraph.rng"), .copy("ontology.ttl"), .copy("shapes.ttl"),
            .copy("newsgraph.schema.json"), .copy("README.md"),
        ]),
        .target(
            name: "NewsGraphKit",
            dependencies: ["RDF", "NTriples", "Turtle", "RDFXML", "JSON", "JSONLD", "DOT", "SHACL", "Validation", "Extraction", "Store", "NewsGraphSchemas"],
        ),
        .executableTarget(
            name: "NewsGraphCLI",
            dependencies: ["NewsGraphKit", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        // Times each reader and writer on its own (`Benchmarks/run` calls it); not shipped.
        .executableTarget(name: "newsgraph-bench", dependencies: ["NewsGraphKit", "RDF", "NTriples"], path: "Benchmarks/Sources/NewsGraphBench"),

        // Shared test helpers: locating ../shared, W3C manifest reading, conformance tallies.
        .target(name: "TestSupport", dependencies: ["RDF", "Turtle", "NTriples"], path: "Tests/TestSupport"),
        .testTarget(name: "RDFTests", dependencies: ["RDF", "TestSupport"]),
        .testTarget(name: "NTriplesTests", dependencies: ["NTriples", "TestSupport"]),
        .testTarget(name: "TurtleTests", dependencies: ["Turtle", "NTriples", "TestSupport"], exclude: ["Golden"]),
        .testTarget(name: "RDFXMLTests", dependencies: ["RDFXML", "CLibXML2", "NTriples", "Turtle", "TestSupport"]),
        .testTarget(name: "JSONLDTests", dependencies: ["JSONLD", "JSON", "NTriples", "TestSupport"], exclude: ["Golden"]),
        .testTarget(name: "DOTTests", dependencies: ["DOT", "NTriples", "Turtle", "TestSupport"]),
        .testTarget(name: "SHACLTests", dependencies: ["SHACL", "Turtle", "NTriples", "TestSupport"]),
        .testTarget(name: "ValidationTests", dependencies: ["Validation", "JSON", "SHACL", "Turtle", "RDFXML", "JSONLD", "TestSupport"]),
        .testTarget(name: "ExtractionTests", dependencies: ["Extraction", "TestSupport"], exclude: ["Gold"]),
        .testTarget(name: "StoreTests", dependencies: ["Store", "NTriples", "TestSupport"]),
        .testTarget(name: "NewsGraphKitTests", dependencies: ["NewsGraphKit", "TestSupport"]),
        .testTarget(name: "CLITests", dependencies: ["NewsGraphKit", "RDF", "TestSupport"]),
    ]
)
