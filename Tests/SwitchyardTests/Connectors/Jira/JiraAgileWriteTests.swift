import AtlassianSandbox
import Testing
@testable import Switchyard

/// Sprint writes (create, update, start, close, delete) and epics (their issues, adding issues), on Cloud
/// and Data Center: each write is read back through the read actions.
@Suite("Jira sprints and epics")
struct JiraAgileWriteTests {
    @Test("a sprint is created, renamed, started and closed, and each step reads back", arguments: ["jira", "jira-datacenter"])
    func sprintLifecycle(connector: String) async throws {
        try await withSandbox { harness in
            let created = try await harness.data(connector, "sprints", "create", ["board_id": 1, "name": "DEMO Sprint 4", "goal": "Faster checkout"])
            let id = try #require(created["id"]?.intValue)
            #expect(created["state"] == "future")
            #expect(try harness.lastBody("POST", pathPrefix: "/rest/agile/1.0/sprint") == ["originBoardId": 1, "name": "DEMO Sprint 4", "goal": "Faster checkout"])

            _ = try await harness.data(connector, "sprints", "update", ["sprint_id": .number(JSONNumber(id)), "name": "DEMO Sprint 4b"])
            #expect(try harness.lastBody("POST", pathPrefix: "/rest/agile/1.0/sprint/\(id)") == ["name": "DEMO Sprint 4b"], "only the params given are sent")
            #expect(try await harness.data(connector, "sprints", "get", ["sprint_id": .number(JSONNumber(id))])["name"] == "DEMO Sprint 4b")

            // Sprint 2 is active; sprint 3 and the new one are future. Close 2, start the new one.
            let closed = try await harness.data(connector, "sprints", "close", ["sprint_id": 2])
            #expect(closed["state"] == "closed")
            #expect(closed["completeDate"]?.stringValue != nil)
            let started = try await harness.data(connector, "sprints", "start", [
                "sprint_id": .number(JSONNumber(id)), "start_date": "2026-02-02T09:00:00.000Z", "end_date": "2026-02-16T09:00:00.000Z",
            ])
            #expect(started["state"] == "active")
            #expect(started["startDate"]?.stringValue?.hasPrefix("2026-02-02T09:00") == true)
            let active = try await harness.data(connector, "sprints", "list", ["board_id": 1, "state": ["active"]])
            #expect(active.strings("name") == ["DEMO Sprint 4b"])
        }
    }

    @Test("sprint rules come back as validation errors: a closed sprint stays closed, a start needs dates, a future sprint cannot close")
    func sprintRules() async throws {
        try await withSandbox { harness in
            let reopen = await harness.execute("jira", "sprints", "update", ["sprint_id": 1, "name": "again"])
            #expect(reopen.error?.kind == .validation, "\(reopen.json)")
            let early = await harness.execute("jira", "sprints", "close", ["sprint_id": 3])
            #expect(early.error?.kind == .validation, "\(early.json)")
            let missing = await harness.execute("jira", "sprints", "start", ["sprint_id": 3, "start_date": "2026-02-02T09:00:00.000Z"])
            #expect(missing.error?.kind == .validation)
            #expect(missing.error?.details["violations"]?[0]?["param"] == "end_date", "the runtime names the missing param before anything is sent")
            let backwards = await harness.execute("jira", "sprints", "start", [
                "sprint_id": 3, "start_date": "2026-02-16T09:00:00.000Z", "end_date": "2026-02-02T09:00:00.000Z",
            ])
            #expect(backwards.error?.kind == .validation, "\(backwards.json)")
            let kanban = await harness.execute("jira", "sprints", "create", ["board_id": 2, "name": "Nope"])
            #expect(kanban.error?.kind == .validation, "\(kanban.json)")
            let unknown = await harness.execute("jira", "sprints", "close", ["sprint_id": 99])
            #expect(unknown.error?.kind == .notFound, "\(unknown.json)")
        }
    }

    @Test("deleting a sprint sends its issues back to the backlog")
    func deleteSprint() async throws {
        try await withSandbox { harness in
            let deleted = await harness.execute("jira", "sprints", "delete", ["sprint_id": 3])
            #expect(deleted.result?.status == 204, "\(deleted.json)")
            let sprints = try await harness.data("jira", "sprints", "list", ["board_id": 1])
            #expect(!sprints.strings("name").contains("DEMO Sprint 3"))
            let backlog = try await harness.data("jira", "boards", "backlog", ["board_id": 1, "jql": "key in (DEMO-27, DEMO-28, DEMO-29)"])
            #expect(backlog.strings("key") == ["DEMO-27", "DEMO-28", "DEMO-29"])
        }
    }

    @Test("an epic lists its issues, and add_issues makes it their parent", arguments: ["jira", "jira-datacenter"])
    func epics(connector: String) async throws {
        try await withSandbox { harness in
            let before = try await harness.data(connector, "epics", "issues", ["epic": "DEMO-1"])
            #expect(Set(["DEMO-2", "DEMO-8", "DEMO-9"]).isSubset(of: Set(before.strings("key"))), "\(before.strings("key"))")
            #expect(!before.strings("key").contains("DEMO-4"))
            let open = try await harness.data(connector, "epics", "issues", ["epic": "DEMO-1", "jql": "status = \"To Do\""])
            #expect(open.strings("key").count < before.strings("key").count)

            let added = await harness.execute(connector, "epics", "add_issues", ["epic": "DEMO-1", "issues": ["DEMO-4"]])
            #expect(added.result?.status == 204, "\(added.json)")
            let after = try await harness.data(connector, "epics", "issues", ["epic": "DEMO-1"])
            #expect(after.strings("key").contains("DEMO-4"))
            let issue = try await harness.data(connector, "issues", "get", ["issue": "DEMO-4", "fields": ["fields.parent.key"]])
            #expect(issue["fields"]?["parent"]?["key"] == "DEMO-1")

            let notEpic = await harness.execute(connector, "epics", "issues", ["epic": "DEMO-4"])
            #expect(notEpic.error?.kind == .validation, "\(notEpic.json)")
            let epicIntoEpic = await harness.execute(connector, "epics", "add_issues", ["epic": "DEMO-1", "issues": ["DEMO-26"]])
            #expect(epicIntoEpic.error?.kind == .validation, "\(epicIntoEpic.json)")
        }
    }
}
