import AsyncHTTPClient
import AtlassianSandbox
import Foundation
import NIOCore
import Testing
@testable import Switchyard

/// The sandbox with the auth test kit manifest, and a private credentials file.
struct AuthHarness {
    static let manifest = SandboxHarness.repositoryRoot + "/Tests/SwitchyardTests/Fixtures/authkit.json"
    static let privateKey = SandboxHarness.repositoryRoot + "/Tests/SwitchyardTests/Fixtures/oauth1-consumer-key.pem"

    let server: SandboxServer
    let directory: URL
    var storePath: String { storePath(named: "credentials.json") }

    func storePath(named name: String) -> String { directory.appendingPathComponent(name).path }

    static func start() async throws -> AuthHarness {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("switchyard-auth-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return AuthHarness(server: try await SandboxServer.start(), directory: directory)
    }

    var environment: [String: String] {
        [
            "AUTHKIT_BASE_URL": server.baseURL, "AUTHKIT_TOKEN_URL": server.baseURL + "/oauth/token",
            "AUTHKIT_AUTHORIZE_URL": server.baseURL + "/authorize", "AUTHKIT_RESOURCES_URL": server.baseURL + "/oauth/token/accessible-resources",
            "AUTHKIT_GATEWAY_URL": server.baseURL, "AUTHKIT_CLOUD_ID": SandboxCredentials.cloudID,
        ]
    }

    /// A runtime over the kit with these credential fields stored as the `--credentials` file.
    func runtime(
        credentials: [String: String], environment extra: [String: String] = [:], storeName: String = "credentials.json",
        configure: (inout RuntimeSettings) -> Void = { _ in }
    ) throws -> SwitchyardRuntime {
        let storePath = storePath(named: storeName)
        let store = CredentialStore(path: storePath)
        try store.update(connector: "authkit") { $0 = credentials }
        var catalog = ConnectorCatalog(connectors: [])
        catalog.add(file: Self.manifest)
        precondition(catalog.problems.isEmpty, "\(catalog.problems)")
        var settings = RuntimeSettings(environment: environment.merging(extra) { $1 })
        settings.credentials = try store.load()
        settings.credentialStorePath = storePath
        configure(&settings)
        return SwitchyardRuntime(catalog: catalog, settings: settings, retryPolicy: RetryPolicy(maximumAttempts: 2, baseDelay: .milliseconds(10)))
    }

    /// Runs the authorization-code flow by hand and returns (access token, refresh token).
    func grant() async throws -> (access: String, refresh: String) {
        let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: .init(redirectConfiguration: .disallow))
        defer { _ = client.shutdown() }
        let redirect = "http://127.0.0.1:1/callback"
        let authorize = HTTPClientRequest(url: server.baseURL + "/authorize?audience=api.atlassian.com&client_id=\(SandboxCredentials.oauthClientID)&scope=read%3Ajira-user%20offline_access&redirect_uri=\(PercentEncoding.encodeQueryComponent(redirect))&state=s1&response_type=code&prompt=consent")
        let consent = try await client.execute(authorize, timeout: .seconds(10))
        let location = try #require(consent.headers.first(name: "Location"))
        let code = try #require(URLComponents(string: location)?.queryItems?.first { $0.name == "code" }?.value)
        var token = HTTPClientRequest(url: server.baseURL + "/oauth/token")
        token.method = .POST
        token.headers.add(name: "Content-Type", value: "application/json")
        let body: JSONValue = [
            "grant_type": "authorization_code", "client_id": .string(SandboxCredentials.oauthClientID),
            "client_secret": .string(SandboxCredentials.oauthClientSecret), "code": .string(code), "redirect_uri": .string(redirect),
        ]
        token.body = .bytes(ByteBuffer(bytes: body.serializedBytes()))
        let response = try await client.execute(token, timeout: .seconds(10))
        let json = try JSONValue(parsing: try await response.body.collect(upTo: 1 << 20).readableBytesView)
        return (try #require(json["access_token"]?.stringValue), try #require(json["refresh_token"]?.stringValue))
    }

    func oauth2Credentials(access: String, refresh: String, expiresAt: Date) -> [String: String] {
        [
            "method": "oauth2", "client_id": SandboxCredentials.oauthClientID, "client_secret": SandboxCredentials.oauthClientSecret,
            "access_token": access, "refresh_token": refresh, "expires_at": ISO8601DateFormatter().string(from: expiresAt),
        ]
    }

    func stop() async {
        try? await server.shutdown()
        try? FileManager.default.removeItem(at: directory)
    }
}

@Suite("Auth schemes against a sandbox that checks credentials for real")
struct AuthSchemeTests {
    @Test("an expired OAuth 2.0 access token is refreshed before the call, and the rotated refresh token is stored")
    func refreshAheadOfExpiry() async throws {
        let harness = try await AuthHarness.start()
        let (access, refresh) = try await harness.grant()
        let runtime = try harness.runtime(credentials: harness.oauth2Credentials(access: access, refresh: refresh, expiresAt: Date(timeIntervalSinceNow: -10)))
        let envelope = await runtime.execute(ExecuteRequest(connector: "authkit", entity: "users", action: "myself"))
        #expect(envelope.isSuccess, "\(envelope.json)")
        #expect(harness.server.oauth.refreshCount == 1)
        let stored = try CredentialStore(path: harness.storePath).load()["authkit"]
        let rotated = try #require(stored?["refresh_token"])
        #expect(rotated != refresh)
        #expect(stored?["access_token"] != access)
        let mode = try FileManager.default.attributesOfItem(atPath: harness.storePath)[.posixPermissions] as? Int
        #expect(mode == 0o600)

        // The old refresh token is dead: a runtime still holding it gets a clear invalid_grant auth error.
        let stale = try harness.runtime(credentials: harness.oauth2Credentials(access: "expired", refresh: refresh, expiresAt: Date(timeIntervalSinceNow: -10)))
        let before = harness.server.oauth.tokenRequests
        let refused = await stale.execute(ExecuteRequest(connector: "authkit", entity: "users", action: "myself"))
        #expect(refused.error?.kind == .auth)
        #expect(refused.error?.message.contains("invalid_grant") == true)
        #expect(refused.error?.message.contains("log in again") == true || refused.error?.message.contains("Log in again") == true)
        #expect(harness.server.oauth.tokenRequests == before + 1, "invalid_grant is never retried")
        try await runtime.shutdown()
        try await stale.shutdown()
        await harness.stop()
    }

    @Test("a 401 causes exactly one refresh and one retry")
    func refreshAfter401() async throws {
        let harness = try await AuthHarness.start()
        let (access, refresh) = try await harness.grant()
        let runtime = try harness.runtime(credentials: harness.oauth2Credentials(access: access, refresh: refresh, expiresAt: Date(timeIntervalSinceNow: 3600)))
        harness.server.oauth.expireAccessTokens()
        let envelope = await runtime.execute(ExecuteRequest(connector: "authkit", entity: "users", action: "myself"))
        #expect(envelope.isSuccess, "\(envelope.json)")
        #expect(harness.server.oauth.refreshCount == 1)
        try await runtime.shutdown()
        await harness.stop()
    }

    @Test("50 concurrent calls on an expired token cause exactly one refresh")
    func singleFlightRefresh() async throws {
        let harness = try await AuthHarness.start()
        let (access, refresh) = try await harness.grant()
        let runtime = try harness.runtime(credentials: harness.oauth2Credentials(access: access, refresh: refresh, expiresAt: Date(timeIntervalSinceNow: -10)))
        let results = await withTaskGroup(of: Bool.self) { group in
            for _ in 0..<50 {
                group.addTask { await runtime.execute(ExecuteRequest(connector: "authkit", entity: "users", action: "myself")).isSuccess }
            }
            var all: [Bool] = []
            for await ok in group { all.append(ok) }
            return all
        }
        #expect(results.count == 50 && results.allSatisfy { $0 })
        #expect(harness.server.oauth.refreshCount == 1)
        try await runtime.shutdown()
        await harness.stop()
    }

    @Test("OAuth 1.0a: signed GET with query params and signed POST are verified by the server")
    func oauth1Signing() async throws {
        let harness = try await AuthHarness.start()
        let runtime = try harness.runtime(credentials: [
            "method": "oauth1", "consumer_key": SandboxCredentials.oauth1ConsumerKey, "private_key": AuthHarness.privateKey,
            "oauth_token": SandboxCredentials.oauth1AccessToken,
        ])
        let search = await runtime.execute(ExecuteRequest(connector: "authkit", entity: "issues", action: "search", params: ["jql": "project = DEMO AND text ~ \"a b\""]))
        #expect(search.isSuccess, "\(search.json)")
        let create = await runtime.execute(ExecuteRequest(connector: "authkit", entity: "issues", action: "create", params: ["summary": "signed"]))
        #expect(create.result?.status == 201, "\(create.json)")
        let header = try #require(harness.server.recordedRequests().last?.header("Authorization"))
        #expect(header.hasPrefix("OAuth ") && header.contains("oauth_signature_method=\"RSA-SHA1\""))
        try await runtime.shutdown()
        await harness.stop()
    }

    @Test("cookies: a live session works; an expired one says so")
    func cookies() async throws {
        let harness = try await AuthHarness.start()
        let runtime = try harness.runtime(credentials: ["method": "cookie", "cookies": "JSESSIONID=\(SandboxCredentials.sessionCookie); atlassian.xsrf.token=abc"])
        let ok = await runtime.execute(ExecuteRequest(connector: "authkit", entity: "users", action: "myself"))
        #expect(ok.isSuccess, "\(ok.json)")
        #expect(harness.server.recordedRequests().last?.header("Cookie") == "JSESSIONID=\(SandboxCredentials.sessionCookie); atlassian.xsrf.token=abc")
        harness.server.sessions.expireAll()
        let expired = await runtime.execute(ExecuteRequest(connector: "authkit", entity: "users", action: "myself"))
        #expect(expired.error?.kind == .auth)
        #expect(expired.error?.message.contains("session") == true && expired.error?.message.contains("expired") == true)
        try await runtime.shutdown()
        await harness.stop()
    }

    @Test("exact headers for basic, bearer, API key and cookies", arguments: [
        (Credential.basic(username: "a@example.com", password: "t0k"), "Authorization", "Basic YUBleGFtcGxlLmNvbTp0MGs="),
        (Credential.bearer(token: "pat-1"), "Authorization", "Bearer pat-1"),
        (Credential.apiKey(placement: .header, name: "X-Api-Key", value: "k1"), "X-Api-Key", "k1"),
        (Credential.cookie(header: "JSESSIONID=s1"), "Cookie", "JSESSIONID=s1"),
    ])
    func exactHeaders(credential: Credential, header: String, value: String) async throws {
        var request = PreparedRequest(method: .get, baseURL: "https://x.example.com", path: "/a", query: [], headers: [], body: nil, absoluteURL: nil)
        try await credential.authorize(&request)
        #expect(request.header(header) == value)
        var query = request
        try await Credential.apiKey(placement: .query, name: "api_key", value: "q1").authorize(&query)
        #expect(query.url.hasSuffix("api_key=q1"))
    }

    @Test("with no method set, the first complete scheme is used; with none complete, the error lists what each needs")
    func methodDetection() async throws {
        let harness = try await AuthHarness.start()
        let runtime = try harness.runtime(credentials: [:], environment: ["AUTHKIT_COOKIES": "JSESSIONID=\(SandboxCredentials.sessionCookie)"])
        let manifest = try runtime.catalog.requireConnector("authkit")
        #expect(try runtime.connection(for: manifest).schemeID == "cookie")
        let empty = try harness.runtime(credentials: [:])
        #expect(throws: ExecutionError.self) { try empty.connection(for: manifest) }
        do {
            _ = try empty.connection(for: manifest)
        } catch {
            #expect(error.message.contains("AUTHKIT_REFRESH_TOKEN") && error.message.contains("AUTHKIT_COOKIES") && error.message.contains("AUTHKIT_PRIVATE_KEY_PATH"))
        }
        try await runtime.shutdown()
        try await empty.shutdown()
        await harness.stop()
    }
}
