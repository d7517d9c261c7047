import AtlassianSandbox
import Testing
@testable import Switchyard

/// Comment edits, inline comments in comment lists and blog post updates of `confluence-datacenter`,
/// executed against the sandbox's Server/Data Center paths.
@Suite("Confluence Data Center: comment edits, inline comments, blog post updates")
struct ConfluenceDataCenterCommentTests {
    static let connector = "confluence-datacenter"

    @Test("comments update reads the version first and saves the new text; comments delete removes the comment")
    func commentsUpdateAndDelete() async throws {
        try await withSandbox { harness in
            let updated = try await harness.data(Self.connector, "comments", "update", ["comment_id": "131085", "body": "Guest checkout **stays**."])
            #expect(updated["version"]?["number"] == 2)
            let sent = try JSONValue(parsing: try #require(harness.requests("PUT", "/rest/api/content/131085").first).body)
            #expect(sent["type"] == "comment")
            #expect(sent["version"] == ["number": 2])
            let listed = try await harness.data(Self.connector, "comments", "list", ["page_id": "98311"])
            #expect(listed[0]?["body"]?["storage"]?["value"] == "Guest checkout **stays**.\n")
            let stale = await harness.execute(Self.connector, "comments", "update", ["comment_id": "131085", "body": "Old", "version_number": 2])
            #expect(stale.error?.kind == .conflict)
            _ = try await harness.data(Self.connector, "comments", "delete", ["comment_id": "131085"])
            let after = try await harness.data(Self.connector, "comments", "list", ["page_id": "98311"])
            #expect(after.strings("id") == ["131086"])
        }
    }

    @Test("comments list with location inline shows only inline comments, with the highlighted text")
    func commentsListInline() async throws {
        try await withSandbox { harness in
            let inline = try await harness.data("confluence", "inline_comments", "add", [
                "page_id": "98311", "text_selection": "Payment provider timeout", "body": "Which timeout?",
            ])
            let id = try #require(inline["id"]?.stringValue)
            let listed = try await harness.data(Self.connector, "comments", "list", ["page_id": "98311", "location": ["inline"]])
            #expect(listed.strings("id") == [id])
            #expect(listed[0]?["extensions"]?["inlineProperties"]?["originalSelection"] == "Payment provider timeout")
            let all = try await harness.data(Self.connector, "comments", "list", ["page_id": "98311"])
            #expect(all.strings("id") == ["131085", "131086", id])
        }
    }

    @Test("blog_posts update saves a new version that pages get reads back")
    func blogPostsUpdate() async throws {
        try await withSandbox { harness in
            let updated = try await harness.data(Self.connector, "blog_posts", "update", [
                "blog_post_id": "131076", "title": "Welcome to the engineering blog", "body": "Posts every **Friday**.",
            ])
            #expect(updated["version"]?["number"] == 2)
            let sent = try JSONValue(parsing: try #require(harness.requests("PUT", "/rest/api/content/131076").first).body)
            #expect(sent["type"] == "blogpost")
            let read = try await harness.data(Self.connector, "pages", "get", ["page_id": "131076"])
            #expect(read["body"]?["storage"]?["value"] == "Posts every **Friday**.\n")
        }
    }
}
