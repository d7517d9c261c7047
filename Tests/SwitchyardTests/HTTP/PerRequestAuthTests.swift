import AtlassianSandbox
import Foundation
import Switchyard
import SwitchyardHTTP
import Testing

@Suite("serve --http --auth per-request: each user acts as themselves")
struct PerRequestAuthTests {
    typealias Harness = HTTPServerHarness

    static let alice = "Bearer sandbox-pat-alice"
    static let bob = "Token sandbox-pat-bob"

    /// Who `jira users myself` says the caller is, through the MCP endpoint with `headers`.
    static func myself(_ harness: Harness, id: Int, headers: [String: String]) async throws -> String? {
        let reply = try await harness.send(Harness.request(id, "tools/call", ["name": "jira_users_myself", "arguments": [:]]), headers: headers)
        guard let text = reply.json?["result"]?["content"]?[0]?["text"]?.stringValue else { return nil }
        return try JSONValue(parsing: Array(text.utf8))["data"]?["accountId"]?.stringValue
    }

    @Test("two users call at once, hundreds of times, and each only ever sees their own identity")
    func isolation() async throws {
        try await Harness.with(configure: { $0.auth = .perRequest }) { harness in
            let users = [
                (Self.alice, SandboxCredentials.userTokens["sandbox-pat-alice"]!),
                (Self.bob, SandboxCredentials.userTokens["sandbox-pat-bob"]!),
                ("Basic " + Data("\(SandboxCredentials.email):\(SandboxCredentials.apiToken)".utf8).base64EncodedString(), SandboxCredentials.accountId),
            ]
            let seen = try await withThrowingTaskGroup(of: (String, String?).self) { group in
                for round in 0..<100 {
                    for (authorization, expected) in users {
                        group.addTask {
                            (expected, try await Self.myself(harness, id: round, headers: ["Authorization": authorization]))
                        }
                    }
                }
                var seen: [(String, String?)] = []
                for try await pair in group { seen.append(pair) }
                return seen
            }
            #expect(seen.count == 300)
            let crossed = seen.filter { $0.0 != $0.1 }
            #expect(crossed.isEmpty, "calls answered as someone else: \(crossed.prefix(3))")
        }
    }

    @Test("a request without a usable credential gets 401 with WWW-Authenticate, and the metadata names the resource")
    func unauthorized() async throws {
        try await Harness.with(configure: {
            $0.auth = .perRequest
            $0.authorizationServers = ["https://auth.example.com"]
        }) { harness in
            let missing = try await harness.send(Harness.initialize)
            #expect(missing.status == 401)
            let challenges = missing.headers["WWW-Authenticate"]
            #expect(challenges.contains { $0.hasPrefix("Bearer realm=\"switchyard\", resource_metadata=\"http://127.0.0.1:\(harness.running.port)/.well-known/oauth-protected-resource/mcp\"") })
            #expect(challenges.contains("Basic realm=\"switchyard\""))
            #expect(missing.json?["error"]?["message"]?.stringValue?.contains("Authorization") == true)

            let malformed = try await harness.send(Harness.initialize, headers: ["Authorization": "Basic not-base64!"])
            #expect(malformed.status == 401)
            #expect(malformed.json?["error"]?["message"]?.stringValue?.contains("email:api_token") == true)
            #expect(malformed.body.contains("not-base64") == false)
            let unknownScheme = try await harness.send(Harness.initialize, headers: ["Authorization": "Digest abc"])
            #expect(unknownScheme.status == 401)

            // A credential the site rejects is the caller's problem, reported as the tool's auth error.
            let wrong = try await harness.send(
                Harness.request(2, "tools/call", ["name": "jira_users_myself", "arguments": [:]]), headers: ["Authorization": "Bearer wrong-token"]
            )
            #expect(wrong.status == 200)
            #expect(wrong.json?["result"]?["isError"] == true)
            #expect(wrong.body.contains("wrong-token") == false)

            let metadata = try await harness.send(method: .GET, path: "/.well-known/oauth-protected-resource/mcp")
            #expect(metadata.status == 200)
            #expect(metadata.json?["resource"] == .string("http://127.0.0.1:\(harness.running.port)/mcp"))
            #expect(metadata.json?["authorization_servers"] == ["https://auth.example.com"])
        }
    }

    @Test("a per-connector credential header wins for its connector; site headers need --allow-site-header")
    func connectorHeadersAndSites() async throws {
        try await Harness.with(configure: { $0.auth = .perRequest }) { harness in
            let accountId = try await Self.myself(harness, id: 1, headers: [
                "Authorization": Self.alice, "X-Switchyard-Credential-jira": Self.bob,
            ])
            #expect(accountId == SandboxCredentials.userTokens["sandbox-pat-bob"])
            let site = try await harness.send(Harness.initialize, headers: [
                "Authorization": Self.alice, "X-Atlassian-Jira-Url": "https://evil.example.net",
            ])
            #expect(site.status == 400)
            #expect(site.json?["error"]?["message"]?.stringValue?.contains("--allow-site-header") == true)
        }
        try await Harness.with(configure: {
            $0.auth = .perRequest
            $0.siteHeaderHosts = ["*.atlassian.net"]
        }) { harness in
            let outside = try await harness.send(Harness.initialize, headers: [
                "Authorization": Self.alice, "X-Atlassian-Jira-Url": "https://jira.evil.example",
            ])
            #expect(outside.status == 403)
            #expect(outside.json?["error"]?["message"]?.stringValue?.contains("jira.evil.example") == true)
            let allowed = try await harness.send(Harness.initialize, headers: [
                "Authorization": Self.alice, "X-Atlassian-Jira-Url": "https://acme.atlassian.net",
            ])
            #expect(allowed.status == 200)
        }
    }

    @Test("in server mode, a request's Authorization header is ignored: calls use the server's credential")
    func serverMode() async throws {
        try await Harness.with { harness in
            let accountId = try await Self.myself(harness, id: 1, headers: ["Authorization": Self.alice])
            #expect(accountId == SandboxCredentials.accountId)
        }
    }
}
