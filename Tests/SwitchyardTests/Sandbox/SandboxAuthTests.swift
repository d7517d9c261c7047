import AtlassianSandbox
import Foundation
import Switchyard
import Testing

@Suite("Sandbox authentication")
struct SandboxAuthTests {
    @Test("A Jira request without credentials gets 401 with Jira's message and a challenge")
    func missingCredentialsAreRejected() async throws {
        try await withSandboxServer { _, client async throws in
            let response = try await client.get("/rest/api/3/myself", authorization: nil)
            #expect(response.status == 401)
            #expect(response.header("WWW-Authenticate")?.hasPrefix("Basic") == true)
            #expect(response.header("Content-Type") == "application/json;charset=UTF-8")
            #expect(response.text == #"{"errorMessages":["You are not authenticated. Authentication required to perform this operation."],"errors":{}}"#)
        }
    }

    @Test("A wrong API token or bearer token is rejected")
    func wrongCredentialsAreRejected() async throws {
        try await withSandboxServer { _, client async throws in
            let wrongBasic = "Basic " + Data("demo@example.com:nope".utf8).base64EncodedString()
            #expect(try await client.get("/rest/api/3/myself", authorization: wrongBasic).status == 401)
            #expect(try await client.get("/rest/api/3/myself", authorization: "Bearer wrong").status == 401)
        }
    }

    @Test("Basic email:token and Bearer PAT both act as the demo user")
    func validCredentialsAreAccepted() async throws {
        try await withSandboxServer { _, client async throws in
            let basic = try await client.get("/rest/api/3/myself")
            #expect(basic.status == 200)
            #expect(try basic.json["accountId"]?.stringValue == SandboxCredentials.accountId)
            #expect(try basic.json["displayName"]?.stringValue == "Demo User")
            let bearer = try await client.get("/rest/api/3/myself", authorization: SandboxCredentials.bearerAuthorization)
            #expect(bearer.status == 200)
        }
    }

    @Test("Confluence paths answer 401 in Confluence's own error shapes")
    func confluenceUnauthorizedShapes() async throws {
        try await withSandboxServer { _, client async throws in
            let v2 = try await client.get("/wiki/api/v2/pages", authorization: nil)
            #expect(v2.status == 401)
            #expect(try v2.json["errors"]?[0]?["code"]?.stringValue == "UNAUTHORIZED")
            let v1 = try await client.get("/wiki/rest/api/user/current", authorization: nil)
            #expect(v1.status == 401)
            #expect(try v1.json["statusCode"]?.intValue == 401)
        }
    }
}
