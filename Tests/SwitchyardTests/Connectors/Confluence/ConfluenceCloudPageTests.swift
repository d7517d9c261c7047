import AtlassianSandbox
import Testing
@testable import Switchyard

/// Each `confluence pages` action, executed against the sandbox over HTTP.
@Suite("Confluence Cloud: pages")
struct ConfluenceCloudPageTests {
    @Test("pages get returns the storage body as Markdown, raw XHTML with text_format raw, or view on request")
    func get() async throws {
        try await withSandbox { harness in
            let page = try await harness.data("confluence", "pages", "get", ["page_id": "98311"])
            #expect(page["title"] == "Checkout Service")
            #expect(page["version"]?["number"] == 7)
            let markdown = try #require(page["body"]?["storage"]?["value"]?.stringValue)
            #expect(markdown.hasPrefix("# Checkout Service\n"))
            #expect(markdown.contains("## Failure modes"))
            #expect(markdown.contains("- Payment provider timeout"))
            #expect(!markdown.contains("<"))
            #expect(harness.requests("GET", "/wiki/api/v2/pages/98311").first?.query == "body-format=storage")
            let raw = try await harness.data("confluence", "pages", "get", ["page_id": "98311", "text_format": "raw"])
            #expect(raw["body"]?["storage"]?["value"]?.stringValue?.contains("<ac:structured-macro ac:name=\"info\"") == true)
            let view = try await harness.data("confluence", "pages", "get", ["page_id": "98311", "body_format": "view"])
            let html = try #require(view["body"]?["view"]?["value"]?.stringValue)
            #expect(html.contains("confluence-information-macro"))
            #expect(!html.contains("ac:"))
            let missing = await harness.execute("confluence", "pages", "get", ["page_id": "99999999"])
            #expect(missing.error?.kind == .notFound)
        }
    }

    @Test("pages list filters by space and exact title")
    func list() async throws {
        try await withSandbox { harness in
            let all = try await harness.data("confluence", "pages", "list", ["space_id": "65537", "limit": 100])
            #expect(all.arrayValue?.count == 12)
            let titled = try await harness.data("confluence", "pages", "list", ["space_id": "65537", "title": "Runbooks"])
            #expect(titled.strings("id") == ["98308"])
            #expect(titled[0]?["parentId"] == "98305")
        }
    }

    @Test("pages children lists direct children in tree order")
    func children() async throws {
        try await withSandbox { harness in
            let children = try await harness.data("confluence", "pages", "children", ["page_id": "98305"])
            #expect(children.strings("title") == ["Getting Started", "Architecture Overview", "Runbooks", "Release Notes"])
        }
    }

    @Test("pages ancestors lists the chain to the top, top-most first")
    func ancestors() async throws {
        try await withSandbox { harness in
            let ancestors = try await harness.data("confluence", "pages", "ancestors", ["page_id": "98314"])
            #expect(ancestors.strings("id") == ["98305", "98308"])
            #expect(ancestors[0]?["type"] == "page")
        }
    }

    @Test("pages create sends a Markdown body as storage; pages get reads it back as Markdown")
    func create() async throws {
        try await withSandbox { harness in
            let markdown = "## Highlights\n\n- Faster search\n- Saved cards\n\nThanks, **team**."
            let created = try await harness.data("confluence", "pages", "create", [
                "space_id": "65537", "title": "Release 2.4 notes", "parent_id": "98316", "body": .string(markdown),
            ])
            let id = try #require(created["id"]?.stringValue)
            #expect(created["version"]?["number"] == 1)
            let sent = try JSONValue(parsing: try #require(harness.requests("POST", "/wiki/api/v2/pages").first).body)
            #expect(sent["spaceId"] == "65537")
            #expect(sent["status"] == "current")
            #expect(sent["parentId"] == "98316")
            #expect(sent["body"]?["representation"] == "storage")
            let storage = try #require(sent["body"]?["value"]?.stringValue)
            #expect(storage.hasPrefix("<h2>Highlights</h2><ul>"))
            #expect(storage.contains("<strong>team</strong>"))
            let read = try await harness.data("confluence", "pages", "get", ["page_id": .string(id)])
            #expect(read["title"] == "Release 2.4 notes")
            #expect(read["parentId"] == "98316")
            #expect(read["body"]?["storage"]?["value"]?.stringValue == markdown + "\n")
            let raw = try await harness.data("confluence", "pages", "get", ["page_id": .string(id), "text_format": "raw"])
            #expect(raw["body"]?["storage"]?["value"]?.stringValue == storage)
        }
    }

    @Test("pages update with version + 1 saves a new version that reads back; raw storage passes through")
    func update() async throws {
        try await withSandbox { harness in
            let before = try await harness.data("confluence", "pages", "get", ["page_id": "98306"])
            let version = try #require(before["version"]?["number"]?.intValue)
            let updated = try await harness.data("confluence", "pages", "update", [
                "page_id": "98306", "version_number": .number(JSONNumber(version + 1)), "title": "Getting Started Guide",
                "body": "<p>Read this first.</p>", "version_message": "Shorter intro",
            ])
            #expect(updated["version"]?["number"]?.intValue == version + 1)
            let read = try await harness.data("confluence", "pages", "get", ["page_id": "98306", "fields": ["title", "version", "body"]])
            #expect(read["title"] == "Getting Started Guide")
            #expect(read["version"]?["number"]?.intValue == version + 1)
            #expect(read["version"]?["message"] == "Shorter intro")
            #expect(read["body"]?["storage"]?["value"] == "Read this first.\n")
            let sent = try JSONValue(parsing: try #require(harness.requests("PUT", "/wiki/api/v2/pages/98306").first).body)
            #expect(sent["body"] == ["representation": "storage", "value": "<p>Read this first.</p>"])
            #expect(sent["id"] == "98306")
            #expect(sent["status"] == "current")
            #expect(sent["version"]?["number"]?.intValue == version + 1)
            #expect(sent["parentId"] == nil)
        }
    }

    @Test("pages update with a stale version is a conflict carrying Confluence's message, without reading the page first")
    func updateConflict() async throws {
        try await withSandbox { harness in
            let stale = await harness.execute("confluence", "pages", "update", [
                "page_id": "98306", "version_number": 3, "title": "Getting Started", "body": "<p>x</p>",
            ])
            let error = try #require(stale.error, "\(stale.json)")
            #expect(error.kind == .conflict)
            #expect(error.status == 409)
            #expect(error.message.contains("Version must be incremented"))
            #expect(error.message.contains("Current Version: [3]"))
            #expect(harness.requests("GET", "/wiki/api/v2/pages/98306").isEmpty)
            let unchanged = try await harness.data("confluence", "pages", "get", ["page_id": "98306"])
            #expect(unchanged["version"]?["number"] == 3)
        }
    }

    @Test("pages delete moves the page to the trash")
    func delete() async throws {
        try await withSandbox { harness in
            let deleted = await harness.execute("confluence", "pages", "delete", ["page_id": "98320"])
            #expect(deleted.result?.status == 204, "\(deleted.json)")
            let gone = await harness.execute("confluence", "pages", "get", ["page_id": "98320"])
            #expect(gone.error?.kind == .notFound)
            let trashed = try await harness.data("confluence", "pages", "list", ["space_id": "65538", "status": "trashed"])
            #expect(trashed.strings("id") == ["98320"])
            #expect(harness.requests("DELETE", "/wiki/api/v2/pages/98320").first?.query == nil)
        }
    }
}
