import AtlassianSandbox
import Testing
@testable import Switchyard

/// Attachment uploads and downloads, and user search, of the `confluence` connector against the sandbox.
@Suite("Confluence Cloud: attachment upload and download, user search")
struct ConfluenceCloudAttachmentTests {
    @Test("attachments upload sends a multipart file that attachments list shows and download returns")
    func uploadThenListAndDownload() async throws {
        try await withSandbox { harness in
            let uploaded = try await harness.data("confluence", "attachments", "upload", [
                "page_id": "98315", "filename": "rollback.txt", "content": "1. Revert\n2. Redeploy\n", "comment": "Rollback steps",
            ])
            let id = try #require(uploaded[0]?["id"]?.stringValue)
            #expect(uploaded[0]?["title"] == "rollback.txt")
            #expect(uploaded[0]?["extensions"]?["fileSize"] == 22)
            let request = try #require(harness.requests("POST", "/wiki/rest/api/content/98315/child/attachment").first)
            #expect(request.header("X-Atlassian-Token") == "no-check")
            #expect(request.header("Content-Type")?.hasPrefix("multipart/form-data; boundary=") == true)
            let listed = try await harness.data("confluence", "attachments", "list", ["page_id": "98315", "filename": "rollback.txt"])
            #expect(listed.strings("id") == [id])
            #expect(listed[0]?["comment"] == "Rollback steps")
            let content = try await harness.data("confluence", "attachments", "download", ["page_id": "98315", "attachment_id": .string(id)])
            #expect(content == "1. Revert\n2. Redeploy\n")
        }
    }

    @Test("attachments upload decodes base64 content and keeps its media type")
    func uploadBase64() async throws {
        try await withSandbox { harness in
            let uploaded = try await harness.data("confluence", "attachments", "upload", [
                "page_id": "98312", "filename": "hello.csv", "content": "aWQsbmFtZQoxLGhlbGxvCg==", "encoding": "base64", "content_type": "text/csv",
            ])
            #expect(uploaded[0]?["extensions"]?["mediaType"] == "text/csv")
            let id = try #require(uploaded[0]?["id"]?.stringValue)
            let content = try await harness.data("confluence", "attachments", "download", ["page_id": "98312", "attachment_id": .string(id)])
            #expect(content == "id,name\n1,hello\n")
        }
    }

    @Test("attachments upload refuses a file name the page has and an unknown page; download an unknown attachment")
    func attachmentErrors() async throws {
        try await withSandbox { harness in
            let duplicate = await harness.execute("confluence", "attachments", "upload", [
                "page_id": "98315", "filename": "deploy-checklist.txt", "content": "again",
            ])
            #expect(duplicate.error?.kind == .validation)
            let unknownPage = await harness.execute("confluence", "attachments", "upload", ["page_id": "99999999", "filename": "a.txt", "content": "a"])
            #expect(unknownPage.error?.kind == .notFound)
            let unknownFile = await harness.execute("confluence", "attachments", "download", ["page_id": "98315", "attachment_id": "att99999999"])
            #expect(unknownFile.error?.kind == .notFound)
            let listed = try await harness.data("confluence", "attachments", "list", ["page_id": "98315"])
            #expect(listed.strings("title") == ["deploy-checklist.txt"])
        }
    }

    @Test("users search finds active users (not deactivated ones) by part of their name or e-mail")
    func usersSearch() async throws {
        try await withSandbox { harness in
            let found = try await harness.data("confluence", "users", "search", ["name": "alice"])
            #expect(found.strings("user.displayName") == ["Alice Nguyen"])
            #expect(found[0]?["user"]?["accountId"] == "5b10ac8d82e05b22cc7d4ef5")
            let request = try #require(harness.requests("GET", "/wiki/rest/api/search/user").first)
            #expect(request.query?.contains("cql=user.fullname") == true)
            let byMail = try await harness.data("confluence", "users", "search", ["name": "example.com"])
            #expect(byMail.strings("user.displayName") == ["Alice Nguyen", "Bob Okafor", "Carmen Diaz", "Demo User", "Dev Patel"])
            let nobody = try await harness.data("confluence", "users", "search", ["name": "zzz"])
            #expect(nobody == [])
        }
    }

    @Test("attachments get reads one attachment; delete trashes it so list and get no longer show it")
    func getAndDelete() async throws {
        try await withSandbox { harness in
            let attachment = try await harness.data("confluence", "attachments", "get", ["attachment_id": "att131092"])
            #expect(attachment["title"] == "checkout-metrics.png")
            #expect(attachment["pageId"] == "98311")
            _ = try await harness.data("confluence", "attachments", "delete", ["attachment_id": "att131092"])
            #expect(harness.requests("DELETE", "/wiki/api/v2/attachments/att131092").count == 1)
            let listed = try await harness.data("confluence", "attachments", "list", ["page_id": "98311"])
            #expect(listed.strings("id") == ["att131091"])
            let gone = await harness.execute("confluence", "attachments", "get", ["attachment_id": "att131092"])
            #expect(gone.error?.kind == .notFound)
        }
    }
}
