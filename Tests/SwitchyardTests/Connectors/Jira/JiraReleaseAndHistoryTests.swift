import AtlassianSandbox
import Testing
@testable import Switchyard

/// Versions and components by id, version updates, and change histories of many issues at once.
@Suite("Jira versions, components and bulk changelogs")
struct JiraReleaseAndHistoryTests {
    @Test("versions get and update: only the params given change, and the change reads back", arguments: ["jira", "jira-datacenter"])
    func versions(connector: String) async throws {
        try await withSandbox { harness in
            let before = try await harness.data(connector, "versions", "get", ["version_id": "10101"])
            #expect(before["name"] == "1.1")
            #expect(before["released"] == false)
            let updated = try await harness.data(connector, "versions", "update", ["version_id": "10101", "released": true, "release_date": "2026-02-27"])
            #expect(updated["released"] == true)
            #expect(updated["name"] == "1.1", "a param not given stays as it was")
            #expect(try harness.lastBody("PUT", pathPrefix: "/rest/api/") == ["releaseDate": "2026-02-27", "released": true])
            let after = try await harness.data(connector, "versions", "get", ["version_id": "10101"])
            #expect(after["released"] == true)
            #expect(after["releaseDate"] == "2026-02-27")

            let taken = await harness.execute(connector, "versions", "update", ["version_id": "10101", "name": "2.0"])
            #expect(taken.error?.kind == .validation, "another version of the project has that name: \(taken.json)")
            let missing = await harness.execute(connector, "versions", "get", ["version_id": "99999"])
            #expect(missing.error?.kind == .notFound)
        }
    }

    @Test("components get returns the component with its lead", arguments: ["jira", "jira-datacenter"])
    func component(connector: String) async throws {
        try await withSandbox { harness in
            let component = try await harness.data(connector, "components", "get", ["component_id": "10200"])
            #expect(component["name"] == "Checkout")
            #expect(component["lead"]?["displayName"] != nil)
        }
    }

    @Test("issues changelogs fetches many issues' histories, narrowed to fields, across pages")
    func bulkChangelogs() async throws {
        try await withSandbox { harness in
            let single = try await harness.data("jira", "issues", "changelog", ["issue": "DEMO-7", "limit": 100])
            let all = try await harness.data("jira", "issues", "changelogs", ["issues": ["DEMO-2", "DEMO-7"]])
            let groups = try #require(all.arrayValue)
            #expect(groups.compactMap { $0["issueId"]?.stringValue }.count == 2)
            let demo7 = try #require(groups.last?["changeHistories"]?.arrayValue)
            #expect(demo7.count == single.arrayValue?.count, "the same histories as the one-issue changelog")

            let status = try await harness.data("jira", "issues", "changelogs", ["issues": ["DEMO-2", "DEMO-7"], "field_ids": ["status"]])
            let statusItems = status.arrayValue?.flatMap { $0["changeHistories"]?.arrayValue ?? [] }.flatMap { $0["items"]?.arrayValue ?? [] } ?? []
            #expect(!statusItems.isEmpty)

            // A small limit pages by nextPageToken in the body; the cursor carries it to the next call.
            let many: JSONValue = .array((1...12).map { .string("DEMO-\($0)") })
            let everything = try await harness.data("jira", "issues", "changelogs", ["issues": many, "limit": 1000])
            #expect((everything.arrayValue?.count ?? 0) > 2)
            let first = await harness.execute("jira", "issues", "changelogs", ["issues": many, "limit": 2])
            #expect(try harness.lastBody("POST", pathPrefix: "/rest/api/3/changelog/bulkfetch")["maxResults"] == 2)
            let cursor = try #require(first.result?.next, "more histories remain: \(first.json)")
            _ = await harness.execute("jira", "issues", "changelogs", ["issues": many, "limit": 2, "cursor": .string(cursor)])
            let body = try harness.lastBody("POST", pathPrefix: "/rest/api/3/changelog/bulkfetch")
            #expect(body["nextPageToken"] != nil, "\(body)")
            #expect(body["issueIdsOrKeys"] == many, "the next page repeats the request")

            let none = await harness.execute("jira", "issues", "changelogs", ["issues": []])
            #expect(none.error?.kind == .validation)
        }
    }
}
