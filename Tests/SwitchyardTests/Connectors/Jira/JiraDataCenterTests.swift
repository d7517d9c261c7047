import AtlassianSandbox
import Testing
@testable import Switchyard

/// The jira-datacenter connector against the sandbox's REST v2: wiki-markup text and users by username.
@Suite("Jira Data Center connector")
struct JiraDataCenterTests {
    let dc = "jira-datacenter"

    // MARK: issues

    @Test("issues get returns the description as Markdown, or as wiki markup with text_format raw")
    func get() async throws {
        try await withSandbox { harness in
            let issue = try await harness.data(dc, "issues", "get", ["issue": "DEMO-4"])
            #expect(issue["fields"]?["description"]?.trimmedText == "Limit anonymous clients to 20 search requests per second and answer 429 with Retry-After beyond that.")
            let raw = try await harness.data(dc, "issues", "get", ["issue": "DEMO-1", "fields": ["fields.description"], "text_format": "raw"])
            #expect(raw["fields"]?["description"]?.stringValue?.hasPrefix("h2. ") == true)
            #expect(harness.lastRequest("GET", pathPrefix: "/rest/api/2/issue/DEMO-4") != nil)
        }
    }

    @Test("issues search pages through /rest/api/2/search by startAt")
    func search() async throws {
        try await withSandbox { harness in
            let issues = try await harness.data(dc, "issues", "search", ["jql": "project = DEMO ORDER BY key ASC", "limit": 12])
            #expect(issues.arrayValue?.count == 12)
            #expect(issues.strings("key").prefix(3) == ["DEMO-1", "DEMO-2", "DEMO-3"])
            let pages = harness.server.recordedRequests().filter { $0.path == "/rest/api/2/search" }
            #expect(pages.count == 1)
            let envelope = await harness.execute(dc, "issues", "search", ["jql": "project = DEMO ORDER BY key ASC", "limit": 60])
            #expect(envelope.result?.data.arrayValue?.count == 30)
            #expect(envelope.result?.next == nil)
        }
    }

    @Test("issues count reads the total of a zero-result search")
    func count() async throws {
        try await withSandbox { harness in
            let result = try await harness.data(dc, "issues", "count", ["jql": "project = OPS"])
            #expect(result == ["total": 5])
            #expect(harness.lastRequest("GET", pathPrefix: "/rest/api/2/search")?.uri.contains("maxResults=0") == true)
        }
    }

    @Test("issues create converts a Markdown description to wiki markup and takes a username assignee")
    func create() async throws {
        try await withSandbox { harness in
            let created = try await harness.data(dc, "issues", "create", [
                "project": "DEMO", "issue_type": "Task", "summary": "Archive old carts", "assignee": "bob",
                "description": "## Scope\n\n- carts older than **90 days**",
            ])
            let key = try #require(created["key"]?.stringValue)
            let sent = try harness.lastBody("POST", pathPrefix: "/rest/api/2/issue")
            #expect(sent["fields"]?["assignee"] == ["name": "bob"])
            #expect(sent["fields"]?["description"]?.stringValue?.contains("h2. Scope") == true)
            #expect(sent["fields"]?["description"]?.stringValue?.contains("* carts older than *90 days*") == true)
            let issue = try await harness.data(dc, "issues", "get", ["issue": .string(key), "fields": ["fields.description", "fields.assignee.name"]])
            #expect(issue["fields"]?["description"]?.trimmedText == "## Scope\n\n- carts older than **90 days**")
            #expect(issue["fields"]?["assignee"] == ["name": "bob"])
        }
    }

    @Test("issues update sets fields through REST v2")
    func update() async throws {
        try await withSandbox { harness in
            _ = try await harness.data(dc, "issues", "update", ["issue": "DEMO-8", "field_values": ["assignee": ["name": "carmen"], "customfield_10016": 3]])
            let issue = try await harness.data(dc, "issues", "get", ["issue": "DEMO-8", "fields": ["fields.assignee.name", "fields.customfield_10016"]])
            #expect(issue["fields"] == ["assignee": ["name": "carmen"], "customfield_10016": 3])
        }
    }

    @Test("issues set_description sends wiki markup converted from Markdown")
    func setDescription() async throws {
        try await withSandbox { harness in
            _ = try await harness.data(dc, "issues", "set_description", ["issue": "DEMO-8", "description": "Blocked by **vendor** sign-off."])
            #expect(try harness.lastBody("PUT", pathPrefix: "/rest/api/2/issue/DEMO-8") == ["fields": ["description": "Blocked by *vendor* sign-off."]])
            let issue = try await harness.data(dc, "issues", "get", ["issue": "DEMO-8", "fields": ["fields.description"]])
            #expect(issue["fields"]?["description"]?.trimmedText == "Blocked by **vendor** sign-off.")
        }
    }

    @Test("issues delete removes the issue")
    func delete() async throws {
        try await withSandbox { harness in
            let deleted = await harness.execute(dc, "issues", "delete", ["issue": "OPS-4"])
            #expect(deleted.result?.status == 204, "\(deleted.json)")
            #expect(await harness.execute(dc, "issues", "get", ["issue": "OPS-4"]).error?.kind == .notFound)
        }
    }

    @Test("issues assign sets the assignee by username")
    func assign() async throws {
        try await withSandbox { harness in
            _ = try await harness.data(dc, "issues", "assign", ["issue": "DEMO-9", "username": "dev"])
            #expect(try harness.lastBody("PUT", pathPrefix: "/rest/api/2/issue/DEMO-9/assignee") == ["name": "dev"])
            let issue = try await harness.data(dc, "issues", "get", ["issue": "DEMO-9", "fields": ["fields.assignee.name"]])
            #expect(issue["fields"]?["assignee"]?["name"] == "dev")
        }
    }

    @Test("issues unassign sends a null name")
    func unassign() async throws {
        try await withSandbox { harness in
            _ = try await harness.data(dc, "issues", "unassign", ["issue": "DEMO-3"])
            #expect(try harness.lastBody("PUT", pathPrefix: "/rest/api/2/issue/DEMO-3/assignee") == ["name": nil])
            let issue = try await harness.data(dc, "issues", "get", ["issue": "DEMO-3", "fields": ["*"], "jira_fields": ["assignee"]])
            #expect(issue["fields"]?["assignee"] == .null)
        }
    }

    @Test("issues transitions lists the available transitions")
    func transitions() async throws {
        try await withSandbox { harness in
            let transitions = try await harness.data(dc, "issues", "transitions", ["issue": "DEMO-5"])
            #expect(transitions.strings("name") == ["Done", "Back to To Do"])
        }
    }

    @Test("issues transition moves the issue and adds a comment written in Markdown")
    func transition() async throws {
        try await withSandbox { harness in
            _ = try await harness.data(dc, "issues", "transition", ["issue": "DEMO-5", "transition_id": "31", "comment": "Merged in `main`."])
            #expect(try harness.lastBody("POST", pathPrefix: "/rest/api/2/issue/DEMO-5/transitions")["update"]?["comment"]?[0]?["add"]?["body"] == "Merged in {{main}}.")
            let issue = try await harness.data(dc, "issues", "get", ["issue": "DEMO-5", "fields": ["fields.status.name", "fields.comment.comments.body"]])
            #expect(issue["fields"]?["status"]?["name"] == "Done")
            #expect(issue["fields"]?["comment"]?["comments"]?.arrayValue?.last?["body"]?.trimmedText == "Merged in `main`.")
        }
    }

    @Test("issues changelog reads the histories of expand=changelog")
    func changelog() async throws {
        try await withSandbox { harness in
            _ = try await harness.data(dc, "issues", "assign", ["issue": "DEMO-20", "username": "bob"])
            let history = try await harness.data(dc, "issues", "changelog", ["issue": "DEMO-20"])
            #expect(history.arrayValue?.count == 3)
            #expect(history.arrayValue?.last?["items"] == [["field": "assignee", "fromString": "Alice Nguyen", "toString": "Bob Okafor"]])
        }
    }

    // MARK: comments and work logs

    @Test("comments list returns bodies as Markdown")
    func listComments() async throws {
        try await withSandbox { harness in
            let comments = try await harness.data(dc, "comments", "list", ["issue": "DEMO-3"])
            #expect(comments.arrayValue?.count == 1)
            #expect(comments.arrayValue?.first?["body"]?.stringValue != nil)
        }
    }

    @Test("comments get, add, update and delete: Markdown in, wiki markup on the wire, Markdown out")
    func commentLifecycle() async throws {
        try await withSandbox { harness in
            let added = try await harness.data(dc, "comments", "add", ["issue": "DEMO-3", "body": "Reproduced on **Safari 17**."])
            let id = try #require(added["id"])
            #expect(try harness.lastBody("POST", pathPrefix: "/rest/api/2/issue/DEMO-3/comment") == ["body": "Reproduced on *Safari 17*."])
            let read = try await harness.data(dc, "comments", "get", ["issue": "DEMO-3", "comment_id": id])
            #expect(read["body"]?.trimmedText == "Reproduced on **Safari 17**.")
            let raw = try await harness.data(dc, "comments", "get", ["issue": "DEMO-3", "comment_id": id, "text_format": "raw"])
            #expect(raw["body"] == "Reproduced on *Safari 17*.")
            let updated = try await harness.data(dc, "comments", "update", ["issue": "DEMO-3", "comment_id": id, "body": "Fixed."])
            #expect(updated["body"]?.trimmedText == "Fixed.")
            #expect(await harness.execute(dc, "comments", "delete", ["issue": "DEMO-3", "comment_id": id]).result?.status == 204)
            #expect(await harness.execute(dc, "comments", "get", ["issue": "DEMO-3", "comment_id": id]).error?.kind == .notFound)
        }
    }

    @Test("comments get reads a seeded comment")
    func getComment() async throws {
        try await withSandbox { harness in
            let list = try await harness.data(dc, "comments", "list", ["issue": "DEMO-2"])
            let id = try #require(list.arrayValue?.first?["id"])
            let comment = try await harness.data(dc, "comments", "get", ["issue": "DEMO-2", "comment_id": id])
            #expect(comment["body"]?.stringValue?.isEmpty == false)
        }
    }

    @Test("worklogs list, add, get and delete through REST v2")
    func worklogLifecycle() async throws {
        try await withSandbox { harness in
            let seeded = try await harness.data(dc, "worklogs", "list", ["issue": "DEMO-2"])
            #expect(seeded.arrayValue?.first?["comment"]?.trimmedText == "Card vault integration.")
            let added = try await harness.data(dc, "worklogs", "add", [
                "issue": "DEMO-2", "time_spent_seconds": 1_800, "started": "2026-01-21T14:00:00.000+0100", "comment": "Code review.",
            ])
            #expect(added["timeSpent"] == "30m")
            let id = try #require(added["id"])
            let read = try await harness.data(dc, "worklogs", "get", ["issue": "DEMO-2", "worklog_id": id])
            #expect(read["started"] == "2026-01-21T13:00:00.000+0000")
            #expect(read["comment"]?.trimmedText == "Code review.")
            #expect(await harness.execute(dc, "worklogs", "delete", ["issue": "DEMO-2", "worklog_id": id]).result?.status == 204)
            let after = try await harness.data(dc, "worklogs", "list", ["issue": "DEMO-2"])
            #expect(after.arrayValue?.count == 1)
        }
    }

    @Test("worklogs get reads a seeded worklog")
    func getWorklog() async throws {
        try await withSandbox { harness in
            let worklog = try await harness.data(dc, "worklogs", "get", ["issue": "DEMO-7", "worklog_id": "10301"])
            #expect(worklog["timeSpentSeconds"] == 5_400)
        }
    }

    @Test("worklogs add rejects a body without a duration")
    func addWorklogNeedsTime() async throws {
        try await withSandbox { harness in
            let missing = await harness.execute(dc, "worklogs", "add", ["issue": "DEMO-2", "started": "2026-01-21T14:00:00.000+0000"])
            #expect(missing.error?.kind == .validation)
        }
    }

    @Test("worklogs delete removes a seeded worklog")
    func deleteWorklog() async throws {
        try await withSandbox { harness in
            #expect(await harness.execute(dc, "worklogs", "delete", ["issue": "DEMO-18", "worklog_id": "10303"]).result?.status == 204)
            let value1 = try await harness.data(dc, "worklogs", "list", ["issue": "DEMO-18"])
            #expect(value1 == [])
        }
    }

    // MARK: projects, fields, users

    @Test("projects list returns every project as a bare array")
    func listProjects() async throws {
        try await withSandbox { harness in
            let projects = try await harness.data(dc, "projects", "list")
            #expect(projects.strings("key") == ["DATA", "DEMO", "HR", "MOB", "OPS", "SEC", "WEB"])
        }
    }

    @Test("projects get returns the lead by username")
    func getProject() async throws {
        try await withSandbox { harness in
            let project = try await harness.data(dc, "projects", "get", ["project": "OPS"])
            #expect(project["lead"]?["name"] == "bob")
        }
    }

    @Test("projects issue_types reads createmeta values")
    func issueTypes() async throws {
        try await withSandbox { harness in
            let types = try await harness.data(dc, "projects", "issue_types", ["project": "OPS"])
            #expect(types.strings("name") == ["Task", "Bug", "Story", "Epic", "Sub-task"])
        }
    }

    @Test("projects create_metadata reads createmeta field values")
    func createMetadata() async throws {
        try await withSandbox { harness in
            let fields = try await harness.data(dc, "projects", "create_metadata", ["project": "DEMO", "issue_type_id": "10005", "limit": 100])
            #expect(fields.arrayValue?.first { $0["fieldId"] == "parent" }?["required"] == true)
        }
    }

    @Test("fields list includes the custom fields")
    func listFields() async throws {
        try await withSandbox { harness in
            let fields = try await harness.data(dc, "fields", "list")
            #expect(fields.arrayValue?.first { $0["id"] == "customfield_10020" }?["name"] == "Sprint")
        }
    }

    @Test("users myself returns the demo user's username")
    func myself() async throws {
        try await withSandbox { harness in
            let me = try await harness.data(dc, "users", "myself")
            #expect(me["name"] == "demo")
            #expect(me["accountId"] == nil)
        }
    }

    @Test("users search matches by username")
    func searchUsers() async throws {
        try await withSandbox { harness in
            let users = try await harness.data(dc, "users", "search", ["username": "bo"])
            #expect(users.strings("name") == ["bob"])
            #expect(harness.lastRequest("GET", pathPrefix: "/rest/api/2/user/search")?.uri.contains("username=bo") == true)
            let inactive = try await harness.data(dc, "users", "search", ["username": "sam", "include_inactive": true])
            #expect(inactive.strings("name") == ["sam"])
        }
    }

    @Test("users get fetches a user by username")
    func getUser() async throws {
        try await withSandbox { harness in
            let user = try await harness.data(dc, "users", "get", ["username": "carmen"])
            #expect(user["displayName"] == "Carmen Diaz")
        }
    }

    @Test("users assignable lists assignable users of an issue")
    func assignable() async throws {
        try await withSandbox { harness in
            let users = try await harness.data(dc, "users", "assignable", ["issue": "DEMO-1", "username": "dev"])
            #expect(users.strings("name") == ["dev"])
        }
    }

    // MARK: links, watchers, attachments

    @Test("issue_links create, link_types and delete")
    func links() async throws {
        try await withSandbox { harness in
            let types = try await harness.data(dc, "issue_links", "link_types")
            #expect(types.strings("name").contains("Relates"))
            _ = try await harness.data(dc, "issue_links", "create", ["link_type": "Relates", "issue": "OPS-5", "linked_issue": "DEMO-17"])
            let issue = try await harness.data(dc, "issues", "get", ["issue": "OPS-5", "fields": ["fields.issuelinks.id", "fields.issuelinks.outwardIssue.key"]])
            let link = try #require(issue["fields"]?["issuelinks"]?.arrayValue?.first)
            #expect(link["outwardIssue"]?["key"] == "DEMO-17")
            _ = try await harness.data(dc, "issue_links", "delete", ["link_id": try #require(link["id"])])
            let after = try await harness.data(dc, "issues", "get", ["issue": "OPS-5", "fields": ["*"], "jira_fields": ["issuelinks"]])
            #expect(after["fields"]?["issuelinks"] == [])
        }
    }

    @Test("issue_links link_types lists the types")
    func linkTypes() async throws {
        try await withSandbox { harness in
            let value2 = try await harness.data(dc, "issue_links", "link_types")
            #expect(value2.arrayValue?.count == 4)
        }
    }

    @Test("issue_links delete removes a seeded link")
    func deleteLink() async throws {
        try await withSandbox { harness in
            #expect(await harness.execute(dc, "issue_links", "delete", ["link_id": "10403"]).result?.status == 204)
            let issue = try await harness.data(dc, "issues", "get", ["issue": "OPS-2", "fields": ["*"], "jira_fields": ["issuelinks"]])
            #expect(issue["fields"]?["issuelinks"] == [])
        }
    }

    @Test("watchers list, add by username and remove by username")
    func watchers() async throws {
        try await withSandbox { harness in
            let value3 = try await harness.data(dc, "watchers", "list", ["issue": "DEMO-4"])
            #expect(value3.strings("name") == ["demo", "dev"])
            _ = try await harness.data(dc, "watchers", "add", ["issue": "DEMO-4", "username": "alice"])
            #expect(harness.lastRequest("POST", pathPrefix: "/rest/api/2/issue/DEMO-4/watchers")?.bodyText == #""alice""#)
            let value4 = try await harness.data(dc, "watchers", "list", ["issue": "DEMO-4"])
            #expect(value4.strings("name") == ["demo", "dev", "alice"])
            _ = try await harness.data(dc, "watchers", "remove", ["issue": "DEMO-4", "username": "dev"])
            let value5 = try await harness.data(dc, "watchers", "list", ["issue": "DEMO-4"])
            #expect(value5.strings("name") == ["demo", "alice"])
        }
    }

    @Test("watchers add makes a user watch an issue")
    func addWatcher() async throws {
        try await withSandbox { harness in
            _ = try await harness.data(dc, "watchers", "add", ["issue": "OPS-1", "username": "carmen"])
            let value6 = try await harness.data(dc, "watchers", "list", ["issue": "OPS-1"])
            #expect(value6.strings("name") == ["bob", "carmen"])
        }
    }

    @Test("watchers remove stops a user watching")
    func removeWatcher() async throws {
        try await withSandbox { harness in
            _ = try await harness.data(dc, "watchers", "remove", ["issue": "OPS-1", "username": "bob"])
            let value7 = try await harness.data(dc, "watchers", "list", ["issue": "OPS-1"])
            #expect(value7 == [])
        }
    }

    @Test("attachments list, get and delete through REST v2")
    func attachments() async throws {
        try await withSandbox { harness in
            let list = try await harness.data(dc, "attachments", "list", ["issue": "DEMO-17"])
            #expect(list.strings("filename") == ["safari-17-broken-image.png"])
            let attachment = try await harness.data(dc, "attachments", "get", ["attachment_id": "10502"])
            #expect(attachment["author"]?["displayName"] == "Carmen Diaz")
            #expect(await harness.execute(dc, "attachments", "delete", ["attachment_id": "10502"]).result?.status == 204)
            let value8 = try await harness.data(dc, "attachments", "list", ["issue": "DEMO-17"])
            #expect(value8 == [])
        }
    }

    @Test("attachments get returns metadata")
    func getAttachment() async throws {
        try await withSandbox { harness in
            let value9 = try await harness.data(dc, "attachments", "get", ["attachment_id": "10500"])
            #expect(value9["size"] == 48_213)
        }
    }

    @Test("attachments delete removes the file")
    func deleteAttachment() async throws {
        try await withSandbox { harness in
            #expect(await harness.execute(dc, "attachments", "delete", ["attachment_id": "10501"]).result?.status == 204)
            #expect(await harness.execute(dc, "attachments", "get", ["attachment_id": "10501"]).error?.kind == .notFound)
        }
    }

    // MARK: agile, releases, catalogues

    @Test("boards list and backlog")
    func boards() async throws {
        try await withSandbox { harness in
            let boards = try await harness.data(dc, "boards", "list", ["type": ["kanban"]])
            #expect(boards.strings("name") == ["OPS board"])
            let backlog = try await harness.data(dc, "boards", "backlog", ["board_id": 1, "limit": 3])
            #expect(backlog.strings("key") == ["DEMO-3", "DEMO-4", "DEMO-8"])
        }
    }

    @Test("boards backlog lists the issues outside open sprints")
    func backlog() async throws {
        try await withSandbox { harness in
            let backlog = try await harness.data(dc, "boards", "backlog", ["board_id": 1, "jql": "assignee = bob"])
            #expect(backlog.strings("key") == ["DEMO-3", "DEMO-8", "DEMO-19"])
        }
    }

    @Test("sprints list, get and issues")
    func sprints() async throws {
        try await withSandbox { harness in
            let future = try await harness.data(dc, "sprints", "list", ["board_id": 1, "state": ["future"]])
            #expect(future.strings("name") == ["DEMO Sprint 3"])
            let sprint = try await harness.data(dc, "sprints", "get", ["sprint_id": 2])
            #expect(sprint["state"] == "active")
            let issues = try await harness.data(dc, "sprints", "issues", ["sprint_id": 1, "limit": 100])
            #expect(issues.strings("key") == ["DEMO-2", "DEMO-6", "DEMO-7", "DEMO-10", "DEMO-15", "DEMO-22", "DEMO-30"])
        }
    }

    @Test("sprints get returns one sprint")
    func getSprint() async throws {
        try await withSandbox { harness in
            let value10 = try await harness.data(dc, "sprints", "get", ["sprint_id": 3])
            #expect(value10["goal"] == "Account security before the penetration test")
        }
    }

    @Test("sprints issues narrows with JQL")
    func sprintIssues() async throws {
        try await withSandbox { harness in
            let mine = try await harness.data(dc, "sprints", "issues", ["sprint_id": 2, "jql": "assignee = currentUser()"])
            #expect(mine.strings("key") == ["DEMO-7"])
        }
    }

    @Test("sprints move_issues and move_to_backlog change sprint membership")
    func moveIssues() async throws {
        try await withSandbox { harness in
            _ = try await harness.data(dc, "sprints", "move_issues", ["sprint_id": 3, "issues": ["DEMO-3"]])
            let value11 = try await harness.data(dc, "sprints", "issues", ["sprint_id": 3])
            #expect(value11.strings("key") == ["DEMO-3", "DEMO-27", "DEMO-28", "DEMO-29"])
            _ = try await harness.data(dc, "sprints", "move_to_backlog", ["issues": ["DEMO-3", "DEMO-29"]])
            let value12 = try await harness.data(dc, "sprints", "issues", ["sprint_id": 3])
            #expect(value12.strings("key") == ["DEMO-27", "DEMO-28"])
            let history = try await harness.data(dc, "issues", "changelog", ["issue": "DEMO-29"])
            #expect(history.arrayValue?.last?["items"]?.strings("field") == ["Sprint"])
        }
    }

    @Test("sprints move_to_backlog puts issues back in the backlog")
    func moveToBacklog() async throws {
        try await withSandbox { harness in
            _ = try await harness.data(dc, "sprints", "move_to_backlog", ["issues": ["DEMO-20"]])
            let value13 = try await harness.data(dc, "boards", "backlog", ["board_id": 1, "jql": "key = DEMO-20"])
            #expect(value13.strings("key") == ["DEMO-20"])
        }
    }

    @Test("versions list and create through REST v2")
    func versions() async throws {
        try await withSandbox { harness in
            let value14 = try await harness.data(dc, "versions", "list", ["project": "OPS"])
            #expect(value14.strings("name") == ["2026.Q1"])
            _ = try await harness.data(dc, "versions", "create", ["project": "OPS", "name": "2026.Q2", "start_date": "2026-04-01"])
            let value15 = try await harness.data(dc, "versions", "list", ["project": "OPS"])
            #expect(value15.strings("name") == ["2026.Q1", "2026.Q2"])
        }
    }

    @Test("versions create rejects a missing project")
    func createVersion() async throws {
        try await withSandbox { harness in
            let created = try await harness.data(dc, "versions", "create", ["project": "DEMO", "name": "3.0", "released": false])
            #expect(created["name"] == "3.0")
            #expect(await harness.execute(dc, "versions", "create", ["project": "NOPE", "name": "1"]).error?.kind == .validation)
        }
    }

    @Test("components list and create with a lead username")
    func components() async throws {
        try await withSandbox { harness in
            _ = try await harness.data(dc, "components", "create", ["project": "OPS", "name": "Backups", "lead_username": "dev"])
            #expect(try harness.lastBody("POST", pathPrefix: "/rest/api/2/component") == ["project": "OPS", "name": "Backups", "leadUserName": "dev"])
            let components = try await harness.data(dc, "components", "list", ["project": "OPS"])
            #expect(components.strings("name") == ["Monitoring", "Backups"])
            #expect(components.arrayValue?.last?["lead"]?["displayName"] == "Dev Patel")
        }
    }

    @Test("components create adds a component")
    func createComponent() async throws {
        try await withSandbox { harness in
            let value16 = try await harness.data(dc, "components", "create", ["project": "DEMO", "name": "Emails"])
            #expect(value16["name"] == "Emails")
        }
    }

    @Test("priorities, statuses and issue_types list the catalogues")
    func catalogues() async throws {
        try await withSandbox { harness in
            let value17 = try await harness.data(dc, "priorities", "list")
            #expect(value17.arrayValue?.count == 5)
            let value18 = try await harness.data(dc, "statuses", "list")
            #expect(value18.strings("name") == ["To Do", "In Progress", "In Review", "Done"])
            let value19 = try await harness.data(dc, "issue_types", "list")
            #expect(value19.strings("name").contains("Epic"))
        }
    }

    @Test("issues create_batch on Data Center posts wiki markup to /rest/api/2/issue/bulk")
    func createBatch() async throws {
        try await withSandbox { harness in
            let created = try await harness.data("jira-datacenter", "issues", "create_batch", ["issues": [
                ["project": "DEMO", "issue_type": "Task", "summary": "One", "description": "**bold**", "assignee": "bob"],
                ["project": "DEMO", "issue_type": "Task", "summary": "Two"],
            ]])
            #expect(created["issues"]?.arrayValue?.count == 2)
            #expect(created["errors"] == [])
            let sent = try harness.lastBody("POST", pathPrefix: "/rest/api/2/issue/bulk")
            #expect(sent["issueUpdates"]?[0]?["fields"]?["description"] == "*bold*")
            #expect(sent["issueUpdates"]?[0]?["fields"]?["assignee"] == ["name": "bob"])
        }
    }
}
