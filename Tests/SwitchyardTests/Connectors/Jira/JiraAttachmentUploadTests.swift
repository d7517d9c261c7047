import AtlassianSandbox
import Foundation
import Testing
@testable import Switchyard

/// Attachment uploads through the Cloud and Data Center manifests, read back through list, get and the
/// sandbox's content download.
@Suite("Jira attachments upload")
struct JiraAttachmentUploadTests {
    /// A PNG signature plus bytes that would break a text encoding: NUL, 0xFF, CR LF and `--`.
    static let binary: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0xFF, 0xFE, 0x0D, 0x0A, 0x2D, 0x2D, 0x41]

    /// The bytes the sandbox serves for an attachment.
    static func content(_ harness: SandboxHarness, _ api: Int, _ id: String) async throws -> [UInt8] {
        let response = try await SandboxServerClient(server: harness.server).get("/rest/api/\(api)/attachment/content/\(id)")
        #expect(response.status == 200)
        return response.body
    }

    @Test("Cloud: a text file uploads with the no-check header as multipart, and reads back by list, get and content")
    func cloudTextUpload() async throws {
        try await withSandbox { harness in
            let text = "Steps:\n1. Open the cart\n2. Click “Pay”\n"
            let uploaded = try await harness.data("jira", "attachments", "upload", [
                "issue": "DEMO-4", "filename": "repro steps.txt", "content": .string(text), "content_type": "text/plain",
            ])
            let record = try #require(uploaded.arrayValue?.first)
            #expect(uploaded.arrayValue?.count == 1)
            #expect(record.objectValue?.keys.sorted() == ["author", "created", "filename", "id", "mimeType", "size"])
            #expect(record["filename"] == "repro steps.txt")
            #expect(record["size"]?.intValue == text.utf8.count)
            #expect(record["mimeType"] == "text/plain")
            let id = try #require(record["id"]?.stringValue)

            let sent = try #require(harness.lastRequest("POST", pathPrefix: "/rest/api/3/issue/DEMO-4/attachments"))
            #expect(sent.header("X-Atlassian-Token") == "no-check")
            let contentType = try #require(sent.header("Content-Type"))
            #expect(contentType.hasPrefix("multipart/form-data; boundary=switchyard-"))
            #expect(sent.bodyText.contains(#"Content-Disposition: form-data; name="file"; filename="repro steps.txt""#))

            let listed = try await harness.data("jira", "attachments", "list", ["issue": "DEMO-4"])
            #expect(listed.strings("filename") == ["repro steps.txt"])
            let metadata = try await harness.data("jira", "attachments", "get", ["attachment_id": .string(id)])
            #expect(metadata["size"]?.intValue == text.utf8.count)
            #expect(metadata["content"]?.stringValue?.hasSuffix("/rest/api/3/attachment/content/\(id)") == true)
            #expect(try await Self.content(harness, 3, id) == Array(text.utf8))
        }
    }

    @Test("Data Center: a base64 binary file uploads byte for byte through REST v2")
    func dataCenterBinaryUpload() async throws {
        try await withSandbox { harness in
            let encoded = Data(Self.binary).base64EncodedString()
            let uploaded = try await harness.data("jira-datacenter", "attachments", "upload", [
                "issue": "DEMO-17", "filename": "screen.png", "content": .string(encoded), "encoding": "base64", "content_type": "image/png",
            ])
            let record = try #require(uploaded.arrayValue?.first)
            #expect(record["size"]?.intValue == Self.binary.count)
            #expect(record["mimeType"] == "image/png")
            let id = try #require(record["id"]?.stringValue)
            #expect(harness.lastRequest("POST", pathPrefix: "/rest/api/2/issue/DEMO-17/attachments")?.header("X-Atlassian-Token") == "no-check")
            let listed = try await harness.data("jira-datacenter", "attachments", "list", ["issue": "DEMO-17"])
            #expect(listed.strings("filename").contains("screen.png"))
            let metadata = try await harness.data("jira-datacenter", "attachments", "get", ["attachment_id": .string(id)])
            #expect(metadata["filename"] == "screen.png")
            #expect(try await Self.content(harness, 2, id) == Self.binary)
        }
    }

    @Test("a file name with quotes and line breaks is escaped and cannot inject a header or part")
    func filenameInjection() async throws {
        try await withSandbox { harness in
            let uploaded = try await harness.data("jira", "attachments", "upload", [
                "issue": "DEMO-4", "filename": "a\"; name=\"evil\r\nX-Injected: 1.txt", "content": "x",
            ])
            #expect(uploaded.arrayValue?.first?["filename"] == "a%22; name=%22evil%0D%0AX-Injected: 1.txt")
            #expect(uploaded.arrayValue?.first?["mimeType"] == "application/octet-stream")
            let sent = try #require(harness.lastRequest("POST", pathPrefix: "/rest/api/3/issue/DEMO-4/attachments"))
            #expect(!sent.bodyText.contains("\r\nX-Injected"))
        }
    }

    @Test("bad base64 is a validation error naming the param, and nothing is sent")
    func badBase64() async throws {
        try await withSandbox { harness in
            let envelope = await harness.execute("jira", "attachments", "upload", [
                "issue": "DEMO-4", "filename": "screen.png", "content": "iVBORw0KGgo=???", "encoding": "base64",
            ])
            let error = try #require(envelope.error, "\(envelope.json)")
            #expect(error.kind == .validation)
            #expect(error.message.contains("param 'content' is not valid base64"))
            #expect(error.details["param"] == "content")
            #expect(harness.lastRequest("POST", pathPrefix: "/rest/api/3/issue/DEMO-4/attachments") == nil)
        }
    }

    @Test("a file over 10 MiB is refused before sending, with the limit in the message")
    func tooLarge() async throws {
        try await withSandbox { harness in
            let big = String(repeating: "a", count: FilePartTemplate.defaultMaximumBytes + 1)
            let envelope = await harness.execute("jira", "attachments", "upload", ["issue": "DEMO-4", "filename": "big.log", "content": .string(big)])
            let error = try #require(envelope.error)
            #expect(error.kind == .validation)
            #expect(error.message.contains("over the 10485760-byte limit"))
            #expect(harness.lastRequest("POST", pathPrefix: "/rest/api/3/issue/DEMO-4/attachments") == nil)
        }
    }

    @Test("dry run shows the upload with the no-check header and the file abbreviated, and sends nothing")
    func dryRun() async throws {
        try await withSandbox { harness in
            let text = String(repeating: "0123456789", count: 20)
            let envelope = await harness.execute("jira", "attachments", "upload", [
                "issue": "DEMO-4", "filename": "digits.txt", "content": .string(text), "content_type": "text/plain", "dry_run": true,
            ])
            let data = try #require(envelope.result?.data, "\(envelope.json)")
            #expect(data["method"] == "POST")
            #expect(data["headers"]?["X-Atlassian-Token"] == "no-check")
            #expect(data["headers"]?["Content-Type"]?.stringValue?.hasPrefix("multipart/form-data; boundary=") == true)
            let part = try #require(data["multipart"]?[0])
            #expect(part["name"] == "file")
            #expect(part["filename"] == "digits.txt")
            #expect(part["bytes"] == 200)
            #expect(part["sha256"]?.stringValue?.count == 64)
            #expect(part["preview"]?.stringValue == String(text.prefix(64)) + "…")
            #expect(!data.serialized().contains(text))
            #expect(harness.lastRequest("POST", pathPrefix: "/rest/api/3/issue/DEMO-4/attachments") == nil)
        }
    }

    @Test("upload is neither read-only nor idempotent, so a 503 is not retried and nothing is attached")
    func notRetried() async throws {
        try await withSandbox { harness in
            let action = try #require(harness.runtime.catalog.connector("jira")?.entity("attachments")?.action("upload"))
            #expect(action.safety == ActionSafety(readOnly: false, idempotent: false, destructive: false))
            let dc = try #require(harness.runtime.catalog.connector("jira-datacenter")?.entity("attachments")?.action("upload"))
            #expect(dc.safety == action.safety)

            harness.server.faults.inject(SandboxFault(.status(503), method: "POST", pathPrefix: "/rest/api/3/issue/DEMO-4/attachments", count: 1))
            let envelope = await harness.execute("jira", "attachments", "upload", ["issue": "DEMO-4", "filename": "a.txt", "content": "x"])
            #expect(envelope.error?.status == 503, "\(envelope.json)")
            #expect(harness.server.recordedRequests().filter { $0.method == "POST" && $0.path == "/rest/api/3/issue/DEMO-4/attachments" }.count == 1)
            let listed = try await harness.data("jira", "attachments", "list", ["issue": "DEMO-4"])
            #expect(listed.arrayValue?.isEmpty == true)
        }
    }
}
