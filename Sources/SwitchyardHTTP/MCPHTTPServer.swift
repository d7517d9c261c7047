import Hummingbird
import HummingbirdCore
import HummingbirdTLS
import Logging
import NIOCore
import ServiceLifecycle
import Switchyard
import SwitchyardServer
import UnixSignals

/// `switchyard serve --http`: MCP over Streamable HTTP, with the native describe/execute/search methods on
/// the same endpoint, health and readiness probes, and Prometheus metrics.
///
/// Served by Hummingbird 2 inside a swift-service-lifecycle group: on SIGTERM or SIGINT (or ``RunningMCPHTTPServer/stop()``)
/// `/readyz` turns 503, the server stops accepting, requests in flight get up to
/// ``HTTPServeConfiguration/drainTimeout`` to finish, then it returns.
///
/// ```swift
/// let server = MCPHTTPServer(session: ServerSession(runtime: runtime, configuration: ServeConfiguration()),
///                            configuration: HTTPServeConfiguration(port: 0))
/// let running = try await server.start()
/// print(running.url)     // http://127.0.0.1:49152/mcp
/// await running.stop()
/// ```
public struct MCPHTTPServer: Sendable {
    public let configuration: HTTPServeConfiguration
    public let metrics: ServerMetrics
    private let session: ServerSession
    private let logger: Logger

    public init(session: ServerSession, configuration: HTTPServeConfiguration, metrics: ServerMetrics = ServerMetrics(), logger: Logger = Logger(label: "switchyard.http")) {
        self.session = session
        self.configuration = configuration
        self.metrics = metrics
        self.logger = logger
    }

    /// Binds the port and serves in the background. `shutdownSignals` start a graceful shutdown too (the
    /// CLI passes SIGTERM and SIGINT; tests pass none and call ``RunningMCPHTTPServer/stop()``).
    public func start(shutdownSignals: [UnixSignal] = []) async throws(HTTPServeError) -> RunningMCPHTTPServer {
        let readiness = Readiness()
        let responder = MCPHTTPResponder(
            session: session, configuration: configuration,
            origins: OriginPolicy(allowedOrigins: configuration.allowedOrigins, loopbackOnly: configuration.bindsLoopback),
            sessions: HTTPSessionTable(capacity: configuration.sessionCapacity), readiness: readiness, metrics: metrics,
            credentials: CallerCredentials(siteHosts: configuration.siteHeaderHosts), failures: FailureLimiter()
        )
        let (started, startedContinuation) = AsyncStream<Result<Int, HTTPServeError>>.makeStream()
        let application = Application(
            responder: responder,
            server: try makeServerBuilder(),
            configuration: ApplicationConfiguration(address: .hostname(configuration.host, port: configuration.port), serverName: "switchyard"),
            onServerRunning: { channel in
                startedContinuation.yield(.success(channel.localAddress?.port ?? 0))
            },
            logger: Logger(label: "switchyard.http.server") { _ in SwiftLogNoOpLogHandler() }
        )
        var groupConfiguration = ServiceGroupConfiguration(
            services: [
                .init(service: application),
                .init(service: DrainWatcher(readiness: readiness), successTerminationBehavior: .ignore),
            ],
            gracefulShutdownSignals: shutdownSignals, logger: Logger(label: "switchyard.http.lifecycle") { _ in SwiftLogNoOpLogHandler() }
        )
        groupConfiguration.maximumGracefulShutdownDuration = configuration.drainTimeout
        let group = ServiceGroup(configuration: groupConfiguration)
        let (host, port) = (configuration.host, configuration.port)
        let task = Task {
            do {
                try await group.run()
            } catch {
                startedContinuation.yield(.failure(.bind(host: host, port: port, reason: String(describing: error))))
            }
            startedContinuation.finish()
        }
        let session = session
        Task {
            do {
                try await session.waitUntilLoaded()
                readiness.markLoaded()
            } catch {
                readiness.markFailed((error as? ExecutionError)?.message ?? "\(error)")
            }
        }
        for await outcome in started {
            switch outcome {
            case .success(let boundPort):
                return RunningMCPHTTPServer(configuration: configuration, port: boundPort, group: group, task: task)
            case .failure(let error):
                throw error
            }
        }
        throw .bind(host: host, port: port, reason: "the server stopped before it was listening")
    }

    private func makeServerBuilder() throws(HTTPServeError) -> HTTPServerBuilder {
        let http1 = HTTP1Channel.Configuration(idleTimeout: TimeAmount.nanoseconds(Int64(configuration.idleTimeout.components.seconds) * 1_000_000_000 + configuration.idleTimeout.components.attoseconds / 1_000_000_000))
        guard let tls = configuration.tls else { return .http1(configuration: http1) }
        do {
            return try .tls(.http1(configuration: http1), tlsConfiguration: try tls.configuration())
        } catch let error as ExecutionError {
            throw .tls(certificatePath: tls.certificatePath, privateKeyPath: tls.privateKeyPath, reason: error.message)
        } catch {
            throw .tls(certificatePath: tls.certificatePath, privateKeyPath: tls.privateKeyPath, reason: String(describing: error))
        }
    }
}

/// A server that is serving; ``stop()`` shuts it down gracefully.
public struct RunningMCPHTTPServer: Sendable {
    public let configuration: HTTPServeConfiguration
    /// The bound port (the one picked when the configuration said 0).
    public let port: Int
    private let group: ServiceGroup
    private let task: Task<Void, Never>

    init(configuration: HTTPServeConfiguration, port: Int, group: ServiceGroup, task: Task<Void, Never>) {
        self.configuration = configuration
        self.port = port
        self.group = group
        self.task = task
    }

    /// The MCP endpoint: scheme, host, port and path.
    public var url: String {
        let scheme = configuration.tls == nil ? "http" : "https"
        let host = configuration.host.contains(":") ? "[\(configuration.host)]" : configuration.host
        return "\(scheme)://\(host):\(port)\(configuration.path)"
    }

    /// Stops accepting, lets requests in flight finish (within the drain timeout), and returns once the
    /// port is closed.
    public func stop() async {
        await group.triggerGracefulShutdown()
        await task.value
    }

    /// Serves until a shutdown signal (or ``stop()``) has drained the server.
    public func wait() async {
        await task.value
    }
}

/// Why the HTTP server could not start, naming the option to change.
public enum HTTPServeError: Error, Sendable, CustomStringConvertible {
    /// The address could not be bound (`--http`).
    case bind(host: String, port: Int, reason: String)
    /// The certificate or key could not be loaded (`--tls-cert`/`--tls-key`).
    case tls(certificatePath: String, privateKeyPath: String, reason: String)
    /// The API key file is unreadable or malformed (`--api-keys`).
    case apiKeys(path: String, problem: String)

    public var description: String {
        switch self {
        case .bind(let host, let port, let reason):
            "cannot listen on \(host):\(port) (--http): \(reason)"
        case .tls(let certificatePath, let privateKeyPath, let reason):
            "cannot load --tls-cert \(certificatePath) / --tls-key \(privateKeyPath): \(reason)"
        case .apiKeys(let path, let problem):
            "--api-keys \(path): \(problem)"
        }
    }
}
