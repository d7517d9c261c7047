import Foundation
import Logging
import NIOCore
import Synchronization

/// The runtime an agent embeds: it knows the connectors, resolves their connections, and executes actions
/// over one shared HTTP client.
///
/// ```swift
/// let runtime = SwitchyardRuntime(catalog: .load(directories: ["manifests"]),
///                                 settings: RuntimeSettings(environment: ProcessInfo.processInfo.environment))
/// let envelope = await runtime.execute(ExecuteRequest(connector: "jira", entity: "issues", action: "search",
///                                                     params: ["jql": "project = DEMO", "limit": 10]))
/// print(envelope.json.serialized())
/// try await runtime.shutdown()
/// ```
public final class SwitchyardRuntime: Sendable {
    public let catalog: ConnectorCatalog
    public let settings: RuntimeSettings
    public let retryPolicy: RetryPolicy
    let transport: HTTPTransport
    let logger: Logger
    let confirmationTokens: ConfirmationTokens
    let audit: AuditLog?
    private let connections = Mutex<[String: Connection]>([:])
    /// Each connector's site (base URL and transport security) without a credential, for callers that bring
    /// their own (``CallerIdentity``).
    private let sites = Mutex<[String: Connection]>([:])
    private let limiters = Mutex<[String: RateLimiter]>([:])
    /// The project or space filters the environment sets, per connector.
    let scopeFilters: [String: ScopeFilter]

    public init(
        catalog: ConnectorCatalog,
        settings: RuntimeSettings,
        retryPolicy: RetryPolicy = RetryPolicy(),
        confirmationTokens: ConfirmationTokens = ConfirmationTokens(),
        audit: AuditLog? = nil,
        logger: Logger = Logger(label: "switchyard")
    ) {
        self.catalog = catalog
        self.settings = settings
        self.retryPolicy = retryPolicy
        self.logger = logger
        self.audit = audit
        scopeFilters = Dictionary(uniqueKeysWithValues: catalog.connectors.compactMap { manifest in
            manifest.scope.flatMap { ScopeFilter(spec: $0, environment: settings.environment) }.map { (manifest.name, $0) }
        })
        self.confirmationTokens = confirmationTokens
        transport = HTTPTransport(proxies: ProxySettings(environment: settings.environment))
    }

    /// Runs one action and returns its envelope; every failure, from unknown names to network errors,
    /// comes back as a structured error rather than a thrown one. `progress` hears about each page.
    public func execute(_ request: ExecuteRequest, progress: ProgressHandler? = nil) async -> ResultEnvelope {
        let started = ContinuousClock.now
        var meta: JSONObject = [
            "connector": .string(request.connector), "entity": .string(request.entity), "action": .string(request.action),
        ]
        var facts = ExecutionFacts()
        let envelope: ResultEnvelope
        do throws(ExecutionError) {
            let (manifest, action) = try catalog.resolve(request)
            let connection = try connection(for: manifest)
            var execution = ActionExecution(
                runtime: self, manifest: manifest, entityName: request.entity, action: action,
                connection: connection, started: started, progress: progress
            )
            do {
                var result = try await execution.run(params: request.params)
                facts = execution.facts
                meta.merge(result.meta)
                meta["duration_ms"] = .number(JSONNumber(started.duration(to: .now).milliseconds))
                result.meta = meta
                envelope = .success(result)
            } catch {
                facts = execution.facts
                throw MissingScope.explained(error, action: action, connector: manifest.name, method: connection.schemeID)
            }
        } catch {
            if facts.attempts > 0 { meta["attempts"] = .number(JSONNumber(facts.attempts)) }
            meta["duration_ms"] = .number(JSONNumber(started.duration(to: .now).milliseconds))
            envelope = .failure(error, meta: meta)
        }
        let label = "\(request.connector) \(request.entity) \(request.action)"
        logger.debug("execute \(label): \(envelope.error.map { $0.kind.rawValue } ?? "ok")")
        audit?.record(facts.auditEntry(request: request, outcome: envelope, duration: started.duration(to: .now), time: Date()))
        return envelope
    }

    /// The resolved connection of a connector, computed once: concurrent first calls share one connection,
    /// so an OAuth 2.0 token has exactly one session refreshing it. Inside a ``CallerIdentity``, it is the
    /// server's site with the caller's credential instead, built for this call alone.
    public func connection(for manifest: ConnectorManifest) throws(ExecutionError) -> Connection {
        if let caller = CallerIdentity.current { return try connection(for: manifest, caller: caller) }
        return try connections.withLock { connections throws(ExecutionError) in
            if let cached = connections[manifest.name] { return cached }
            let resolved = try ConnectionResolver.resolve(manifest, settings: settings, transport: transport)
            connections[manifest.name] = resolved
            return resolved
        }
    }

    private func connection(for manifest: ConnectorManifest, caller: CallerIdentity) throws(ExecutionError) -> Connection {
        guard let credential = caller.credential(for: manifest.name) else {
            throw ExecutionError(
                kind: .auth,
                message: "this request carries no credential for connector '\(manifest.name)': send Authorization (Bearer <OAuth access token>, Token <personal access token> or Basic <base64 email:api_token>) or X-Switchyard-Credential-\(manifest.name)",
                details: ["connector": .string(manifest.name)], retryable: false
            )
        }
        let site = try sites.withLock { sites throws(ExecutionError) in
            if let cached = sites[manifest.name] { return cached }
            let resolved = try ConnectionResolver(manifest: manifest, settings: settings, transport: transport).resolveSite()
            sites[manifest.name] = resolved
            return resolved
        }
        return try site.replacing(credential: credential, baseURL: caller.siteURL(for: manifest.name), connector: manifest.name)
    }

    /// The connector's client-side rate limiter, shared by all its calls.
    func rateLimiter(for manifest: ConnectorManifest) -> RateLimiter {
        limiters.withLock { limiters in
            if let existing = limiters[manifest.name] { return existing }
            let limiter = RateLimiter(settings: manifest.rateLimit)
            limiters[manifest.name] = limiter
            return limiter
        }
    }

    public func shutdown() async throws {
        try await transport.shutdown()
    }
}

extension Duration {
    var milliseconds: Int {
        let (seconds, attoseconds) = components
        return Int(seconds) * 1000 + Int(attoseconds / 1_000_000_000_000_000)
    }
}
