import Foundation

/// Which requests go through an HTTP proxy, read from the environment as curl reads it.
///
/// `https_proxy`/`HTTPS_PROXY` serve `https://` targets and `http_proxy`/`HTTP_PROXY` serve `http://`
/// targets (the lowercase name wins when both are set); `no_proxy`/`NO_PROXY` lists the hosts that go
/// direct (see ``NoProxyList``). A malformed proxy URL fails each request it would carry with a config
/// error naming the variable.
///
/// ```swift
/// let proxies = ProxySettings(environment: ["HTTPS_PROXY": "http://proxy.corp:3128", "NO_PROXY": ".corp.example"])
/// try proxies.proxy(for: URLOrigin("https://jira.example.com")!)   // http://proxy.corp:3128
/// try proxies.proxy(for: URLOrigin("https://jira.corp.example")!)  // nil: direct
/// ```
public struct ProxySettings: Sendable {
    private let https: Result<ProxyServer, ExecutionError>?
    private let http: Result<ProxyServer, ExecutionError>?
    private let bypass: NoProxyList

    /// No proxy: every request goes direct.
    public static let direct = ProxySettings(environment: [:])

    public init(environment: [String: String]) {
        https = Self.proxy(in: environment, names: ["https_proxy", "HTTPS_PROXY"])
        http = Self.proxy(in: environment, names: ["http_proxy", "HTTP_PROXY"])
        bypass = NoProxyList(Self.value(in: environment, names: ["no_proxy", "NO_PROXY"])?.value ?? "")
    }

    /// Whether no request goes through a proxy, so the transport can skip the lookup.
    public var isDirect: Bool { https == nil && http == nil }

    /// The proxy for a request to `origin`, or `nil` to connect directly.
    public func proxy(for origin: URLOrigin) throws(ExecutionError) -> ProxyServer? {
        guard let choice = origin.scheme == "https" ? https : http else { return nil }
        if bypass.matches(host: origin.host, port: origin.port) { return nil }
        return try choice.get()
    }

    private static func proxy(in environment: [String: String], names: [String]) -> Result<ProxyServer, ExecutionError>? {
        guard let (name, text) = value(in: environment, names: names) else { return nil }
        do {
            return .success(try ProxyServer(parsing: text, variable: name))
        } catch {
            return .failure(error)
        }
    }

    private static func value(in environment: [String: String], names: [String]) -> (name: String, value: String)? {
        for name in names {
            if let text = environment[name], !text.trimmingCharacters(in: .whitespaces).isEmpty { return (name, text) }
        }
        return nil
    }
}
