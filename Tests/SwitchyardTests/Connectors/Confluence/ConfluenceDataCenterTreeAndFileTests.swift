import AtlassianSandbox
import Testing
@testable import Switchyard

/// Page moves, pages by label and attachment uploads and downloads of `confluence-datacenter`, executed
/// against the sandbox's Server/Data Center paths (`/rest/api/...`, no `/wiki`).
@Suite("Confluence Data Center: page moves, pages by label, attachment upload and download")
struct ConfluenceDataCenterTreeAndFileTests {
    static let connector = "confluence-datacenter"

    @Test("pages move append re-parents a page that pages get then shows under its new ancestors")
    func pagesMove() async throws {
        try await withSandbox { harness in
            let moved = try await harness.data(Self.connector, "pages", "move", ["page_id": "98314", "target_id": "98307"])
            #expect(moved["pageId"] == "98314")
            #expect(harness.requests("PUT", "/rest/api/content/98314/move/append/98307").count == 1)
            let page = try await harness.data(Self.connector, "pages", "get", ["page_id": "98314"])
            #expect(page["ancestors"]?.strings("id") == ["98305", "98307"])
            let loop = await harness.execute(Self.connector, "pages", "move", ["page_id": "98305", "position": "before", "target_id": "98314"])
            #expect(loop.error?.kind == .validation)
        }
    }

    @Test("pages by_label finds labelled pages with a CQL search")
    func pagesByLabel() async throws {
        try await withSandbox { harness in
            let found = try await harness.data(Self.connector, "pages", "by_label", ["label": "runbook"])
            #expect(Set(found.strings("content.id")) == ["98314", "98315"])
            #expect(harness.requests("GET", "/rest/api/search").count == 1)
        }
    }

    @Test("attachments upload stores a file that attachments list shows and download returns")
    func attachmentsUploadAndDownload() async throws {
        try await withSandbox { harness in
            let uploaded = try await harness.data(Self.connector, "attachments", "upload", [
                "page_id": "98314", "filename": "timeline.md", "content": "# Timeline\n", "content_type": "text/markdown",
            ])
            let id = try #require(uploaded[0]?["id"]?.stringValue)
            #expect(harness.requests("POST", "/rest/api/content/98314/child/attachment").first?.header("X-Atlassian-Token") == "no-check")
            let listed = try await harness.data(Self.connector, "attachments", "list", ["page_id": "98314"])
            #expect(listed.strings("title") == ["timeline.md"])
            let content = try await harness.data(Self.connector, "attachments", "download", ["page_id": "98314", "attachment_id": .string(id)])
            #expect(content == "# Timeline\n")
            let missing = await harness.execute(Self.connector, "attachments", "download", ["page_id": "98314", "attachment_id": "att1"])
            #expect(missing.error?.kind == .notFound)
        }
    }
}
