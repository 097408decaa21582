/// The tool's version, printed by `newsgraph --version`.
public enum NewsGraphVersion {
    public static let string = "0.1.0"
}
