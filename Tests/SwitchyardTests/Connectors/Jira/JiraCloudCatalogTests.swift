import AtlassianSandbox
import Testing
@testable import Switchyard

@Suite("Jira Cloud connector: projects, fields, users, agile, releases and catalogues")
struct JiraCloudCatalogTests {
    @Test("projects search finds projects by a word in their name")
    func searchProjects() async throws {
        try await withSandbox { harness in
            let projects = try await harness.data("jira", "projects", "search", ["query": "mobile"])
            #expect(projects.strings("key") == ["MOB"])
        }
    }

    @Test("projects get returns a project with its issue types")
    func getProject() async throws {
        try await withSandbox { harness in
            let project = try await harness.data("jira", "projects", "get", ["project": "DEMO"])
            #expect(project["lead"]?["displayName"] == "Demo User")
            #expect(project["issueTypes"]?.strings("name").contains("Story") == true)
        }
    }

    @Test("projects issue_types lists the creatable types from createmeta")
    func issueTypes() async throws {
        try await withSandbox { harness in
            let types = try await harness.data("jira", "projects", "issue_types", ["project": "DEMO"])
            #expect(types.strings("name") == ["Task", "Bug", "Story", "Epic", "Sub-task"])
            let business = try await harness.data("jira", "projects", "issue_types", ["project": "HR"])
            #expect(business.strings("name") == ["Task", "Sub-task"])
        }
    }

    @Test("projects create_metadata says which fields a story needs and allows")
    func createMetadata() async throws {
        try await withSandbox { harness in
            let fields = try await harness.data("jira", "projects", "create_metadata", ["project": "DEMO", "issue_type_id": "10003", "limit": 100])
            let summary = try #require(fields.arrayValue?.first { $0["fieldId"] == "summary" })
            #expect(summary["required"] == true)
            let components = try #require(fields.arrayValue?.first { $0["fieldId"] == "components" })
            #expect(components["allowedValues"]?.strings("name") == ["Checkout", "Search", "Accounts"])
            #expect(fields.strings("name").contains("Story Points"))
        }
    }

    @Test("fields list includes system and custom fields with their ids")
    func listFields() async throws {
        try await withSandbox { harness in
            let fields = try await harness.data("jira", "fields", "list")
            let points = try #require(fields.arrayValue?.first { $0["name"] == "Story Points" })
            #expect(points["id"] == "customfield_10016")
            #expect(points["custom"] == true)
            #expect(fields.strings("id").contains("summary"))
        }
    }

    @Test("fields search finds a custom field by name and kind")
    func searchFields() async throws {
        try await withSandbox { harness in
            let fields = try await harness.data("jira", "fields", "search", ["query": "sprint", "type": ["custom"]])
            #expect(fields.strings("id") == ["customfield_10020"])
            let uri = try #require(harness.lastRequest("GET", pathPrefix: "/rest/api/3/field/search")?.uri)
            #expect(uri.contains("query=sprint") && uri.contains("type=custom"))
        }
    }

    @Test("users myself returns the demo user")
    func myself() async throws {
        try await withSandbox { harness in
            let me = try await harness.data("jira", "users", "myself")
            #expect(me["accountId"] == .string(SandboxCredentials.accountId))
        }
    }

    @Test("users search finds people by name")
    func searchUsers() async throws {
        try await withSandbox { harness in
            let users = try await harness.data("jira", "users", "search", ["query": "carmen"])
            #expect(users.strings("displayName") == ["Carmen Diaz"])
        }
    }

    @Test("users get fetches one user by accountId")
    func getUser() async throws {
        try await withSandbox { harness in
            let user = try await harness.data("jira", "users", "get", ["account_id": "5b109f2e9729b51b54dc274d"])
            #expect(user["displayName"] == "Bob Okafor")
        }
    }

    @Test("users assignable lists users who can take a project's issues")
    func assignableUsers() async throws {
        try await withSandbox { harness in
            let users = try await harness.data("jira", "users", "assignable", ["project": "DEMO", "query": "ali"])
            #expect(users.strings("displayName") == ["Alice Nguyen"])
            let missing = await harness.execute("jira", "users", "assignable", ["query": "ali"])
            #expect(missing.error?.kind == .validation)
        }
    }

    @Test("boards list finds the scrum board of a project")
    func listBoards() async throws {
        try await withSandbox { harness in
            let boards = try await harness.data("jira", "boards", "list", ["project": "DEMO"])
            #expect(boards == [["id": 1, "name": "DEMO board", "type": "scrum", "location": ["projectKey": "DEMO"]]])
        }
    }

    @Test("boards backlog lists open issues outside open sprints")
    func backlog() async throws {
        try await withSandbox { harness in
            let backlog = try await harness.data("jira", "boards", "backlog", ["board_id": 1])
            #expect(backlog.strings("key") == ["DEMO-3", "DEMO-4", "DEMO-8", "DEMO-9", "DEMO-14", "DEMO-16", "DEMO-19", "DEMO-21", "DEMO-24"])
            let bugs = try await harness.data("jira", "boards", "backlog", ["board_id": 1, "jql": "type = Bug"])
            #expect(bugs.strings("key") == ["DEMO-3", "DEMO-14", "DEMO-19"])
        }
    }

    @Test("sprints list filters a board's sprints by state")
    func listSprints() async throws {
        try await withSandbox { harness in
            let all = try await harness.data("jira", "sprints", "list", ["board_id": 1])
            #expect(all.strings("state") == ["closed", "active", "future"])
            let active = try await harness.data("jira", "sprints", "list", ["board_id": 1, "state": ["active"]])
            #expect(active.strings("name") == ["DEMO Sprint 2"])
        }
    }

    @Test("sprints get returns the sprint's dates and goal")
    func getSprint() async throws {
        try await withSandbox { harness in
            let sprint = try await harness.data("jira", "sprints", "get", ["sprint_id": 1])
            #expect(sprint["state"] == "closed")
            #expect(sprint["completeDate"]?.stringValue?.hasPrefix("2026-01-19") == true)
        }
    }

    @Test("sprints issues lists a sprint's issues with their total")
    func sprintIssues() async throws {
        try await withSandbox { harness in
            let issues = try await harness.data("jira", "sprints", "issues", ["sprint_id": 3])
            #expect(issues.strings("key") == ["DEMO-27", "DEMO-28", "DEMO-29"])
            #expect(issues.arrayValue?.first?["fields"]?["customfield_10016"] == 5)
        }
    }

    @Test("sprints move_issues moves backlog issues into a sprint")
    func moveToSprint() async throws {
        try await withSandbox { harness in
            let moved = await harness.execute("jira", "sprints", "move_issues", ["sprint_id": 2, "issues": ["DEMO-4", "DEMO-9"]])
            #expect(moved.result?.status == 204, "\(moved.json)")
            #expect(try harness.lastBody("POST", pathPrefix: "/rest/agile/1.0/sprint/2/issue") == ["issues": ["DEMO-4", "DEMO-9"]])
            let issues = try await harness.data("jira", "sprints", "issues", ["sprint_id": 2, "jql": "key in (DEMO-4, DEMO-9)"])
            #expect(issues.strings("key") == ["DEMO-4", "DEMO-9"])
            let closed = await harness.execute("jira", "sprints", "move_issues", ["sprint_id": 1, "issues": ["DEMO-4"]])
            #expect(closed.error?.kind == .validation)
        }
    }

    @Test("sprints move_to_backlog takes issues out of their sprint")
    func moveToBacklog() async throws {
        try await withSandbox { harness in
            _ = try await harness.data("jira", "sprints", "move_to_backlog", ["issues": ["DEMO-27"]])
            let sprint = try await harness.data("jira", "sprints", "issues", ["sprint_id": 3])
            #expect(sprint.strings("key") == ["DEMO-28", "DEMO-29"])
            let backlog = try await harness.data("jira", "boards", "backlog", ["board_id": 1, "limit": 50])
            #expect(backlog.strings("key").contains("DEMO-27"))
        }
    }

    @Test("versions list returns a project's releases")
    func listVersions() async throws {
        try await withSandbox { harness in
            let versions = try await harness.data("jira", "versions", "list", ["project": "DEMO"])
            #expect(versions.strings("name") == ["1.0", "1.1", "2.0"])
            #expect(versions.arrayValue?.first?["released"] == true)
        }
    }

    @Test("versions create adds a release that lists afterwards")
    func createVersion() async throws {
        try await withSandbox { harness in
            let created = try await harness.data("jira", "versions", "create", ["project": "DEMO", "name": "2.1", "release_date": "2026-04-30"])
            #expect(created["projectId"] == 10_000)
            #expect(try harness.lastBody("POST", pathPrefix: "/rest/api/3/version") == ["project": "DEMO", "name": "2.1", "releaseDate": "2026-04-30"])
            let versions = try await harness.data("jira", "versions", "list", ["project": "DEMO"])
            #expect(versions.strings("name").last == "2.1")
            let duplicate = await harness.execute("jira", "versions", "create", ["project": "DEMO", "name": "2.1"])
            #expect(duplicate.error?.kind == .validation)
        }
    }

    @Test("components list returns a project's components with leads")
    func listComponents() async throws {
        try await withSandbox { harness in
            let components = try await harness.data("jira", "components", "list", ["project": "DEMO"])
            #expect(components.strings("name") == ["Checkout", "Search", "Accounts"])
            #expect(components.arrayValue?.first?["lead"]?["displayName"] == "Alice Nguyen")
        }
    }

    @Test("components create adds a component with a lead")
    func createComponent() async throws {
        try await withSandbox { harness in
            let created = try await harness.data("jira", "components", "create", [
                "project": "DEMO", "name": "Payments", "lead_account_id": "5b10ac8d82e05b22cc7d4ef5", "assignee_type": "COMPONENT_LEAD",
            ])
            #expect(created["lead"]?["displayName"] == "Alice Nguyen")
            let components = try await harness.data("jira", "components", "list", ["project": "DEMO"])
            #expect(components.strings("name").last == "Payments")
        }
    }

    @Test("priorities list returns the five priorities, most urgent first")
    func priorities() async throws {
        try await withSandbox { harness in
            let priorities = try await harness.data("jira", "priorities", "list")
            #expect(priorities.strings("name") == ["Highest", "High", "Medium", "Low", "Lowest"])
        }
    }

    @Test("statuses list returns statuses with their categories")
    func statuses() async throws {
        try await withSandbox { harness in
            let statuses = try await harness.data("jira", "statuses", "list")
            #expect(statuses.arrayValue?.contains(["id": "10010", "name": "In Review", "statusCategory": ["name": "In Progress"]]) == true)
        }
    }

    @Test("issue_types list returns the site's issue types")
    func siteIssueTypes() async throws {
        try await withSandbox { harness in
            let types = try await harness.data("jira", "issue_types", "list")
            #expect(types.strings("name") == ["Task", "Bug", "Story", "Epic", "Sub-task"])
        }
    }

    @Test("labels list pages through the labels in use")
    func labels() async throws {
        try await withSandbox { harness in
            let labels = try await harness.data("jira", "labels", "list", ["limit": 5])
            #expect(labels == ["alerts", "auth", "backend", "backups", "browser"])
        }
    }
}
