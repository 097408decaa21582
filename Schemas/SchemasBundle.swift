import Foundation

/// Locates the files of this folder once the package is built: SwiftPM copies them into a resource
/// bundle, so `newsgraph validate` finds its default shapes and schemas wherever it is installed.
public enum BundledSchemas {
    /// The folder holding `shapes.ttl`, `ontology.ttl`, `context.jsonld` and the XML/JSON schemas.
    public static var directory: URL? { Bundle.module.resourceURL }

    /// A bundled file by name, e.g. `shapes.ttl`.
    public static func url(_ name: String) -> URL? {
        guard let dir = directory else { return nil }
        let url = dir.appendingPathComponent(name)
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }
}
