/// Where and how to reach one connector: its resolved base URL and credential.
public struct Connection: Sendable {
    public let baseURL: String
    public let origin: URLOrigin
    public let credential: Credential
    /// The auth scheme chosen, if any.
    public let schemeID: String?
}
