import AtlassianSandbox
import Testing
@testable import Switchyard

/// Each `confluence-datacenter` action, executed against the sandbox's Server/Data Center paths
/// (`/rest/api/...`, no `/wiki`) over HTTP.
@Suite("Confluence Data Center")
struct ConfluenceDataCenterTests {
    static let connector = "confluence-datacenter"

    // MARK: pages

    @Test("pages get expands body, version, space and ancestors")
    func pagesGet() async throws {
        try await withSandbox { harness in
            let page = try await harness.data(Self.connector, "pages", "get", ["page_id": "98314"])
            #expect(page["title"] == "Incident Response")
            #expect(page["space"]?["key"] == "DEMO")
            #expect(page["version"]?["number"] == 3)
            #expect(page["ancestors"]?.strings("id") == ["98305", "98308"])
            #expect(page["body"]?["storage"]?["value"]?.stringValue?.hasPrefix("# Incident Response\n") == true)
            let raw = try await harness.data(Self.connector, "pages", "get", ["page_id": "98314", "text_format": "raw"])
            #expect(raw["body"]?["storage"]?["value"]?.stringValue?.hasPrefix("<h1>Incident Response</h1>") == true)
            let request = try #require(harness.requests("GET", "/rest/api/content/98314").first)
            #expect(request.query == "expand=body.storage%2Cversion%2Cspace%2Cancestors" || request.query == "expand=body.storage,version,space,ancestors")
            let missing = await harness.execute(Self.connector, "pages", "get", ["page_id": "99999999"])
            #expect(missing.error?.kind == .notFound)
        }
    }

    @Test("pages list filters by space key and title and pages with _links.next")
    func pagesList() async throws {
        try await withSandbox { harness in
            let envelope = await harness.execute(Self.connector, "pages", "list", ["space_key": "DEMO", "limit": 5])
            let result = try #require(envelope.result, "\(envelope.json)")
            #expect(result.data.arrayValue?.count == 5)
            let next = try #require(result.next)
            let rest = try await harness.data(Self.connector, "pages", "list", ["space_key": "DEMO", "limit": 100, "cursor": .string(next)])
            #expect(rest.arrayValue?.count == 7)
            #expect(harness.requests("GET", "/rest/api/content").contains { $0.query?.contains("start=5") == true })
            let titled = try await harness.data(Self.connector, "pages", "list", ["space_key": "ENG", "title": "Tech Radar"])
            #expect(titled.strings("id") == ["98319"])
        }
    }

    @Test("pages children lists direct children in tree order")
    func pagesChildren() async throws {
        try await withSandbox { harness in
            let children = try await harness.data(Self.connector, "pages", "children", ["page_id": "98317"])
            #expect(children.strings("title") == ["Onboarding Checklist", "Tech Radar", "API Design Guidelines"])
        }
    }

    @Test("pages create makes a page under a parent that pages get reads back")
    func pagesCreate() async throws {
        try await withSandbox { harness in
            let created = try await harness.data(Self.connector, "pages", "create", [
                "space_key": "ENG", "title": "Code Review Checklist", "parent_id": "98320", "body": "- Tests pass\n- Docs updated",
            ])
            let id = try #require(created["id"]?.stringValue)
            let read = try await harness.data(Self.connector, "pages", "get", ["page_id": .string(id)])
            #expect(read["title"] == "Code Review Checklist")
            #expect(read["ancestors"]?.strings("id") == ["98317", "98320"])
            #expect(read["body"]?["storage"]?["value"] == "- Tests pass\n- Docs updated\n")
            let sent = try JSONValue(parsing: try #require(harness.requests("POST", "/rest/api/content").first).body)
            #expect(sent["type"] == "page")
            #expect(sent["space"] == ["key": "ENG"])
            #expect(sent["ancestors"] == [["id": "98320"]])
            #expect(sent["body"]?["storage"]?["representation"] == "storage")
            #expect(sent["body"]?["storage"]?["value"]?.stringValue?.hasPrefix("<ul><li>") == true)
            let root = try await harness.data(Self.connector, "pages", "create", ["space_key": "ENG", "title": "Glossary", "body": ""])
            let rootSent = try JSONValue(parsing: try #require(harness.requests("POST", "/rest/api/content").last).body)
            #expect(rootSent["ancestors"] == nil)
            #expect(root["id"] != nil)
        }
    }

    @Test("pages update with version + 1 saves a new version; a stale version is a conflict")
    func pagesUpdate() async throws {
        try await withSandbox { harness in
            let before = try await harness.data(Self.connector, "pages", "get", ["page_id": "98319"])
            let version = try #require(before["version"]?["number"]?.intValue)
            let updated = try await harness.data(Self.connector, "pages", "update", [
                "page_id": "98319", "version_number": .number(JSONNumber(version + 1)), "title": "Tech Radar 2026",
                "body": "Adopt: **Swift 6**.", "version_message": "New year",
            ])
            #expect(updated["version"]?["number"]?.intValue == version + 1)
            let read = try await harness.data(Self.connector, "pages", "get", ["page_id": "98319"])
            #expect(read["title"] == "Tech Radar 2026")
            #expect(read["body"]?["storage"]?["value"] == "Adopt: **Swift 6**.\n")
            let sent = try JSONValue(parsing: try #require(harness.requests("PUT", "/rest/api/content/98319").first).body)
            #expect(sent == [
                "type": "page", "title": "Tech Radar 2026", "version": ["number": .number(JSONNumber(version + 1)), "message": "New year"],
                "body": ["storage": ["value": "<p>Adopt: <strong>Swift 6</strong>.</p>", "representation": "storage"]],
            ])
            #expect(read["version"]?["number"]?.intValue == version + 1)
            let stale = await harness.execute(Self.connector, "pages", "update", [
                "page_id": "98319", "version_number": .number(JSONNumber(version + 1)), "title": "Tech Radar", "body": "<p>x</p>",
            ])
            let error = try #require(stale.error, "\(stale.json)")
            #expect(error.kind == .conflict)
            #expect(error.message.contains("Version must be incremented"))
        }
    }

    @Test("pages delete trashes the page")
    func pagesDelete() async throws {
        try await withSandbox { harness in
            let deleted = await harness.execute(Self.connector, "pages", "delete", ["page_id": "98318"])
            #expect(deleted.result?.status == 204, "\(deleted.json)")
            let gone = await harness.execute(Self.connector, "pages", "get", ["page_id": "98318"])
            #expect(gone.error?.kind == .notFound)
            let children = try await harness.data(Self.connector, "pages", "children", ["page_id": "98317"])
            #expect(!children.strings("id").contains("98318"))
        }
    }

    // MARK: blog posts

    @Test("blog_posts list returns the posts of a space")
    func blogPostsList() async throws {
        try await withSandbox { harness in
            let posts = try await harness.data(Self.connector, "blog_posts", "list", ["space_key": "DEMO"])
            #expect(posts.strings("id") == ["131073", "131074", "131075"])
            #expect(harness.requests("GET", "/rest/api/content").first?.query?.contains("type=blogpost") == true)
        }
    }

    @Test("blog_posts create publishes a post that pages get reads back")
    func blogPostsCreate() async throws {
        try await withSandbox { harness in
            let created = try await harness.data(Self.connector, "blog_posts", "create", [
                "space_key": "ENG", "title": "Release 2.4 is out", "body": "Faster search.",
            ])
            #expect(created["type"] == "blogpost")
            let id = try #require(created["id"]?.stringValue)
            let read = try await harness.data(Self.connector, "pages", "get", ["page_id": .string(id)])
            #expect(read["type"] == "blogpost")
            #expect(read["body"]?["storage"]?["value"] == "Faster search.\n")
            let sent = try JSONValue(parsing: try #require(harness.requests("POST", "/rest/api/content").first).body)
            #expect(sent == [
                "type": "blogpost", "title": "Release 2.4 is out", "space": ["key": "ENG"],
                "body": ["storage": ["value": "<p>Faster search.</p>", "representation": "storage"]],
            ])
        }
    }

    // MARK: spaces, search

    @Test("spaces list returns the spaces with their home page")
    func spacesList() async throws {
        try await withSandbox { harness in
            let spaces = try await harness.data(Self.connector, "spaces", "list")
            #expect(spaces.strings("key") == ["DEMO", "ENG"])
            #expect(spaces[0]?["homepage"]?["id"] == "98305")
            let one = try await harness.data(Self.connector, "spaces", "list", ["space_keys": ["ENG"]])
            #expect(one.strings("key") == ["ENG"])
        }
    }

    @Test("spaces get returns one space by key; an unknown key is not_found")
    func spacesGet() async throws {
        try await withSandbox { harness in
            let space = try await harness.data(Self.connector, "spaces", "get", ["space_key": "ENG"])
            #expect(space["name"] == "Engineering")
            #expect(space["homepage"]?["title"] == "Engineering Home")
            #expect(space["description"]?["plain"]?["value"]?.stringValue?.isEmpty == false)
            let missing = await harness.execute(Self.connector, "spaces", "get", ["space_key": "NOPE"])
            #expect(missing.error?.kind == .notFound)
        }
    }

    @Test("search cql pages by start offset up to totalSize")
    func searchCQL() async throws {
        try await withSandbox { harness in
            let envelope = await harness.execute(Self.connector, "search", "cql", ["cql": "type = page AND space = DEMO", "limit": 5])
            let result = try #require(envelope.result, "\(envelope.json)")
            #expect(result.data.arrayValue?.count == 5)
            let next = try #require(result.next)
            let rest = try await harness.data(Self.connector, "search", "cql", ["cql": "type = page AND space = DEMO", "limit": 100, "cursor": .string(next)])
            #expect(rest.arrayValue?.count == 7)
            let queries = harness.requests("GET", "/rest/api/search").compactMap(\.query)
            #expect(queries.contains { $0.contains("start=5") })
            #expect(queries.allSatisfy { !$0.contains("cursor=") })
        }
    }

    // MARK: comments, labels, attachments, users

    @Test("comments list returns a page's comments with their text")
    func commentsList() async throws {
        try await withSandbox { harness in
            let comments = try await harness.data(Self.connector, "comments", "list", ["page_id": "98311"])
            #expect(comments.strings("id") == ["131085", "131086"])
            #expect(comments[1]?["body"]?["storage"]?["value"] == "Yes, guest checkout stays; see the kick-off post.\n")
            #expect(comments[0]?["version"]?["by"]?["displayName"] == "Alice Nguyen")
        }
    }

    @Test("comments add creates comment content in the page that comments list reads back")
    func commentsAdd() async throws {
        try await withSandbox { harness in
            let created = try await harness.data(Self.connector, "comments", "add", ["page_id": "98315", "body": "Done for *2.4*."])
            #expect(created["type"] == "comment")
            #expect(created["container"]?["id"] == "98315")
            let sent = try JSONValue(parsing: try #require(harness.requests("POST", "/rest/api/content").first).body)
            #expect(sent == [
                "type": "comment", "container": ["id": "98315", "type": "page"],
                "body": ["storage": ["value": "<p>Done for <em>2.4</em>.</p>", "representation": "storage"]],
            ])
            let comments = try await harness.data(Self.connector, "comments", "list", ["page_id": "98315"])
            #expect(comments.strings("id").last == created["id"]?.stringValue)
            let markdown = try #require(comments.arrayValue?.last?["body"]?["storage"]?["value"]?.stringValue)
            #expect(markdown == "Done for *2.4*.\n" || markdown == "Done for _2.4_.\n")
        }
    }

    @Test("labels list returns the labels on content")
    func labelsList() async throws {
        try await withSandbox { harness in
            let labels = try await harness.data(Self.connector, "labels", "list", ["page_id": "98315"])
            #expect(labels.strings("name") == ["deploy", "runbook"])
        }
    }

    @Test("labels add adds a label that labels list reads back")
    func labelsAdd() async throws {
        try await withSandbox { harness in
            let all = try await harness.data(Self.connector, "labels", "add", ["page_id": "98315", "label": "production"])
            #expect(all.strings("name") == ["deploy", "production", "runbook"])
            let sent = try JSONValue(parsing: try #require(harness.requests("POST", "/rest/api/content/98315/label").first).body)
            #expect(sent == [["prefix": "global", "name": "production"]])
            let listed = try await harness.data(Self.connector, "labels", "list", ["page_id": "98315"])
            #expect(listed.strings("name").contains("production"))
        }
    }

    @Test("labels remove removes a label")
    func labelsRemove() async throws {
        try await withSandbox { harness in
            let removed = await harness.execute(Self.connector, "labels", "remove", ["page_id": "98315", "label": "deploy"])
            #expect(removed.result?.status == 204, "\(removed.json)")
            let listed = try await harness.data(Self.connector, "labels", "list", ["page_id": "98315"])
            #expect(listed.strings("name") == ["runbook"])
        }
    }

    @Test("attachments list returns a page's files with size and download link")
    func attachmentsList() async throws {
        try await withSandbox { harness in
            let files = try await harness.data(Self.connector, "attachments", "list", ["page_id": "98307"])
            #expect(files.strings("title") == ["architecture-diagram.png"])
            #expect(files[0]?["extensions"]?["fileSize"] == 48_213)
            #expect(files[0]?["_links"]?["download"]?.stringValue?.hasPrefix("/download/attachments/98307/") == true)
            let none = try await harness.data(Self.connector, "attachments", "list", ["page_id": "98307", "filename": "nope.png"])
            #expect(none == [])
        }
    }

    @Test("users current returns the authenticated user, also with a personal access token")
    func usersCurrent() async throws {
        try await withSandbox { harness in
            let user = try await harness.data(Self.connector, "users", "current")
            #expect(user["displayName"] == "Demo User")
            #expect(user["username"]?.stringValue?.isEmpty == false)
        }
        let harness = try await SandboxHarness.start(credential: .bearer(token: SandboxCredentials.personalAccessToken))
        let envelope = await harness.execute(Self.connector, "users", "current")
        let sent = harness.requests("GET", "/rest/api/user/current").first?.header("Authorization")
        await harness.stop()
        #expect(envelope.result?.data["displayName"] == "Demo User", "\(envelope.json)")
        #expect(sent == "Bearer \(SandboxCredentials.personalAccessToken)")
    }
}
