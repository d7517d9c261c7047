/// Where and how to reach one connector: its resolved base URL, credential and TLS settings.
public struct Connection: Sendable {
    public let baseURL: String
    public let origin: URLOrigin
    public let credential: Credential
    /// The auth scheme chosen, if any.
    public let schemeID: String?
    /// The CA bundle, client certificate and verification the connector's requests use.
    public let security: TransportSecurity
}

extension Connection {
    /// The same site with another credential, and optionally another base URL (an absolute http(s) URL).
    func replacing(credential: Credential, baseURL newBaseURL: String?, connector: String) throws(ExecutionError) -> Connection {
        guard let newBaseURL else {
            return Connection(baseURL: baseURL, origin: origin, credential: credential, schemeID: "per-request", security: security)
        }
        var trimmed = newBaseURL
        while trimmed.hasSuffix("/") { trimmed.removeLast() }
        guard let origin = URLOrigin(trimmed), !trimmed.contains("?"), !trimmed.contains("#"), !trimmed.contains("@") else {
            throw ExecutionError(kind: .config, message: "the site URL '\(newBaseURL)' given for connector '\(connector)' is not an absolute http(s) URL without query or credentials")
        }
        return Connection(baseURL: trimmed, origin: origin, credential: credential, schemeID: "per-request", security: security)
    }
}
