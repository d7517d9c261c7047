import AtlassianSandbox
import Foundation
import Switchyard

/// A sandbox on loopback plus a runtime pointed at it with the bundled manifests and the test kit.
struct SandboxHarness {
    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().path
    static let manifestsDirectory = repositoryRoot + "/manifests"
    static let testKitManifest = repositoryRoot + "/Tests/SwitchyardTests/Fixtures/testkit.json"
    static let throttledManifest = repositoryRoot + "/Tests/SwitchyardTests/Fixtures/throttled.json"

    let server: SandboxServer
    let runtime: SwitchyardRuntime

    static func start(
        retryPolicy: RetryPolicy = RetryPolicy(baseDelay: .milliseconds(20)), credential: Credential? = nil,
        policy: ExposurePolicy = .everything, settings: (inout RuntimeSettings) -> Void = { _ in },
        audit: AuditLog? = nil, confirmationTokens: ConfirmationTokens = ConfirmationTokens(), seedIssues: Int = 0
    ) async throws -> SandboxHarness {
        let server = try await SandboxServer.start(seedIssues: seedIssues)
        var overrides = server.connectionOverrides
        let sandboxCredential = Credential.basic(username: SandboxCredentials.email, password: SandboxCredentials.apiToken)
        overrides["testkit"] = ConnectionOverride(baseURL: server.baseURL, credential: sandboxCredential)
        overrides["throttled"] = ConnectionOverride(baseURL: server.baseURL, credential: sandboxCredential)
        if let credential {
            for name in overrides.keys { overrides[name] = ConnectionOverride(baseURL: server.baseURL, credential: credential) }
        }
        var catalog = ConnectorCatalog.load(directories: [manifestsDirectory])
        catalog.add(file: testKitManifest)
        catalog.add(file: throttledManifest)
        precondition(catalog.problems.isEmpty, "bundled manifests must load: \(catalog.problems)")
        var runtimeSettings = RuntimeSettings(overrides: overrides)
        settings(&runtimeSettings)
        let runtime = SwitchyardRuntime(
            catalog: catalog.restricted(by: policy), settings: runtimeSettings, retryPolicy: retryPolicy,
            confirmationTokens: confirmationTokens, audit: audit
        )
        return SandboxHarness(server: server, runtime: runtime)
    }

    func execute(_ connector: String, _ entity: String, _ action: String, _ params: JSONValue = [:]) async -> ResultEnvelope {
        await runtime.execute(ExecuteRequest(connector: connector, entity: entity, action: action, params: params))
    }

    func stop() async {
        try? await runtime.shutdown()
        try? await server.shutdown()
    }
}

/// Runs `body` with a started harness and always stops it.
func withSandbox(
    retryPolicy: RetryPolicy = RetryPolicy(baseDelay: .milliseconds(20)),
    settings: (inout RuntimeSettings) -> Void = { _ in },
    seedIssues: Int = 0,
    _ body: (SandboxHarness) async throws -> Void
) async throws {
    let harness = try await SandboxHarness.start(retryPolicy: retryPolicy, settings: settings, seedIssues: seedIssues)
    do {
        try await body(harness)
    } catch {
        await harness.stop()
        throw error
    }
    await harness.stop()
}
