import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import RDF

/// Why talking to the store failed. Every case carries what a user needs to act (the URL without
/// credentials, the HTTP status, the server's own words) and nothing secret: URLs are printed
/// without user-info and server messages are scrubbed of the configured secrets.
public enum StoreError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The server could not be reached (refused, reset, DNS) after `attempts` tries.
    case connection(method: String, url: String, message: String, attempts: Int)
    /// No complete answer within the per-request deadline after `attempts` tries.
    case timeout(method: String, url: String, seconds: TimeInterval, attempts: Int)
    /// The server answered with an error status; `serverMessage` is the start of its body.
    case http(method: String, url: String, status: Int, serverMessage: String, attempts: Int)
    /// The configuration lacks what the operation needs (e.g. no update URL for `--protocol update`).
    case configuration(String)
    /// The input cannot be sent as asked (e.g. a blank-node graph name through the Graph Store Protocol).
    case unsupported(String)
    /// The source of statements failed (usually a syntax error, already carrying file:line:col).
    case input(String)
    /// The answer was not what the protocol promises (e.g. unparsable SPARQL results).
    case invalidResponse(url: String, message: String)
    /// `verify` counted a different number of triples in the store than were sent.
    case verification(graph: String, expected: Int, actual: Int, rule: String)
    /// A push stopped part-way; `report` says which chunks landed, `cause` why it stopped.
    indirect case interrupted(report: PushReport, cause: StoreError)

    public var description: String {
        switch self {
        case let .connection(method, url, message, attempts):
            return "cannot reach the store: \(method) \(url): \(message) (\(attempts) attempt\(attempts == 1 ? "" : "s"))"
        case let .timeout(method, url, seconds, attempts):
            return "the store did not answer within \(Self.format(seconds)) s: \(method) \(url) (\(attempts) attempt\(attempts == 1 ? "" : "s"))"
        case let .http(method, url, status, message, attempts):
            let reason = HTTPURLResponse.localizedString(forStatusCode: status)
            let quoted = message.isEmpty ? "(empty body)" : "\"\(message)\""
            let tries = attempts > 1 ? " after \(attempts) attempts" : ""
            return "the store rejected \(method) \(url) with HTTP \(status) \(reason)\(tries): \(quoted)"
        case let .configuration(m): return "store configuration: \(m)"
        case let .unsupported(m): return "cannot push: \(m)"
        case let .input(m): return "input: \(m)"
        case let .invalidResponse(url, m): return "unexpected answer from \(url): \(m)"
        case let .verification(graph, expected, actual, rule):
            return "verification failed for \(graph): the store holds \(actual) triple\(actual == 1 ? "" : "s"), expected \(expected) (\(rule))"
        case let .interrupted(report, cause):
            return "push interrupted: \(report.summary); \(cause)"
        }
    }

    /// The error at the bottom of an ``interrupted(report:cause:)`` chain.
    public var rootCause: StoreError {
        if case let .interrupted(_, cause) = self { return cause.rootCause }
        return self
    }

    static func format(_ t: TimeInterval) -> String {
        t == t.rounded() ? String(Int(t)) : String(format: "%.3g", t)
    }
}

/// A URL as it may appear in messages: no user-info (which could hold a password).
func displayURL(_ url: URL) -> String {
    guard var c = URLComponents(url: url, resolvingAgainstBaseURL: false) else { return "<url>" }
    if c.user != nil || c.password != nil { c.user = nil; c.password = nil }
    return c.string ?? "<url>"
}

/// The first `limit` characters of a server's body, on one line, with secrets removed.
func quoteServerMessage(_ data: Data, secrets: [String], limit: Int = 500) -> String {
    var text = String(decoding: data.prefix(limit * 4), as: UTF8.self)
    for secret in secrets where !secret.isEmpty { text = text.replacingOccurrences(of: secret, with: "<redacted>") }
    text = text.split(whereSeparator: { $0 == "\n" || $0 == "\r" || $0 == "\t" }).joined(separator: " ")
    text = text.trimmingCharacters(in: .whitespaces)
    if text.count > limit { text = String(text.prefix(limit)) + "…" }
    return text
}
