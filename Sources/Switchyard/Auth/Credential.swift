import Foundation

/// A resolved credential, ready to apply to requests. Its description never shows the secret.
public enum Credential: Sendable, CustomStringConvertible {
    case none
    case basic(BasicLogin)
    case bearer(token: String)
    case apiKey(placement: AuthScheme.APIKeyPlacement, name: String, value: String)
    /// A browser session, sent as one `Cookie` header (`JSESSIONID=…; atlassian.xsrf.token=…`).
    case cookie(header: String)
    /// An OAuth 2.0 access token that refreshes itself.
    case oauth2(OAuth2Session)
    /// OAuth 1.0a RSA-SHA1: every request is signed.
    case oauth1(OAuth1Signer)

    /// Adds the credential to a request; returns the bearer token it used, if any, so a 401 can tell
    /// whether that token is the one to refresh.
    /// HTTP basic credentials.
    public static func basic(username: String, password: String) -> Credential {
        .basic(BasicLogin(username: username, password: password))
    }

    @discardableResult
    func authorize(_ request: inout PreparedRequest) async throws(ExecutionError) -> String? {
        switch self {
        case .none:
            return nil
        case .basic(let login):
            request.setHeader("Authorization", login.authorization)
        case .bearer(let token):
            request.setHeader("Authorization", "Bearer \(token)")
        case .apiKey(.header, let name, let value):
            request.setHeader(name, value)
        case .apiKey(.query, let name, let value):
            request.query.append((name, value))
        case .cookie(let header):
            request.setHeader("Cookie", header)
        case .oauth2(let session):
            let token = try await session.currentToken()
            request.setHeader("Authorization", "Bearer \(token)")
            return token
        case .oauth1(let signer):
            try sign(&request, with: signer)
        }
        return nil
    }

    /// After a 401: a fresh OAuth 2.0 token to retry with once, or `nil` when retrying cannot help.
    func tokenAfterRejection(of usedToken: String?) async throws(ExecutionError) -> String? {
        guard case .oauth2(let session) = self, let usedToken else { return nil }
        return try await session.tokenAfterRejection(of: usedToken)
    }

    private func sign(_ request: inout PreparedRequest, with signer: OAuth1Signer) throws(ExecutionError) {
        var form: [(String, String)] = []
        if case .form(let pairs)? = request.body { form = pairs.map { ($0.name, $0.value) } }
        do {
            let header = try signer.authorizationHeader(method: request.method.rawValue, url: request.url, formParameters: form)
            request.setHeader("Authorization", header)
        } catch {
            throw ExecutionError(kind: .auth, message: "cannot sign the request with OAuth 1.0a: \(error.message)", retryable: false)
        }
    }

    /// The auth header or query param as a dry run shows it: the name, the scheme word, and `****`.
    var masked: (header: (name: String, value: String)?, query: String?) {
        switch self {
        case .none: (nil, nil)
        case .basic: (("Authorization", "Basic ****"), nil)
        case .bearer, .oauth2: (("Authorization", "Bearer ****"), nil)
        case .oauth1: (("Authorization", "OAuth ****"), nil)
        case .cookie: (("Cookie", "****"), nil)
        case .apiKey(.header, let name, _): ((name, "****"), nil)
        case .apiKey(.query, let name, _): (nil, name)
        }
    }

    public var description: String {
        switch self {
        case .none: "none"
        case .basic(let login): "basic (\(login.username), password ****)"
        case .bearer: "bearer ****"
        case .apiKey(let placement, let name, _): "api key in \(placement.rawValue) '\(name)' ****"
        case .cookie: "cookies ****"
        case .oauth2(let session): "OAuth 2.0 bearer ****" + (session.initialSource.map { "; \($0)" } ?? "")
        case .oauth1(let signer): "OAuth 1.0a RSA-SHA1 (consumer \(signer.consumerKey), token ****)"
        }
    }
}
