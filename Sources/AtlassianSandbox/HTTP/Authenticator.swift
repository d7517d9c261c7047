import Foundation
import NIOHTTP1

/// Checks a request's credentials against ``SandboxCredentials``: Basic and Bearer PAT as before, OAuth 1.0a
/// signatures, the `JSESSIONID` cookie when there is no `Authorization` header, and on the API gateway only
/// OAuth 2.0 access tokens.
///
/// ```swift
/// authenticator.authenticate(request, gateway: nil)   // .accepted(accountId: "5b10a2844c20165700ede21g")
/// // without credentials: .unauthenticated; with a bad OAuth signature: .refused(401 … oauth_problem="signature_invalid")
/// ```
struct Authenticator: Sendable {
    /// The `WWW-Authenticate` challenge sent with every 401.
    static let challenge = #"Basic realm="Atlassian Sandbox", Bearer realm="Atlassian Sandbox""#

    let oauth: SandboxOAuth
    let oauth1: OAuth1Provider
    let sessions: SandboxSessions
    private let expectedBasic = "\(SandboxCredentials.email):\(SandboxCredentials.apiToken)"

    /// The authenticated account, `.unauthenticated` for missing or wrong Basic / Bearer credentials, or the
    /// scheme's own refusal.
    func authenticate(_ request: RouteRequest, gateway: APIGateway.Target?) -> Authentication {
        if let gateway { return APIGateway(oauth: oauth).authenticate(request, target: gateway) }
        guard let authorization = request.header("Authorization") else {
            if let sessionID = SandboxSessions.sessionID(in: request.headers) {
                return sessions.authenticate(sessionID: sessionID, path: request.path)
            }
            return .unauthenticated
        }
        let parts = authorization.split(separator: " ", maxSplits: 1)
        guard parts.count == 2 else { return .unauthenticated }
        let scheme = parts[0].lowercased()
        let token = parts[1].trimmingCharacters(in: .whitespaces)
        switch scheme {
        case "basic":
            guard let decoded = Data(base64Encoded: token), String(decoding: decoded, as: UTF8.self) == expectedBasic else {
                return .unauthenticated
            }
            return .accepted(accountId: SandboxCredentials.accountId)
        case "bearer":
            if let accountId = SandboxCredentials.userTokens[token] { return .accepted(accountId: accountId) }
            guard token == SandboxCredentials.personalAccessToken else { return .unauthenticated }
            return .accepted(accountId: SandboxCredentials.accountId)
        case "oauth":
            do {
                return .accepted(accountId: try oauth1.authenticate(request))
            } catch {
                return .refused(error.apiResponse(dialect: ErrorDialect(path: request.path), realm: request.baseURL))
            }
        default:
            return .unauthenticated
        }
    }
}
