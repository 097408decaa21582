import Foundation

/// Where the bundled knowledge lives: the module's resource bundle (the only use of `Bundle.module`).
enum ResourceLocator {
    static var directory: URL? {
        if let u = Bundle.module.url(forResource: "countries", withExtension: "tsv", subdirectory: "Resources") { return u.deletingLastPathComponent() }
        if let u = Bundle.module.url(forResource: "countries", withExtension: "tsv") { return u.deletingLastPathComponent() }
        return nil
    }
}
