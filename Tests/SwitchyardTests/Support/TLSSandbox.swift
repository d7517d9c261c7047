import AtlassianSandbox
import Foundation
import Switchyard

/// The sandbox over HTTPS with a certificate from the test CA (and, if asked, requiring client
/// certificates from it), plus runtimes that reach it as `jira-datacenter` through the environment —
/// `JIRA_BASE_URL`, `JIRA_USERNAME`, `JIRA_PASSWORD` — the way a user configures a Server / Data Center.
struct TLSSandbox {
    let server: SandboxServer
    let certificates: TestCertificates

    static func start(requiringClientCertificate: Bool = false) async throws -> TLSSandbox {
        let certificates = try TestCertificates.shared()
        let tls = SandboxTLS(
            certificateFile: certificates.serverCertificate, keyFile: certificates.serverKey,
            clientCAFile: requiringClientCertificate ? certificates.caCertificate : nil
        )
        return TLSSandbox(server: try await SandboxServer.start(tls: tls), certificates: certificates)
    }

    /// The environment that points `jira-datacenter` at this server with the demo user, plus `extra`.
    func environment(_ extra: [String: String] = [:]) -> [String: String] {
        var environment = [
            "JIRA_BASE_URL": server.baseURL, "JIRA_USERNAME": SandboxCredentials.email, "JIRA_PASSWORD": SandboxCredentials.apiToken,
        ]
        environment.merge(extra) { $1 }
        return environment
    }

    /// The bundled manifests.
    static var catalog: ConnectorCatalog {
        ConnectorCatalog.load(directories: [SandboxHarness.manifestsDirectory])
    }

    /// A runtime with the bundled manifests and these settings; shut it down after use.
    static func runtime(_ settings: RuntimeSettings) -> SwitchyardRuntime {
        SwitchyardRuntime(
            catalog: catalog, settings: settings,
            retryPolicy: RetryPolicy(baseDelay: .milliseconds(20))
        )
    }

    /// Runs `jira-datacenter users myself` with `environment` (see ``environment(_:)``) and `configure`d settings.
    func myself(_ extra: [String: String] = [:], configure: (inout RuntimeSettings) -> Void = { _ in }) async -> ResultEnvelope {
        var settings = RuntimeSettings(environment: environment(extra))
        configure(&settings)
        let runtime = Self.runtime(settings)
        let envelope = await runtime.execute(ExecuteRequest(connector: "jira-datacenter", entity: "users", action: "myself"))
        try? await runtime.shutdown()
        return envelope
    }

    func stop() async {
        try? await server.shutdown()
    }
}

/// Runs `body` with a started ``TLSSandbox`` and always stops it.
func withTLSSandbox(requiringClientCertificate: Bool = false, _ body: (TLSSandbox) async throws -> Void) async throws {
    let sandbox = try await TLSSandbox.start(requiringClientCertificate: requiringClientCertificate)
    do {
        try await body(sandbox)
    } catch {
        await sandbox.stop()
        throw error
    }
    await sandbox.stop()
}
