import Switchyard

/// What ``MCPHTTPServer`` binds to and what it accepts.
///
/// The defaults are the safe ones: loopback only, browser origins only from loopback pages, bodies up to
/// 4 MiB, idle connections closed after a minute.
///
/// ```swift
/// var configuration = HTTPServeConfiguration(host: "0.0.0.0", port: 8080)
/// configuration.allowedOrigins = ["https://agents.example.com"]
/// configuration.drainTimeout = .seconds(20)
/// ```
public struct HTTPServeConfiguration: Sendable {
    /// The address to bind; loopback unless clients connect from other machines.
    public var host: String
    /// The port to bind; 0 picks a free one.
    public var port: Int
    /// The MCP endpoint's path.
    public var path: String
    /// Browser origins allowed besides loopback pages (`http://localhost:*`, `http://127.0.0.1:*`), exactly as
    /// a browser sends them (`https://app.example.com`); `*` allows any. A request with another `Origin` gets 403.
    public var allowedOrigins: [String]
    /// The largest request body; a larger one gets 413.
    public var maxBodyBytes: Int
    /// How long a connection may sit with nothing read or written (a client that stalls sending its headers
    /// included) before it is closed.
    public var idleTimeout: Duration
    /// How long requests in flight may take to finish after SIGTERM before they are cancelled.
    public var drainTimeout: Duration
    /// No `Mcp-Session-Id`: every request stands alone, so any replica can answer any request.
    public var stateless: Bool
    /// The most sessions remembered; the least recently used is forgotten first (its client gets 404 and
    /// starts a new one, as the transport specifies).
    public var sessionCapacity: Int
    /// PEM certificate chain and private key files; both set serves HTTPS.
    public var tls: TLSFiles?
    /// Whose credentials calls use: the server's own, or each request's.
    public var auth: AuthMode
    /// Host patterns (`*.atlassian.net`) a request may name as its site in `X-Atlassian-Jira-Url` and the
    /// like; `nil` takes no site from requests.
    public var siteHeaderHosts: [String]?
    /// OAuth 2.0 authorization servers named in the Protected Resource Metadata (RFC 9728).
    public var authorizationServers: [String]
    /// Keys a request must present first; `nil` asks for none.
    public var apiKeys: APIKeys?

    /// Whose credentials the server's calls use.
    public enum AuthMode: String, Sendable, CaseIterable {
        /// One server-wide credential from the environment, config or credential store, as over stdio.
        case server
        /// Each HTTP request carries its user's credential; a request without one gets 401.
        case perRequest = "per-request"
    }

    /// The certificate chain and private key of an HTTPS server, as PEM file paths.
    public typealias TLSFiles = ServerTLSFiles

    public static let defaultMaxBodyBytes = 4 << 20

    public init(
        host: String = "127.0.0.1", port: Int = 8080, path: String = "/mcp", allowedOrigins: [String] = [],
        maxBodyBytes: Int = HTTPServeConfiguration.defaultMaxBodyBytes, idleTimeout: Duration = .seconds(60),
        drainTimeout: Duration = .seconds(30), stateless: Bool = false, sessionCapacity: Int = 10_000, tls: TLSFiles? = nil,
        auth: AuthMode = .server, siteHeaderHosts: [String]? = nil, authorizationServers: [String] = [], apiKeys: APIKeys? = nil
    ) {
        self.host = host
        self.port = port
        self.path = path
        self.allowedOrigins = allowedOrigins
        self.maxBodyBytes = maxBodyBytes
        self.idleTimeout = idleTimeout
        self.drainTimeout = drainTimeout
        self.stateless = stateless
        self.sessionCapacity = sessionCapacity
        self.tls = tls
        self.auth = auth
        self.siteHeaderHosts = siteHeaderHosts
        self.authorizationServers = authorizationServers
        self.apiKeys = apiKeys
    }

    /// `[HOST:]PORT` as `--http` takes it: `8080`, `0.0.0.0:8080`, `[::1]:8080`.
    public static func parseAddress(_ text: String) -> (host: String, port: Int)? {
        var host = "127.0.0.1"
        var portText = Substring(text)
        if text.hasPrefix("[") {
            guard let close = text.firstIndex(of: "]"), text[text.index(after: close)...].hasPrefix(":") else { return nil }
            host = String(text[text.index(after: text.startIndex)..<close])
            portText = text[text.index(close, offsetBy: 2)...]
        } else if let colon = text.lastIndex(of: ":") {
            guard !text[..<colon].contains(":") else { return nil }
            host = String(text[..<colon])
            portText = text[text.index(after: colon)...]
        }
        guard !host.isEmpty, let port = Int(portText), (0...65535).contains(port) else { return nil }
        return (host, port)
    }

    /// Whether the server listens on loopback only, so only loopback `Host` names can reach it.
    var bindsLoopback: Bool {
        host == "localhost" || host == "::1" || host.hasPrefix("127.")
    }
}
