import AtlassianSandbox
import Testing
@testable import Switchyard

/// Each `confluence` action other than pages, executed against the sandbox over HTTP.
@Suite("Confluence Cloud: spaces, blog posts, comments, labels, attachments, search, users")
struct ConfluenceCloudContentTests {
    // MARK: spaces

    @Test("spaces list returns every space, or those with given keys")
    func spacesList() async throws {
        try await withSandbox { harness in
            let all = try await harness.data("confluence", "spaces", "list")
            #expect(all.strings("key") == ["DEMO", "ENG"])
            let filtered = try await harness.data("confluence", "spaces", "list", ["keys": ["ENG"]])
            #expect(filtered.strings("id") == ["65538"])
            #expect(harness.requests("GET", "/wiki/api/v2/spaces").last?.query?.contains("keys=ENG") == true)
        }
    }

    @Test("spaces get returns one space by id")
    func spacesGet() async throws {
        try await withSandbox { harness in
            let space = try await harness.data("confluence", "spaces", "get", ["space_id": "65537", "description_format": "plain"])
            #expect(space["key"] == "DEMO")
            #expect(space["homepageId"] == "98305")
            #expect(space["description"]?["plain"]?["value"]?.stringValue?.isEmpty == false)
        }
    }

    @Test("spaces get_by_key returns the one space with that key as an object")
    func spacesGetByKey() async throws {
        try await withSandbox { harness in
            let space = try await harness.data("confluence", "spaces", "get_by_key", ["space_key": "ENG"])
            #expect(space["id"] == "65538")
            #expect(space["key"] == "ENG")
            #expect(space["homepageId"] == "98317")
            #expect(harness.requests("GET", "/wiki/api/v2/spaces").first?.query == "keys=ENG")
            let none = try await harness.data("confluence", "spaces", "get_by_key", ["space_key": "NOPE"])
            #expect(none == [])
        }
    }

    // MARK: blog posts

    @Test("blog_posts list returns the posts of a space, newest first on request")
    func blogPostsList() async throws {
        try await withSandbox { harness in
            let posts = try await harness.data("confluence", "blog_posts", "list", ["space_id": "65537", "sort": "-created-date"])
            #expect(posts.strings("id") == ["131075", "131074", "131073"])
            let all = try await harness.data("confluence", "blog_posts", "list", ["limit": 2])
            #expect(all.arrayValue?.count == 2)
        }
    }

    @Test("blog_posts get returns one post with its body")
    func blogPostsGet() async throws {
        try await withSandbox { harness in
            let post = try await harness.data("confluence", "blog_posts", "get", ["blog_post_id": "131073"])
            #expect(post["title"] == "Checkout redesign kick-off")
            #expect(post["body"]?["storage"]?["value"] == "We kicked off the checkout redesign this week. Goal: two steps instead of five.\n")
            let page = await harness.execute("confluence", "blog_posts", "get", ["blog_post_id": "98305"])
            #expect(page.error?.kind == .notFound)
        }
    }

    @Test("blog_posts create publishes a post that blog_posts get reads back")
    func blogPostsCreate() async throws {
        try await withSandbox { harness in
            let created = try await harness.data("confluence", "blog_posts", "create", [
                "space_id": "65538", "title": "Release 2.4 is out", "body": "Highlights: **faster search**.",
            ])
            let id = try #require(created["id"]?.stringValue)
            let sent = try JSONValue(parsing: try #require(harness.requests("POST", "/wiki/api/v2/blogposts").first).body)
            #expect(sent == ["spaceId": "65538", "status": "current", "title": "Release 2.4 is out",
                             "body": ["representation": "storage", "value": "<p>Highlights: <strong>faster search</strong>.</p>"]])
            let read = try await harness.data("confluence", "blog_posts", "get", ["blog_post_id": .string(id)])
            #expect(read["title"] == "Release 2.4 is out")
            #expect(read["spaceId"] == "65538")
            #expect(read["body"]?["storage"]?["value"] == "Highlights: **faster search**.\n")
            let listed = try await harness.data("confluence", "blog_posts", "list", ["space_id": "65538"])
            #expect(listed.strings("id").contains(id))
        }
    }

    @Test("blog_posts update saves a new version (reading the current one first); a stale version is a conflict")
    func blogPostsUpdate() async throws {
        try await withSandbox { harness in
            let updated = try await harness.data("confluence", "blog_posts", "update", [
                "blog_post_id": "131074", "title": "What we learned in January", "body": "Sessions now **outlive** redirects.",
            ])
            #expect(updated["version"]?["number"] == 3)
            let read = try await harness.data("confluence", "blog_posts", "get", ["blog_post_id": "131074"])
            #expect(read["title"] == "What we learned in January")
            #expect(read["body"]?["storage"]?["value"] == "Sessions now **outlive** redirects.\n")
            let stale = await harness.execute("confluence", "blog_posts", "update", [
                "blog_post_id": "131074", "version_number": 3, "title": "Old", "body": "Old",
            ])
            #expect(stale.error?.kind == .conflict)
        }
    }

    @Test("blog_posts delete trashes a post; purge removes it for good")
    func blogPostsDelete() async throws {
        try await withSandbox { harness in
            _ = try await harness.data("confluence", "blog_posts", "delete", ["blog_post_id": "131075"])
            let gone = await harness.execute("confluence", "blog_posts", "get", ["blog_post_id": "131075"])
            #expect(gone.error?.kind == .notFound)
            let listed = try await harness.data("confluence", "blog_posts", "list", ["space_id": "65537"])
            #expect(!listed.strings("id").contains("131075"))
            _ = try await harness.data("confluence", "blog_posts", "delete", ["blog_post_id": "131075", "purge": true])
            let again = await harness.execute("confluence", "blog_posts", "delete", ["blog_post_id": "131075", "purge": true])
            #expect(again.error?.kind == .notFound)
        }
    }

    // MARK: footer comments

    @Test("footer_comments list returns a page's comments with their text")
    func footerCommentsList() async throws {
        try await withSandbox { harness in
            let comments = try await harness.data("confluence", "footer_comments", "list", ["page_id": "98311"])
            #expect(comments.strings("id") == ["131085", "131086"])
            #expect(comments[0]?["body"]?["storage"]?["value"] == "Should the redesign keep guest checkout?\n")
            #expect(comments[0]?["version"]?["authorId"]?.stringValue?.isEmpty == false)
        }
    }

    @Test("footer_comments add posts a comment (201) that footer_comments list reads back")
    func footerCommentsAdd() async throws {
        try await withSandbox { harness in
            let envelope = await harness.execute("confluence", "footer_comments", "add", ["page_id": "98312", "body": "Reviewed, **looks good**."])
            let result = try #require(envelope.result, "\(envelope.json)")
            #expect(result.status == 201)
            let id = try #require(result.data["id"]?.stringValue)
            let comments = try await harness.data("confluence", "footer_comments", "list", ["page_id": "98312"])
            #expect(comments.strings("id") == [id])
            #expect(comments[0]?["body"]?["storage"]?["value"] == "Reviewed, **looks good**.\n")
            let sent = try JSONValue(parsing: try #require(harness.requests("POST", "/wiki/api/v2/footer-comments").first).body)
            #expect(sent == ["pageId": "98312", "body": ["representation": "storage", "value": "<p>Reviewed, <strong>looks good</strong>.</p>"]])
            let raw = try await harness.data("confluence", "footer_comments", "list", ["page_id": "98312", "text_format": "raw"])
            #expect(raw[0]?["body"]?["storage"]?["value"] == "<p>Reviewed, <strong>looks good</strong>.</p>")
        }
    }

    // MARK: labels

    @Test("labels list returns a page's labels")
    func labelsList() async throws {
        try await withSandbox { harness in
            let labels = try await harness.data("confluence", "labels", "list", ["page_id": "98314"])
            #expect(labels.strings("name") == ["on-call", "runbook"])
            #expect(labels.strings("prefix") == ["global", "global"])
        }
    }

    @Test("labels add sends a label array and the label reads back, also through CQL")
    func labelsAdd() async throws {
        try await withSandbox { harness in
            let all = try await harness.data("confluence", "labels", "add", ["page_id": "98312", "label": "Search"])
            #expect(all.strings("name") == ["search"])
            let sent = try JSONValue(parsing: try #require(harness.requests("POST", "/wiki/rest/api/content/98312/label").first).body)
            #expect(sent == [["prefix": "global", "name": "Search"]])
            let listed = try await harness.data("confluence", "labels", "list", ["page_id": "98312"])
            #expect(listed.strings("name") == ["search"])
            let found = try await harness.data("confluence", "search", "cql", ["cql": "label = search"])
            #expect(found.strings("content.id") == ["98312"])
            let invalid = await harness.execute("confluence", "labels", "add", ["page_id": "98312", "label": "two words"])
            #expect(invalid.error?.kind == .validation)
        }
    }

    @Test("labels remove deletes a label; removing it again is not_found")
    func labelsRemove() async throws {
        try await withSandbox { harness in
            let removed = await harness.execute("confluence", "labels", "remove", ["page_id": "98311", "label": "checkout"])
            #expect(removed.result?.status == 204, "\(removed.json)")
            #expect(harness.requests("DELETE", "/wiki/rest/api/content/98311/label").first?.query == "name=checkout")
            let listed = try await harness.data("confluence", "labels", "list", ["page_id": "98311"])
            #expect(listed.strings("name") == ["architecture"])
            let again = await harness.execute("confluence", "labels", "remove", ["page_id": "98311", "label": "checkout"])
            #expect(again.error?.kind == .notFound)
        }
    }

    @Test("labels in_space lists each label used in a space once")
    func labelsInSpace() async throws {
        try await withSandbox { harness in
            let labels = try await harness.data("confluence", "labels", "in_space", ["space_id": "65537"])
            #expect(labels.strings("name") == ["architecture", "checkout", "deploy", "on-call", "release-notes", "runbook"])
            let engineering = try await harness.data("confluence", "labels", "in_space", ["space_id": "65538"])
            #expect(engineering == [])
            let missing = await harness.execute("confluence", "labels", "in_space", ["space_id": "99999"])
            #expect(missing.error?.kind == .notFound)
        }
    }

    // MARK: attachments, search, users

    @Test("attachments list returns a page's files, filterable by media type")
    func attachmentsList() async throws {
        try await withSandbox { harness in
            let files = try await harness.data("confluence", "attachments", "list", ["page_id": "98311"])
            #expect(files.strings("title") == ["checkout-sequence.pdf", "checkout-metrics.png"])
            #expect(files[0]?["fileSize"] == 182_640)
            #expect(files[0]?["downloadLink"]?.stringValue?.hasPrefix("/download/attachments/98311/") == true)
            let pdfs = try await harness.data("confluence", "attachments", "list", ["page_id": "98311", "media_type": "application/pdf"])
            #expect(pdfs.strings("id") == ["att131091"])
        }
    }

    @Test("search cql finds content and pages through _links.next")
    func searchCQL() async throws {
        try await withSandbox { harness in
            let envelope = await harness.execute("confluence", "search", "cql", ["cql": "type = page AND space = DEMO ORDER BY title", "limit": 5])
            let result = try #require(envelope.result, "\(envelope.json)")
            #expect(result.data.strings("title").first == "Architecture Overview")
            let next = try #require(result.next)
            let rest = try await harness.data("confluence", "search", "cql", ["cql": "type = page AND space = DEMO ORDER BY title", "limit": 50, "cursor": .string(next)])
            #expect(rest.arrayValue?.count == 7)
            let labelled = try await harness.data("confluence", "search", "cql", ["cql": "label = runbook"])
            #expect(labelled.strings("content.id") == ["98314", "98315"])
        }
    }

    @Test("users current returns the authenticated user")
    func usersCurrent() async throws {
        try await withSandbox { harness in
            let user = try await harness.data("confluence", "users", "current")
            #expect(user["accountId"] == .string(SandboxCredentials.accountId))
            #expect(user["displayName"] == "Demo User")
        }
    }
}
