import Foundation
import NIOCore

/// Talks to an OAuth 2.0 token endpoint (Atlassian's `https://auth.atlassian.com/oauth/token`, or any
/// configured one): code exchange and refresh, with the client credentials.
public struct OAuth2Client: Sendable {
    public let tokenURL: String
    public let clientID: String
    public let clientSecret: String
    let transport: HTTPTransport
    let security: TransportSecurity

    public init(tokenURL: String, clientID: String, clientSecret: String, transport: HTTPTransport, security: TransportSecurity = .system) {
        self.tokenURL = tokenURL
        self.clientID = clientID
        self.clientSecret = clientSecret
        self.transport = transport
        self.security = security
    }

    /// Exchanges a refresh token for a new access token (and, with rotation, a new refresh token).
    public func refresh(refreshToken: String) async throws(ExecutionError) -> OAuth2Grant {
        try await requestGrant([
            "grant_type": "refresh_token", "client_id": .string(clientID), "client_secret": .string(clientSecret),
            "refresh_token": .string(refreshToken),
        ])
    }

    /// Exchanges an authorization code from the consent redirect.
    public func exchange(code: String, redirectURI: String) async throws(ExecutionError) -> OAuth2Grant {
        try await requestGrant([
            "grant_type": "authorization_code", "client_id": .string(clientID), "client_secret": .string(clientSecret),
            "code": .string(code), "redirect_uri": .string(redirectURI),
        ])
    }

    private func requestGrant(_ body: JSONObject) async throws(ExecutionError) -> OAuth2Grant {
        guard let origin = URLOrigin(tokenURL) else {
            throw ExecutionError(kind: .config, message: "the OAuth 2.0 token URL '\(tokenURL)' is not an absolute http(s) URL")
        }
        let request = PreparedRequest(
            method: .post, baseURL: tokenURL, path: "", query: [],
            headers: [("Content-Type", "application/json"), ("Accept", "application/json")],
            body: .json(.object(body)), absoluteURL: nil
        )
        let response = try await transport.send(request, security: security, timeout: .seconds(30), maximumBodyBytes: 1024 * 1024)
        let json = try? JSONValue(parsing: response.body.readableBytesView)
        guard (200..<300).contains(response.status) else {
            let code = json?["error"]?.stringValue
            if code == "invalid_grant" {
                throw ExecutionError(
                    kind: .auth,
                    message: "the OAuth 2.0 token endpoint \(origin) rejected the grant (invalid_grant): the code or refresh token expired, was revoked or was already used",
                    status: response.status, details: ["error": "invalid_grant"], retryable: false
                )
            }
            let description = json?["error_description"]?.stringValue ?? code ?? "HTTP \(response.status)"
            throw ExecutionError(
                kind: .auth, message: "the OAuth 2.0 token endpoint \(origin) refused the request: \(description)",
                status: response.status, details: ["error": json?["error"] ?? .null], retryable: false
            )
        }
        guard let json, let grant = OAuth2Grant(json) else {
            throw ExecutionError(kind: .auth, message: "the OAuth 2.0 token endpoint \(origin) answered without an access_token", status: response.status, retryable: false)
        }
        return grant
    }
}

/// The tokens a token endpoint grants. Its description never shows them.
public struct OAuth2Grant: Sendable, CustomStringConvertible {
    public let accessToken: String
    public let refreshToken: String?
    public let expiresAt: Date?
    public let scope: String?

    init?(_ json: JSONValue) {
        guard let access = json["access_token"]?.stringValue, !access.isEmpty else { return nil }
        accessToken = access
        refreshToken = json["refresh_token"]?.stringValue
        expiresAt = json["expires_in"]?.doubleValue.map { Date().addingTimeInterval($0) }
        scope = json["scope"]?.stringValue
    }

    public var description: String {
        "OAuth 2.0 grant (access token ****\(refreshToken == nil ? "" : ", refresh token ****"))"
    }
}
