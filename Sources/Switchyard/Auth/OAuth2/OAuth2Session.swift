import Foundation

/// An OAuth 2.0 access token kept fresh: refreshed ahead of expiry and once after a 401, with exactly one
/// refresh in flight however many calls need it, and every rotated refresh token persisted before the new
/// access token is used.
///
/// Atlassian rotates refresh tokens: each refresh returns a new one and invalidates the old, so the new
/// one is written to the ``CredentialStore`` atomically first, with the ``RefreshTokenChain`` fields that let
/// the next start prefer it over a supplied token it was rotated from. `invalid_grant` means the grant is
/// gone; it becomes an auth error telling the user to log in again, and is never retried.
///
/// With a ``SharedTokenStore`` (replicas sharing one grant), the tokens live there instead: the first use
/// reads them, and a refresh runs under the store's lock, so across all replicas one refresh happens per
/// expiry, and a replica that waited finds the fresh token rather than spending the rotated refresh token.
public actor OAuth2Session {
    /// Refresh this long before the access token expires.
    static let expirySkew: TimeInterval = 60

    let connector: String
    let client: OAuth2Client
    let store: CredentialStore?
    let shared: SharedTokenBinding?
    /// Where the refresh token in use at start came from, for `auth status`.
    nonisolated let initialSource: RefreshTokenChain.Source?
    private var chain: RefreshTokenChain
    private var accessToken: String?
    private var expiresAt: Date?
    private var refreshing: Task<String, any Error>?
    /// Whether the shared store has been read yet.
    private var sharedLoaded = false

    init(connector: String, client: OAuth2Client, chain: RefreshTokenChain, store: CredentialStore?, shared: SharedTokenBinding? = nil) {
        self.connector = connector
        self.client = client
        self.chain = chain
        self.accessToken = chain.accessToken
        self.expiresAt = chain.expiresAt
        self.initialSource = chain.source
        self.store = store
        self.shared = shared
    }

    /// A usable access token, refreshing first when it is missing or about to expire.
    func currentToken() async throws(ExecutionError) -> String {
        try await loadShared()
        if let accessToken, !isExpiring { return accessToken }
        return try await refresh(rejected: accessToken)
    }

    /// Called after a 401 with `rejected`: refreshes unless another call already replaced that token.
    func tokenAfterRejection(of rejected: String) async throws(ExecutionError) -> String {
        try await loadShared()
        if let accessToken, accessToken != rejected, !isExpiring { return accessToken }
        return try await refresh(rejected: rejected)
    }

    private var isExpiring: Bool {
        Self.isExpiring(expiresAt)
    }

    private static func isExpiring(_ expiresAt: Date?) -> Bool {
        guard let expiresAt else { return false }
        return expiresAt.timeIntervalSinceNow < expirySkew
    }

    /// Reads the shared tokens once, storing this replica's own as the first ones when there are none.
    private func loadShared() async throws(ExecutionError) {
        guard let shared, !sharedLoaded else { return }
        let record = try await shared.store.load(
            key: shared.key, seed: SharedTokenRecord(accessToken: chain.accessToken, refreshToken: chain.refreshToken, expiresAt: chain.expiresAt)
        )
        sharedLoaded = true
        accessToken = record.accessToken
        expiresAt = record.expiresAt
    }

    /// One refresh at a time: concurrent callers wait for the same one.
    private func refresh(rejected: String?) async throws(ExecutionError) -> String {
        if let refreshing {
            return try await Self.value(of: refreshing)
        }
        if let shared {
            let task = Task { [client, connector] in
                try await Self.sharedRefresh(shared, rejected: rejected, client: client, connector: connector)
            }
            let wrapped = Task { () async throws -> String in
                let record = try await task.value
                self.accept(record)
                return record.accessToken ?? ""
            }
            refreshing = wrapped
            defer { refreshing = nil }
            return try await Self.value(of: wrapped)
        }
        guard let refreshToken = chain.refreshToken else {
            throw ExecutionError(
                kind: .auth,
                message: "the OAuth 2.0 access token for '\(connector)' has expired and there is no refresh token; log in again with: switchyard auth login \(connector) --method oauth2",
                retryable: false
            )
        }
        let task = Task { [client, store, connector, chain] in
            let grant = try await Self.grant(
                refreshing: refreshToken, client: client, connector: connector, described: chain.source?.description ?? "refresh token ****"
            )
            let (next, fields) = chain.advanced(by: grant)
            if let store {
                try store.update(connector: connector) { stored in
                    stored["method"] = stored["method"] ?? "oauth2"
                    for (name, value) in fields { stored[name] = value }
                }
            }
            return next
        }
        let wrapped = Task { () async throws -> String in
            let next = try await task.value
            self.accept(next)
            return next.accessToken ?? ""
        }
        refreshing = wrapped
        defer { refreshing = nil }
        return try await Self.value(of: wrapped)
    }

    /// A new grant for `refreshToken`, counted in the metrics; `invalid_grant` becomes an auth error that
    /// says to log in again (`described` names the token without showing it).
    private static func grant(
        refreshing refreshToken: String, client: OAuth2Client, connector: String, described: String
    ) async throws(ExecutionError) -> OAuth2Grant {
        do throws(ExecutionError) {
            let grant = try await client.refresh(refreshToken: refreshToken)
            RuntimeMetrics.tokenRefresh(connector: connector, succeeded: true)
            return grant
        } catch {
            RuntimeMetrics.tokenRefresh(connector: connector, succeeded: false)
            guard error.details["error"] == "invalid_grant" else { throw error }
            throw ExecutionError(
                kind: .auth,
                message: "the OAuth 2.0 refresh token of '\(connector)' (\(described)) was rejected (invalid_grant): it expired, was revoked or was already used. Log in again with: switchyard auth login \(connector) --method oauth2",
                status: error.status, details: error.details, retryable: false
            )
        }
    }

    /// Refreshes under the shared store's lock, unless another replica already replaced `rejected`.
    private static func sharedRefresh(
        _ shared: SharedTokenBinding, rejected: String?, client: OAuth2Client, connector: String
    ) async throws(ExecutionError) -> SharedTokenRecord {
        try await shared.store.update(key: shared.key) { current throws(ExecutionError) in
            if let token = current.accessToken, token != rejected, !isExpiring(current.expiresAt) { return nil }
            guard let refreshToken = current.refreshToken else {
                throw ExecutionError(
                    kind: .auth,
                    message: "the shared OAuth 2.0 access token for '\(connector)' has expired and the shared state holds no refresh token; log in again with: switchyard auth login \(connector) --method oauth2",
                    retryable: false
                )
            }
            let grant = try await grant(refreshing: refreshToken, client: client, connector: connector, described: "the shared refresh token ****")
            return SharedTokenRecord(accessToken: grant.accessToken, refreshToken: grant.refreshToken ?? refreshToken, expiresAt: grant.expiresAt)
        }
    }

    private func accept(_ record: SharedTokenRecord) {
        accessToken = record.accessToken
        expiresAt = record.expiresAt
    }

    private func accept(_ next: RefreshTokenChain) {
        chain = next
        accessToken = next.accessToken
        expiresAt = next.expiresAt
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

/// A ``SharedTokenStore`` and the key one session's tokens live under (connector, token endpoint, client).
struct SharedTokenBinding: Sendable {
    let store: any SharedTokenStore
    let key: String
}
