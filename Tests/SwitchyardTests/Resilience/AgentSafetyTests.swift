import AtlassianSandbox
import Foundation
import Testing
@testable import Switchyard

@Suite("Agent safety: dry runs, confirmation, audit, read-only")
struct AgentSafetyTests {
    @Test("a dry run returns the resolved request with secrets masked and sends nothing")
    func dryRun() async throws {
        try await withSandbox { harness in
            let envelope = await harness.execute("jira", "issues", "create", [
                "project": "DEMO", "issue_type": "Bug", "summary": "Dry", "labels": ["a"], "dry_run": true,
            ])
            let request = try #require(envelope.result?.data, "\(envelope.json)")
            #expect(request["method"] == "POST")
            #expect(request["url"]?.stringValue?.hasSuffix("/rest/api/3/issue") == true)
            #expect(request["headers"]?["Authorization"] == "Basic ****")
            #expect(request["body"]?["fields"]?["summary"] == "Dry")
            #expect(envelope.json["status"] == nil)
            #expect(envelope.result?.meta["dry_run"] == true)
            #expect(!envelope.json.serialized().contains(SandboxCredentials.apiToken))
            #expect(harness.server.recordedRequests().isEmpty)
        }
    }

    @Test("with confirmation required, a destructive action runs only with its dry run's token")
    func confirmation() async throws {
        let harness = try await SandboxHarness.start(settings: { $0.confirmDestructive = true })
        let refused = await harness.execute("jira", "issues", "delete", ["issue": "DEMO-4"])
        #expect(refused.error?.kind == .validation)
        #expect(refused.error?.message.contains("dry_run") == true)

        let dryRun = await harness.execute("jira", "issues", "delete", ["issue": "DEMO-4", "dry_run": true])
        let token = try #require(dryRun.result?.data["confirmation"]?.stringValue)
        #expect(dryRun.result?.data["confirmation_expires_at"] != nil)

        let wrongTarget = await harness.execute("jira", "issues", "delete", ["issue": "DEMO-5", "confirmation": .string(token)])
        #expect(wrongTarget.error?.message.contains("does not match") == true)
        #expect(harness.server.recordedRequests().allSatisfy { $0.method != "DELETE" })

        let confirmed = await harness.execute("jira", "issues", "delete", ["issue": "DEMO-4", "confirmation": .string(token)])
        #expect(confirmed.result?.status == 204, "\(confirmed.json)")
        let notDestructive = await harness.execute("jira", "issues", "get", ["issue": "DEMO-5"])
        #expect(notDestructive.isSuccess)
        await harness.stop()
    }

    @Test("confirmation tokens expire")
    func tokensExpire() throws {
        let tokens = ConfirmationTokens()
        let request = PreparedRequest(method: .delete, baseURL: "https://x.example.com", path: "/a", query: [], headers: [], body: nil, absoluteURL: nil)
        let issued = tokens.issue(for: request, now: Date(timeIntervalSince1970: 1000))
        try tokens.verify(issued.token, for: request, now: Date(timeIntervalSince1970: 1100))
        #expect(throws: ExecutionError.self) {
            try tokens.verify(issued.token, for: request, now: Date(timeIntervalSince1970: 1000 + ConfirmationTokens.lifetime + 1))
        }
        #expect(throws: ExecutionError.self) { try tokens.verify("v1.99999999999.forged", for: request) }
    }

    @Test("the audit log gets one redacted line per execute")
    func auditLog() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("audit-\(UUID().uuidString).jsonl").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let harness = try await SandboxHarness.start(audit: try AuditLog(path: path))
        _ = await harness.execute("jira", "issues", "search", ["jql": "project = DEMO AND text ~ \"secret-ish\"", "limit": 3])
        _ = await harness.execute("jira", "issues", "get", ["issue": "DEMO-404"])
        _ = await harness.execute("jira", "issues", "create", ["project": "DEMO", "issue_type": "Task", "summary": "x", "dry_run": true])
        await harness.stop()
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 3)
        let first = try JSONValue(parsing: String(lines[0]))
        #expect(first["connector"] == "jira")
        #expect(first["method"] == "GET")
        #expect(first["path"] == "/rest/api/3/search/jql")
        #expect(first["status"] == 200)
        #expect(first["attempts"] == 1)
        #expect(first["bytes"]?.intValue ?? 0 > 0)
        #expect(first["duration_ms"] != nil && first["time"] != nil)
        #expect(try JSONValue(parsing: String(lines[1]))["error_kind"] == "not_found")
        #expect(try JSONValue(parsing: String(lines[2]))["dry_run"] == true)
        let text = lines.joined(separator: "\n")
        #expect(!text.contains("secret-ish"))
        #expect(!text.contains(SandboxCredentials.apiToken))
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }

    @Test("a per-connector read-only setting hides that connector's writes only")
    func perConnectorReadOnly() async throws {
        let harness = try await SandboxHarness.start(policy: ExposurePolicy(readOnlyConnectors: ["confluence"]))
        let confluenceWrite = await harness.execute("confluence", "pages", "create", ["space_id": "65537", "title": "x", "body": "<p>x</p>"])
        #expect(confluenceWrite.error?.kind == .permission)
        let jiraWrite = await harness.execute("jira", "issues", "create", ["project": "DEMO", "issue_type": "Task", "summary": "allowed"])
        #expect(jiraWrite.isSuccess, "\(jiraWrite.json)")
        await harness.stop()
    }
}
