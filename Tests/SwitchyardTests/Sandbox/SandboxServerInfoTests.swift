import AtlassianSandbox
import Switchyard
import Testing

/// `GET /rest/api/{3,2}/serverInfo`: Cloud at the site root, Data Center under the `/jira` context path.
@Suite("Sandbox serverInfo")
struct SandboxServerInfoTests {
    @Test("the site root answers as Jira Cloud on REST v3 and v2, without credentials", arguments: ["/rest/api/3", "/rest/api/2"])
    func cloud(prefix: String) async throws {
        try await withSandboxServer { server, client async throws in
            let response = try await client.get("\(prefix)/serverInfo", authorization: nil)
            #expect(response.status == 200)
            let info = try response.json
            #expect(info["deploymentType"] == "Cloud")
            #expect(info["baseUrl"]?.stringValue == server.baseURL)
            #expect(info["version"] == "1001.0.0-SNAPSHOT")
            #expect(info["versionNumbers"] == [1001, 0, 0])
            #expect(info["buildNumber"]?.intValue ?? 0 > 0)
            #expect(info["serverTitle"] == "Jira")
            #expect(info["serverTime"]?.stringValue?.hasSuffix("+0000") == true)
        }
    }

    @Test("the /jira context path answers as Jira Data Center 9.12.2, deploymentType Server")
    func dataCenter() async throws {
        try await withSandboxServer { server, client async throws in
            let response = try await client.get("/jira/rest/api/2/serverInfo", authorization: SandboxCredentials.bearerAuthorization)
            #expect(response.status == 200)
            let info = try response.json
            #expect(info["deploymentType"] == "Server")
            #expect(info["version"] == "9.12.2")
            #expect(info["versionNumbers"] == [9, 12, 2])
            #expect(info["buildNumber"] == 912_002)
            #expect(info["baseUrl"]?.stringValue == server.baseURL + "/jira")
            #expect(info["serverTitle"] == "Jira")
        }
    }

    @Test("Jira under /jira reaches the same data, with self links under the context path")
    func dataCenterContextPath() async throws {
        try await withSandboxServer { server, client async throws in
            let response = try await client.get("/jira/rest/api/2/issue/DEMO-1?fields=summary", authorization: SandboxCredentials.bearerAuthorization)
            #expect(response.status == 200)
            let issue = try response.json
            #expect(issue["key"] == "DEMO-1")
            #expect(issue["self"]?.stringValue?.hasPrefix(server.baseURL + "/jira/rest/api/2/issue/") == true)
            #expect(try await client.get("/jira/rest/api/2/issue/DEMO-1", authorization: nil).status == 401)
            #expect(server.recordedRequests().last?.path == "/jira/rest/api/2/issue/DEMO-1")
            // Jira Data Center has no REST v3.
            #expect(try await client.get("/jira/rest/api/3/serverInfo", authorization: SandboxCredentials.bearerAuthorization).status == 404)
        }
    }
}
