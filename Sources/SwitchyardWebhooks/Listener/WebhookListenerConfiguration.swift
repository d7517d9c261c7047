import Switchyard

/// What a ``WebhookListener`` binds to and what it accepts.
///
/// ```swift
/// var configuration = WebhookListenerConfiguration(port: 8787, path: "/webhooks/jira")
/// configuration.secret = "s3cret"            // check X-Hub-Signature on every delivery
/// configuration.maxAge = .seconds(300)       // refuse deliveries whose body timestamp is older
/// ```
public struct WebhookListenerConfiguration: Sendable {
    /// The address to bind; loopback unless the deliveries come from another machine.
    public var host: String
    /// The port to bind; 0 picks a free one (``RunningWebhookListener/port`` says which).
    public var port: Int
    /// The one path that takes deliveries; any other answers 404.
    public var path: String
    /// The shared secret deliveries are signed with (`X-Hub-Signature: sha256=<hex>`); `nil` accepts unsigned
    /// deliveries, but only from ``allowedSources``.
    public var secret: String?
    /// The networks an unsigned delivery may come from when there is no ``secret``.
    public var allowedSources: [IPNetwork]
    /// How old (or how far ahead) a body `timestamp` may be; also how long a delivery identifier is remembered.
    public var maxAge: Duration
    /// The largest body accepted; a larger one answers 413.
    public var maxBodyBytes: Int
    /// How many delivery identifiers are remembered at most; the oldest are forgotten first.
    public var ledgerCapacity: Int
    /// Whether each event carries the delivery's whole body as `raw`.
    public var includeRaw: Bool
    /// PEM certificate chain and private key files; both set serves HTTPS.
    public var tls: TLSFiles?

    /// The certificate chain and private key of an HTTPS listener, as PEM file paths.
    public typealias TLSFiles = ServerTLSFiles

    /// Loopback networks: the default ``allowedSources``.
    public static let loopback: [IPNetwork] = ["127.0.0.0/8", "::1/128"].compactMap { IPNetwork(cidr: $0) }

    public init(
        host: String = "127.0.0.1", port: Int = 8787, path: String = "/webhook", secret: String? = nil,
        allowedSources: [IPNetwork] = WebhookListenerConfiguration.loopback, maxAge: Duration = .seconds(300),
        maxBodyBytes: Int = 1 << 20, ledgerCapacity: Int = 10_000, includeRaw: Bool = false, tls: TLSFiles? = nil
    ) {
        self.host = host
        self.port = port
        self.path = path
        self.secret = secret
        self.allowedSources = allowedSources
        self.maxAge = maxAge
        self.maxBodyBytes = maxBodyBytes
        self.ledgerCapacity = ledgerCapacity
        self.includeRaw = includeRaw
        self.tls = tls
    }
}
