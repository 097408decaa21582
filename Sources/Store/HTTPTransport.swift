import Dispatch
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A response with a 2xx status.
struct HTTPResult {
    var status: Int
    var body: Data
    var contentType: String?
}

/// Synchronous HTTP over URLSession with the push's robustness rules: a whole-request deadline,
/// bounded retries with exponential back-off on connection errors, time-outs, 5xx and 429, and no
/// retry on other 4xx (the request itself is wrong; repeating it cannot help). Synchronous because
/// a push is a sequence of dependent requests fed from a non-Sendable ``QuadSource``.
final class HTTPTransport: @unchecked Sendable {
    let configuration: StoreConfiguration
    private let session: URLSession
    private let redirectGuard: RedirectGuard

    init(configuration: StoreConfiguration) {
        self.configuration = configuration
        let c = URLSessionConfiguration.ephemeral
        c.timeoutIntervalForRequest = configuration.timeout
        c.timeoutIntervalForResource = configuration.timeout
        c.httpCookieStorage = nil
        c.httpShouldSetCookies = false
        c.urlCache = nil
        c.requestCachePolicy = .reloadIgnoringLocalCacheData
        c.httpMaximumConnectionsPerHost = 1
        redirectGuard = RedirectGuard()
        session = URLSession(configuration: c, delegate: redirectGuard, delegateQueue: nil)
    }

    deinit { session.invalidateAndCancel() }

    var secrets: [String] { configuration.credentials?.secrets ?? [] }

    /// Sends `body` and returns the 2xx answer, or throws a ``StoreError`` naming the request.
    func send(method: String, url: URL, contentType: String? = nil, accept: String? = nil, body: Data? = nil) throws(StoreError) -> HTTPResult {
        var request = URLRequest(url: url)
        request.httpMethod = method
        request.timeoutInterval = configuration.timeout
        if let contentType { request.setValue(contentType, forHTTPHeaderField: "Content-Type") }
        if let accept { request.setValue(accept, forHTTPHeaderField: "Accept") }
        if let credentials = configuration.credentials {
            // Pre-emptive: stores answer 401 to the first unauthenticated PUT, and replaying a
            // 50,000-triple body after the challenge would double the upload.
            request.setValue(credentials.headerValue, forHTTPHeaderField: "Authorization")
        }
        request.setValue("newsgraph", forHTTPHeaderField: "User-Agent")
        request.httpBody = body ?? Data()

        let shown = displayURL(url)
        var attempt = 0
        while true {
            attempt += 1
            let outcome = perform(request)
            var retryAfter: TimeInterval?
            let failure: StoreError
            switch outcome {
            case let .response(status, data, headers):
                if (200..<300).contains(status) {
                    return HTTPResult(status: status, body: data, contentType: headers["content-type"])
                }
                failure = .http(method: method, url: shown, status: status, serverMessage: quoteServerMessage(data, secrets: secrets), attempts: attempt)
                guard status >= 500 || status == 429 else { throw failure }
                retryAfter = headers["retry-after"].flatMap { TimeInterval($0.trimmingCharacters(in: .whitespaces)) }
            case .timedOut:
                failure = .timeout(method: method, url: shown, seconds: configuration.timeout, attempts: attempt)
            case let .transport(message, retryable):
                failure = .connection(method: method, url: shown, message: message, attempts: attempt)
                guard retryable else { throw failure }
            }
            guard attempt <= configuration.maxRetries else { throw failure }
            let backoff = min(configuration.maxRetryDelay, configuration.retryBaseDelay * pow(2, Double(attempt - 1)))
            let delay = min(configuration.maxRetryDelay, max(backoff, retryAfter ?? 0))
            if delay > 0 { Thread.sleep(forTimeInterval: delay) }
        }
    }

    private enum Outcome {
        case response(status: Int, body: Data, headers: [String: String])
        case timedOut
        case transport(message: String, retryable: Bool)
    }

    private final class Box: @unchecked Sendable {
        let done = DispatchSemaphore(value: 0)
        var data: Data?
        var response: URLResponse?
        var error: (any Error)?
    }

    private func perform(_ request: URLRequest) -> Outcome {
        let box = Box()
        let task = session.dataTask(with: request) { data, response, error in
            box.data = data; box.response = response; box.error = error
            box.done.signal()
        }
        task.resume()
        // URLSession enforces the deadline; this backstop only guards against a lost callback.
        if box.done.wait(timeout: .now() + configuration.timeout + 10) == .timedOut {
            task.cancel()
            _ = box.done.wait(timeout: .now() + 5)
            return .timedOut
        }
        if let error = box.error {
            let ns = error as NSError
            if let urlError = error as? URLError {
                switch urlError.code {
                case .timedOut: return .timedOut
                case .cannotConnectToHost, .networkConnectionLost, .notConnectedToInternet, .cannotFindHost,
                     .dnsLookupFailed, .secureConnectionFailed, .badServerResponse, .resourceUnavailable, .cannotLoadFromNetwork:
                    // A TLS failure is retried too: it is often a proxy hiccup, and the bound keeps it short.
                    return .transport(message: Self.describe(urlError), retryable: urlError.code != .secureConnectionFailed)
                default:
                    return .transport(message: Self.describe(urlError), retryable: false)
                }
            }
            return .transport(message: ns.localizedDescription, retryable: ns.domain == NSPOSIXErrorDomain)
        }
        guard let http = box.response as? HTTPURLResponse else {
            return .transport(message: "no HTTP response", retryable: true)
        }
        var headers: [String: String] = [:]
        for (k, v) in http.allHeaderFields {
            if let k = k as? String, let v = v as? String { headers[k.lowercased()] = v }
        }
        return .response(status: http.statusCode, body: box.data ?? Data(), headers: headers)
    }

    private static func describe(_ e: URLError) -> String {
        switch e.code {
        case .cannotConnectToHost: return "connection refused"
        case .networkConnectionLost: return "connection lost"
        case .cannotFindHost, .dnsLookupFailed: return "unknown host"
        case .notConnectedToInternet: return "no network"
        case .secureConnectionFailed: return "TLS handshake failed"
        case .serverCertificateUntrusted, .serverCertificateHasBadDate, .serverCertificateNotYetValid, .serverCertificateHasUnknownRoot:
            return "untrusted TLS certificate"
        case .badServerResponse: return "malformed HTTP response"
        default: return "network error \(e.code.rawValue)"
        }
    }
}

/// Refuses redirects to another origin: URLSession would replay the `Authorization` header there.
final class RedirectGuard: NSObject, URLSessionTaskDelegate, @unchecked Sendable {
    func urlSession(_ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
                    newRequest request: URLRequest, completionHandler: @escaping @Sendable (URLRequest?) -> Void) {
        let from = task.originalRequest?.url
        let to = request.url
        let sameOrigin = from?.scheme == to?.scheme && from?.host == to?.host && from?.port == to?.port
        completionHandler(sameOrigin ? request : nil)
    }
}
