import AsyncHTTPClient
import NIOCore
import NIOHTTP1
import NIOSSL
import Synchronization

/// The HTTP clients every execute shares, so connections are pooled and reused.
///
/// TLS and proxy settings are fixed per AsyncHTTPClient client, so there is one client per combination in
/// use, created on its first request: without transport settings every request takes the default one
/// (system trust store, direct). A transport that never sends (a server still answering its handshake, a
/// command that only describes) never pays for a client.
///
/// Redirects are not followed here: the executor follows them itself, so credentials never travel to
/// another origin.
public final class HTTPTransport: Sendable {
    /// The default cap on a response body; larger bodies abort the request.
    public static let defaultMaximumBodyBytes = 16 * 1024 * 1024

    /// What one client is set up for.
    private struct ClientKey: Hashable {
        let tls: TLSSettings
        let proxy: ProxyServer?
    }

    private let connectTimeout: TimeAmount
    private let proxies: ProxySettings
    private let clients = Mutex<[ClientKey: HTTPClient]>([:])

    /// A transport whose requests go through the proxies `proxies` names.
    public init(proxies: ProxySettings = .direct, connectTimeout: TimeAmount = .seconds(10)) {
        self.connectTimeout = connectTimeout
        self.proxies = proxies
    }

    /// Sends a request and reads the whole body, failing past `maximumBodyBytes` or after `timeout`.
    public func send(
        _ request: PreparedRequest,
        security: TransportSecurity = .system,
        timeout: TimeAmount,
        maximumBodyBytes: Int = HTTPTransport.defaultMaximumBodyBytes
    ) async throws(ExecutionError) -> HTTPResponse {
        var proxy: ProxyServer?
        if !proxies.isDirect, let url = URLOrigin(request.url) { proxy = try proxies.proxy(for: url) }
        let client = try client(tls: security.tls, proxy: proxy)
        var outgoing = HTTPClientRequest(url: request.url)
        outgoing.method = HTTPMethod(rawValue: request.method.rawValue)
        for header in request.headers {
            outgoing.headers.add(name: header.name, value: header.value)
        }
        if let body = request.body {
            outgoing.body = .bytes(ByteBuffer(bytes: body.bytes))
        }
        do {
            let response = try await client.execute(outgoing, timeout: timeout)
            let body = try await response.body.collect(upTo: maximumBodyBytes)
            return HTTPResponse(
                status: Int(response.status.code),
                headers: response.headers.map { ($0.name, $0.value) },
                body: body
            )
        } catch is NIOTooManyBytesError {
            let origin = Self.origin(of: request)
            throw ExecutionError(
                kind: .upstream,
                message: "the response from \(origin) is larger than the \(maximumBodyBytes)-byte limit; ask for fewer records or fields",
                retryable: false
            )
        } catch {
            throw TransportErrorMapping.executionError(for: error, origin: Self.origin(of: request), proxy: proxy, security: security, timeout: timeout)
        }
    }

    /// The origin errors name: the request's, else its configured base URL.
    private static func origin(of request: PreparedRequest) -> String {
        URLOrigin(request.url)?.description ?? request.baseURL
    }

    public func shutdown() async throws {
        let pooled = clients.withLock { clients in
            defer { clients.removeAll() }
            return Array(clients.values)
        }
        for client in pooled {
            try await client.shutdown()
        }
    }

    /// The client for these settings, made on first use.
    private func client(tls: TLSSettings, proxy: ProxyServer?) throws(ExecutionError) -> HTTPClient {
        let key = ClientKey(tls: tls, proxy: proxy)
        return try clients.withLock { clients throws(ExecutionError) in
            if let existing = clients[key] { return existing }
            let configuration = tls == .system ? nil : try tls.makeConfiguration()
            let client = Self.makeClient(tls: configuration, proxy: proxy, connectTimeout: connectTimeout)
            clients[key] = client
            return client
        }
    }

    private static func makeClient(tls: TLSConfiguration?, proxy: ProxyServer?, connectTimeout: TimeAmount) -> HTTPClient {
        var configuration = HTTPClient.Configuration(
            tlsConfiguration: tls,
            redirectConfiguration: .disallow,
            timeout: .init(connect: connectTimeout, read: nil)
        )
        configuration.httpVersion = .automatic
        // A refused connection should fail now, not after the connect timeout: the executor's retry
        // policy decides what to retry.
        configuration.connectionPool.retryConnectionEstablishment = false
        // No tracer is installed; left at its default (the global no-op tracer), async-http-client would still
        // open a span and compute its attributes on every request, 2–4% of a replica's CPU under load (perf).
        configuration.tracing.tracer = nil
        if let proxy {
            let authorization = proxy.username.map { HTTPClient.Authorization.basic(username: $0, password: proxy.password ?? "") }
            configuration.proxy = .server(host: proxy.host, port: proxy.port, authorization: authorization)
        }
        return HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
    }
}
