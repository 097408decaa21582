import RDF
import DOT

/// Every way a command can fail, mapped to the tool's three exit codes: 0 success, 1 invalid input
/// or data, 2 usage or unreadable path. Nothing else ever reaches the shell.
public enum NewsGraphFailure: Error, Sendable, CustomStringConvertible {
    /// Bad flags or arguments (exit 2).
    case usage(String)
    /// A path that is missing, a directory, or unreadable/unwritable (exit 2).
    case unreadable(String)
    /// Input that is not valid in its syntax, or data that fails validation (exit 1).
    case invalid(String)
    /// Validation or a build found problems; the report was already printed (exit 1).
    case alreadyReported

    public var exitCode: Int32 {
        switch self {
        case .usage, .unreadable: 2
        case .invalid, .alreadyReported: 1
        }
    }

    public var description: String {
        switch self {
        case let .usage(m), let .unreadable(m), let .invalid(m): m
        case .alreadyReported: ""
        }
    }

    /// Classifies an error thrown by the library.
    public static func from(_ error: any Error) -> NewsGraphFailure {
        switch error {
        case let f as NewsGraphFailure: return f
        case let e as SyntaxError: return .invalid(e.description)
        case let e as RDFError:
            switch e {
            case .io: return .unreadable(e.description)
            case .unrepresentable: return .invalid(e.description)
            }
        case let e as IRIError: return .invalid(e.description)
        case let e as DOTError: return .usage(e.description)
        default: return .invalid(String(describing: error))
        }
    }
}
