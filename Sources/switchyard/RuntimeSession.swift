import AtlassianSandbox
import Logging
import Switchyard
import SwitchyardState

/// A runtime for one command, with the in-process sandbox behind it when `--sandbox` is given.
struct RuntimeSession {
    let runtime: SwitchyardRuntime
    let sandbox: SandboxServer?

    /// Starts a runtime. Without `connectors`, of the flavours of one configured site (Jira Cloud and Data
    /// Center) only the one that fits stays on; with `onlyConfigured`, only the connectors whose credentials
    /// resolve (all of them when none do, so errors can say what is missing). `selection` then picks toolsets
    /// and tool patterns. With `state`, server-held OAuth 2.0 tokens and the confirmation key are the ones
    /// every replica shares.
    static func start(
        global: GlobalOptions, safety: SafetyOptions, sandbox useSandbox: Bool, connectors: Set<String>? = nil,
        onlyConfigured: Bool = false, selection: (selection: ToolSelection, defaultToolsets: Bool)? = nil,
        state: PostgresState? = nil, logger: Logger
    ) async throws(ExecutionError) -> RuntimeSession {
        var settings = try global.makeSettings()
        settings.confirmDestructive = safety.confirmDestructive
        var confirmationTokens = safety.confirmationTokens(environment: settings.environment)
        if let state {
            settings.sharedTokens = state
            do {
                confirmationTokens = ConfirmationTokens(key: try await state.confirmationKey())
            } catch {
                throw ExecutionError(kind: .config, message: error.description)
            }
        }
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
        var loaded = try global.loadCatalog(bundledOnFirstUse: true)
        var chosen = connectors
        let probe = SwitchyardRuntime(catalog: loaded, settings: settings, logger: logger)
        if chosen == nil {
            loaded = probe.choosingFlavours(of: loaded)
            for (_, reason) in loaded.switchedOff { logger.info("\(reason)") }
        }
        if onlyConfigured, chosen == nil {
            let configured = Set(loaded.connectors.filter { isUsable($0, probe: probe, logger: logger) }.map(\.name))
            if !configured.isEmpty, configured.count < loaded.connectors.count {
                logger.info("serving the connectors with credentials: \(configured.sorted().joined(separator: ", ")) (use --connectors for others)")
                chosen = configured
            }
        }
        try? await probe.shutdown()
        var catalog = loaded.restricted(by: safety.policy(connectors: chosen, config: settings.config))
        if let selection {
            catalog = try catalog.selecting(selection.selection, defaultToolsets: selection.defaultToolsets)
        }
        global.warnAboutInsecureTransport(catalog.connectors, settings: settings)
        let runtime = SwitchyardRuntime(
            catalog: catalog, settings: settings,
            confirmationTokens: confirmationTokens,
            audit: audit, logger: logger
        )
        return RuntimeSession(runtime: runtime, sandbox: sandbox)
    }

    /// Whether the connector's connection resolves. One without any credentials is simply not set up; one
    /// that has them but fails otherwise (a CA bundle that is not there, no base URL) is left out with a
    /// warning on stderr, so a typo does not make it vanish silently.
    private static func isUsable(_ manifest: ConnectorManifest, probe: SwitchyardRuntime, logger: Logger) -> Bool {
        do {
            _ = try probe.connection(for: manifest)
            return true
        } catch {
            let noCredentials = error.kind == .auth && error.details["methods"] != nil
            if !noCredentials {
                let reason = error.message.contains("'\(manifest.name)'") ? error.message : "connector '\(manifest.name)': \(error.message)"
                logger.warning("left out: \(reason)")
            }
            return false
        }
    }

    func stop() async {
        try? await runtime.shutdown()
        try? await sandbox?.shutdown()
    }
}
