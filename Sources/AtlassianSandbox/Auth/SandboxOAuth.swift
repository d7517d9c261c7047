/// The sandbox's OAuth 2.0 authorization server (Atlassian "3LO"): one registered client, one-time
/// authorization codes, expiring access tokens and rotating refresh tokens. Reach it through
/// ``SandboxServer/oauth``; every member is thread-safe.
///
/// ```swift
/// server.oauth.accessTokenLifetime = .seconds(2)   // tokens issued from now on expire quickly
/// server.oauth.expireAccessTokens()                // or expire every token issued so far
/// server.oauth.siteCount = 2                       // accessible-resources lists two sites
/// #expect(server.oauth.refreshCount == 1)          // concurrent callers refreshed only once
/// ```
public final class SandboxOAuth: Sendable {
    /// A failed token request, rendered as Atlassian's `{"error","error_description"}` body.
    struct TokenError: Error, Sendable {
        let status: Int
        let error: String
        let description: String
    }

    /// What a successful token request hands out.
    struct IssuedTokens: Sendable {
        let accessToken: String
        let expiresIn: Int
        let scope: String
        let refreshToken: String
    }

    /// Whether an access token may be used.
    enum AccessTokenStatus: Sendable, Equatable {
        case valid(scope: String)
        case expired
        case unknown
    }

    /// One site listed by `accessible-resources`.
    struct Site: Sendable {
        let cloudID: String
        let name: String
        let url: String
    }

    private struct PendingCode: Sendable {
        let clientID: String
        let redirectURI: String
        let scope: String
    }

    private struct AccessToken: Sendable {
        let scope: String
        var expiresAt: ContinuousClock.Instant
    }

    private struct RefreshToken: Sendable {
        let clientID: String
        let scope: String
    }

    private struct State: Sendable {
        var accessTokenLifetime: Duration = .seconds(3_600)
        var siteCount = 1
        var tokenRequests = 0
        var refreshCount = 0
        var codes: [String: PendingCode] = [:]
        var accessTokens: [String: AccessToken] = [:]
        /// Only the newest refresh token of each grant is here; a refresh removes the one it used.
        var refreshTokens: [String: RefreshToken] = [:]
    }

    private let state = Locked(State())

    init() {}

    /// How long access tokens issued from now on stay valid; 3600 s by default, as Atlassian's do.
    public var accessTokenLifetime: Duration {
        get { state.withLock { $0.accessTokenLifetime } }
        set { state.withLock { $0.accessTokenLifetime = newValue } }
    }

    /// How many sites `accessible-resources` lists, 1 (the default) or 2; the second has
    /// ``SandboxCredentials/secondCloudID`` and is served by the same data.
    public var siteCount: Int {
        get { state.withLock { $0.siteCount } }
        set { state.withLock { $0.siteCount = min(max(newValue, 1), 2) } }
    }

    /// Every `POST /oauth/token` received, whatever its grant type or outcome.
    public var tokenRequests: Int {
        state.withLock { $0.tokenRequests }
    }

    /// Every `POST /oauth/token` with `grant_type=refresh_token`, successful or not.
    public var refreshCount: Int {
        state.withLock { $0.refreshCount }
    }

    /// Makes every access token issued so far expired; the gateway answers them with 401 from now on.
    public func expireAccessTokens() {
        let now = ContinuousClock.now
        state.withLock { state in
            for token in state.accessTokens.keys { state.accessTokens[token]?.expiresAt = now }
        }
    }

    /// A one-time authorization code for the registered client, or `nil` for an unknown client.
    func authorize(clientID: String, redirectURI: String, scope: String) -> String? {
        guard clientID == SandboxCredentials.oauthClientID else { return nil }
        let code = RandomToken.make("sandbox-code-")
        state.withLock { $0.codes[code] = PendingCode(clientID: clientID, redirectURI: redirectURI, scope: scope) }
        return code
    }

    /// Answers a token request's parameters, counting it first.
    func token(_ parameters: [String: String]) throws(TokenError) -> IssuedTokens {
        let grantType = parameters["grant_type"] ?? ""
        state.withLock { state in
            state.tokenRequests += 1
            if grantType == "refresh_token" { state.refreshCount += 1 }
        }
        switch grantType {
        case "authorization_code":
            let values = try Self.required(["client_id", "client_secret", "code", "redirect_uri"], in: parameters)
            try Self.authenticateClient(id: values[0], secret: values[1])
            return try redeem(code: values[2], clientID: values[0], redirectURI: values[3])
        case "refresh_token":
            let values = try Self.required(["client_id", "client_secret", "refresh_token"], in: parameters)
            try Self.authenticateClient(id: values[0], secret: values[1])
            return try rotate(refreshToken: values[2], clientID: values[0])
        case "":
            throw TokenError(status: 400, error: "invalid_request", description: "Missing required parameter: grant_type")
        default:
            throw TokenError(status: 400, error: "unsupported_grant_type", description: "Unsupported grant type: \(grantType)")
        }
    }

    /// Whether `token` is an access token this server issued and that has not expired.
    func status(ofAccessToken token: String) -> AccessTokenStatus {
        let now = ContinuousClock.now
        return state.withLock { state in
            guard let issued = state.accessTokens[token] else { return .unknown }
            return now < issued.expiresAt ? .valid(scope: issued.scope) : .expired
        }
    }

    /// The cloud ids of the sites an access token reaches.
    var cloudIDs: [String] {
        sites(baseURL: "").map(\.cloudID)
    }

    /// The sites an access token reaches, the first one at `baseURL`.
    func sites(baseURL: String) -> [Site] {
        let demo = Site(cloudID: SandboxCredentials.cloudID, name: "Demo Site", url: baseURL)
        let second = Site(cloudID: SandboxCredentials.secondCloudID, name: "Second Site", url: "https://sandbox-second.atlassian.net")
        return siteCount == 2 ? [demo, second] : [demo]
    }

    private func redeem(code: String, clientID: String, redirectURI: String) throws(TokenError) -> IssuedTokens {
        let pending = state.withLock { $0.codes.removeValue(forKey: code) }
        guard let pending, pending.clientID == clientID else {
            throw TokenError(status: 403, error: "invalid_grant", description: "Invalid authorization code")
        }
        guard pending.redirectURI == redirectURI else {
            throw TokenError(status: 403, error: "invalid_grant", description: "The redirect_uri does not match the one used to authorize.")
        }
        return issue(clientID: clientID, scope: pending.scope)
    }

    /// Takes the refresh token out in the same step that checks it, so two concurrent refreshes with one
    /// token cannot both succeed, just as Atlassian's rotation allows each refresh token a single use.
    private func rotate(refreshToken: String, clientID: String) throws(TokenError) -> IssuedTokens {
        let grant = state.withLock { state -> RefreshToken? in
            guard let grant = state.refreshTokens[refreshToken], grant.clientID == clientID else { return nil }
            state.refreshTokens[refreshToken] = nil
            return grant
        }
        guard let grant else {
            throw TokenError(status: 403, error: "invalid_grant", description: "Unknown or invalid refresh token.")
        }
        return issue(clientID: clientID, scope: grant.scope)
    }

    /// Issues a new access token and refresh token for one grant.
    private func issue(clientID: String, scope: String) -> IssuedTokens {
        let accessToken = RandomToken.make("sandbox-at-")
        let refreshToken = RandomToken.make("sandbox-rt-")
        let now = ContinuousClock.now
        let lifetime = state.withLock { state in
            state.accessTokens[accessToken] = AccessToken(scope: scope, expiresAt: now + state.accessTokenLifetime)
            state.refreshTokens[refreshToken] = RefreshToken(clientID: clientID, scope: scope)
            return state.accessTokenLifetime
        }
        let (seconds, attoseconds) = lifetime.components
        return IssuedTokens(
            accessToken: accessToken,
            expiresIn: Int(seconds) + (attoseconds > 0 ? 1 : 0),
            scope: scope,
            refreshToken: refreshToken
        )
    }

    private static func required(_ names: [String], in parameters: [String: String]) throws(TokenError) -> [String] {
        var values: [String] = []
        for name in names {
            guard let value = parameters[name], !value.isEmpty else {
                throw TokenError(status: 400, error: "invalid_request", description: "Missing required parameter: \(name)")
            }
            values.append(value)
        }
        return values
    }

    private static func authenticateClient(id: String, secret: String) throws(TokenError) {
        guard id == SandboxCredentials.oauthClientID, secret == SandboxCredentials.oauthClientSecret else {
            throw TokenError(status: 401, error: "access_denied", description: "Unauthorized")
        }
    }
}
