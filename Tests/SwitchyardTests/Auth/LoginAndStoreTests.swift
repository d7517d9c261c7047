import AsyncHTTPClient
import AtlassianSandbox
import Foundation
import Synchronization
import Testing
@testable import Switchyard

@Suite("Login helpers and the token store, through the switchyard process")
struct LoginAndStoreTests {
    /// Reads a child's stderr as it arrives.
    final class StreamCollector: Sendable {
        private let text = Mutex("")

        init(_ handle: FileHandle) {
            let thread = Thread { [self] in
                while true {
                    let data = handle.availableData
                    if data.isEmpty { break }
                    text.withLock { $0 += String(decoding: data, as: UTF8.self) }
                }
            }
            thread.start()
        }

        var value: String { text.withLock { $0 } }
    }

    /// Starts `switchyard auth login …` and waits for the approval URL it prints on stderr.
    private func startLogin(_ arguments: [String], harness: AuthHarness, configHome: URL, urlContaining marker: String) async throws -> (Process, StreamCollector, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CommandLine.executable)
        process.arguments = ["auth", "login", "authkit", "--port", "0", "--manifests", AuthHarness.manifest] + arguments
        process.environment = environment(harness, configHome: configHome)
        let stderr = Pipe()
        process.standardError = stderr
        process.standardOutput = Pipe()
        try process.run()
        let messages = StreamCollector(stderr.fileHandleForReading)
        let deadline = ContinuousClock.now + .seconds(20)
        var url: String?
        while url == nil, ContinuousClock.now < deadline {
            url = messages.value.split(separator: "\n").first { $0.hasPrefix("http") && $0.contains(marker) }.map(String.init)
            try await Task.sleep(for: .milliseconds(20))
        }
        return (process, messages, try #require(url, "stderr: \(messages.value)"))
    }

    private func environment(_ harness: AuthHarness, configHome: URL) -> [String: String] {
        var environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("JIRA_") && !$0.key.hasPrefix("AUTHKIT_") }
        environment.merge(harness.environment) { $1 }
        environment["XDG_CONFIG_HOME"] = configHome.path
        environment["SWITCHYARD_HOME"] = SandboxHarness.repositoryRoot
        environment["AUTHKIT_CLIENT_ID"] = SandboxCredentials.oauthClientID
        environment["AUTHKIT_CLIENT_SECRET"] = SandboxCredentials.oauthClientSecret
        return environment
    }

    @Test("auth login runs end to end: authorize → code → token → accessible-resources → stored; auth status and logout follow")
    func oauth2Login() async throws {
        let harness = try await AuthHarness.start()
        let configHome = harness.directory.appendingPathComponent("config")
        let (process, messages, url) = try await startLogin(["--method", "oauth2"], harness: harness, configHome: configHome, urlContaining: "/authorize?")
        #expect(url.contains("offline_access") && url.contains("prompt=consent") && url.contains("state="))
        let browser = HTTPClient(eventLoopGroupProvider: .singleton, configuration: .init(redirectConfiguration: .disallow))
        let consent = try await browser.execute(HTTPClientRequest(url: url), timeout: .seconds(10))
        let callback = try #require(consent.headers.first(name: "Location"))
        #expect(callback.hasPrefix("http://127.0.0.1:"))
        let landed = try await browser.execute(HTTPClientRequest(url: callback), timeout: .seconds(10))
        #expect(landed.status == .ok)
        try await browser.shutdown()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "stderr: \(messages.value)")

        let storePath = configHome.appendingPathComponent("switchyard/credentials.json").path
        let stored = try #require(try CredentialStore(path: storePath).load()["authkit"])
        #expect(stored["method"] == "oauth2")
        #expect(stored["cloud_id"] == SandboxCredentials.cloudID)
        #expect(stored["refresh_token"] != nil && stored["access_token"] != nil)

        let status = try CommandLine.run(["auth", "status", "authkit", "--manifests", AuthHarness.manifest], environment: environment(harness, configHome: configHome).merging(["XDG_CONFIG_HOME": configHome.path]) { $1 })
        #expect(status.status == 0, "\(status.stdout) \(status.stderr)")
        #expect(status.stdout.contains("method oauth2") && status.stdout.contains("check users myself: ok"))
        for secret in [stored["access_token"]!, stored["refresh_token"]!, SandboxCredentials.oauthClientSecret] {
            #expect(!status.stdout.contains(secret) && !status.stderr.contains(secret))
        }
        #expect(!messages.value.contains(stored["refresh_token"]!))

        let logout = try CommandLine.run(["auth", "logout", "authkit"], environment: ["XDG_CONFIG_HOME": configHome.path])
        #expect(logout.status == 0)
        #expect(try CredentialStore(path: storePath).load()["authkit"] == nil)
        await harness.stop()
    }

    @Test("auth login asks for the scopes the enabled actions declare; a read-only login lacks write scopes, which status lists and a write names")
    func leastPrivilegeScopes() async throws {
        let harness = try await AuthHarness.start()
        let configHome = harness.directory.appendingPathComponent("config")
        let environment = environment(harness, configHome: configHome)
        func scopes(in url: String) -> Set<String> {
            let value = URLComponents(string: url)?.queryItems?.first { $0.name == "scope" }?.value ?? ""
            return Set(value.split(separator: " ").map(String.init))
        }
        // Every action enabled: the union of their scopes, plus offline_access.
        let (full, _, fullURL) = try await startLogin(["--method", "oauth2"], harness: harness, configHome: configHome, urlContaining: "/authorize?")
        full.terminate()
        #expect(scopes(in: fullURL) == ["read:jira-user", "read:jira-work", "write:jira-work", "offline_access"])

        let (process, messages, url) = try await startLogin(["--method", "oauth2", "--read-only"], harness: harness, configHome: configHome, urlContaining: "/authorize?")
        #expect(scopes(in: url) == ["read:jira-user", "read:jira-work", "offline_access"])
        let browser = HTTPClient(eventLoopGroupProvider: .singleton, configuration: .init(redirectConfiguration: .disallow))
        let consent = try await browser.execute(HTTPClientRequest(url: url), timeout: .seconds(10))
        _ = try await browser.execute(HTTPClientRequest(url: try #require(consent.headers.first(name: "Location"))), timeout: .seconds(10))
        try await browser.shutdown()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "stderr: \(messages.value)")
        let stored = try #require(try CredentialStore(path: configHome.appendingPathComponent("switchyard/credentials.json").path).load()["authkit"])
        #expect(Set((stored["scope"] ?? "").split(separator: " ").map(String.init)) == ["read:jira-user", "read:jira-work", "offline_access"])

        let status = try CommandLine.run(["auth", "status", "authkit", "--no-check", "--manifests", AuthHarness.manifest], environment: environment)
        #expect(status.stdout.contains("missing write:jira-work, needed by: issues create"), "\(status.stdout)")
        #expect(status.stdout.contains("switchyard auth login authkit --method oauth2"))

        let read = try CommandLine.run(["execute", "authkit", "issues", "search", "--params", #"{"jql": "project = DEMO"}"#, "--manifests", AuthHarness.manifest], environment: environment)
        #expect(read.status == 0, "a read works with the read scopes: \(read.stdout) \(read.stderr)")
        let write = try CommandLine.run(["execute", "authkit", "issues", "create", "--params", #"{"summary": "needs a write scope"}"#, "--manifests", AuthHarness.manifest], environment: environment)
        #expect(write.status != 0)
        let error = try JSONValue(parsing: Array(write.stdout.utf8))["error"]
        #expect(error?["kind"] == "auth", "\(write.stdout)")
        #expect(error?["details"]?["scopes"] == ["write:jira-work"])
        #expect(error?["message"]?.stringValue?.contains("switchyard auth login authkit --method oauth2") == true)
        await harness.stop()
    }

    @Test("auth login --method oauth1 runs the dance end to end: request token → approval → verifier → access token → stored")
    func oauth1Login() async throws {
        let harness = try await AuthHarness.start()
        let configHome = harness.directory.appendingPathComponent("config")
        let (process, messages, url) = try await startLogin(
            ["--method", "oauth1", "--consumer-key", SandboxCredentials.oauth1ConsumerKey, "--private-key", AuthHarness.privateKey],
            harness: harness, configHome: configHome, urlContaining: "oauth_token="
        )
        let browser = HTTPClient(eventLoopGroupProvider: .singleton, configuration: .init(redirectConfiguration: .disallow))
        let approval = try await browser.execute(HTTPClientRequest(url: url), timeout: .seconds(10))
        let callback = try #require(approval.headers.first(name: "Location"))
        #expect(callback.contains("oauth_verifier="))
        _ = try await browser.execute(HTTPClientRequest(url: callback), timeout: .seconds(10))
        try await browser.shutdown()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "stderr: \(messages.value)")

        let stored = try #require(try CredentialStore(path: configHome.appendingPathComponent("switchyard/credentials.json").path).load()["authkit"])
        #expect(stored["method"] == "oauth1")
        #expect(stored["consumer_key"] == SandboxCredentials.oauth1ConsumerKey)
        let status = try CommandLine.run(["auth", "status", "authkit", "--manifests", AuthHarness.manifest], environment: environment(harness, configHome: configHome))
        #expect(status.status == 0, "\(status.stdout) \(status.stderr)")
        #expect(status.stdout.contains("method oauth1") && status.stdout.contains("check users myself: ok"))
        #expect(!status.stdout.contains(stored["oauth_token"] ?? "-"))
        await harness.stop()
    }

    @Test("the token file is always valid JSON, even when the process is killed mid-refresh")
    func killedMidWrite() async throws {
        let harness = try await AuthHarness.start()
        harness.server.oauth.accessTokenLifetime = .seconds(1)
        let configHome = harness.directory.appendingPathComponent("config")
        let storePath = configHome.appendingPathComponent("switchyard/credentials.json").path
        var random = SeededGenerator(seed: 99)
        var (access, refresh) = try await harness.grant()
        for round in 0..<8 {
            try CredentialStore(path: storePath).update(connector: "authkit") { fields in
                fields = harness.oauth2Credentials(access: access, refresh: refresh, expiresAt: Date(timeIntervalSinceNow: -1))
            }
            let process = Process()
            process.executableURL = URL(fileURLWithPath: CommandLine.executable)
            process.arguments = ["serve", "--manifests", AuthHarness.manifest, "--connectors", "authkit"]
            process.environment = environment(harness, configHome: configHome)
            let input = Pipe()
            process.standardInput = input
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            let requests = (0..<200).map { #"{"jsonrpc":"2.0","id":\#($0),"method":"execute","params":{"connector":"authkit","entity":"users","action":"myself"}}"# }
            input.fileHandleForWriting.write(Data((requests.joined(separator: "\n") + "\n").utf8))
            try await Task.sleep(for: .milliseconds(Int64.random(in: 20...250, using: &random)))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let data = try #require(FileManager.default.contents(atPath: storePath), "round \(round)")
            let json = try JSONValue(parsing: data)
            let fields = try #require(json["authkit"]?.objectValue, "round \(round)")
            access = try #require(fields["access_token"]?.stringValue)
            refresh = try #require(fields["refresh_token"]?.stringValue)
        }
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: configHome.appendingPathComponent("switchyard").path).filter { $0.hasSuffix(".tmp") }
        #expect(leftovers.count <= 8)
        await harness.stop()
    }
}
