/// Mints fresh blank node labels for a reader (`b0`, `b1`, …) and maps document labels to them,
/// so two documents read into one graph never share a blank node by accident.
public struct BlankNodeGenerator: Sendable {
    public let prefix: String
    var counter = 0
    var labels: [String: BlankNode] = [:]

    public init(prefix: String = "b") { self.prefix = prefix }

    public mutating func fresh() -> BlankNode {
        defer { counter += 1 }
        return BlankNode(prefix + String(counter))
    }

    /// The node a document label stands for, minted on first use.
    public mutating func node(for label: String) -> BlankNode {
        if let b = labels[label] { return b }
        let b = fresh()
        labels[label] = b
        return b
    }
}
