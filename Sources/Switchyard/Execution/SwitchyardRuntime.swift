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
    private let connections = Mutex<[String: Connection]>([:])

    public init(
        catalog: ConnectorCatalog,
        settings: RuntimeSettings,
        retryPolicy: RetryPolicy = RetryPolicy(),
        logger: Logger = Logger(label: "switchyard")
    ) {
        self.catalog = catalog
        self.settings = settings
        self.retryPolicy = retryPolicy
        self.logger = logger
        transport = HTTPTransport()
    }

    /// Runs one action and returns its envelope; every failure, from unknown names to network errors,
    /// comes back as a structured error rather than a thrown one. `progress` hears about each page.
    public func execute(_ request: ExecuteRequest, progress: ProgressHandler? = nil) async -> ResultEnvelope {
        let started = ContinuousClock.now
        var meta: JSONObject = [
            "connector": .string(request.connector), "entity": .string(request.entity), "action": .string(request.action),
        ]
        do {
            let (manifest, action) = try catalog.resolve(request)
            let connection = try connection(for: manifest)
            var execution = ActionExecution(
                runtime: self, manifest: manifest, entityName: request.entity, action: action,
                connection: connection, deadline: started + retryPolicy.deadline, progress: progress
            )
            var result = try await execution.run(params: request.params)
            meta.merge(result.meta)
            meta["duration_ms"] = .number(JSONNumber(started.duration(to: .now).milliseconds))
            result = ExecutionResult(status: result.status, data: result.data, next: result.next, truncated: result.truncated, meta: meta)
            logger.debug("execute \(request.connector) \(request.entity) \(request.action): ok \(result.status)")
            return .success(result)
        } catch {
            meta["duration_ms"] = .number(JSONNumber(started.duration(to: .now).milliseconds))
            logger.debug("execute \(request.connector) \(request.entity) \(request.action): \(error.kind.rawValue)")
            return .failure(error, meta: meta)
        }
    }

    /// The resolved connection of a connector, computed once.
    public func connection(for manifest: ConnectorManifest) throws(ExecutionError) -> Connection {
        if let cached = connections.withLock({ $0[manifest.name] }) { return cached }
        let resolved = try ConnectionResolver.resolve(manifest, settings: settings)
        connections.withLock { $0[manifest.name] = resolved }
        return resolved
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
