import AtlassianSandbox
import Logging
import Switchyard

/// A runtime for one command, with the in-process sandbox behind it when `--sandbox` is given.
struct RuntimeSession {
    let runtime: SwitchyardRuntime
    let sandbox: SandboxServer?

    static func start(
        global: GlobalOptions, safety: SafetyOptions, sandbox useSandbox: Bool, connectors: Set<String>? = nil, logger: Logger
    ) async throws(ExecutionError) -> RuntimeSession {
        var settings = try global.makeSettings()
        settings.confirmDestructive = safety.confirmDestructive
        let audit = try safety.makeAuditLog()
        var sandbox: SandboxServer?
        if useSandbox {
            do {
                let server = try await SandboxServer.start()
                settings.overrides.merge(server.connectionOverrides) { _, sandboxOverride in sandboxOverride }
                logger.info("sandbox listening on \(server.baseURL)")
                sandbox = server
            } catch {
                throw ExecutionError(kind: .config, message: "cannot start the sandbox: \(error)")
            }
        }
        let catalog = global.loadCatalog().restricted(by: safety.policy(connectors: connectors, config: settings.config))
        let runtime = SwitchyardRuntime(
            catalog: catalog, settings: settings,
            confirmationTokens: safety.confirmationTokens(environment: settings.environment),
            audit: audit, logger: logger
        )
        return RuntimeSession(runtime: runtime, sandbox: sandbox)
    }

    func stop() async {
        try? await runtime.shutdown()
        try? await sandbox?.shutdown()
    }
}
