import AtlassianSandbox
import Testing
@testable import Switchyard

/// The sandbox's attachment upload, spoken to directly: as strict as Jira about the header, the body and
/// the `file` part, and keeping the bytes it was sent.
@Suite("Jira sandbox: attachment uploads")
struct JiraSandboxUploadTests {
    static let boundary = "sandbox-boundary-7MA4YWxk"

    static func multipart(filename: String, contentType: String, content: String, name: String = "file") -> String {
        "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"; filename=\"\(filename)\"\r\nContent-Type: \(contentType)\r\n\r\n"
            + "\(content)\r\n--\(boundary)--\r\n"
    }

    /// The sandbox's attachment limit (`JiraAttachmentRoutes.maximumFileSize`), 10 MiB.
    static let maximumFileSize = 10 * 1_024 * 1_024
    static let multipartType = ("Content-Type", "multipart/form-data; boundary=\(boundary)")
    static let noCheck = ("X-Atlassian-Token", "no-check")

    /// Runs `body` against a fresh sandbox and always shuts it down.
    static func withServer(_ body: (SandboxServerClient) async throws -> Void) async throws {
        let server = try await SandboxServer.start()
        do {
            try await body(SandboxServerClient(server: server))
        } catch {
            try? await server.shutdown()
            throw error
        }
        try await server.shutdown()
    }

    @Test("a multipart upload with X-Atlassian-Token adds the file to the issue; without the header it is refused")
    func upload() async throws {
        try await Self.withServer { client in
            let body = Self.multipart(filename: "notes.txt", contentType: "text/plain", content: "hello sandbox")
            let refused = try await client.send(.POST, "/rest/api/3/issue/DEMO-4/attachments", body: body, headers: [Self.multipartType])
            #expect(refused.status == 403)
            let uploaded = try await client.send(.POST, "/rest/api/3/issue/DEMO-4/attachments", body: body, headers: [Self.multipartType, Self.noCheck])
            #expect(uploaded.status == 200)
            let attachment = try #require(try uploaded.json.arrayValue?.first)
            #expect(attachment["filename"] == "notes.txt")
            #expect(attachment["size"] == 13)
            #expect(attachment["mimeType"] == "text/plain")
            let issue = try await client.get("/rest/api/3/issue/DEMO-4?fields=attachment")
            #expect(try issue.json["fields"]?["attachment"]?.arrayValue?.count == 1)
        }
    }

    @Test("without the no-check header Jira's XSRF refusal comes back as 403, and nothing is attached")
    func xsrfRefusal() async throws {
        try await Self.withServer { client in
            let body = Self.multipart(filename: "a.txt", contentType: "text/plain", content: "x")
            let refused = try await client.send(.POST, "/rest/api/2/issue/DEMO-4/attachments", body: body, headers: [Self.multipartType, ("X-Atlassian-Token", "nocheck")])
            #expect(refused.status == 403)
            #expect(refused.text.contains("XSRF check failed"))
            let issue = try await client.get("/rest/api/2/issue/DEMO-4?fields=attachment")
            #expect(try issue.json["fields"]?["attachment"]?.arrayValue?.isEmpty == true)
        }
    }

    @Test("a body that is not multipart is 415; a part not named file, or without a file name, is 400")
    func strictBody() async throws {
        try await Self.withServer { client in
            let path = "/rest/api/3/issue/DEMO-4/attachments"
            let json = try await client.send(.POST, path, json: ["file": "x"], headers: [Self.noCheck])
            #expect(json.status == 415)
            let wrongName = Self.multipart(filename: "a.txt", contentType: "text/plain", content: "x", name: "upload")
            #expect(try await client.send(.POST, path, body: wrongName, headers: [Self.multipartType, Self.noCheck]).status == 400)
            let noFilename = "--\(Self.boundary)\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\nx\r\n--\(Self.boundary)--\r\n"
            let refused = try await client.send(.POST, path, body: noFilename, headers: [Self.multipartType, Self.noCheck])
            #expect(refused.status == 400)
            #expect(refused.text.contains("No attachments were found"))
        }
    }

    @Test("a file over the attachment limit is 413 naming the limit")
    func tooLarge() async throws {
        try await Self.withServer { client in
            let big = String(repeating: "a", count: Self.maximumFileSize + 1)
            let body = Self.multipart(filename: "big.log", contentType: "text/plain", content: big)
            let refused = try await client.send(.POST, "/rest/api/3/issue/DEMO-4/attachments", body: body, headers: [Self.multipartType, Self.noCheck])
            #expect(refused.status == 413)
            #expect(refused.text.contains("maximum attachment size is \(Self.maximumFileSize) bytes"))
        }
    }

    @Test("an uploaded file's bytes come back from /attachment/content/{id} with its type; a file name may hold a semicolon")
    func contentDownload() async throws {
        try await Self.withServer { client in
            let body = Self.multipart(filename: "notes; final.csv", contentType: "text/csv", content: "a,b\r\n1,2")
            let uploaded = try await client.send(.POST, "/rest/api/3/issue/DEMO-4/attachments", body: body, headers: [Self.multipartType, Self.noCheck])
            let attachment = try #require(try uploaded.json.arrayValue?.first)
            #expect(attachment["filename"] == "notes; final.csv")
            let id = try #require(attachment["id"]?.stringValue)
            let content = try await client.get("/rest/api/3/attachment/content/\(id)")
            #expect(content.status == 200)
            #expect(content.header("Content-Type") == "text/csv")
            #expect(content.text == "a,b\r\n1,2")
            #expect(try await client.get("/rest/api/3/attachment/content/99999").status == 404)
        }
    }
}
