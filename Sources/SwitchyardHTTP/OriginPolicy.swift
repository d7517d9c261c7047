/// DNS-rebinding protection: which `Origin` and `Host` headers a request may carry.
///
/// A browser page may only talk to the server when its origin is a loopback page or listed in
/// `--allowed-origins`; clients that are not browsers send no `Origin` and pass. A server bound to loopback
/// also refuses any `Host` that is not a loopback name, so a rebound public DNS name cannot reach it.
///
/// ```swift
/// let policy = OriginPolicy(allowedOrigins: ["https://agents.example.com"], loopbackOnly: true)
/// policy.refusal(origin: "https://evil.example", host: "127.0.0.1:8080")   // .origin("https://evil.example")
/// ```
struct OriginPolicy: Sendable {
    /// Why a request was refused.
    enum Refusal: Equatable {
        case origin(String)
        case host(String)
    }

    let allowedOrigins: Set<String>
    let allowsAnyOrigin: Bool
    let loopbackOnly: Bool

    init(allowedOrigins: [String], loopbackOnly: Bool) {
        self.allowedOrigins = Set(allowedOrigins.map(Self.normalized))
        allowsAnyOrigin = allowedOrigins.contains("*")
        self.loopbackOnly = loopbackOnly
    }

    /// `nil` when the request may proceed.
    func refusal(origin: String?, host: String?) -> Refusal? {
        if loopbackOnly, let host, !Self.isLoopback(hostname: Self.hostname(ofAuthority: host)) {
            return .host(host)
        }
        guard let origin else { return nil }
        if allowsAnyOrigin || allowedOrigins.contains(Self.normalized(origin)) { return nil }
        let parts = origin.split(separator: "://", maxSplits: 1)
        if parts.count == 2, ["http", "https"].contains(parts[0].lowercased()), Self.isLoopback(hostname: Self.hostname(ofAuthority: String(parts[1]))) {
            return nil
        }
        return .origin(origin)
    }

    private static func normalized(_ origin: String) -> String {
        var text = origin.lowercased()
        while text.hasSuffix("/") { text.removeLast() }
        return text
    }

    /// The host name of `host[:port]` or `[v6]:port`.
    private static func hostname(ofAuthority authority: String) -> String {
        if authority.hasPrefix("["), let close = authority.firstIndex(of: "]") {
            return String(authority[authority.index(after: authority.startIndex)..<close])
        }
        return String(authority.split(separator: ":", maxSplits: 1).first ?? "").lowercased()
    }

    private static func isLoopback(hostname: String) -> Bool {
        hostname == "localhost" || hostname == "::1" || hostname.hasPrefix("127.")
    }
}
