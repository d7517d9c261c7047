import Foundation

/// The OAuth 1.0a three-step dance of Jira/Confluence Server and Data Center application links, for
/// `switchyard auth login --method oauth1`: a request token, the user's approval, then an access token.
///
/// ```swift
/// let login = try OAuth1Login(manifest: jira, schemeID: "oauth1", consumerKey: "switchyard", privateKeyPEM: pem, settings: settings, transport: transport)
/// let requestToken = try await login.requestToken(callback: "http://127.0.0.1:8765/callback")
/// print(login.authorizeURL(requestToken: requestToken))
/// // … the user approves; the callback brings oauth_verifier …
/// let accessToken = try await login.accessToken(requestToken: requestToken, verifier: verifier)
/// ```
public struct OAuth1Login: Sendable {
    public let connector: String
    public let schemeID: String
    let signer: OAuth1Signer
    let requestTokenURL: String
    let authorizeEndpoint: String
    let accessTokenURL: String
    let transport: HTTPTransport
    let security: TransportSecurity

    public init(
        manifest: ConnectorManifest, schemeID: String, consumerKey: String, privateKeyPEM: String,
        settings: RuntimeSettings, transport: HTTPTransport
    ) throws(ExecutionError) {
        guard let scheme = manifest.auth.scheme(schemeID), case .oauth1(let spec) = scheme.kind else {
            throw ExecutionError(kind: .config, message: "connector '\(manifest.name)' has no OAuth 1.0a method '\(schemeID)'")
        }
        let resolver = ConnectionResolver(manifest: manifest, settings: settings, transport: transport)
        connector = manifest.name
        self.schemeID = schemeID
        do {
            signer = try OAuth1Signer(consumerKey: consumerKey, privateKeyPEM: privateKeyPEM, token: nil)
        } catch {
            throw ExecutionError(kind: .config, message: "the OAuth 1.0a private key cannot be used: \(error.message)")
        }
        requestTokenURL = try resolver.fillConfig(spec.requestTokenURL, what: "for its OAuth 1.0a request-token URL", urlSafe: false)
        authorizeEndpoint = try resolver.fillConfig(spec.authorizeURL, what: "for its OAuth 1.0a authorize URL", urlSafe: false)
        accessTokenURL = try resolver.fillConfig(spec.accessTokenURL, what: "for its OAuth 1.0a access-token URL", urlSafe: false)
        security = try TransportSecurityResolver(manifest: manifest, settings: settings).resolve()
        self.transport = transport
    }

    /// Step 1: a request token, announcing where the approval should send the user (`oob` to show a code).
    public func requestToken(callback: String) async throws(ExecutionError) -> String {
        let fields = try await post(requestTokenURL, signer: signer, extra: [("oauth_callback", callback)])
        guard let token = fields["oauth_token"] else {
            throw ExecutionError(kind: .auth, message: "the request-token answer carried no oauth_token", retryable: false)
        }
        return token
    }

    /// Step 2: the page where the user approves access.
    public func authorizeURL(requestToken: String) -> String {
        authorizeEndpoint + (authorizeEndpoint.contains("?") ? "&" : "?") + "oauth_token=" + PercentEncoding.encodeQueryComponent(requestToken)
    }

    /// Step 3: trades the approved request token and its verifier for an access token.
    public func accessToken(requestToken: String, verifier: String) async throws(ExecutionError) -> String {
        let fields = try await post(accessTokenURL, signer: signer.with(token: requestToken), extra: [("oauth_verifier", verifier)])
        guard let token = fields["oauth_token"] else {
            throw ExecutionError(kind: .auth, message: "the access-token answer carried no oauth_token", retryable: false)
        }
        return token
    }

    /// Stores the consumer key, the key's path and the access token.
    public func store(accessToken: String, consumerKey: String, privateKeyPath: String, in store: CredentialStore) throws(ExecutionError) {
        try store.update(connector: connector) { fields in
            fields = ["method": schemeID, "consumer_key": consumerKey, "private_key": privateKeyPath, "oauth_token": accessToken]
        }
    }

    /// A signed, empty POST; the answer is form-encoded.
    private func post(_ url: String, signer: OAuth1Signer, extra: [(String, String)]) async throws(ExecutionError) -> [String: String] {
        let header: String
        do {
            header = try signer.authorizationHeader(method: "POST", url: url, extraOAuthParameters: extra)
        } catch {
            throw ExecutionError(kind: .auth, message: "cannot sign the OAuth 1.0a request: \(error.message)", retryable: false)
        }
        let request = PreparedRequest(
            method: .post, baseURL: url, path: "", query: [], headers: [("Authorization", header)], body: nil, absoluteURL: nil
        )
        let response = try await transport.send(request, security: security, timeout: .seconds(30), maximumBodyBytes: 64 * 1024)
        let text = response.bodyText
        guard response.status == 200 else {
            let problem = text.split(separator: "&").first { $0.hasPrefix("oauth_problem=") }.map { String($0.dropFirst(14)) }
            throw ExecutionError(
                kind: .auth, message: "the OAuth 1.0a server refused the request (HTTP \(response.status)\(problem.map { ", \($0)" } ?? ""))",
                status: response.status, retryable: false
            )
        }
        var fields: [String: String] = [:]
        for pair in text.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1)
            if parts.count == 2 { fields[PercentEncoding.decode(parts[0], plusAsSpace: true)] = PercentEncoding.decode(parts[1], plusAsSpace: true) }
        }
        return fields
    }
}
