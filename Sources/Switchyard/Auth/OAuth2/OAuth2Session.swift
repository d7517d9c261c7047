import Foundation

/// An OAuth 2.0 access token kept fresh: refreshed ahead of expiry and once after a 401, with exactly one
/// refresh in flight however many calls need it, and every rotated refresh token persisted before the new
/// access token is used.
///
/// Atlassian rotates refresh tokens: each refresh returns a new one and invalidates the old, so the new
/// one is written to the ``CredentialStore`` atomically first. `invalid_grant` means the grant is gone; it
/// becomes an auth error telling the user to log in again, and is never retried.
public actor OAuth2Session {
    /// Refresh this long before the access token expires.
    static let expirySkew: TimeInterval = 60

    let connector: String
    let client: OAuth2Client
    let store: CredentialStore?
    private var accessToken: String?
    private var refreshToken: String?
    private var expiresAt: Date?
    private var refreshing: Task<String, any Error>?

    init(connector: String, client: OAuth2Client, accessToken: String?, refreshToken: String?, expiresAt: Date?, store: CredentialStore?) {
        self.connector = connector
        self.client = client
        self.accessToken = accessToken
        self.refreshToken = refreshToken
        self.expiresAt = expiresAt
        self.store = store
    }

    /// A usable access token, refreshing first when it is missing or about to expire.
    func currentToken() async throws(ExecutionError) -> String {
        if let accessToken, !isExpiring { return accessToken }
        return try await refresh()
    }

    /// Called after a 401 with `rejected`: refreshes unless another call already replaced that token.
    func tokenAfterRejection(of rejected: String) async throws(ExecutionError) -> String {
        if let accessToken, accessToken != rejected, !isExpiring { return accessToken }
        return try await refresh()
    }

    private var isExpiring: Bool {
        guard let expiresAt else { return false }
        return expiresAt.timeIntervalSinceNow < Self.expirySkew
    }

    /// One refresh at a time: concurrent callers wait for the same one.
    private func refresh() async throws(ExecutionError) -> String {
        if let refreshing {
            return try await Self.value(of: refreshing)
        }
        guard let refreshToken else {
            throw ExecutionError(
                kind: .auth,
                message: "the OAuth 2.0 access token for '\(connector)' has expired and there is no refresh token; log in again with: switchyard auth login \(connector) --method oauth2",
                retryable: false
            )
        }
        let task = Task { [client, store, connector] in
            let grant = try await client.refresh(refreshToken: refreshToken)
            if let store {
                try store.update(connector: connector) { fields in
                    fields["method"] = fields["method"] ?? "oauth2"
                    fields["access_token"] = grant.accessToken
                    if let rotated = grant.refreshToken { fields["refresh_token"] = rotated }
                    if let expiresAt = grant.expiresAt { fields["expires_at"] = ISO8601DateFormatter().string(from: expiresAt) }
                }
            }
            return grant
        }
        let wrapped = Task { () async throws -> String in
            let grant = try await task.value
            self.accept(grant)
            return grant.accessToken
        }
        refreshing = wrapped
        defer { refreshing = nil }
        return try await Self.value(of: wrapped)
    }

    private func accept(_ grant: OAuth2Grant) {
        accessToken = grant.accessToken
        if let rotated = grant.refreshToken { refreshToken = rotated }
        expiresAt = grant.expiresAt
    }

    private static func value(of task: Task<String, any Error>) async throws(ExecutionError) -> String {
        do {
            return try await task.value
        } catch let error as ExecutionError {
            throw error
        } catch {
            throw ExecutionError(kind: .auth, message: "refreshing the OAuth 2.0 token failed: \(error)", retryable: false)
        }
    }
}
