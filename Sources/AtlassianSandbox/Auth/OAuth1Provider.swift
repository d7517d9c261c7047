import Crypto
import Foundation
import Switchyard
import _CryptoExtras

/// The OAuth 1.0a service provider of Jira and Confluence Server / Data Center Application Links: it hands
/// out request and access tokens and verifies every RSA-SHA1 signed request for real, with the registered
/// consumer's public key. Thread-safe.
///
/// ```swift
/// let provider = OAuth1Provider()
/// let accountId = try provider.authenticate(request)   // throws OAuth1Problem for a bad signature, token, …
/// ```
final class OAuth1Provider: Sendable {
    /// How far a request's timestamp may be from the server's clock, in seconds.
    static let timestampTolerance = 300

    private struct RequestToken: Sendable {
        let consumerKey: String
        let callback: String
        /// Set once the user approves the token at `/plugins/servlet/oauth/authorize`.
        var verifier: String?
    }

    private struct State: Sendable {
        var requestTokens: [String: RequestToken] = [:]
        /// Access token → the consumer it was issued to.
        var accessTokens: [String: String] = [SandboxCredentials.oauth1AccessToken: SandboxCredentials.oauth1ConsumerKey]
        /// `consumer timestamp nonce` → timestamp, for the nonces seen within the tolerance window.
        var nonces: [String: Int] = [:]
    }

    private let consumers: [String: _RSA.Signing.PublicKey]
    private let state = Locked(State())

    init() {
        do {
            // The unsafe initializer is the one that accepts 1024-bit keys, which Application Links commonly use.
            let key = try _RSA.Signing.PublicKey(unsafePEMRepresentation: SandboxCredentials.oauth1ConsumerPublicKeyPEM)
            consumers = [SandboxCredentials.oauth1ConsumerKey: key]
        } catch {
            preconditionFailure("The sandbox's built-in OAuth 1.0a consumer public key does not parse: \(error)")
        }
    }

    /// The account a signed API request acts as: the signature must verify and the access token must have been
    /// issued to the signing consumer.
    func authenticate(_ request: RouteRequest) throws(OAuth1Problem) -> String {
        let header = try verifiedHeader(of: request)
        guard let token = header["oauth_token"] else { throw .absent("oauth_token") }
        let consumerKey = header["oauth_consumer_key"]
        guard state.withLock({ $0.accessTokens[token] }) == consumerKey else {
            throw OAuth1Problem("token_rejected", "The access token is unknown, revoked, or was not issued to this consumer.")
        }
        return SandboxCredentials.accountId
    }

    /// Step 1: a new request token for a signed request that names its `oauth_callback` (or `oob`).
    func issueRequestToken(_ request: RouteRequest) throws(OAuth1Problem) -> (token: String, secret: String) {
        let header = try verifiedHeader(of: request)
        guard let callback = header["oauth_callback"], !callback.isEmpty else { throw .absent("oauth_callback") }
        let token = RandomToken.make("sandbox-rqt-")
        let consumerKey = header["oauth_consumer_key"] ?? ""
        state.withLock { $0.requestTokens[token] = RequestToken(consumerKey: consumerKey, callback: callback) }
        return (token, RandomToken.make("sandbox-rqs-"))
    }

    /// Step 2: the user approves a request token; `nil` when the token is unknown.
    func approve(requestToken token: String) -> (callback: String, verifier: String)? {
        let verifier = RandomToken.make("")
        return state.withLock { state in
            guard let pending = state.requestTokens[token] else { return nil }
            state.requestTokens[token]?.verifier = verifier
            return (pending.callback, verifier)
        }
    }

    /// Step 3: trades an approved request token and its verifier for an access token, once.
    func issueAccessToken(_ request: RouteRequest) throws(OAuth1Problem) -> (token: String, secret: String) {
        let header = try verifiedHeader(of: request)
        guard let requestToken = header["oauth_token"] else { throw .absent("oauth_token") }
        guard let verifier = header["oauth_verifier"] else { throw .absent("oauth_verifier") }
        let consumerKey = header["oauth_consumer_key"] ?? ""
        let accessToken = RandomToken.make("sandbox-oauth1-at-")
        try state.withLock { (state: inout State) throws(OAuth1Problem) in
            guard let pending = state.requestTokens[requestToken], pending.consumerKey == consumerKey else {
                throw OAuth1Problem("token_rejected", "The request token is unknown, already used, or was not issued to this consumer.")
            }
            guard let expected = pending.verifier else {
                throw OAuth1Problem("permission_unknown", "The request token has not been approved at /plugins/servlet/oauth/authorize yet.")
            }
            guard expected == verifier else {
                throw OAuth1Problem("token_rejected", "The oauth_verifier does not match the one issued when the request token was approved.")
            }
            state.requestTokens[requestToken] = nil
            state.accessTokens[accessToken] = consumerKey
        }
        return (accessToken, RandomToken.make("sandbox-oauth1-as-"))
    }

    /// Checks everything but the token: the parameters are present, the method is RSA-SHA1, the consumer is
    /// known, the timestamp is fresh, the signature verifies, and only then that the nonce is new (so a
    /// forged request cannot burn a genuine request's nonce).
    private func verifiedHeader(of request: RouteRequest) throws(OAuth1Problem) -> OAuth1AuthorizationHeader {
        guard let header = request.header("Authorization").flatMap(OAuth1AuthorizationHeader.init) else {
            throw OAuth1Problem("parameter_absent", "The request is not signed: it has no 'Authorization: OAuth …' header.")
        }
        let required = ["oauth_consumer_key", "oauth_signature_method", "oauth_signature", "oauth_timestamp", "oauth_nonce"]
        if let missing = required.first(where: { header[$0] == nil }) { throw .absent(missing) }
        let consumerKey = header["oauth_consumer_key"] ?? ""
        let nonce = header["oauth_nonce"] ?? ""
        guard header["oauth_signature_method"] == "RSA-SHA1" else {
            throw OAuth1Problem("signature_method_rejected", "Only the RSA-SHA1 signature method is accepted.")
        }
        guard let publicKey = consumers[consumerKey] else {
            throw OAuth1Problem("consumer_key_unknown", "The consumer key '\(consumerKey)' is not registered as an application link.")
        }
        if let version = header["oauth_version"], version != "1.0" {
            throw OAuth1Problem("version_rejected", "Only OAuth version 1.0 is accepted.")
        }
        let now = Int(Date().timeIntervalSince1970)
        guard let timestamp = header["oauth_timestamp"].flatMap({ Int($0) }), abs(now - timestamp) <= Self.timestampTolerance else {
            var problem = OAuth1Problem(
                "timestamp_refused", "The oauth_timestamp is more than \(Self.timestampTolerance / 60) minutes from the server's clock."
            )
            problem.details = [("oauth_acceptable_timestamps", "\(now - Self.timestampTolerance)-\(now + Self.timestampTolerance)")]
            throw problem
        }
        let url = "http://\(Self.host(of: request))\(request.uri)"
        let baseString = OAuth1.signatureBaseString(
            method: request.method.rawValue, url: url, parameters: Self.formParameters(of: request) + header.protocolParameters
        )
        let signature = header["oauth_signature"].flatMap { Data(base64Encoded: $0) }.map { _RSA.Signing.RSASignature(rawRepresentation: $0) }
        let digest = Insecure.SHA1.hash(data: Array(baseString.utf8))
        guard let signature, publicKey.isValidSignature(signature, for: digest, padding: .insecurePKCS1v1_5) else {
            throw OAuth1Problem(
                "signature_invalid",
                "The RSA-SHA1 signature does not verify with the consumer's public key for \(request.method.rawValue) \(Self.baseURI(url)); "
                    + "the method, the URL with its query, a form body and every oauth_* parameter are signed."
            )
        }
        try remember(nonce: "\(consumerKey) \(timestamp) \(nonce)", timestamp: timestamp, now: now)
        return header
    }

    private func remember(nonce key: String, timestamp: Int, now: Int) throws(OAuth1Problem) {
        let isNew = state.withLock { state in
            if state.nonces.count > 4_096 {
                state.nonces = state.nonces.filter { $0.value >= now - Self.timestampTolerance }
            }
            return state.nonces.updateValue(timestamp, forKey: key) == nil
        }
        guard isNew else {
            throw OAuth1Problem("nonce_used", "The oauth_nonce was already used by an earlier request with the same timestamp.")
        }
    }

    /// The authority the client addressed, from the `Host` header, as the signed URL names it.
    private static func host(of request: RouteRequest) -> String {
        if let host = request.header("Host"), !host.isEmpty { return host }
        return String(request.baseURL.drop { $0 != "/" }.dropFirst(2))
    }

    /// The decoded pairs of an `application/x-www-form-urlencoded` body, which RFC 5849 signs; other bodies are not signed.
    private static func formParameters(of request: RouteRequest) -> [(String, String)] {
        guard request.header("Content-Type")?.lowercased().hasPrefix("application/x-www-form-urlencoded") == true else { return [] }
        return QueryParameters(rawQuery: String(decoding: request.body, as: UTF8.self)[...]).pairs.map { ($0.name, $0.value) }
    }

    private static func baseURI(_ url: String) -> String {
        String(url.prefix { $0 != "?" })
    }
}
