import AtlassianSandbox
import Foundation
import Testing
@testable import Switchyard

/// OAuth 2.0 credentials supplied the way MCP client configs supply them, through environment variables
/// (or a `--credentials` file), across process starts, against the sandbox's token endpoint, which rotates
/// refresh tokens and rejects a used one as Atlassian's does.
@Suite("Rotated refresh tokens win over the supplied token they came from")
struct RefreshTokenChainTests {
    /// The process environment for `switchyard` with the kit's config and the client credentials.
    private func environment(_ harness: AuthHarness, configHome: URL, refreshToken: String?) -> [String: String] {
        var environment = harness.environment
        environment["XDG_CONFIG_HOME"] = configHome.path
        environment["AUTHKIT_CLIENT_ID"] = SandboxCredentials.oauthClientID
        environment["AUTHKIT_CLIENT_SECRET"] = SandboxCredentials.oauthClientSecret
        environment["AUTHKIT_REFRESH_TOKEN"] = refreshToken
        return environment
    }

    private func myself(_ harness: AuthHarness, environment: [String: String], extra: [String] = []) throws -> CommandLine.Output {
        try CommandLine.run(["execute", "authkit", "users", "myself", "--manifests", AuthHarness.manifest] + extra, environment: environment)
    }

    private func mode(of path: String) throws -> Int? {
        try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
    }

    @Test("five process starts with env credentials, each after the access token expired, each refresh exactly once")
    func environmentCredentialsAcrossStarts() async throws {
        let harness = try await AuthHarness.start()
        let configHome = harness.directory.appendingPathComponent("config")
        let storePath = configHome.appendingPathComponent("switchyard/credentials.json").path
        let (_, supplied) = try await harness.grant()
        let environment = environment(harness, configHome: configHome, refreshToken: supplied)
        var seen: Set<String> = [supplied]
        for start in 1...5 {
            harness.server.oauth.expireAccessTokens()
            let before = harness.server.oauth.refreshCount
            let output = try myself(harness, environment: environment)
            #expect(output.status == 0, "start \(start): \(output.stdout) \(output.stderr)")
            #expect(try JSONValue(parsing: output.stdout)["ok"] == true, "start \(start)")
            #expect(harness.server.oauth.refreshCount == before + 1, "start \(start) refreshes exactly once")
            let stored = try #require(try CredentialStore(path: storePath).load()["authkit"])
            let rotated = try #require(stored["refresh_token"])
            #expect(!seen.contains(rotated), "start \(start) stored a new rotated token")
            seen.insert(rotated)
            #expect(stored[RefreshTokenChain.originField] == RefreshTokenChain.hash(supplied), "the chain remembers its origin, hashed")
            #expect(!stored.values.contains(supplied), "the supplied token itself is never stored")
            #expect(try mode(of: storePath) == 0o600)
            for token in seen { #expect(!output.stdout.contains(token) && !output.stderr.contains(token)) }
        }

        let status = try CommandLine.run(["auth", "status", "authkit", "--manifests", AuthHarness.manifest], environment: environment)
        #expect(status.status == 0, "\(status.stdout) \(status.stderr)")
        #expect(status.stdout.contains("rotated on") && status.stdout.contains("supplied by env AUTHKIT_REFRESH_TOKEN"), "\(status.stdout)")
        for token in seen { #expect(!status.stdout.contains(token) && !status.stderr.contains(token)) }
        await harness.stop()
    }

    @Test("a different supplied refresh token wins and restarts the chain")
    func newSuppliedTokenRestartsChain() async throws {
        let harness = try await AuthHarness.start()
        let configHome = harness.directory.appendingPathComponent("config")
        let storePath = configHome.appendingPathComponent("switchyard/credentials.json").path
        let (_, first) = try await harness.grant()
        for _ in 0..<2 {
            harness.server.oauth.expireAccessTokens()
            let output = try myself(harness, environment: environment(harness, configHome: configHome, refreshToken: first))
            #expect(output.status == 0, "\(output.stderr)")
        }
        // A new login elsewhere gives a new refresh token; the old chain's stored token must not shadow it.
        let (_, second) = try await harness.grant()
        let statusBefore = try CommandLine.run(
            ["auth", "status", "authkit", "--no-check", "--manifests", AuthHarness.manifest],
            environment: environment(harness, configHome: configHome, refreshToken: second)
        )
        #expect(statusBefore.stdout.contains("refresh token ****, supplied by env AUTHKIT_REFRESH_TOKEN"), "\(statusBefore.stdout)")
        for start in 1...2 {
            harness.server.oauth.expireAccessTokens()
            let before = harness.server.oauth.refreshCount
            let output = try myself(harness, environment: environment(harness, configHome: configHome, refreshToken: second))
            #expect(output.status == 0, "start \(start): \(output.stdout) \(output.stderr)")
            #expect(harness.server.oauth.refreshCount == before + 1)
            let stored = try #require(try CredentialStore(path: storePath).load()["authkit"])
            #expect(stored[RefreshTokenChain.originField] == RefreshTokenChain.hash(second))
        }
        await harness.stop()
    }

    @Test("five process starts with a --credentials file: rotations are written back, the file stays valid and 0600")
    func credentialsFileAcrossStarts() async throws {
        let harness = try await AuthHarness.start()
        let configHome = harness.directory.appendingPathComponent("config")
        let file = harness.directory.appendingPathComponent("team-credentials.json").path
        let (_, supplied) = try await harness.grant()
        try CredentialStore(path: file).update(connector: "authkit") { fields in
            fields = ["method": "oauth2", "client_id": SandboxCredentials.oauthClientID, "client_secret": SandboxCredentials.oauthClientSecret, "refresh_token": supplied]
        }
        let environment = environment(harness, configHome: configHome, refreshToken: nil)
        var previous = supplied
        for start in 1...5 {
            harness.server.oauth.expireAccessTokens()
            let before = harness.server.oauth.refreshCount
            let output = try myself(harness, environment: environment, extra: ["--credentials", file])
            #expect(output.status == 0, "start \(start): \(output.stdout) \(output.stderr)")
            #expect(harness.server.oauth.refreshCount == before + 1, "start \(start) refreshes exactly once")
            let data = try #require(FileManager.default.contents(atPath: file))
            let fields = try #require(try JSONValue(parsing: data)["authkit"]?.objectValue)
            let rotated = try #require(fields["refresh_token"]?.stringValue)
            #expect(rotated != previous)
            previous = rotated
            #expect(fields["client_secret"]?.stringValue == SandboxCredentials.oauthClientSecret, "the rest of the file is kept")
            #expect(try mode(of: file) == 0o600)
        }
        #expect(!FileManager.default.fileExists(atPath: configHome.appendingPathComponent("switchyard/credentials.json").path), "nothing is written to the default store")
        await harness.stop()
    }

    @Test("a rejected refresh token names the connector and its login command")
    func rejectedTokenNamesConnector() async throws {
        let harness = try await AuthHarness.start()
        let configHome = harness.directory.appendingPathComponent("config")
        let output = try myself(harness, environment: environment(harness, configHome: configHome, refreshToken: "sandbox-rt-never-issued"))
        let envelope = try JSONValue(parsing: output.stdout)
        #expect(envelope["error"]?["kind"] == "auth")
        let message = try #require(envelope["error"]?["message"]?.stringValue)
        #expect(message.contains("invalid_grant") && message.contains("switchyard auth login authkit --method oauth2"), "\(message)")
        #expect(!message.contains("<connector>") && !message.contains("sandbox-rt-never-issued"))
        await harness.stop()
    }

    @Test("30 simultaneous calls in serve on an expired env-supplied token make exactly one refresh")
    func serveSingleFlight() async throws {
        let harness = try await AuthHarness.start()
        let configHome = harness.directory.appendingPathComponent("config")
        let (_, supplied) = try await harness.grant()
        let requests = (0..<30).map { #"{"jsonrpc":"2.0","id":\#($0),"method":"execute","params":{"connector":"authkit","entity":"users","action":"myself"}}"# }
        let output = try CommandLine.run(
            ["serve", "--manifests", AuthHarness.manifest, "--connectors", "authkit"],
            stdin: requests.joined(separator: "\n") + "\n",
            environment: environment(harness, configHome: configHome, refreshToken: supplied)
        )
        let replies = output.stdout.split(separator: "\n").compactMap { try? JSONValue(parsing: String($0)) }
        #expect(replies.count == 30, "\(output.stderr)")
        #expect(replies.allSatisfy { $0["result"]?["ok"] == true }, "\(output.stdout)")
        #expect(harness.server.oauth.refreshCount == 1)
        await harness.stop()
    }
}

@Suite("Refresh token chain decisions")
struct RefreshTokenChainDecisionTests {
    let origin = RefreshTokenChain.hash("RT-1")

    @Test("the stored rotation continues the chain of the supplied token it came from")
    func continuesChain() {
        let chain = RefreshTokenChain(
            supplied: "RT-1", suppliedAccessToken: nil, suppliedFrom: "env X",
            record: ["refresh_token": "RT-3", "access_token": "AT-3", RefreshTokenChain.originField: origin, RefreshTokenChain.rotatedAtField: "2026-12-04"]
        )
        #expect(chain.refreshToken == "RT-3" && chain.accessToken == "AT-3" && chain.origin == origin)
        #expect(chain.source == .rotated(on: "2026-12-04", from: "env X"))
    }

    @Test("another supplied token wins, without the old chain's access token")
    func restartsChain() {
        let chain = RefreshTokenChain(
            supplied: "RT-9", suppliedAccessToken: nil, suppliedFrom: "env X",
            record: ["refresh_token": "RT-3", "access_token": "AT-3", RefreshTokenChain.originField: origin]
        )
        #expect(chain.refreshToken == "RT-9" && chain.accessToken == nil && chain.origin == RefreshTokenChain.hash("RT-9"))
        #expect(chain.source == .supplied("env X"))
    }

    @Test("without a supplied token the store's token is used")
    func storeOnly() {
        let chain = RefreshTokenChain(supplied: nil, suppliedAccessToken: nil, suppliedFrom: "", record: ["refresh_token": "RT-3"])
        #expect(chain.refreshToken == "RT-3" && chain.source == .supplied("the store"))
    }

    @Test("a refresh that rotates records the origin and the day; one that does not keeps the token")
    func advancing() throws {
        let chain = RefreshTokenChain(supplied: "RT-1", suppliedAccessToken: nil, suppliedFrom: "env X", record: [:])
        let grant = try #require(OAuth2Grant(["access_token": "AT-2", "refresh_token": "RT-2", "expires_in": 3600]))
        let (next, fields) = chain.advanced(by: grant, now: Date(timeIntervalSince1970: 1_796_000_000))
        #expect(next.refreshToken == "RT-2" && next.origin == origin)
        #expect(fields["refresh_token"] == "RT-2" && fields[RefreshTokenChain.originField] == origin)
        #expect(fields[RefreshTokenChain.rotatedAtField] == "2026-11-30")
        let same = try #require(OAuth2Grant(["access_token": "AT-3"]))
        let (kept, keptFields) = next.advanced(by: same)
        #expect(kept.refreshToken == "RT-2" && keptFields["refresh_token"] == "RT-2" && kept.accessToken == "AT-3")
    }
}
