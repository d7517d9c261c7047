import Hummingbird
import HummingbirdCore
import HummingbirdTLS
import Logging
import NIOCore
import Switchyard

/// An HTTP(S) endpoint that receives Jira Cloud, Jira Data Center and Confluence webhook deliveries, checks
/// each (``WebhookIntake``) and hands every accepted one on as a ``WebhookEvent``.
///
/// Served by Hummingbird 2; ``start()`` returns once the port is bound.
///
/// ```swift
/// let listener = WebhookListener(configuration: WebhookListenerConfiguration(port: 0, secret: "s3cret")) { event in
///     print(event.line)
/// }
/// let running = try await listener.start()
/// print(running.url)          // http://127.0.0.1:49152/webhook
/// await running.stop()
/// ```
public struct WebhookListener: Sendable {
    public let configuration: WebhookListenerConfiguration
    private let onEvent: @Sendable (WebhookEvent) async -> Void
    private let onRejection: @Sendable (WebhookRejection, RejectedDelivery) -> Void

    /// - Parameters:
    ///   - onRejection: told about every refused delivery, for a log line; it never sees the body.
    ///   - onEvent: called once per accepted delivery before the sender gets its 200; keep it short.
    public init(
        configuration: WebhookListenerConfiguration,
        onRejection: @escaping @Sendable (WebhookRejection, RejectedDelivery) -> Void = { _, _ in },
        onEvent: @escaping @Sendable (WebhookEvent) async -> Void
    ) {
        self.configuration = configuration
        self.onEvent = onEvent
        self.onRejection = onRejection
    }

    /// Binds the port and serves in the background until ``RunningWebhookListener/stop()``.
    public func start() async throws(WebhookListenerError) -> RunningWebhookListener {
        let server = try makeServerBuilder()
        let (started, startedContinuation) = AsyncStream<Result<Int, WebhookListenerError>>.makeStream()
        let application = Application(
            responder: WebhookResponder(intake: WebhookIntake(configuration: configuration), onEvent: onEvent, onRejection: onRejection),
            server: server,
            configuration: ApplicationConfiguration(address: .hostname(configuration.host, port: configuration.port)),
            onServerRunning: { channel in
                startedContinuation.yield(.success(channel.localAddress?.port ?? 0))
            },
            logger: Logger(label: "switchyard.webhooks") { _ in SwiftLogNoOpLogHandler() }
        )
        let host = configuration.host
        let port = configuration.port
        let task = Task {
            do {
                try await application.run()
            } catch {
                startedContinuation.yield(.failure(.bind(host: host, port: port, reason: String(describing: error))))
            }
            startedContinuation.finish()
        }
        for await outcome in started {
            switch outcome {
            case .success(let boundPort):
                return RunningWebhookListener(configuration: configuration, port: boundPort, task: task)
            case .failure(let error):
                throw error
            }
        }
        throw .bind(host: host, port: port, reason: "the server stopped before it was listening")
    }

    private func makeServerBuilder() throws(WebhookListenerError) -> HTTPServerBuilder {
        guard let tls = configuration.tls else { return .http1() }
        do {
            return try .tls(.http1(), tlsConfiguration: try tls.configuration())
        } catch let error as ExecutionError {
            throw .tls(certificatePath: tls.certificatePath, privateKeyPath: tls.privateKeyPath, reason: error.message)
        } catch {
            throw .tls(certificatePath: tls.certificatePath, privateKeyPath: tls.privateKeyPath, reason: String(describing: error))
        }
    }
}

/// A listener that is serving; ``stop()`` closes it.
public struct RunningWebhookListener: Sendable {
    public let configuration: WebhookListenerConfiguration
    /// The bound port (the one picked when the configuration said 0).
    public let port: Int
    private let task: Task<Void, Never>

    init(configuration: WebhookListenerConfiguration, port: Int, task: Task<Void, Never>) {
        self.configuration = configuration
        self.port = port
        self.task = task
    }

    /// Where senders deliver: scheme, host, port and path.
    public var url: String {
        let scheme = configuration.tls == nil ? "http" : "https"
        let host = configuration.host.contains(":") ? "[\(configuration.host)]" : configuration.host
        return "\(scheme)://\(host):\(port)\(configuration.path)"
    }

    /// Stops accepting, lets requests in flight finish, and returns once the port is closed.
    public func stop() async {
        task.cancel()
        await task.value
    }

    /// Serves until the surrounding task is cancelled, then stops.
    public func wait() async {
        await withTaskCancellationHandler {
            await task.value
        } onCancel: {
            task.cancel()
        }
    }
}

/// Why a listener could not start, naming the option to change.
public enum WebhookListenerError: Error, Sendable, CustomStringConvertible {
    /// The address could not be bound (`--host`/`--port`).
    case bind(host: String, port: Int, reason: String)
    /// The certificate or key could not be loaded (`--tls-cert`/`--tls-key`).
    case tls(certificatePath: String, privateKeyPath: String, reason: String)

    public var description: String {
        switch self {
        case .bind(let host, let port, let reason):
            "cannot listen on \(host):\(port) (--host/--port): \(reason)"
        case .tls(let certificatePath, let privateKeyPath, let reason):
            "cannot load --tls-cert \(certificatePath) / --tls-key \(privateKeyPath): \(reason)"
        }
    }
}
