import Foundation

/// Where server-held OAuth 2.0 tokens live when several replicas share them, so that a rotating refresh
/// token is used by exactly one of them at a time (`switchyard serve --state postgres://…`).
///
/// Atlassian invalidates a refresh token the moment it is used. Replicas that each refreshed on their own
/// would burn the token for each other; with a shared store, a refresh runs under a lock every replica
/// honours, and a replica that waited for the lock finds the new token instead of refreshing again.
///
/// ```swift
/// let record = try await store.update(key: "jira|https://auth.atlassian.com/oauth/token") { current in
///     current.accessToken == rejected ? try await refreshed(current) : nil   // nil: keep what is stored
/// }
/// ```
public protocol SharedTokenStore: Sendable {
    /// The stored tokens of `key`; when there are none yet, `seed` (the tokens this replica started with)
    /// is stored and returned.
    func load(key: String, seed: SharedTokenRecord) async throws(ExecutionError) -> SharedTokenRecord

    /// Calls `change` with the stored tokens while holding the key's lock across all replicas, stores what
    /// it returns (`nil` keeps the stored tokens), and returns the tokens stored afterwards.
    func update(
        key: String, _ change: @escaping @Sendable (SharedTokenRecord) async throws(ExecutionError) -> SharedTokenRecord?
    ) async throws(ExecutionError) -> SharedTokenRecord
}

/// The OAuth 2.0 tokens of one connector and authorization server, as a shared store keeps them.
public struct SharedTokenRecord: Sendable, Equatable {
    public var accessToken: String?
    public var refreshToken: String?
    public var expiresAt: Date?

    public init(accessToken: String?, refreshToken: String?, expiresAt: Date?) {
        self.accessToken = accessToken
        self.refreshToken = refreshToken
        self.expiresAt = expiresAt
    }
}
