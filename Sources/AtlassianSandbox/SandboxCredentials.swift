import Foundation

/// The credentials the sandbox accepts; every API path needs one of them.
///
/// Basic auth uses the Jira Cloud form `email:api_token`; Bearer uses the personal access token; the
/// OAuth 1.0a consumer and the session cookie stand in for Server / Data Center; OAuth 2.0 access tokens,
/// obtained from the sandbox's own authorization server, work through the `/ex/{product}/{cloudId}` gateway.
/// All of them act as the demo user, "Demo User".
///
/// ```swift
/// request.headers.add(name: "Authorization", value: SandboxCredentials.basicAuthorization)
/// request.headers.add(name: "Authorization", value: "Bearer \(SandboxCredentials.personalAccessToken)")
/// ```
public enum SandboxCredentials {
    public static let email = "demo@example.com"
    public static let apiToken = "sandbox-api-token"
    public static let personalAccessToken = "sandbox-pat"
    /// The account id of the demo user the credentials belong to.
    public static let accountId = "5b10a2844c20165700ede21g"

    /// Personal access tokens of two more users, for tests where several people share one server: each acts
    /// as its own user (Alice Nguyen, Bob Okafor) rather than the demo user.
    public static let userTokens: [String: String] = [
        "sandbox-pat-alice": "5b10ac8d82e05b22cc7d4ef5",
        "sandbox-pat-bob": "5b109f2e9729b51b54dc274d",
    ]

    /// A ready `Authorization` header value: `Basic base64(email:apiToken)`.
    public static var basicAuthorization: String {
        "Basic " + Data("\(email):\(apiToken)".utf8).base64EncodedString()
    }

    /// A ready `Authorization` header value: `Bearer personalAccessToken`.
    public static var bearerAuthorization: String {
        "Bearer \(personalAccessToken)"
    }

    // MARK: OAuth 2.0 (3LO) and the API gateway

    /// The one registered OAuth 2.0 client; `/authorize` and `/oauth/token` know no other.
    public static let oauthClientID = "sandbox-client"
    public static let oauthClientSecret = "sandbox-client-secret"
    /// The cloud id of the demo site, as `accessible-resources` lists it and `/ex/jira/{cloudId}` expects it.
    public static let cloudID = "5c7ed5a9-3b1e-4c8f-9d2a-6f0e1b2c3d4e"
    /// The cloud id of the second site, listed only after `server.oauth.siteCount = 2`.
    public static let secondCloudID = "9e1d7f3a-2c4b-4a6e-8f10-7b3c5d9e1a2f"

    // MARK: OAuth 1.0a (Server / Data Center Application Links)

    /// The registered consumer; its requests are verified with ``oauth1ConsumerPublicKeyPEM``. The matching
    /// 1024-bit private key is the test fixture `Tests/SwitchyardTests/Fixtures/oauth1-consumer-key.pem`.
    public static let oauth1ConsumerKey = "sandbox-consumer"
    /// An access token issued to ``oauth1ConsumerKey`` in advance, so tests can skip the three-step dance.
    public static let oauth1AccessToken = "sandbox-oauth1-token"
    /// The consumer's public key, as an administrator pastes it into the Application Link.
    public static let oauth1ConsumerPublicKeyPEM = """
        -----BEGIN PUBLIC KEY-----
        MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQC1lsPeHZrr8wQxeBjTAU7eaHUf
        QgMo0LCbolB8xqeVC/UmzyC56MMcBBFbNObB7ulOJLeY0zzUlllM0/udDnhz8K0s
        utWds8DE6bpkKaAK650/eVQ5mxyDelpjqGUcJJ0bKLUG/rH08ZxidBiNrYARPB9n
        d+ZiL5fwADYJCuc/HQIDAQAB
        -----END PUBLIC KEY-----
        """

    // MARK: Browser session cookies (Server / Data Center)

    /// A `JSESSIONID` that is valid until `server.sessions.expireAll()`.
    public static let sessionCookie = "sandbox-session-1"
}
