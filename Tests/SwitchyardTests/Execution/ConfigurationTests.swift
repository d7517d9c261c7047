import Foundation
import Testing
@testable import Switchyard

@Suite("Config and credential sources")
struct ConfigurationTests {
    private func jira() throws -> ConnectorManifest {
        try ManifestDecoder.decode(file: SandboxHarness.manifestsDirectory + "/jira.json")
    }

    @Test("the base URL comes from the config file, then the environment, then the subdomain template")
    func configPrecedence() async throws {
        let environment = ["JIRA_BASE_URL": "https://env.example.com", "JIRA_SUBDOMAIN": "acme", "JIRA_EMAIL": "a@b.c", "JIRA_API_TOKEN": "t"]
        var settings = RuntimeSettings(environment: environment)
        settings.config = ["jira": ["base_url": "https://file.example.com/"]]
        #expect(try await resolveKeepingTransport(settings).baseURL == "https://file.example.com")
        settings.config = [:]
        #expect(try await resolveKeepingTransport(settings).baseURL == "https://env.example.com")
        settings.environment["JIRA_BASE_URL"] = nil
        #expect(try await resolveKeepingTransport(settings).baseURL == "https://acme.atlassian.net")
    }

    @Test("credentials come from the credentials file, then the environment, then the store")
    func credentialPrecedence() async throws {
        var settings = RuntimeSettings(environment: ["JIRA_SUBDOMAIN": "acme", "JIRA_EMAIL": "env@example.com", "JIRA_API_TOKEN": "env-token"])
        settings.credentials = ["jira": ["email": "file@example.com", "api_token": "file-token"]]
        settings.storedCredentials = ["jira": ["email": "store@example.com", "api_token": "store-token"]]
        #expect(try await resolveKeepingTransport(settings).credential.description.contains("file@example.com"))
        settings.credentials = [:]
        #expect(try await resolveKeepingTransport(settings).credential.description.contains("env@example.com"))
        settings.environment = ["JIRA_SUBDOMAIN": "acme"]
        #expect(try await resolveKeepingTransport(settings).credential.description.contains("store@example.com"))
    }

    @Test("JIRA_AUTH_METHOD picks the method, and says what it is missing")
    func explicitMethod() async throws {
        let settings = RuntimeSettings(environment: ["JIRA_SUBDOMAIN": "acme", "JIRA_AUTH_METHOD": "pat", "JIRA_EMAIL": "a@b.c", "JIRA_API_TOKEN": "t"])
        do {
            _ = try await resolveKeepingTransport(settings)
            Issue.record("a method without its credentials must fail")
        } catch {
            #expect("\(error)".contains("JIRA_PAT"))
        }
    }

    /// Resolves with a transport that is shut down afterwards.
    private func resolveKeepingTransport(_ settings: RuntimeSettings) async throws -> Connection {
        let transport = HTTPTransport()
        let result = Result { try ConnectionResolver(manifest: try jira(), settings: settings, transport: transport).resolve() }
        try await transport.shutdown()
        return try result.get()
    }
}
