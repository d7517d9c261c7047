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
