import AsyncHTTPClient
import AtlassianSandbox
import Foundation
import Switchyard
import Testing

@Suite("Sandbox fault injection")
struct SandboxFaultTests {
    @Test("A 429 fault with Retry-After answers the next matching requests, then service resumes")
    func rateLimitThenSuccess() async throws {
        try await withSandboxServer { server, client async throws in
            server.faults.inject(SandboxFault(.status(429, headers: ["Retry-After": "1"]), method: "GET", pathPrefix: "/rest/api/3/issue", count: 2))
            #expect(try await client.get("/rest/api/3/myself").status == 200)
            let first = try await client.get("/rest/api/3/issue/DEMO-1")
            #expect(first.status == 429)
            #expect(first.header("Retry-After") == "1")
            #expect(try first.json["errorMessages"]?[0]?.stringValue == "Rate limit exceeded.")
            #expect(try await client.get("/rest/api/3/issue/DEMO-1").status == 429)
            #expect(try await client.get("/rest/api/3/issue/DEMO-1").status == 200)
            #expect(server.faults.pending.isEmpty)
        }
    }

    @Test("A delay fault answers normally after the delay")
    func delay() async throws {
        try await withSandboxServer { server, client async throws in
            server.faults.inject(SandboxFault(.delay(milliseconds: 300), pathPrefix: "/rest/api/3/myself"))
            let start = ContinuousClock.now
            let response = try await client.get("/rest/api/3/myself")
            #expect(response.status == 200)
            #expect(ContinuousClock.now - start >= .milliseconds(280))
        }
    }

    @Test("Reset and truncated bodies fail the client; invalid JSON does not parse; huge bodies have the asked size")
    func brokenBodies() async throws {
        try await withSandboxServer { server, client async throws in
            server.faults.inject(SandboxFault(.resetConnection, pathPrefix: "/rest/api/3/issue/DEMO-1"))
            await #expect(throws: (any Error).self) { try await client.get("/rest/api/3/issue/DEMO-1") }
            server.faults.inject(SandboxFault(.truncatedBody, pathPrefix: "/rest/api/3/issue/DEMO-2"))
            await #expect(throws: (any Error).self) { try await client.get("/rest/api/3/issue/DEMO-2") }
            server.faults.inject(SandboxFault(.invalidJSON))
            let invalid = try await client.get("/rest/api/3/myself")
            #expect(invalid.status == 200)
            #expect(throws: JSONParseError.self) { try invalid.json }
            server.faults.inject(SandboxFault(.hugeBody(bytes: 1_000_003)))
            let huge = try await client.get("/rest/api/3/myself")
            #expect(huge.body.count == 1_000_003)
            #expect(try huge.json["filler"]?.stringValue?.count == 1_000_003 - 13)
            #expect(try await client.get("/rest/api/3/myself").status == 200)
        }
    }

    @Test("Control endpoints inject faults, list requests and reset, without being recorded")
    func controlEndpoints() async throws {
        try await withSandboxServer { _, client async throws in
            let injected = try await client.send(.POST, "/__sandbox/faults", json: [
                "kind": "status", "status": 503, "headers": ["Retry-After": "2"], "pathPrefix": "/wiki", "count": 1,
            ], authorization: nil)
            #expect(injected.status == 201)
            let unavailable = try await client.get("/wiki/api/v2/spaces")
            #expect(unavailable.status == 503)
            #expect(try unavailable.json["errors"]?[0]?["status"]?.intValue == 503)
            #expect(try await client.send(.POST, "/__sandbox/faults", json: ["kind": "nonsense"], authorization: nil).status == 400)
            _ = try await client.send(.POST, "/__sandbox/faults", json: ["kind": "invalidJSON"], authorization: nil)
            #expect(try await client.send(.DELETE, "/__sandbox/faults", authorization: nil).status == 204)
            #expect(try await client.get("/wiki/api/v2/spaces").status == 200)

            let log = try await client.get("/__sandbox/requests", authorization: nil).json
            #expect(log.arrayValue?.map { $0["uri"]?.stringValue } == ["/wiki/api/v2/spaces", "/wiki/api/v2/spaces"])
            #expect(log[0]?["headers"]?["authorization"]?.stringValue == SandboxCredentials.basicAuthorization)

            _ = try await client.send(.DELETE, "/rest/api/3/issue/DEMO-5")
            #expect(try await client.send(.POST, "/__sandbox/reset", authorization: nil).status == 204)
            #expect(try await client.get("/rest/api/3/issue/DEMO-5").status == 200)
            #expect(try await client.get("/__sandbox/requests", authorization: nil).json.arrayValue?.count == 1)
        }
    }
}
