/// The credentials of the user a call acts for, when a server takes them from each request instead of
/// holding one set for everybody (`switchyard serve --http --auth per-request`).
///
/// It travels as a task-local value: set it around a call, and every request that call makes (pages,
/// prefetches, export reads) is authenticated as that user and nobody else. Nothing of it is cached: each
/// call builds its connections from the server's site settings and the caller's credential.
///
/// ```swift
/// let caller = CallerIdentity(credential: .bearer(token: patFromTheRequest))
/// let envelope = await CallerIdentity.$current.withValue(caller) {
///     await runtime.execute(ExecuteRequest(connector: "jira", entity: "myself", action: "get", params: [:]))
/// }
/// ```
public struct CallerIdentity: Sendable {
    /// The credential for every connector without one of its own.
    public var credential: Credential?
    /// Credentials for particular connectors, by connector name.
    public var connectorCredentials: [String: Credential]
    /// Base URLs for particular connectors (a site the request names), by connector name, or by a name
    /// prefix ending in `*` (`jira*` for Jira Cloud and Data Center alike).
    public var siteURLs: [String: String]

    public init(credential: Credential? = nil, connectorCredentials: [String: Credential] = [:], siteURLs: [String: String] = [:]) {
        self.credential = credential
        self.connectorCredentials = connectorCredentials
        self.siteURLs = siteURLs
    }

    /// Whether it carries any credential at all.
    public var isEmpty: Bool { credential == nil && connectorCredentials.isEmpty }

    /// The credential a call to `connector` uses.
    public func credential(for connector: String) -> Credential? {
        connectorCredentials[connector] ?? credential
    }

    /// The site a call to `connector` goes to, if the request named one.
    public func siteURL(for connector: String) -> String? {
        if let exact = siteURLs[connector] { return exact }
        return siteURLs.first { key, _ in key.hasSuffix("*") && connector.hasPrefix(key.dropLast()) }?.value
    }

    /// The caller of the current task, if the server authenticates per request.
    @TaskLocal public static var current: CallerIdentity?
}
