import AtlassianSandbox
import Foundation
import Testing
@testable import Switchyard

@Suite("Project and space filters (JIRA_PROJECTS_FILTER, CONFLUENCE_SPACES_FILTER)")
struct ScopeFilterTests {
    private func withFilteredSandbox(_ body: (SandboxHarness) async throws -> Void) async throws {
        try await withSandbox(settings: { settings in
            settings.environment["JIRA_PROJECTS_FILTER"] = "DEMO, mob"
            settings.environment["CONFLUENCE_SPACES_FILTER"] = "ENG"
        }, body)
    }

    @Test("searches are narrowed to the allowed projects, the query's ORDER BY kept last")
    func jqlNarrowed() async throws {
        try await withFilteredSandbox { sandbox in
            let envelope = await sandbox.execute("jira", "issues", "search", ["jql": "status != Done ORDER BY key ASC", "limit": 100, "fields": ["key"]])
            #expect(envelope.isSuccess, "\(envelope.json)")
            let keys = envelope.result?.data.arrayValue?.compactMap { $0["key"]?.stringValue } ?? []
            #expect(!keys.isEmpty && keys.allSatisfy { $0.hasPrefix("DEMO-") || $0.hasPrefix("MOB-") }, "\(keys)")
            let sent = sandbox.server.recordedRequests().last { $0.path.hasSuffix("/search/jql") }
            let jql = sent.flatMap { request in
                (try? JSONValue(parsing: request.body))?["jql"]?.stringValue
                    ?? URLComponents(string: request.uri)?.queryItems?.first { $0.name == "jql" }?.value
            }
            #expect(jql == #"project in ("DEMO", "mob") AND (status != Done) ORDER BY key ASC"#, "\(String(describing: jql))")
        }
    }

    @Test("a call that names another project or space is refused before anything is sent, naming the filter")
    func refusals() async throws {
        try await withFilteredSandbox { sandbox in
            let issue = await sandbox.execute("jira", "issues", "get", ["issue": "OPS-1"])
            #expect(issue.error?.kind == .permission)
            #expect(issue.error?.message.contains("JIRA_PROJECTS_FILTER (DEMO, mob)") == true, "\(issue.json)")
            #expect(issue.error?.details["filter"] == "JIRA_PROJECTS_FILTER")
            let create = await sandbox.execute("jira", "issues", "create", ["project": "OPS", "issue_type": "Task", "summary": "x"])
            #expect(create.error?.kind == .permission && create.error?.details["param"] == "project")
            let space = await sandbox.execute("confluence", "spaces", "get_by_key", ["space_key": "DEMO"])
            #expect(space.error?.message.contains("CONFLUENCE_SPACES_FILTER") == true)
            #expect(sandbox.server.recordedRequests().isEmpty, "nothing reached the service")

            let allowed = await sandbox.execute("jira", "issues", "get", ["issue": "DEMO-1", "fields": ["key"]])
            #expect(allowed.isSuccess, "\(allowed.json)")
            let lowercase = await sandbox.execute("jira", "projects", "get", ["project": "MOB"])
            #expect(lowercase.isSuccess, "keys compare without case: \(lowercase.json)")
        }
    }

    @Test("ORDER BY is found outside quotes only", arguments: [
        ("a = 1 ORDER BY key", "a = 1 ", "ORDER BY key"),
        (#"summary ~ "order by x""#, #"summary ~ "order by x""#, nil),
        ("reorder = 1", "reorder = 1", nil),
        ("order by created DESC", "", "order by created DESC"),
    ])
    func orderBy(query: String, body: String, order: String?) {
        let (foundBody, foundOrder) = ScopeFilter.splitOrderBy(query)
        #expect(foundBody == body && foundOrder == order)
    }
}
