import Foundation
import RDF
@testable import Store
import XCTest

/// Behaviour against a store that is down, slow, failing or refusing, using the loopback fake.
final class FaultTests: XCTestCase {
    func config(retries: Int = 2, timeout: TimeInterval = 5, chunk: Int = 50_000,
                credentials: StoreCredentials? = nil, protocolKind: StoreProtocol = .graphStore) -> StoreConfiguration {
        StoreConfiguration(protocolKind: protocolKind, chunkTriples: chunk, timeout: timeout, maxRetries: retries,
                           retryBaseDelay: 0.01, maxRetryDelay: 0.05, credentials: credentials)
    }

    let graph = IRI(unchecked: "https://w3id.org/newsgraph/graph/test")

    func testServerDownRetriesThenReportsConnectionError() throws {
        let port = try XCTUnwrap(unusedLoopbackPort())
        let client = GraphStoreClient(endpoint: URL(string: "http://127.0.0.1:\(port)")!, configuration: config(retries: 2))
        var source = ArraySource(NewsFixture.document(1))
        XCTAssertThrowsError(try client.push(&source, options: PushOptions(target: .graph(graph)))) { error in
            guard let e = error as? StoreError, case let .interrupted(report, cause) = e,
                  case let .connection(method, url, _, attempts) = cause else { return XCTFail("\(error)") }
            XCTAssertEqual(attempts, 3, "one try plus two retries")
            XCTAssertEqual(method, "POST")
            XCTAssertTrue(url.hasPrefix("http://127.0.0.1:\(port)/store?graph="), url)
            XCTAssertEqual(report.chunksSent, 0)
            XCTAssertEqual(report.failedChunk, 1)
            XCTAssertTrue(e.description.contains("cannot reach the store"), e.description)
        }
    }

    func testSlowServerTimesOut() throws {
        let server = try FakeHTTPServer(script: [.hang(seconds: 6)])
        defer { server.stop() }
        let client = GraphStoreClient(endpoint: server.baseURL, configuration: config(retries: 0, timeout: 1))
        var source = ArraySource(NewsFixture.document(1))
        let start = Date()
        XCTAssertThrowsError(try client.push(&source, options: PushOptions(target: .graph(graph)))) { error in
            guard let e = error as? StoreError, case let .timeout(_, _, seconds, attempts) = e.rootCause else { return XCTFail("\(error)") }
            XCTAssertEqual(seconds, 1)
            XCTAssertEqual(attempts, 1)
            XCTAssertTrue(e.description.contains("did not answer within 1 s"), e.description)
        }
        let elapsed = Date().timeIntervalSince(start)
        XCTAssertLessThan(elapsed, 5.5, "the deadline, not the server, ended the request")
        XCTAssertGreaterThanOrEqual(elapsed, 0.95, "the client waited for its deadline")
        XCTAssertEqual(server.requests.count, 1)
    }

    func testServerErrorThenSuccessIsRetried() throws {
        let server = try FakeHTTPServer(script: [.respond(status: 500, body: "storage busy"), .drop, .respond(status: 204, body: "")])
        defer { server.stop() }
        let client = GraphStoreClient(endpoint: server.baseURL, configuration: config(retries: 3))
        var source = ArraySource(NewsFixture.document(1))
        let report = try client.push(&source, options: PushOptions(target: .graph(graph), replace: true))
        XCTAssertEqual(report.chunksSent, 1)
        XCTAssertEqual(report.chunksTotal, 1)
        XCTAssertEqual(report.triplesSent, NewsFixture.document(1).count)
        let requests = server.requests
        XCTAssertEqual(requests.count, 3)
        XCTAssertEqual(Set(requests.map(\.method)), ["PUT"])
        XCTAssertEqual(requests[2].target, "/store?graph=https%3A%2F%2Fw3id.org%2Fnewsgraph%2Fgraph%2Ftest")
        XCTAssertEqual(requests[2].headers["content-type"], "application/n-triples")
        XCTAssertEqual(requests[0].body, requests[2].body, "a retry resends the same chunk")
    }

    func testPersistentServerErrorGivesUpAfterBoundedRetries() throws {
        let server = try FakeHTTPServer(script: [], fallback: .respond(status: 503, body: "overloaded"))
        defer { server.stop() }
        let client = GraphStoreClient(endpoint: server.baseURL, configuration: config(retries: 2))
        var source = ArraySource(NewsFixture.document(1))
        XCTAssertThrowsError(try client.push(&source, options: PushOptions(target: .defaultGraph))) { error in
            guard let e = error as? StoreError, case let .http(_, url, status, message, attempts) = e.rootCause else { return XCTFail("\(error)") }
            XCTAssertEqual(status, 503); XCTAssertEqual(attempts, 3); XCTAssertEqual(message, "overloaded")
            XCTAssertTrue(url.hasSuffix("/store?default"), url)
        }
        XCTAssertEqual(server.requests.count, 3)
    }

    func testClientErrorQuotesServerMessageWithoutRetry() throws {
        let message = "Parser error at line 1 between columns 5 and 9: Invalid IRI code point ' '"
        let server = try FakeHTTPServer(script: [.respond(status: 400, body: message + "\n" + String(repeating: "x", count: 2000))])
        defer { server.stop() }
        let client = GraphStoreClient(endpoint: server.baseURL, configuration: config(retries: 3))
        var source = ArraySource(NewsFixture.document(1))
        XCTAssertThrowsError(try client.push(&source, options: PushOptions(target: .graph(graph)))) { error in
            guard let e = error as? StoreError, case let .http(method, _, status, quoted, attempts) = e.rootCause else { return XCTFail("\(error)") }
            XCTAssertEqual(method, "POST"); XCTAssertEqual(status, 400); XCTAssertEqual(attempts, 1)
            XCTAssertTrue(quoted.hasPrefix(message), quoted)
            XCTAssertLessThanOrEqual(quoted.count, 501, "at most ~500 characters of the body")
            XCTAssertTrue(e.description.contains("HTTP 400"), e.description)
            XCTAssertTrue(e.description.contains(message), e.description)
        }
        XCTAssertEqual(server.requests.count, 1, "a 4xx is not retried")
    }

    func testInterruptedPushReportsWhichChunksLanded() throws {
        let server = try FakeHTTPServer(script: [.respond(status: 204, body: ""), .respond(status: 204, body: ""),
                                                .respond(status: 413, body: "request too large")])
        defer { server.stop() }
        let client = GraphStoreClient(endpoint: server.baseURL, configuration: config(chunk: 4))
        let triples = NewsFixture.document(1)
        var source = ArraySource(triples)
        var progress: [Int] = []
        XCTAssertThrowsError(try client.push(&source, options: PushOptions(target: .graph(graph), replace: true),
                                             progress: { progress.append($0.chunksSent) })) { error in
            guard let e = error as? StoreError, case let .interrupted(report, cause) = e else { return XCTFail("\(error)") }
            XCTAssertEqual(report.chunksSent, 2)
            XCTAssertEqual(report.triplesSent, 8)
            XCTAssertEqual(report.failedChunk, 3)
            XCTAssertNil(report.chunksTotal)
            guard case .http(_, _, 413, _, _) = cause else { return XCTFail("\(cause)") }
            XCTAssertTrue(e.description.contains("2 chunks (8 triples) landed; chunk 3 failed"), e.description)
        }
        XCTAssertEqual(progress, [1, 2])
        XCTAssertEqual(server.requests.map(\.method), ["PUT", "POST", "POST"], "replace: first chunk PUT, then POST")
        // Chunks are N-Triples documents of 4 lines each.
        XCTAssertEqual(String(decoding: server.requests[0].body, as: UTF8.self).split(separator: "\n").count, 4)
    }

    func testInputErrorAfterChunksLandedIsReportedAsInterrupted() throws {
        let server = try FakeHTTPServer(script: [])
        defer { server.stop() }
        let client = GraphStoreClient(endpoint: server.baseURL, configuration: config(chunk: 3))
        var source = FailingSource(inner: ArraySource(NewsFixture.document(1)), failAfter: 7)
        XCTAssertThrowsError(try client.push(&source)) { error in
            guard let e = error as? StoreError, case let .interrupted(report, .input(message)) = e else { return XCTFail("\(error)") }
            XCTAssertEqual(report.chunksSent, 2)
            XCTAssertTrue(message.contains("news.nt:7:3"), message)
        }
    }

    func testSecretsNeverAppearInErrors() throws {
        let token = "tok-9f8e7d6c5b4a-SECRET"
        let password = "pa55-word-SECRET"
        for (credentials, secret) in [(StoreCredentials.bearer(token), token), (.basic(user: "alice", password: password), password)] {
            // A hostile or careless server echoes the Authorization header it received.
            let header = credentials.headerValue
            let echo = try FakeHTTPServer(script: [.respond(status: 401, body: "bad credentials: \(header) for \(secret)")])
            defer { echo.stop() }
            let client = GraphStoreClient(endpoint: echo.baseURL, configuration: config(credentials: credentials))
            var source = ArraySource(NewsFixture.document(1))
            XCTAssertThrowsError(try client.push(&source, options: PushOptions(target: .graph(graph)))) { error in
                let texts = [String(describing: error), "\(error)", String(reflecting: error), error.localizedDescription]
                for text in texts {
                    XCTAssertFalse(text.contains(token), text)
                    XCTAssertFalse(text.contains(password), text)
                    XCTAssertFalse(text.contains(String(header.dropFirst(6))), text)
                }
                XCTAssertTrue(String(describing: error).contains("HTTP 401"))
            }
            XCTAssertEqual(echo.requests.first?.headers["authorization"], header, "credentials are sent")
            // The credentials themselves print redacted, however they are printed.
            var dumped = ""
            dump(credentials, to: &dumped)
            for text in [credentials.description, "\(credentials)", String(reflecting: credentials), dumped, "\(client.configuration)"] {
                XCTAssertFalse(text.contains(token) || text.contains(password), text)
            }
        }
    }

    func testCredentialsFromEnvironment() {
        XCTAssertNil(StoreCredentials.fromEnvironment([:]))
        XCTAssertEqual(StoreCredentials.fromEnvironment(["NEWSGRAPH_STORE_USER": "u", "NEWSGRAPH_STORE_PASSWORD": "p"])?.headerValue,
                       "Basic " + Data("u:p".utf8).base64EncodedString())
        XCTAssertEqual(StoreCredentials.fromEnvironment(["NEWSGRAPH_STORE_TOKEN": "t", "NEWSGRAPH_STORE_USER": "u"])?.headerValue, "Bearer t")
        XCTAssertEqual(StoreCredentials.fromEnvironment(["NEWSGRAPH_STORE_TOKEN": "t", "NEWSGRAPH_STORE_TOKEN_SCHEME": "GDB"])?.headerValue, "GDB t")
    }

    func testUserInfoInURLIsNotShown() throws {
        let port = try XCTUnwrap(unusedLoopbackPort())
        let client = GraphStoreClient(endpoint: URL(string: "http://bob:hunter2-SECRET@127.0.0.1:\(port)")!, configuration: config(retries: 0))
        var source = ArraySource(NewsFixture.document(1))
        XCTAssertThrowsError(try client.push(&source)) { error in
            XCTAssertFalse(String(describing: error).contains("hunter2"), String(describing: error))
        }
    }

    func testUpdateProtocolBodies() throws {
        let server = try FakeHTTPServer(script: [])
        defer { server.stop() }
        let client = GraphStoreClient(endpoint: server.baseURL, configuration: config(chunk: 30, protocolKind: .update))
        var source = ArraySource(NewsFixture.quads())
        let report = try client.push(&source, options: PushOptions(replace: true))
        XCTAssertEqual(report.graphs, [.named(IRI(unchecked: NewsFixture.id + "doc-001")), .named(IRI(unchecked: NewsFixture.id + "doc-002"))])
        let bodies = server.requests.map { String(decoding: $0.body, as: UTF8.self) }
        XCTAssertTrue(server.requests.allSatisfy { $0.target == "/update" && $0.headers["content-type"] == "application/sparql-update" })
        XCTAssertTrue(bodies[0].hasPrefix("DROP SILENT GRAPH <https://w3id.org/newsgraph/id/doc-001> ;\nINSERT DATA {\nGRAPH <https://w3id.org/newsgraph/id/doc-001> {\n"), bodies[0])
        XCTAssertFalse(bodies[1].contains("DROP SILENT GRAPH <https://w3id.org/newsgraph/id/doc-001>"), "dropped once only")
        XCTAssertEqual(bodies.filter { $0.contains("DROP SILENT GRAPH <https://w3id.org/newsgraph/id/doc-002>") }.count, 1)
        XCTAssertEqual(report.chunksTotal, (NewsFixture.quads().count + 29) / 30)
    }

    func testDatasetProtocolSendsNQuads() throws {
        let server = try FakeHTTPServer(script: [])
        defer { server.stop() }
        let client = GraphStoreClient(endpoint: server.baseURL, configuration: config(protocolKind: .dataset))
        var source = ArraySource(NewsFixture.quads())
        try client.push(&source, options: PushOptions(replace: true))
        XCTAssertEqual(server.requests.map { "\($0.method) \($0.target)" }, [
            "DELETE /store?graph=https%3A%2F%2Fw3id.org%2Fnewsgraph%2Fid%2Fdoc-001",
            "DELETE /store?graph=https%3A%2F%2Fw3id.org%2Fnewsgraph%2Fid%2Fdoc-002",
            "POST /store",
        ])
        XCTAssertEqual(server.requests[2].headers["content-type"], "application/n-quads")
        let lines = String(decoding: server.requests[2].body, as: UTF8.self).split(separator: "\n")
        XCTAssertEqual(lines.count, NewsFixture.quads().count)
        XCTAssertTrue(lines[0].hasSuffix(" <https://w3id.org/newsgraph/id/doc-001> ."), String(lines[0]))
    }

    func testVerifyMismatchFails() throws {
        let count = #"{"head":{"vars":["n"]},"results":{"bindings":[{"n":{"type":"literal","value":"3","datatype":"http://www.w3.org/2001/XMLSchema#integer"}}]}}"#
        let server = try FakeHTTPServer(script: [.respond(status: 204, body: ""),
                                                .respond(status: 200, body: count, contentType: "application/sparql-results+json")])
        defer { server.stop() }
        let client = GraphStoreClient(endpoint: server.baseURL, configuration: config())
        var source = ArraySource(NewsFixture.document(1) + NewsFixture.document(1))  // duplicates count once
        XCTAssertThrowsError(try client.push(&source, options: PushOptions(target: .graph(graph), replace: true, verify: true))) { error in
            guard case let .verification(g, expected, actual, _)? = error as? StoreError else { return XCTFail("\(error)") }
            XCTAssertEqual(g, "<\(graph.value)>"); XCTAssertEqual(expected, NewsFixture.document(1).count); XCTAssertEqual(actual, 3)
        }
        XCTAssertEqual(server.requests.last?.target, "/query")
        XCTAssertEqual(server.requests.last?.headers["accept"], "application/sparql-results+json")
    }

    func testEndpointLayouts() {
        let base = URL(string: "http://localhost:7878")!
        XCTAssertEqual(StoreEndpoints.oxigraph(base: base).graphStore?.absoluteString, "http://localhost:7878/store")
        XCTAssertEqual(StoreEndpoints.fuseki(dataset: URL(string: "http://h:3030/ds")!).update?.absoluteString, "http://h:3030/ds/update")
        XCTAssertEqual(StoreEndpoints.graphDB(repository: URL(string: "http://h:7200/repositories/R")!).graphStore?.absoluteString,
                       "http://h:7200/repositories/R/rdf-graphs/service")
        XCTAssertEqual(StoreEndpoints.virtuoso(base: URL(string: "http://h:8890")!).graphStore?.absoluteString, "http://h:8890/sparql-graph-crud-auth")
        let overridden = StoreEndpoints.oxigraph(base: base).overriding(update: URL(string: "http://other/u")!)
        XCTAssertEqual(overridden.update?.absoluteString, "http://other/u")
        XCTAssertEqual(overridden.query?.absoluteString, "http://localhost:7878/query")
        XCTAssertEqual(GraphStoreClient.graphURL(URL(string: "http://h/sparql-graph-crud?x=1")!, .named(IRI(unchecked: "http://e/g?a=1&b#f"))).absoluteString,
                       "http://h/sparql-graph-crud?x=1&graph=http%3A%2F%2Fe%2Fg%3Fa%3D1%26b%23f")
    }

    func testMissingURLIsAConfigurationError() {
        let client = GraphStoreClient(endpoints: StoreEndpoints(query: URL(string: "http://127.0.0.1:1/q")!), configuration: config(protocolKind: .update))
        var source = ArraySource(NewsFixture.document(1))
        XCTAssertThrowsError(try client.push(&source)) { error in
            XCTAssertEqual(error as? StoreError, .configuration("no SPARQL Update URL (give --update-url)"))
        }
    }

    func testSPARQLResultsParsing() throws {
        let json = """
        {"head":{"vars":["p","n","l"]},"results":{"bindings":[
          {"p":{"type":"uri","value":"http://e/p"},"n":{"type":"literal","value":"3","datatype":"http://www.w3.org/2001/XMLSchema#integer"},
           "l":{"type":"literal","value":"Putin","xml:lang":"en"}},
          {"p":{"type":"bnode","value":"b0"}}]}}
        """
        let r = try SPARQLResults.parse(json: Data(json.utf8))
        XCTAssertEqual(r.variables, ["p", "n", "l"])
        XCTAssertEqual(r.rows[0]["n"], .literal(Literal("3", datatype: Vocab.xsd.integer)))
        XCTAssertEqual(r.rows[0]["l"], .literal(Literal("Putin", language: "en")))
        XCTAssertEqual(r.rows[1]["p"], .blank(BlankNode("b0")))
        XCTAssertNil(r.rows[1]["n"])
        XCTAssertEqual(try SPARQLResults.parse(json: Data(#"{"head":{},"boolean":true}"#.utf8)).boolean, true)
        XCTAssertThrowsError(try SPARQLResults.parse(json: Data("<html>".utf8)))
    }
}
