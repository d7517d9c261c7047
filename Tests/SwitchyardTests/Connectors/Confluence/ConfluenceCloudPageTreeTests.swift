import AtlassianSandbox
import Foundation
import Testing
@testable import Switchyard

/// Moving pages, page version history and finding pages by ids or label with the `confluence` connector,
/// executed against the sandbox.
@Suite("Confluence Cloud: page moves, versions, pages by ids and label")
struct ConfluenceCloudPageTreeTests {
    @Test("pages move append makes the page the target's last child; ancestors and children follow")
    func moveAppend() async throws {
        try await withSandbox { harness in
            let moved = try await harness.data("confluence", "pages", "move", ["page_id": "98315", "target_id": "98307"])
            #expect(moved["pageId"] == "98315")
            #expect(harness.requests("PUT", "/wiki/rest/api/content/98315/move/append/98307").count == 1)
            let children = try await harness.data("confluence", "pages", "children", ["page_id": "98307"])
            #expect(children.strings("id") == ["98311", "98312", "98313", "98315"])
            let ancestors = try await harness.data("confluence", "pages", "ancestors", ["page_id": "98315"])
            #expect(ancestors.strings("id") == ["98305", "98307"])
            let old = try await harness.data("confluence", "pages", "children", ["page_id": "98308"])
            #expect(old.strings("id") == ["98314"])
        }
    }

    @Test("pages move before and after reorder siblings under the target's parent")
    func moveBeforeAfter() async throws {
        try await withSandbox { harness in
            _ = try await harness.data("confluence", "pages", "move", ["page_id": "98313", "position": "before", "target_id": "98311"])
            let architecture = try await harness.data("confluence", "pages", "children", ["page_id": "98307", "sort": "child-position"])
            #expect(architecture.strings("id") == ["98313", "98311", "98312"])
            _ = try await harness.data("confluence", "pages", "move", ["page_id": "98314", "position": "after", "target_id": "98306"])
            let home = try await harness.data("confluence", "pages", "children", ["page_id": "98305", "sort": "child-position"])
            #expect(home.strings("id") == ["98306", "98314", "98307", "98308", "98316"])
        }
    }

    @Test("pages move refuses a loop, an unknown page and an unknown position")
    func moveErrors() async throws {
        try await withSandbox { harness in
            let loop = await harness.execute("confluence", "pages", "move", ["page_id": "98307", "target_id": "98311"])
            #expect(loop.error?.kind == .validation)
            let unknown = await harness.execute("confluence", "pages", "move", ["page_id": "99999999", "target_id": "98311"])
            #expect(unknown.error?.kind == .notFound)
            let position = await harness.execute("confluence", "pages", "move", ["page_id": "98313", "position": "inside", "target_id": "98311"])
            #expect(position.error?.kind == .validation)
            let children = try await harness.data("confluence", "pages", "children", ["page_id": "98307"])
            #expect(children.strings("id") == ["98311", "98312", "98313"])
        }
    }

    @Test("pages versions lists the history newest first, and an update adds a version with its message")
    func versions() async throws {
        try await withSandbox { harness in
            let before = try await harness.data("confluence", "pages", "versions", ["page_id": "98311"])
            #expect(before.arrayValue?.compactMap { $0["number"]?.intValue } == [7, 6, 5, 4, 3, 2, 1])
            _ = try await harness.data("confluence", "pages", "update", [
                "page_id": "98311", "title": "Checkout Service", "body": "Rewritten.", "version_message": "Shorter",
            ])
            let after = try await harness.data("confluence", "pages", "versions", ["page_id": "98311"])
            #expect(after.arrayValue?.count == 8)
            #expect(after[0]?["number"] == 8)
            #expect(after[0]?["message"] == "Shorter")
            let oldest = try await harness.data("confluence", "pages", "versions", ["page_id": "98311", "sort": "modified-date", "limit": 2])
            #expect(oldest.arrayValue?.compactMap { $0["number"]?.intValue } == [1, 2])
            let missing = await harness.execute("confluence", "pages", "versions", ["page_id": "99999999"])
            #expect(missing.error?.kind == .notFound)
        }
    }

    @Test("pages list with page_ids returns just those pages")
    func pagesListByIds() async throws {
        try await withSandbox { harness in
            let pages = try await harness.data("confluence", "pages", "list", ["page_ids": ["98311", "98314"]])
            #expect(pages.strings("title") == ["Checkout Service", "Incident Response"])
            let query = try #require(harness.requests("GET", "/wiki/api/v2/pages").first?.query)
            #expect(query.contains("id=98311%2C98314") || query.contains("id=98311,98314"))
        }
    }

    @Test("pages by_label finds the pages with a label, narrowed by more CQL")
    func byLabel() async throws {
        try await withSandbox { harness in
            let runbooks = try await harness.data("confluence", "pages", "by_label", ["label": "runbook"])
            #expect(Set(runbooks.strings("content.id")) == ["98314", "98315"])
            let sent = try #require(harness.requests("GET", "/wiki/rest/api/search").first?.query)
            #expect(sent.replacingOccurrences(of: "+", with: " ").removingPercentEncoding?.contains(#"type = page AND label = "runbook" AND (type = page)"#) == true)
            let elsewhere = try await harness.data("confluence", "pages", "by_label", ["label": "runbook", "cql": "space = ENG"])
            #expect(elsewhere == [])
            let blogTag = try await harness.data("confluence", "pages", "by_label", ["label": "checkout"])
            #expect(blogTag.strings("content.id") == ["98311"])
        }
    }
}
