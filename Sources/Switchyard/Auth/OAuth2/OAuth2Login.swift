import Crypto
import Foundation

/// The OAuth 2.0 authorization-code flow (Atlassian 3LO) for `switchyard auth login --method oauth2`:
/// build the consent URL, check the `state` that comes back, exchange the code, list the sites the grant
/// reaches, and store the tokens and the chosen cloud id.
///
/// ```swift
/// let login = try OAuth2Login(manifest: jira, schemeID: "oauth2", settings: settings, transport: transport)
/// let url = login.authorizeURL(redirectURI: "http://127.0.0.1:8765/callback")
/// // … the user consents; the redirect brings `code` and `state` …
/// let result = try await login.complete(code: code, state: state, redirectURI: redirectURI)
/// ```
public struct OAuth2Login: Sendable {
    /// A site the grant gives access to (Atlassian's accessible resources).
    public struct Site: Sendable {
        public let id: String
        public let name: String
        public let url: String
    }

    public let connector: String
    public let schemeID: String
    public let clientID: String
    public let clientSecret: String
    public let authorizeEndpoint: String
    public let resourcesEndpoint: String?
    public let audience: String?
    public let scopes: [String]
    /// The value the redirect must carry back, against forged redirects.
    public let state: String
    let client: OAuth2Client
    let transport: HTTPTransport
    let security: TransportSecurity

    public init(
        manifest: ConnectorManifest, schemeID: String, clientID: String, clientSecret: String,
        settings: RuntimeSettings, transport: HTTPTransport, scopes: [String]? = nil
    ) throws(ExecutionError) {
        guard let scheme = manifest.auth.scheme(schemeID), case .oauth2(let spec) = scheme.kind else {
            let methods = manifest.auth.schemes.filter { if case .oauth2 = $0.kind { return true } else { return false } }.map(\.id)
            throw ExecutionError(kind: .config, message: "connector '\(manifest.name)' has no OAuth 2.0 method '\(schemeID)'; OAuth 2.0 methods: \(methods.isEmpty ? "none" : methods.joined(separator: ", "))")
        }
        guard let authorizeTemplate = spec.authorizeURL else {
            throw ExecutionError(kind: .config, message: "the OAuth 2.0 method '\(schemeID)' of '\(manifest.name)' declares no authorize_url")
        }
        let resolver = ConnectionResolver(manifest: manifest, settings: settings, transport: transport)
        connector = manifest.name
        self.schemeID = schemeID
        self.clientID = clientID
        self.clientSecret = clientSecret
        authorizeEndpoint = try resolver.fillConfig(authorizeTemplate, what: "for its OAuth 2.0 authorize URL", urlSafe: false)
        resourcesEndpoint = try spec.resourcesURL.map { template throws(ExecutionError) in
            try resolver.fillConfig(template, what: "for its accessible-resources URL", urlSafe: false)
        }
        audience = spec.audience
        var wanted = scopes ?? spec.scopes
        if !wanted.contains("offline_access") { wanted.append("offline_access") }
        self.scopes = wanted
        state = Data(SHA256.hash(data: Data(UUID().uuidString.utf8))).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
        let tokenURL = try resolver.fillConfig(spec.tokenURL, what: "for its OAuth 2.0 token URL", urlSafe: false)
        security = try TransportSecurityResolver(manifest: manifest, settings: settings).resolve()
        client = OAuth2Client(tokenURL: tokenURL, clientID: clientID, clientSecret: clientSecret, transport: transport, security: security)
        self.transport = transport
    }

    /// The consent URL to open in a browser.
    public func authorizeURL(redirectURI: String) -> String {
        var query: [(String, String)] = []
        if let audience { query.append(("audience", audience)) }
        query += [
            ("client_id", clientID), ("scope", scopes.joined(separator: " ")), ("redirect_uri", redirectURI),
            ("state", state), ("response_type", "code"), ("prompt", "consent"),
        ]
        let encoded = query.map { PercentEncoding.encodeQueryComponent($0.0) + "=" + PercentEncoding.encodeQueryComponent($0.1) }
        return authorizeEndpoint + (authorizeEndpoint.contains("?") ? "&" : "?") + encoded.joined(separator: "&")
    }

    /// Checks the state, exchanges the code, and lists the sites the grant reaches.
    public func complete(code: String, state returned: String, redirectURI: String) async throws(ExecutionError) -> (grant: OAuth2Grant, sites: [Site]) {
        guard returned == state else {
            throw ExecutionError(kind: .auth, message: "the OAuth 2.0 redirect carried the wrong 'state': it did not come from this login; start again", retryable: false)
        }
        let grant = try await client.exchange(code: code, redirectURI: redirectURI)
        guard let resourcesEndpoint else { return (grant, []) }
        let request = PreparedRequest(
            method: .get, baseURL: resourcesEndpoint, path: "", query: [],
            headers: [("Authorization", "Bearer \(grant.accessToken)"), ("Accept", "application/json")], body: nil, absoluteURL: nil
        )
        let response = try await transport.send(request, security: security, timeout: .seconds(30), maximumBodyBytes: 1024 * 1024)
        guard response.status == 200, let sites = (try? JSONValue(parsing: response.body.readableBytesView))?.arrayValue else {
            throw ExecutionError(kind: .auth, message: "listing the sites this login can reach failed (HTTP \(response.status))", status: response.status, retryable: false)
        }
        return (grant, sites.compactMap { site in
            guard let id = site["id"]?.stringValue else { return nil }
            return Site(id: id, name: site["name"]?.stringValue ?? id, url: site["url"]?.stringValue ?? "")
        })
    }

    /// Writes the tokens (and the cloud id of the chosen site) to the store, atomically.
    public func store(_ grant: OAuth2Grant, site: Site?, in store: CredentialStore) throws(ExecutionError) {
        try store.update(connector: connector) { fields in
            fields = [
                "method": schemeID, "client_id": clientID, "client_secret": clientSecret, "access_token": grant.accessToken,
            ]
            if let refresh = grant.refreshToken { fields["refresh_token"] = refresh }
            if let expiresAt = grant.expiresAt { fields["expires_at"] = ISO8601DateFormatter().string(from: expiresAt) }
            if let site { fields["cloud_id"] = site.id }
            // What the site granted, which `auth status` compares with what the enabled actions need.
            if let scope = grant.scope { fields["scope"] = scope }
        }
    }
}
