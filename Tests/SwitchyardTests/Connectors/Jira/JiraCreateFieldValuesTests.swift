import AtlassianSandbox
import Testing
@testable import Switchyard

/// Creating issues with fields the create action does not name (custom fields such as Story Points) through
/// `field_values`, which the manifest's `$merge` lays over the named fields: one call, not create then update.
@Suite("Jira create with field_values")
struct JiraCreateFieldValuesTests {
    @Test("create and create_batch send field_values beside the named fields; a custom field is read back", arguments: [("jira", "3"), ("jira-datacenter", "2")])
    func customFields(connector: String, api: String) async throws {
        try await withSandbox { harness in
            let created = await harness.execute(connector, "issues", "create", [
                "project": "DEMO", "issue_type": "Story", "summary": "Rate-limit the search API",
                "field_values": ["customfield_10016": 5, "labels": ["api"]],
            ])
            let key = try #require(created.result?.data["key"]?.stringValue, "\(created.json)")
            let sent = try harness.lastBody("POST", pathPrefix: "/rest/api/\(api)/issue")
            #expect(sent["fields"]?["customfield_10016"] == 5)
            #expect(sent["fields"]?["summary"] == "Rate-limit the search API", "the named params are still sent")
            let issue = try await harness.data(connector, "issues", "get", ["issue": .string(key), "fields": ["fields.customfield_10016", "fields.labels"]])
            #expect(issue["fields"]?["customfield_10016"] == 5)
            #expect(issue["fields"]?["labels"] == ["api"])

            let batch = await harness.execute(connector, "issues", "create_batch", ["issues": [
                ["project": "DEMO", "issue_type": "Story", "summary": "Cache search results", "field_values": ["customfield_10016": 3]],
                ["project": "DEMO", "issue_type": "Task", "summary": "Write the docs"],
            ]])
            let keys = try #require(batch.result?.data["issues"]?.arrayValue?.compactMap { $0["key"]?.stringValue }, "\(batch.json)")
            #expect(keys.count == 2)
            let points = try await harness.data(connector, "issues", "get", ["issue": .string(keys[0]), "fields": ["fields.customfield_10016"]])
            #expect(points["fields"]?["customfield_10016"] == 3)
            let body = try harness.lastBody("POST", pathPrefix: "/rest/api/\(api)/issue/bulk")
            #expect(body["issueUpdates"]?[1]?["fields"]?["customfield_10016"] == nil, "an element without field_values gets none")

            let unknown = await harness.execute(connector, "issues", "create", [
                "project": "DEMO", "issue_type": "Task", "summary": "x", "field_values": ["customfield_99999": "y"],
            ])
            #expect(unknown.error?.kind == .validation, "Jira's refusal of an unknown field comes back: \(unknown.json)")
            #expect(unknown.error?.message.contains("customfield_99999") == true, "\(unknown.json)")
        }
    }
}
