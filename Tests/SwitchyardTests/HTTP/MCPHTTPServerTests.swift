import AtlassianSandbox
import Foundation
import NIOHTTP1
import Switchyard
import SwitchyardHTTP
import SwitchyardServer
import Testing

@Suite("serve --http: MCP over Streamable HTTP")
struct MCPHTTPServerTests {
    typealias Harness = HTTPServerHarness

    @Test("initialize opens an Mcp-Session-Id; the session's requests are answered as JSON; DELETE ends it")
    func sessions() async throws {
        try await Harness.with { harness in
            let opened = try await harness.send(Harness.initialize)
            #expect(opened.status == 200)
            #expect(opened.headers.first(name: "Content-Type") == "application/json")
            let sessionID = try #require(opened.headers.first(name: "Mcp-Session-Id"))
            #expect(sessionID.count == 32)
            #expect(opened.json?["result"]?["protocolVersion"] == "2025-11-25")

            let listed = try await harness.send(Harness.request(2, "tools/list"), headers: ["Mcp-Session-Id": sessionID, "MCP-Protocol-Version": "2025-11-25"])
            #expect(listed.status == 200)
            #expect(listed.json?["result"]?["tools"]?.arrayValue?.isEmpty == false)

            let unknown = try await harness.send(Harness.request(3, "tools/list"), headers: ["Mcp-Session-Id": "0123456789abcdef0123456789abcdef"])
            #expect(unknown.status == 404)
            #expect(unknown.json?["error"]?["message"]?.stringValue?.contains("send initialize again") == true)

            #expect(try await harness.send(method: .DELETE, headers: ["Mcp-Session-Id": sessionID]).status == 204)
            #expect(try await harness.send(Harness.request(4, "ping"), headers: ["Mcp-Session-Id": sessionID]).status == 404)
        }
    }

    @Test("a stateless server hands out no session, and answers any request on its own")
    func stateless() async throws {
        try await Harness.with(configure: { $0.stateless = true }) { harness in
            let opened = try await harness.send(Harness.initialize)
            #expect(opened.status == 200)
            #expect(opened.headers.first(name: "Mcp-Session-Id") == nil)
            let listed = try await harness.send(Harness.request(2, "tools/list"), headers: ["Mcp-Session-Id": "from-another-replica"])
            #expect(listed.status == 200)
            #expect(try await harness.send(method: .DELETE, headers: ["Mcp-Session-Id": "x"]).status == 405)
        }
    }

    @Test("2026-07-28 requests carry the routing headers, and headers that disagree with the body are refused")
    func routingHeaders() async throws {
        try await Harness.with { harness in
            let headers = ["MCP-Protocol-Version": "2026-07-28", "Mcp-Method": "tools/call", "Mcp-Name": "testkit_items_list"]
            let call = Harness.modernRequest(1, "tools/call", ["name": "testkit_items_list", "arguments": ["limit": 2]])

            let ok = try await harness.send(call, headers: headers)
            #expect(ok.status == 200)
            #expect(ok.json?["result"]?["resultType"] == "complete")
            #expect(ok.json?["result"]?["isError"] == false)

            var wrongMethod = headers
            wrongMethod["Mcp-Method"] = "tools/list"
            let refused = try await harness.send(call, headers: wrongMethod)
            #expect(refused.status == 400)
            #expect(refused.json?["error"]?["code"] == -32020)
            #expect(refused.json?["id"] == 1)
            #expect(refused.json?["error"]?["message"]?.stringValue?.contains("Mcp-Method") == true)

            var wrongName = headers
            wrongName["Mcp-Name"] = "jira_issues_delete"
            #expect(try await harness.send(call, headers: wrongName).json?["error"]?["message"]?.stringValue?.contains("Mcp-Name") == true)

            var noVersion = headers
            noVersion["MCP-Protocol-Version"] = ""
            let missing = try await harness.send(call, headers: noVersion)
            #expect(missing.status == 400)
            #expect(missing.json?["error"]?["message"]?.stringValue?.contains("MCP-Protocol-Version") == true)

            let unsupported = try await harness.send(Harness.request(2, "ping"), headers: ["MCP-Protocol-Version": "2024-01-01"])
            #expect(unsupported.status == 400)
            #expect(unsupported.json?["error"]?["code"] == -32022)

            // server/discover, and the native methods on the same endpoint.
            let discovered = try await harness.send(
                Harness.modernRequest(3, "server/discover"), headers: ["MCP-Protocol-Version": "2026-07-28", "Mcp-Method": "server/discover"]
            )
            #expect(discovered.json?["result"]?["supportedVersions"] == ["2026-07-28"])
            let searched = try await harness.send(Harness.request(4, "search", ["query": "move DEMO-5 to done", "connector": "jira"]))
            #expect(searched.json?["result"]?["matches"]?[0]?["id"] == "jira/issues/transition")
            let described = try await harness.send(Harness.request(5, "describe", ["connector": "jira", "entity": "issues", "action": "get"]))
            #expect(described.json?["result"] != nil)
        }
    }

    @Test("a browser Origin that is not allowed gets 403, a non-loopback Host 421; loopback and listed origins pass")
    func originChecks() async throws {
        try await Harness.with(configure: { $0.allowedOrigins = ["https://agents.example.com"] }) { harness in
            let evil = try await harness.send(Harness.request(1, "ping"), headers: ["Origin": "https://evil.example"])
            #expect(evil.status == 403)
            #expect(evil.json?["error"]?["message"]?.stringValue?.contains("--allowed-origins") == true)
            #expect(try await harness.send(Harness.request(1, "ping"), headers: ["Origin": "http://localhost:5173"]).status == 200)
            #expect(try await harness.send(Harness.request(1, "ping"), headers: ["Origin": "https://agents.example.com"]).status == 200)
            #expect(try await harness.send(Harness.request(1, "ping"), headers: ["Origin": "null"]).status == 403)
            let rebound = try await harness.send(Harness.request(1, "ping"), headers: ["Host": "attacker.example:8080"])
            #expect(rebound.status == 421)
        }
    }

    @Test("bodies over the limit get 413, other media types 415 or 406, bad JSON 400, notifications 202")
    func requestLimits() async throws {
        try await Harness.with(configure: { $0.maxBodyBytes = 1024 }) { harness in
            let large = Harness.request(1, "search", ["query": .string(String(repeating: "issue ", count: 400))])
            let tooLarge = try await harness.send(large)
            #expect(tooLarge.status == 413)
            #expect(tooLarge.json?["error"]?["message"]?.stringValue?.contains("1024-byte limit") == true)
            #expect(try await harness.send(Harness.request(1, "ping"), headers: ["Content-Type": "text/plain"]).status == 415)
            #expect(try await harness.send(Harness.request(1, "ping"), headers: ["Accept": "text/html"]).status == 406)
            let malformed = try await harness.send("{\"jsonrpc\": \"2.0\", \"id\": 1,")
            #expect(malformed.status == 400)
            #expect(malformed.json?["error"]?["code"] == -32700)
            let notified = try await harness.send(#"{"jsonrpc":"2.0","method":"notifications/initialized"}"#)
            #expect(notified.status == 202)
            #expect(notified.body.isEmpty)
            #expect(try await harness.send(method: .GET).status == 405)
            #expect(try await harness.send(Harness.request(1, "ping"), path: "/other").status == 404)
        }
    }

    @Test("a request with a progress token is answered as server-sent events: progress, then the reply")
    func progressStream() async throws {
        try await Harness.with { harness in
            let reply = try await harness.send(Harness.request(7, "tools/call", [
                "name": "testkit_items_list", "arguments": ["limit": 35], "_meta": ["progressToken": "p1"],
            ]))
            #expect(reply.status == 200)
            #expect(reply.headers.first(name: "Content-Type") == "text/event-stream")
            let events = reply.events
            let progress = events.filter { $0["method"] == "notifications/progress" }
            #expect(progress.count >= 2)
            #expect(progress.allSatisfy { $0["params"]?["progressToken"] == "p1" })
            #expect(events.last?["id"] == 7)
            #expect(events.last?["result"]?["isError"] == false)

            // Without event-stream in Accept, the same request is answered as plain JSON.
            let plain = try await harness.send(Harness.request(8, "tools/call", [
                "name": "testkit_items_list", "arguments": ["limit": 35], "_meta": ["progressToken": "p2"],
            ]), headers: ["Accept": "application/json"])
            #expect(plain.headers.first(name: "Content-Type") == "application/json")
            #expect(plain.json?["id"] == 8)
        }
    }

    @Test("/healthz is live at once, /readyz waits for the catalog, /metrics counts requests and errors")
    func probesAndMetrics() async throws {
        let gate = AsyncStream<Void>.makeStream()
        try await Harness.with(loading: { runtime in
            for await _ in gate.stream { break }
            return runtime
        }) { harness in
            #expect(try await harness.send(method: .GET, path: "/healthz").status == 200)
            let loading = try await harness.send(method: .GET, path: "/readyz")
            #expect(loading.status == 503)
            #expect(loading.json?["status"] == "loading")
            gate.continuation.yield()
            var ready = 0
            for _ in 0..<100 where ready != 200 {
                ready = try await harness.send(method: .GET, path: "/readyz").status
                if ready != 200 { try await Task.sleep(for: .milliseconds(20)) }
            }
            #expect(ready == 200)

            _ = try await harness.send(Harness.request(1, "tools/call", ["name": "testkit_items_list", "arguments": ["limit": 2]]))
            _ = try await harness.send(Harness.request(2, "no/such/method"))
            _ = try await harness.send(Harness.request(3, "tools/call", ["name": "jira_issues_get", "arguments": ["issue": 5]]))
            let scraped = try await harness.send(method: .GET, path: "/metrics")
            #expect(scraped.status == 200)
            #expect(scraped.headers.first(name: "Content-Type")?.hasPrefix("text/plain; version=0.0.4") == true)
            #expect(scraped.body.contains(#"switchyard_requests_total{method="tools/call"} 2"#))
            #expect(scraped.body.contains(#"switchyard_requests_total{method="other"} 1"#))
            #expect(scraped.body.contains(#"switchyard_errors_total{kind="method_not_found"} 1"#))
            #expect(scraped.body.contains(#"switchyard_errors_total{kind="validation"} 1"#))
            #expect(scraped.body.contains("switchyard_request_duration_seconds_bucket"))
            #expect(scraped.body.contains("switchyard_requests_in_flight 0"))
        }
    }

    @Test("a graceful stop lets the request in flight finish, then closes the port")
    func drain() async throws {
        try await Harness.with { harness in
            harness.sandbox.server.faults.inject(SandboxFault(.delay(milliseconds: 800), method: "GET", pathPrefix: "/__sandbox/catalog/items"))
            async let slow = harness.send(Harness.request(1, "tools/call", ["name": "testkit_items_list", "arguments": ["limit": 2]]))
            // Stop only once the server is handling the call (a connection with no request yet is idle, and closed).
            for _ in 0..<500 where !String(decoding: harness.metrics.exposition(), as: UTF8.self).contains("switchyard_requests_in_flight 1") {
                try await Task.sleep(for: .milliseconds(10))
            }
            let stopped = Task { await harness.running.stop() }
            let reply = try await slow
            #expect(reply.status == 200)
            #expect(reply.json?["result"]?["isError"] == false)
            await stopped.value
            await #expect(throws: (any Error).self) { try await harness.send(Harness.request(2, "ping"), timeout: .seconds(2)) }
        }
    }
}
