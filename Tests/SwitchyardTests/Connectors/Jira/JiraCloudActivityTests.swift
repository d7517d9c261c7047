import AtlassianSandbox
import Testing
@testable import Switchyard

@Suite("Jira Cloud connector: comments, work logs, links, watchers and attachments")
struct JiraCloudActivityTests {
    @Test("comments list pages through an issue's comments, newest first on request")
    func listComments() async throws {
        try await withSandbox { harness in
            let comments = try await harness.data("jira", "comments", "list", ["issue": "DEMO-7", "limit": 20])
            #expect(comments.arrayValue?.count == 14)
            let newest = try await harness.data("jira", "comments", "list", ["issue": "DEMO-7", "order_by": "-created", "limit": 1])
            #expect(newest.arrayValue?.first?["id"] == comments.arrayValue?.last?["id"])
        }
    }

    @Test("comments add, get, update and delete round-trip Markdown through the sandbox")
    func commentLifecycle() async throws {
        try await withSandbox { harness in
            let added = try await harness.data("jira", "comments", "add", ["issue": "DEMO-4", "body": "First look at `search`:\n\n- p95 is **900 ms**"])
            let id = try #require(added["id"]?.stringValue)
            let sent = try harness.lastBody("POST", pathPrefix: "/rest/api/3/issue/DEMO-4/comment")
            #expect(sent["body"]?["type"] == "doc")
            let read = try await harness.data("jira", "comments", "get", ["issue": "DEMO-4", "comment_id": .string(id)])
            #expect(read["body"]?.trimmedText == "First look at `search`:\n\n- p95 is **900 ms**")
            let raw = try await harness.data("jira", "comments", "get", ["issue": "DEMO-4", "comment_id": .string(id), "text_format": "raw"])
            #expect(raw["body"] == sent["body"])
            let updated = try await harness.data("jira", "comments", "update", ["issue": "DEMO-4", "comment_id": .string(id), "body": "Second look."])
            #expect(updated["body"]?.trimmedText == "Second look.")
            let deleted = await harness.execute("jira", "comments", "delete", ["issue": "DEMO-4", "comment_id": .string(id)])
            #expect(deleted.result?.status == 204)
            let gone = await harness.execute("jira", "comments", "get", ["issue": "DEMO-4", "comment_id": .string(id)])
            #expect(gone.error?.kind == .notFound)
        }
    }

    @Test("comments get reads a seeded comment")
    func getComment() async throws {
        try await withSandbox { harness in
            let first = try await harness.data("jira", "comments", "list", ["issue": "DEMO-3"])
            let id = try #require(first.arrayValue?.first?["id"])
            let comment = try await harness.data("jira", "comments", "get", ["issue": "DEMO-3", "comment_id": id])
            #expect(comment["author"]?["displayName"] != nil)
        }
    }

    @Test("worklogs list returns the seeded time, filtered by start time")
    func listWorklogs() async throws {
        try await withSandbox { harness in
            let worklogs = try await harness.data("jira", "worklogs", "list", ["issue": "DEMO-7"])
            #expect(worklogs.strings("timeSpent") == ["2h", "1h 30m"])
            let started = try #require(worklogs.arrayValue?.last?["started"]?.stringValue)
            #expect(started.hasSuffix("+0000"))
            let later = try await harness.data("jira", "worklogs", "list", ["issue": "DEMO-7", "started_after": 4_102_444_800_000])
            #expect(later.arrayValue?.isEmpty == true)
        }
    }

    @Test("worklogs add logs a duration with a note that reads back")
    func addWorklog() async throws {
        try await withSandbox { harness in
            let added = try await harness.data("jira", "worklogs", "add", [
                "issue": "DEMO-4", "time_spent": "1h 30m", "started": "2026-01-20T09:00:00.000+0000", "comment": "Spike on **token buckets**.",
            ])
            #expect(added["timeSpentSeconds"] == 5_400)
            let id = try #require(added["id"])
            let read = try await harness.data("jira", "worklogs", "get", ["issue": "DEMO-4", "worklog_id": id])
            #expect(read["started"] == "2026-01-20T09:00:00.000+0000")
            #expect(read["comment"]?.trimmedText == "Spike on **token buckets**.")
            #expect(try harness.lastBody("POST", pathPrefix: "/rest/api/3/issue/DEMO-4/worklog")["comment"]?["type"] == "doc")
            let issue = try await harness.data("jira", "issues", "get", ["issue": "DEMO-4", "fields": ["fields.timespent"]])
            #expect(issue["fields"]?["timespent"] == 5_400)
        }
    }

    @Test("worklogs get reads one seeded worklog")
    func getWorklog() async throws {
        try await withSandbox { harness in
            let worklog = try await harness.data("jira", "worklogs", "get", ["issue": "DEMO-18", "worklog_id": "10303"])
            #expect(worklog["timeSpent"] == "1d")
            #expect(worklog["author"]?["displayName"] == "Dev Patel")
        }
    }

    @Test("worklogs delete removes the time")
    func deleteWorklog() async throws {
        try await withSandbox { harness in
            let deleted = await harness.execute("jira", "worklogs", "delete", ["issue": "DEMO-7", "worklog_id": "10300", "adjust_estimate": "leave"])
            #expect(deleted.result?.status == 204, "\(deleted.json)")
            let remaining = try await harness.data("jira", "worklogs", "list", ["issue": "DEMO-7"])
            #expect(remaining.strings("id") == ["10301"])
        }
    }

    @Test("issue_links link_types lists the link types with their phrases")
    func linkTypes() async throws {
        try await withSandbox { harness in
            let types = try await harness.data("jira", "issue_links", "link_types")
            #expect(types.strings("name") == ["Blocks", "Cloners", "Duplicate", "Relates"])
            #expect(types.arrayValue?.first == ["id": "10000", "name": "Blocks", "outward": "blocks", "inward": "is blocked by"])
        }
    }

    @Test("issue_links create links two issues in the direction the params say")
    func createLink() async throws {
        try await withSandbox { harness in
            let created = await harness.execute("jira", "issue_links", "create", ["link_type": "Blocks", "issue": "DEMO-3", "linked_issue": "DEMO-4"])
            #expect(created.result?.status == 201, "\(created.json)")
            #expect(try harness.lastBody("POST", pathPrefix: "/rest/api/3/issueLink") == [
                "type": ["name": "Blocks"], "inwardIssue": ["key": "DEMO-3"], "outwardIssue": ["key": "DEMO-4"],
            ])
            let blocker = try await harness.data("jira", "issues", "get", ["issue": "DEMO-3", "fields": ["fields.issuelinks"]])
            let link = try #require(blocker["fields"]?["issuelinks"]?.arrayValue?.first { $0["outwardIssue"]?["key"] == "DEMO-4" })
            #expect(link["type"]?["outward"] == "blocks")
            let blocked = try await harness.data("jira", "issues", "get", ["issue": "DEMO-4", "fields": ["fields.issuelinks.inwardIssue.key"]])
            #expect(blocked["fields"]?["issuelinks"] == [["inwardIssue": ["key": "DEMO-3"]]])
        }
    }

    @Test("issue_links delete removes the link from both issues")
    func deleteLink() async throws {
        try await withSandbox { harness in
            let deleted = await harness.execute("jira", "issue_links", "delete", ["link_id": "10400"])
            #expect(deleted.result?.status == 204, "\(deleted.json)")
            let issue = try await harness.data("jira", "issues", "get", ["issue": "DEMO-2", "fields": ["*"], "jira_fields": ["issuelinks"]])
            #expect(issue["fields"]?["issuelinks"] == [])
        }
    }

    @Test("watchers list shows the reporter and assignee of a seeded issue")
    func listWatchers() async throws {
        try await withSandbox { harness in
            let watchers = try await harness.data("jira", "watchers", "list", ["issue": "DEMO-7"])
            #expect(watchers.strings("displayName") == ["Bob Okafor", "Demo User"])
        }
    }

    @Test("watchers add sends the accountId as a JSON string body")
    func addWatcher() async throws {
        try await withSandbox { harness in
            _ = try await harness.data("jira", "watchers", "add", ["issue": "DEMO-7", "account_id": "5c4f8a1e2d0b9c3a7e6f1d20"])
            let request = try #require(harness.lastRequest("POST", pathPrefix: "/rest/api/3/issue/DEMO-7/watchers"))
            #expect(request.bodyText == #""5c4f8a1e2d0b9c3a7e6f1d20""#)
            let watchers = try await harness.data("jira", "watchers", "list", ["issue": "DEMO-7"])
            #expect(watchers.strings("displayName").contains("Carmen Diaz"))
        }
    }

    @Test("watchers remove takes the accountId in the query")
    func removeWatcher() async throws {
        try await withSandbox { harness in
            _ = try await harness.data("jira", "watchers", "remove", ["issue": "DEMO-7", "account_id": "5b109f2e9729b51b54dc274d"])
            #expect(harness.lastRequest("DELETE", pathPrefix: "/rest/api/3/issue/DEMO-7/watchers")?.uri.hasSuffix("?accountId=5b109f2e9729b51b54dc274d") == true)
            let watchers = try await harness.data("jira", "watchers", "list", ["issue": "DEMO-7"])
            #expect(watchers.strings("displayName") == ["Demo User"])
        }
    }

    @Test("attachments list reads the issue's attachment field")
    func listAttachments() async throws {
        try await withSandbox { harness in
            let attachments = try await harness.data("jira", "attachments", "list", ["issue": "DEMO-7"])
            #expect(attachments.strings("filename") == ["session-timeout.har", "checkout-error.png"])
            #expect(harness.lastRequest("GET", pathPrefix: "/rest/api/3/issue/DEMO-7")?.uri.hasSuffix("?fields=attachment") == true)
        }
    }

    @Test("attachments get returns the metadata with a numeric id")
    func getAttachment() async throws {
        try await withSandbox { harness in
            let attachment = try await harness.data("jira", "attachments", "get", ["attachment_id": "10501"])
            #expect(attachment["id"] == 10_501)
            #expect(attachment["filename"] == "checkout-error.png")
            #expect(attachment["mimeType"] == "image/png")
        }
    }

    @Test("attachments delete removes it from the issue")
    func deleteAttachment() async throws {
        try await withSandbox { harness in
            let deleted = await harness.execute("jira", "attachments", "delete", ["attachment_id": "10500"])
            #expect(deleted.result?.status == 204, "\(deleted.json)")
            let gone = await harness.execute("jira", "attachments", "get", ["attachment_id": "10500"])
            #expect(gone.error?.kind == .notFound)
            let remaining = try await harness.data("jira", "attachments", "list", ["issue": "DEMO-7"])
            #expect(remaining.strings("filename") == ["checkout-error.png"])
        }
    }
}
