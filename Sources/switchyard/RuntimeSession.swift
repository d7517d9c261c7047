import AtlassianSandbox
import Logging
import Switchyard

/// A runtime for one command, with the in-process sandbox behind it when `--sandbox` is given.
struct RuntimeSession {
    let runtime: SwitchyardRuntime
    let sandbox: SandboxServer?

    /// Starts a runtime. With `onlyConfigured` and no `connectors`, it keeps just the connectors whose
    /// credentials resolve (all of them when none do, so errors can say what is missing).
    static func start(
        global: GlobalOptions, safety: SafetyOptions, sandbox useSandbox: Bool, connectors: Set<String>? = nil,
        onlyConfigured: Bool = false, logger: Logger
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
        let loaded = global.loadCatalog()
        var chosen = connectors
        if onlyConfigured, chosen == nil {
            let probe = SwitchyardRuntime(catalog: loaded, settings: settings, logger: logger)
            let configured = Set(loaded.connectors.filter { (try? probe.connection(for: $0)) != nil }.map(\.name))
            try? await probe.shutdown()
            if !configured.isEmpty, configured.count < loaded.connectors.count {
                logger.info("serving the connectors with credentials: \(configured.sorted().joined(separator: ", ")) (use --connectors for others)")
                chosen = configured
            }
        }
        let catalog = loaded.restricted(by: safety.policy(connectors: chosen, config: settings.config))
        global.warnAboutInsecureTransport(catalog.connectors, settings: settings)
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
