import AtlassianSandbox
import Foundation
import Testing
@testable import Switchyard

@Suite("jirametrics credential files, as they are")
struct JirametricsCredentialsTests {
    /// Writes `json` to a private file and returns its path.
    private func file(_ json: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("jirametrics-\(UUID().uuidString).json").path
        try Data(json.utf8).write(to: URL(fileURLWithPath: path))
        chmod(path, 0o600)
        return path
    }

    private func connection(_ connector: String, credentials: [String: [String: String]]) throws -> Connection {
        let catalog = ConnectorCatalog.load(directories: [SandboxHarness.manifestsDirectory])
        let runtime = SwitchyardRuntime(catalog: catalog, settings: RuntimeSettings(credentials: credentials))
        defer { Task { try? await runtime.shutdown() } }
        return try runtime.connection(for: try catalog.requireConnector(connector))
    }

    @Test("url + email + api_token: the API token method on Cloud, basic on Data Center, base URL from url")
    func apiToken() throws {
        let credentials = try SettingsFile.loadCredentials(path: try file(#"{"url": "https://acme.atlassian.net", "email": "me@acme.com", "api_token": "tok-123"}"#))
        let cloud = try connection("jira", credentials: credentials)
        #expect(cloud.schemeID == "api_token" && cloud.baseURL == "https://acme.atlassian.net")
        #expect("\(cloud.credential)".contains("me@acme.com") && !"\(cloud.credential)".contains("tok-123"))
        #expect(try connection("jira-datacenter", credentials: credentials).schemeID == "basic")
    }

    @Test("url + personal_access_token: a bearer PAT")
    func personalAccessToken() throws {
        let credentials = try SettingsFile.loadCredentials(path: try file(#"{"url": "https://jira.acme.com/", "personal_access_token": "pat-456"}"#))
        let dataCenter = try connection("jira-datacenter", credentials: credentials)
        #expect(dataCenter.schemeID == "pat" && dataCenter.baseURL == "https://jira.acme.com")
        #expect(!"\(dataCenter.credential)".contains("pat-456"))
    }

    @Test("url + cookies: the browser session on Data Center")
    func cookies() throws {
        let credentials = try SettingsFile.loadCredentials(path: try file(#"{"url": "https://jira.acme.com", "cookies": {"JSESSIONID": "abc", "atlassian.xsrf.token": "def"}}"#))
        let dataCenter = try connection("jira-datacenter", credentials: credentials)
        #expect(dataCenter.schemeID == "cookie")
        if case .cookie(let header) = dataCenter.credential {
            #expect(header == "JSESSIONID=abc; atlassian.xsrf.token=def")
        } else {
            Issue.record("expected a cookie credential, got \(dataCenter.credential)")
        }
        #expect(credentials["jira"] == nil, "Jira Cloud has no cookie method")
    }

    @Test("a file mixing forms, with unknown keys or with no sign-in is an error naming the keys")
    func badFiles() throws {
        let cases = [
            (#"{"url": "https://a.atlassian.net", "email": "e", "api_token": "t", "personal_access_token": "p"}"#, "api_token + email and personal_access_token conflict"),
            (#"{"url": "https://a.atlassian.net", "personal_access_token": "p", "cookies": {"a": "b"}}"#, "personal_access_token and cookies conflict"),
            (#"{"url": "https://a.atlassian.net", "token": "t"}"#, "also has 'token'"),
            (#"{"url": "https://a.atlassian.net"}"#, "no way to sign in"),
            (#"{"url": "https://a.atlassian.net", "email": "e"}"#, "'api_token' must be a non-empty string"),
        ]
        for (json, message) in cases {
            let path = try file(json)
            do throws(ExecutionError) {
                _ = try SettingsFile.loadCredentials(path: path)
                Issue.record("\(json) must be refused")
            } catch {
                #expect(error.message.contains(message), "\(error.message)")
                #expect(!error.message.contains("\"t\""))
            }
        }
    }

    @Test("execute reads the file as it is and reaches the site")
    func executeWithTheFile() async throws {
        let server = try await SandboxServer.start()
        let path = try file(#"{"url": "\#(server.baseURL)", "email": "\#(SandboxCredentials.email)", "api_token": "\#(SandboxCredentials.apiToken)"}"#)
        // A loopback host looks like Data Center; say it is Cloud, as JIRA_DEPLOYMENT does for a proxied site.
        let output = try CommandLine.run(["execute", "jira", "users", "myself", "--credentials", path], environment: ["JIRA_DEPLOYMENT": "cloud"])
        #expect(output.status == 0, "\(output.stdout) \(output.stderr)")
        #expect(try JSONValue(parsing: output.stdout)["ok"] == true)
        #expect(!output.stdout.contains(SandboxCredentials.apiToken) && !output.stderr.contains(SandboxCredentials.apiToken))
        try await server.shutdown()
    }
}
