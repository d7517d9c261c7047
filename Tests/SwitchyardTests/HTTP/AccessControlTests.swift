import Crypto
import Foundation
import Switchyard
import SwitchyardHTTP
import Testing

@Suite("serve --http: API keys and per-request tool narrowing")
struct AccessControlTests {
    typealias Harness = HTTPServerHarness

    /// An API key file holding the digest of `key`, and its path.
    static func keyFile(_ key: String) throws -> String {
        let digest = SHA256.hash(data: Data(key.utf8)).map { String(format: "%02x", $0) }.joined()
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("api-keys-\(UUID().uuidString)").path
        try "# team keys\nci-bot sha256:\(digest)\n".write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test("with --api-keys, the endpoint and /metrics need a key first; repeated failures from one address get 429")
    func apiKeys() async throws {
        let path = try Self.keyFile("k3y-alpha-7f")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let keys = try APIKeys(contentsOf: path)
        #expect(keys.accepts("k3y-alpha-7f"))
        #expect(!keys.accepts("k3y-alpha-7g"))
        try await Harness.with(configure: { $0.apiKeys = keys }) { harness in
            #expect(try await harness.send(Harness.request(1, "ping"), headers: ["X-Switchyard-Api-Key": "k3y-alpha-7f"]).status == 200)
            #expect(try await harness.send(Harness.request(1, "ping"), headers: ["Authorization": "Bearer k3y-alpha-7f"]).status == 200)
            #expect(try await harness.send(method: .GET, path: "/healthz").status == 200, "probes need no key")
            let missing = try await harness.send(Harness.request(1, "ping"))
            #expect(missing.status == 401)
            #expect(missing.json?["error"]?["message"]?.stringValue?.contains("X-Switchyard-Api-Key") == true)
            #expect(try await harness.send(method: .GET, path: "/metrics").status == 401)
            var statuses: [Int] = []
            for _ in 0..<10 {
                statuses.append(try await harness.send(Harness.request(1, "ping"), headers: ["X-Switchyard-Api-Key": "guess"]).status)
            }
            #expect(statuses.filter { $0 == 401 }.count == 8, "\(statuses)")
            let limited = try await harness.send(Harness.request(1, "ping"), headers: ["X-Switchyard-Api-Key": "k3y-alpha-7f"])
            #expect(limited.status == 429, "even the right key waits once the address has failed too often")
            #expect(Int(limited.headers.first(name: "Retry-After") ?? "") ?? 0 >= 1)
        }
        #expect(throws: HTTPServeError.self) { try APIKeys(contentsOf: "/nonexistent/keys") }
        let bad = FileManager.default.temporaryDirectory.appendingPathComponent("bad-keys-\(UUID().uuidString)").path
        try "ci-bot k3y-in-clear\n".write(toFile: bad, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: bad) }
        #expect { try APIKeys(contentsOf: bad) } throws: { ($0 as? HTTPServeError)?.description.contains("line 1 is not '[name] sha256:<64 hex digits>'") == true }
    }

    /// The tool names `tools/list` shows with `headers`.
    static func toolNames(_ harness: Harness, headers: [String: String]) async throws -> [String] {
        let listed = try await harness.send(Harness.request(1, "tools/list"), headers: headers)
        return listed.json?["result"]?["tools"]?.arrayValue?.compactMap { $0["name"]?.stringValue } ?? []
    }

    @Test("X-Switchyard-* headers narrow tools/list, calls and search for one request, never widen them")
    func narrowing() async throws {
        try await Harness.with { harness in
            let all = try await Self.toolNames(harness, headers: [:])
            #expect(all.contains("jira_issues_create"))

            let readOnly = try await Self.toolNames(harness, headers: ["X-Switchyard-Read-Only": "true"])
            #expect(!readOnly.isEmpty && readOnly.count < all.count)
            #expect(!readOnly.contains("jira_issues_create"))
            #expect(readOnly.contains("jira_issues_get"))

            let issues = try await Self.toolNames(harness, headers: ["X-Switchyard-Toolsets": "jira:issues", "X-Switchyard-Tools-Exclude": "*_delete"])
            #expect(!issues.isEmpty && issues.allSatisfy { $0.hasPrefix("jira_") && !$0.hasSuffix("_delete") })
            #expect(Set(issues).isSubset(of: Set(all)))

            // A call outside the narrowing is refused, naming the headers.
            let hidden = try await harness.send(
                Harness.request(2, "tools/call", ["name": "jira_issues_create", "arguments": ["project": "DEMO", "summary": "x", "issue_type": "Task"]]),
                headers: ["X-Switchyard-Read-Only": "true"]
            )
            #expect(hidden.json?["error"]?["message"]?.stringValue?.contains("unknown tool 'jira_issues_create'") == true)
            let executed = try await harness.send(
                Harness.request(3, "execute", ["connector": "jira", "entity": "issues", "action": "create", "params": ["project": "DEMO", "summary": "x", "issue_type": "Task"]]),
                headers: ["X-Switchyard-Read-Only": "1"]
            )
            #expect(executed.json?["result"]?["error"]?["kind"] == "permission")
            #expect(executed.json?["result"]?["error"]?["message"]?.stringValue?.contains("X-Switchyard") == true)
            let searched = try await harness.send(
                Harness.request(4, "search", ["query": "create a ticket", "connector": "jira"]), headers: ["X-Switchyard-Read-Only": "true"]
            )
            let ids = searched.json?["result"]?["matches"]?.arrayValue?.compactMap { $0["id"]?.stringValue } ?? []
            #expect(!ids.isEmpty && !ids.contains("jira/issues/create"))

            let exported = try await harness.send(
                Harness.request(7, "export", ["connector": "confluence", "selectors": ["space_key": "ENG"]]), headers: ["X-Switchyard-Toolsets": "jira:issues"]
            )
            #expect(exported.events.last?["error"]?["message"]?.stringValue?.contains("leave out confluence") == true, "\(exported.body.prefix(300))")
            let unknown = try await harness.send(Harness.request(5, "tools/list"), headers: ["X-Switchyard-Toolsets": "jira:nonesuch"])
            #expect(unknown.json?["error"]?["code"] == -32602)
            #expect(unknown.json?["error"]?["message"]?.stringValue?.contains("nonesuch") == true)
            let badFlag = try await harness.send(Harness.request(6, "tools/list"), headers: ["X-Switchyard-Read-Only": "maybe"])
            #expect(badFlag.status == 400)
            // Without headers, the next request sees everything again.
            #expect(try await Self.toolNames(harness, headers: [:]).count == all.count)
        }
    }
}
