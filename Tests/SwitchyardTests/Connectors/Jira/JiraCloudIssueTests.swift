import AtlassianSandbox
import Testing
@testable import Switchyard

@Suite("Jira Cloud connector: issues")
struct JiraCloudIssueTests {
    @Test("issues get returns the compact default fields of a seeded issue")
    func get() async throws {
        try await withSandbox { harness in
            let issue = try await harness.data("jira", "issues", "get", ["issue": "DEMO-7"])
            #expect(issue["key"] == "DEMO-7")
            #expect(issue["fields"]?["status"]?["name"] == "In Progress")
            #expect(issue["fields"]?["assignee"]?["displayName"] == "Demo User")
            #expect(issue["fields"]?["description"] != nil)
            #expect(issue["fields"]?["comment"] == nil)
        }
    }

    @Test("issues search walks JQL results with the default Jira fields")
    func search() async throws {
        try await withSandbox { harness in
            let issues = try await harness.data("jira", "issues", "search", ["jql": "project = DEMO AND sprint = 2 ORDER BY key ASC", "limit": 4])
            #expect(issues.strings("key") == ["DEMO-2", "DEMO-5", "DEMO-7", "DEMO-11"])
            #expect(issues.arrayValue?.first?["fields"]?["summary"] != nil)
        }
    }

    @Test("issues count posts the JQL to approximate-count")
    func count() async throws {
        try await withSandbox { harness in
            let result = try await harness.data("jira", "issues", "count", ["jql": "project = DEMO AND sprint in openSprints()"])
            #expect(result["count"] == 13)
            #expect(try harness.lastBody("POST", pathPrefix: "/rest/api/3/search/approximate-count") == ["jql": "project = DEMO AND sprint in openSprints()"])
        }
    }

    @Test("issues create files an issue with components, versions and a due date that read back")
    func create() async throws {
        try await withSandbox { harness in
            let created = try await harness.data("jira", "issues", "create", [
                "project": "DEMO", "issue_type": "Bug", "summary": "Refund button is missing", "priority": "High",
                "assignee_account_id": "5b10ac8d82e05b22cc7d4ef5", "due_date": "2026-03-31", "description": "Seen on the **order** page.",
                "components": [["name": "Checkout"]], "fix_versions": [["name": "1.1"]],
            ])
            let key = try #require(created["key"]?.stringValue)
            let sent = try harness.lastBody("POST", pathPrefix: "/rest/api/3/issue")
            #expect(sent["fields"]?["description"]?["type"] == "doc")
            let description = try await harness.data("jira", "issues", "get", ["issue": .string(key), "fields": ["fields.description"]])
            #expect(description["fields"]?["description"]?.trimmedText == "Seen on the **order** page.")
            let issue = try await harness.data("jira", "issues", "get", [
                "issue": .string(key), "fields": ["fields.assignee.accountId", "fields.duedate", "fields.components.name", "fields.fixVersions.name", "fields.priority.name"],
            ])
            #expect(issue["fields"] == [
                "assignee": ["accountId": "5b10ac8d82e05b22cc7d4ef5"], "duedate": "2026-03-31", "components": [["name": "Checkout"]],
                "fixVersions": [["name": "1.1"]], "priority": ["name": "High"],
            ])
        }
    }

    @Test("issues create_batch creates several issues in one request; a bad one is reported by position and the rest still land")
    func createBatch() async throws {
        try await withSandbox { harness in
            let result = await harness.execute("jira", "issues", "create_batch", ["issues": [
                ["project": "DEMO", "issue_type": "Task", "summary": "Write the release notes", "description": "For **1.2**.", "labels": ["release"]],
                ["project": "DEMO", "issue_type": "Bug", "summary": "Fix the login redirect"],
                ["project": "NOPE", "issue_type": "Task", "summary": "Lost"],
            ]])
            #expect(result.result?.status == 201, "\(result.json)")
            let data = try #require(result.result?.data)
            let keys = data["issues"]?.arrayValue?.compactMap { $0["key"]?.stringValue } ?? []
            #expect(keys.count == 2)
            #expect(data["errors"]?[0]?["failedElementNumber"] == 2)
            #expect(harness.server.recordedRequests().filter { $0.method == "POST" && $0.path.hasPrefix("/rest/api/3/issue") }.count == 1)
            let sent = try harness.lastBody("POST", pathPrefix: "/rest/api/3/issue/bulk")
            #expect(sent["issueUpdates"]?[0]?["fields"]?["description"]?["type"] == "doc")
            #expect(sent["issueUpdates"]?[1]?["fields"]?["description"] == nil)
            let first = try await harness.data("jira", "issues", "get", ["issue": .string(keys[0]), "fields": ["fields.summary", "fields.description", "fields.labels"]])
            #expect(first["fields"]?["summary"] == "Write the release notes")
            #expect(first["fields"]?["description"]?.trimmedText == "For **1.2**.")
            #expect(first["fields"]?["labels"] == ["release"])

            let tooMany = await harness.execute("jira", "issues", "create_batch", ["issues": .array(Array(repeating: ["project": "DEMO", "issue_type": "Task", "summary": "x"], count: 51))])
            #expect(tooMany.error?.kind == .validation)
            let badItem = await harness.execute("jira", "issues", "create_batch", ["issues": [["project": "DEMO", "summary": "no type"]]])
            #expect(badItem.error?.kind == .validation)
            #expect(badItem.error?.message.contains("issue_type") == true, "\(badItem.json)")
        }
    }

    @Test("issues update sets fields and custom fields, and runs label and component operations")
    func update() async throws {
        try await withSandbox { harness in
            _ = try await harness.data("jira", "issues", "update", [
                "issue": "DEMO-4", "field_values": ["summary": "Rate-limit the search API", "customfield_10016": 5],
                "update": ["labels": [["add": "triaged"]], "components": [["add": ["name": "Checkout"]]]],
            ])
            let issue = try await harness.data("jira", "issues", "get", [
                "issue": "DEMO-4", "fields": ["fields.summary", "fields.customfield_10016", "fields.labels", "fields.components.name"],
            ])
            #expect(issue["fields"]?["summary"] == "Rate-limit the search API")
            #expect(issue["fields"]?["customfield_10016"] == 5)
            #expect(issue["fields"]?["labels"] == ["search", "backend", "triaged"])
            #expect(issue["fields"]?["components"] == [["name": "Search"], ["name": "Checkout"]])
        }
    }

    @Test("issues set_description converts Markdown to ADF and reads back as Markdown, or as ADF with text_format raw")
    func setDescription() async throws {
        try await withSandbox { harness in
            let result = await harness.execute("jira", "issues", "set_description", ["issue": "DEMO-4", "description": "The limit is **20** requests per second."])
            #expect(result.result?.status == 204, "\(result.json)")
            let sent = try harness.lastBody("PUT", pathPrefix: "/rest/api/3/issue/DEMO-4")
            #expect(sent["fields"]?["description"]?["type"] == "doc")
            #expect(sent["fields"]?["description"]?.serialized().contains(#""type":"strong""#) == true)
            let issue = try await harness.data("jira", "issues", "get", ["issue": "DEMO-4", "fields": ["fields.description", "fields.summary"]])
            #expect(issue["fields"]?["description"]?.trimmedText == "The limit is **20** requests per second.")
            #expect(issue["fields"]?["summary"] == "Add rate limiting to the search API")
            let raw = try await harness.data("jira", "issues", "get", ["issue": "DEMO-4", "fields": ["fields.description"], "text_format": "raw"])
            #expect(raw["fields"]?["description"] == sent["fields"]?["description"])
            let adf = adfDocument("Raw ADF still works.")
            _ = try await harness.data("jira", "issues", "set_description", ["issue": "DEMO-4", "description": adf])
            #expect(try harness.lastBody("PUT", pathPrefix: "/rest/api/3/issue/DEMO-4")["fields"]?["description"] == adf)
        }
    }

    @Test("issues delete removes the issue")
    func delete() async throws {
        try await withSandbox { harness in
            let deleted = await harness.execute("jira", "issues", "delete", ["issue": "DEMO-21"])
            #expect(deleted.result?.status == 204, "\(deleted.json)")
            let gone = await harness.execute("jira", "issues", "get", ["issue": "DEMO-21"])
            #expect(gone.error?.kind == .notFound)
        }
    }

    @Test("issues assign sets the assignee by accountId, and -1 picks the project lead")
    func assign() async throws {
        try await withSandbox { harness in
            _ = try await harness.data("jira", "issues", "assign", ["issue": "DEMO-9", "account_id": "5b10ac8d82e05b22cc7d4ef5"])
            #expect(try harness.lastBody("PUT", pathPrefix: "/rest/api/3/issue/DEMO-9/assignee") == ["accountId": "5b10ac8d82e05b22cc7d4ef5"])
            let assigned = try await harness.data("jira", "issues", "get", ["issue": "DEMO-9", "fields": ["fields.assignee.displayName"]])
            #expect(assigned["fields"]?["assignee"]?["displayName"] == "Alice Nguyen")
            _ = try await harness.data("jira", "issues", "assign", ["issue": "DEMO-9", "account_id": "-1"])
            let lead = try await harness.data("jira", "issues", "get", ["issue": "DEMO-9", "fields": ["fields.assignee.displayName"]])
            #expect(lead["fields"]?["assignee"]?["displayName"] == "Demo User")
        }
    }

    @Test("issues unassign sends a null accountId and clears the assignee")
    func unassign() async throws {
        try await withSandbox { harness in
            _ = try await harness.data("jira", "issues", "unassign", ["issue": "DEMO-3"])
            #expect(try harness.lastBody("PUT", pathPrefix: "/rest/api/3/issue/DEMO-3/assignee") == ["accountId": nil])
            let issue = try await harness.data("jira", "issues", "get", ["issue": "DEMO-3", "fields": ["*"], "jira_fields": ["assignee"]])
            #expect(issue["fields"]?["assignee"] == .null)
        }
    }

    @Test("issues transitions lists the moves available from the current status")
    func transitions() async throws {
        try await withSandbox { harness in
            let transitions = try await harness.data("jira", "issues", "transitions", ["issue": "DEMO-4"])
            #expect(transitions.strings("name") == ["Start progress"])
            #expect(transitions.strings("to.name") == ["In Progress"])
        }
    }

    @Test("issues transition moves the status and adds the comment")
    func transition() async throws {
        try await withSandbox { harness in
            _ = try await harness.data("jira", "issues", "transition", ["issue": "DEMO-4", "transition_id": "11", "comment": "Starting _today_."])
            let sent = try harness.lastBody("POST", pathPrefix: "/rest/api/3/issue/DEMO-4/transitions")
            #expect(sent["update"]?["comment"]?[0]?["add"]?["body"]?["type"] == "doc")
            let issue = try await harness.data("jira", "issues", "get", ["issue": "DEMO-4", "fields": ["fields.status.name", "fields.comment.comments.body"]])
            #expect(issue["fields"]?["status"]?["name"] == "In Progress")
            #expect(issue["fields"]?["comment"]?["comments"]?.arrayValue?.last?["body"]?.trimmedText == "Starting _today_.")
        }
    }

    @Test("issues changelog pages through the history, including changes just made")
    func changelog() async throws {
        try await withSandbox { harness in
            let seeded = try await harness.data("jira", "issues", "changelog", ["issue": "DEMO-5"])
            #expect(seeded.arrayValue?.count == 2)
            #expect(seeded.arrayValue?.last?["items"]?.strings("toString") == ["In Review"])
            _ = try await harness.data("jira", "issues", "update", ["issue": "DEMO-5", "field_values": ["priority": ["name": "Low"]]])
            let history = try await harness.data("jira", "issues", "changelog", ["issue": "DEMO-5", "limit": 10])
            let last = try #require(history.arrayValue?.last)
            #expect(last["author"]?["displayName"] == "Demo User")
            #expect(last["items"] == [["field": "priority", "fromString": "High", "toString": "Low"]])
        }
    }
}
