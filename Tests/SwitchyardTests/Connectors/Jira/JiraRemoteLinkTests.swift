import AtlassianSandbox
import Testing
@testable import Switchyard

/// Remote (web) links on issues, Cloud (REST v3) and Data Center (REST v2): create, read back, update by
/// global id, delete.
@Suite("Jira remote links")
struct JiraRemoteLinkTests {
    @Test("a remote link is created, listed, updated through its global id and deleted", arguments: [("jira", "3"), ("jira-datacenter", "2")])
    func lifecycle(connector: String, api: String) async throws {
        try await withSandbox { harness in
            #expect(try await harness.data(connector, "remote_links", "list", ["issue": "DEMO-4"]).arrayValue == [])
            let created = await harness.execute(connector, "remote_links", "create", [
                "issue": "DEMO-4", "url": "https://github.com/acme/shop/pull/7", "title": "PR #7", "relationship": "fixed by", "global_id": "pr-7",
            ])
            #expect(created.result?.status == 201, "\(created.json)")
            let id = try #require(created.result?.data["id"]?.intValue)
            #expect(try harness.lastBody("POST", pathPrefix: "/rest/api/\(api)/issue/DEMO-4/remotelink") == [
                "globalId": "pr-7", "relationship": "fixed by", "object": ["url": "https://github.com/acme/shop/pull/7", "title": "PR #7"],
            ])

            let updated = await harness.execute(connector, "remote_links", "create", [
                "issue": "DEMO-4", "url": "https://github.com/acme/shop/pull/7", "title": "PR #7: rate limit search", "global_id": "pr-7",
            ])
            #expect(updated.result?.status == 200, "the same global id updates the link")
            let links = try await harness.data(connector, "remote_links", "list", ["issue": "DEMO-4"])
            #expect(links.arrayValue?.count == 1)
            #expect(links.arrayValue?.first?["object"]?["title"] == "PR #7: rate limit search")
            #expect(links.arrayValue?.first?["id"] == .number(JSONNumber(id)))
            let one = try await harness.data(connector, "remote_links", "list", ["issue": "DEMO-4", "global_id": "pr-7"])
            #expect(one["object"]?["url"] == "https://github.com/acme/shop/pull/7", "a global id answers the one link")

            let deleted = await harness.execute(connector, "remote_links", "delete", ["issue": "DEMO-4", "link_id": .number(JSONNumber(id))])
            #expect(deleted.result?.status == 204, "\(deleted.json)")
            #expect(try await harness.data(connector, "remote_links", "list", ["issue": "DEMO-4"]).arrayValue == [])
            let again = await harness.execute(connector, "remote_links", "delete", ["issue": "DEMO-4", "link_id": .number(JSONNumber(id))])
            #expect(again.error?.kind == .notFound, "\(again.json)")
        }
    }

    @Test("a link needs a URL and a title; a bad URL is refused before anything is sent")
    func validation() async throws {
        try await withSandbox { harness in
            let noTitle = await harness.execute("jira", "remote_links", "create", ["issue": "DEMO-4", "url": "https://example.com"])
            #expect(noTitle.error?.kind == .validation)
            #expect(noTitle.error?.details["violations"]?[0]?["param"] == "title")
            let badURL = await harness.execute("jira", "remote_links", "create", ["issue": "DEMO-4", "url": "not a url", "title": "x"])
            #expect(badURL.error?.kind == .validation)
            #expect(harness.lastRequest("POST", pathPrefix: "/rest/api/3/issue/DEMO-4/remotelink") == nil)
            let unknown = await harness.execute("jira", "remote_links", "list", ["issue": "NOPE-1"])
            #expect(unknown.error?.kind == .notFound)
        }
    }
}
