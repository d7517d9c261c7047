import NIOCore
import NIOHTTP1
import NIOPosix
import NIOSSL

/// A fake Jira Cloud and Confluence Cloud on loopback, speaking the real REST paths, envelopes and
/// error bodies, with deterministic seed data and fault injection. Jira Data Center answers under the `/jira`
/// context path and Confluence Data Center with no context path.
///
/// ```swift
/// let server = try await SandboxServer.start()              // a free port on 127.0.0.1
/// // GET \(server.baseURL)/rest/api/3/issue/DEMO-1 with SandboxCredentials.basicAuthorization
/// server.faults.inject(SandboxFault(.status(429, headers: ["Retry-After": "1"]), pathPrefix: "/rest/api/3/search"))
/// server.recordedRequests().last?.uri                       // what the client actually sent
/// try await server.shutdown()
/// ```
public final class SandboxServer: Sendable {
    /// The port the server listens on.
    public let port: Int
    /// `http://HOST:PORT` (`https://` with TLS), without a trailing slash; `self` links in responses start with it.
    public let baseURL: String

    private let application: SandboxApplication
    private let channel: any Channel
    private let isShutDown = Locked(false)

    private init(
        port: Int,
        baseURL: String,
        application: SandboxApplication,
        channel: any Channel
    ) {
        self.port = port
        self.baseURL = baseURL
        self.application = application
        self.channel = channel
    }

    /// Starts listening on `host:port`; port 0 picks a free port. With `tls` it speaks HTTPS only, and
    /// with the TLS settings' client CA it completes only handshakes that present a certificate that CA issued.
    /// `seedIssues` adds that many generated issues to the DATA project (DATA-1…), for load tests.
    public static func start(host: String = "127.0.0.1", port: Int = 0, tls: SandboxTLS? = nil, seedIssues: Int = 0) async throws -> SandboxServer {
        let application = SandboxApplication(bulkIssues: seedIssues)
        let urlHost = Self.urlHost(for: host)
        let sslContext = try tls.map { try $0.makeContext() }
        let scheme = tls == nil ? "http" : "https"
        // The process-wide group: many sandboxes (one per test) share its threads, and none ever shuts it
        // down under another's feet.
        let bootstrap = ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.backlog, value: 1_024)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
            .childChannelOption(.maxMessagesPerRead, value: 16)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    if let sslContext {
                        try channel.pipeline.syncOperations.addHandler(NIOSSLServerHandler(context: sslContext))
                    }
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline(withErrorHandling: true)
                    let handler = SandboxHTTPHandler(application: application, urlHost: urlHost, scheme: scheme)
                    try channel.pipeline.syncOperations.addHandler(handler)
                }
            }
        let channel = try await bootstrap.bind(host: host, port: port).get()
        let boundPort = channel.localAddress?.port ?? port
        return SandboxServer(port: boundPort, baseURL: "\(scheme)://\(urlHost):\(boundPort)", application: application, channel: channel)
    }

    /// Fault injection for requests to come; thread-safe.
    public var faults: SandboxFaults { application.faults }

    /// The OAuth 2.0 (3LO) authorization server: token lifetime, forced expiry, site count and call counts.
    public var oauth: SandboxOAuth { application.oauth }

    /// Server / Data Center browser sessions (`JSESSIONID` cookies); expire them to get the login page.
    public var sessions: SandboxSessions { application.sessions }

    /// Every request received so far (control endpoints excepted), in arrival order.
    public func recordedRequests() -> [SandboxRequest] {
        application.log.all
    }

    /// Every request received so far with its answer, when ``recordsResponses`` was on as it was answered.
    public func recordedExchanges() -> [SandboxExchange] {
        application.log.exchanges
    }

    /// Whether ``recordedExchanges()`` keeps response bodies; off by default to keep long runs small.
    public var recordsResponses: Bool {
        get { application.log.keepsResponses }
        set { application.log.keepsResponses = newValue }
    }

    public func clearRecordedRequests() {
        application.log.clear()
    }

    /// Restores the seed data and clears the request log and pending faults, as `POST /__sandbox/reset` does.
    public func reset() {
        application.store.reset()
        application.faults.clear()
        application.log.clear()
    }

    /// Stops listening. Connections clients still hold are closed as they go idle or their clients shut
    /// down; the shared event loop threads keep running. Calling it again does nothing.
    public func shutdown() async throws {
        let alreadyShutDown = isShutDown.withLock { isShutDown in
            defer { isShutDown = true }
            return isShutDown
        }
        guard !alreadyShutDown else { return }
        try? await channel.close()
    }

    /// How links name a listening host: wildcard addresses become loopback, IPv6 gets brackets.
    private static func urlHost(for host: String) -> String {
        switch host {
        case "0.0.0.0": "127.0.0.1"
        case "::", "[::]": "[::1]"
        case _ where host.contains(":") && !host.hasPrefix("["): "[\(host)]"
        default: host
        }
    }
}
