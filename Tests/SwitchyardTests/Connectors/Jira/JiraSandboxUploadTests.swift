import AtlassianSandbox
import Testing
@testable import Switchyard

/// The sandbox's attachment upload, ready for when manifests can send multipart bodies.
@Suite("Jira sandbox: attachment uploads")
struct JiraSandboxUploadTests {
    static let boundary = "sandbox-boundary-7MA4YWxk"

    static func multipart(filename: String, contentType: String, content: String) -> String {
        "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(filename)\"\r\nContent-Type: \(contentType)\r\n\r\n"
            + "\(content)\r\n--\(boundary)--\r\n"
    }

    @Test("a multipart upload with X-Atlassian-Token adds the file to the issue; without the header it is refused")
    func upload() async throws {
        let server = try await SandboxServer.start()
        do {
            let client = SandboxServerClient(server: server)
            let body = Self.multipart(filename: "notes.txt", contentType: "text/plain", content: "hello sandbox")
            let contentType = ("Content-Type", "multipart/form-data; boundary=\(Self.boundary)")
            let refused = try await client.send(.POST, "/rest/api/3/issue/DEMO-4/attachments", body: body, headers: [contentType])
            #expect(refused.status == 403)
            let uploaded = try await client.send(
                .POST, "/rest/api/3/issue/DEMO-4/attachments", body: body, headers: [contentType, ("X-Atlassian-Token", "no-check")]
            )
            #expect(uploaded.status == 200)
            let attachment = try #require(try uploaded.json.arrayValue?.first)
            #expect(attachment["filename"] == "notes.txt")
            #expect(attachment["size"] == 13)
            #expect(attachment["mimeType"] == "text/plain")
            let issue = try await client.get("/rest/api/3/issue/DEMO-4?fields=attachment")
            #expect(try issue.json["fields"]?["attachment"]?.arrayValue?.count == 1)
        } catch {
            try? await server.shutdown()
            throw error
        }
        try await server.shutdown()
    }
}
