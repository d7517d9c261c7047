import Foundation

/// An HTTP proxy from `HTTPS_PROXY` or `HTTP_PROXY`: where it listens and the credentials it wants.
///
/// ```swift
/// let proxy = try ProxyServer(parsing: "http://alice:s3cret@proxy.corp:3128", variable: "HTTPS_PROXY")
/// proxy.description   // "http://proxy.corp:3128" — never the credentials
/// ```
///
/// Requests of both schemes go through a `CONNECT` tunnel, so TLS runs end to end to the server.
public struct ProxyServer: Sendable, Hashable, CustomStringConvertible {
    public let host: String
    public let port: Int
    /// Sent as `Proxy-Authorization: Basic …`; percent-decoded from the URL's user info.
    let username: String?
    let password: String?

    /// Parses `http://[user:password@]host[:port][/]` or a bare `host[:port]`; the port defaults to 1080, as in curl.
    /// `variable` names the source in errors, which never repeat the URL (it may hold a password).
    public init(parsing text: String, variable: String) throws(ExecutionError) {
        var rest = Substring(text.trimmingCharacters(in: .whitespaces))
        if let schemeEnd = rest.range(of: "://") {
            let scheme = rest[..<schemeEnd.lowerBound].lowercased()
            guard scheme == "http" else {
                throw ExecutionError(
                    kind: .config,
                    message: "\(variable) names a \(scheme):// proxy; only http:// proxies are supported (HTTPS targets are tunnelled through them with CONNECT)",
                    retryable: false
                )
            }
            rest = rest[schemeEnd.upperBound...]
        }
        if let slash = rest.firstIndex(of: "/") {
            guard rest[slash...].allSatisfy({ $0 == "/" }) else { throw Self.invalid(variable) }
            rest = rest[..<slash]
        }
        var username: String?
        var password: String?
        if let at = rest.lastIndex(of: "@") {
            let userInfo = rest[..<at]
            let parts = userInfo.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
            username = String(parts[0]).removingPercentEncoding ?? String(parts[0])
            password = parts.count > 1 ? (String(parts[1]).removingPercentEncoding ?? String(parts[1])) : ""
            rest = rest[rest.index(after: at)...]
        }
        var host = rest
        var port = 1080
        if let colon = rest.lastIndex(of: ":"), !rest.hasSuffix("]") {
            guard let parsed = Int(rest[rest.index(after: colon)...]), (1...65535).contains(parsed) else { throw Self.invalid(variable) }
            port = parsed
            host = rest[..<colon]
        }
        if host.hasPrefix("["), host.hasSuffix("]") { host = host.dropFirst().dropLast() }
        guard !host.isEmpty, host.allSatisfy({ $0.isLetter || $0.isNumber || "-._:".contains($0) }) else { throw Self.invalid(variable) }
        self.host = host.lowercased()
        self.port = port
        self.username = username
        self.password = password
    }

    public var description: String {
        host.contains(":") ? "http://[\(host)]:\(port)" : "http://\(host):\(port)"
    }

    private static func invalid(_ variable: String) -> ExecutionError {
        ExecutionError(kind: .config, message: "\(variable) is not a proxy URL of the form http://[user:password@]host:port", retryable: false)
    }
}
