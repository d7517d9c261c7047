import NIOHTTP1
import Switchyard

/// Atlassian's API gateway for OAuth 2.0 apps: `/ex/jira/{cloudId}/rest/...` and
/// `/ex/confluence/{cloudId}/wiki/...` reach the same Jira and Confluence routes as the site paths, with the
/// prefix stripped, but only with a valid, unexpired access token from ``SandboxOAuth``.
///
/// ```http
/// GET /ex/jira/{cloudId}/rest/api/3/myself   Authorization: Bearer <access token>   → 200, as /rest/api/3/myself
/// … with an expired token                    → 401 {"code":401,"message":"Unauthorized: the access token expired."}
/// … with another cloud id                    → 404 {"code":404,"message":"Not Found: …"}
/// POST … with a token without a write: scope → 401 {"code":401,"message":"Unauthorized; scope does not match"}
/// ```
struct APIGateway: Sendable {
    /// A request addressed to the gateway, split into the gateway prefix and the product request behind it.
    struct Target: Sendable {
        /// The cloud id from the path, percent-decoded.
        let cloudID: String
        /// `/ex/jira/{cloudId}` as received; `self` links keep it, as the real gateway's do.
        let prefix: String
        /// The product request target, e.g. `/rest/api/3/myself?expand=groups`.
        let innerURI: String

        /// The gateway target of `uri`, or `nil` when `uri` is not a Jira `rest/` or Confluence `wiki/` path
        /// under `/ex/{product}/{cloudId}`.
        init?(uri: String) {
            guard uri.hasPrefix("/ex/") else { return nil }
            let path = uri.prefix { $0 != "?" }
            let segments = path.split(separator: "/", maxSplits: 4, omittingEmptySubsequences: false)
            guard segments.count == 5, !segments[3].isEmpty else { return nil }
            switch (segments[2], segments[4].prefix { $0 != "/" }) {
            case ("jira", "rest"), ("confluence", "wiki"):
                break
            default:
                return nil
            }
            prefix = "/ex/\(segments[2])/\(segments[3])"
            cloudID = PercentEncoding.decode(segments[3])
            innerURI = String(uri.dropFirst(prefix.count))
        }
    }

    /// The gateway's answer to a request it turns away.
    struct Refusal: Error, Sendable {
        let response: SandboxResponse
    }

    let oauth: SandboxOAuth

    /// Accepts a valid access token for a site it reaches; 401 for a missing, unknown or expired token,
    /// 404 for a cloud id the token does not reach.
    func authenticate(_ request: RouteRequest, target: Target) -> Authentication {
        let scope: String
        do {
            scope = try grantedScope(of: request)
        } catch {
            return .refused(error.response)
        }
        // A change needs a write scope, as the gateway checks an operation's scopes against the token's.
        if request.method != .GET, request.method != .HEAD, !scope.split(separator: " ").contains(where: { $0.hasPrefix("write:") }) {
            return .refused(.json(["code": 401, "message": "Unauthorized; scope does not match"], status: .unauthorized))
        }
        guard oauth.cloudIDs.contains(target.cloudID) else {
            let message = "Not Found: no site with cloud id '\(target.cloudID)' is accessible with this token."
            return .refused(.json(["code": 404, "message": .string(message)], status: .notFound))
        }
        return .accepted(accountId: SandboxCredentials.accountId)
    }

    /// The scope of the request's bearer access token when it is valid and unexpired; otherwise the 401.
    func grantedScope(of request: RouteRequest) throws(Refusal) -> String {
        guard let authorization = request.header("Authorization"), authorization.lowercased().hasPrefix("bearer ") else {
            throw Self.unauthorized("Unauthorized", error: nil)
        }
        let token = authorization.dropFirst("bearer ".count).trimmingCharacters(in: .whitespaces)
        switch oauth.status(ofAccessToken: token) {
        case .valid(let scope):
            return scope
        case .expired:
            throw Self.unauthorized("Unauthorized: the access token expired.", error: "The access token expired")
        case .unknown:
            throw Self.unauthorized("Unauthorized: the access token is not valid.", error: "The access token is not valid")
        }
    }

    private static func unauthorized(_ message: String, error: String?) -> Refusal {
        var challenge = #"Bearer realm="api.atlassian.com""#
        if let error { challenge += #", error="invalid_token", error_description="\#(error)""# }
        let response = SandboxResponse.json(["code": 401, "message": .string(message)], status: .unauthorized, headers: ["WWW-Authenticate": challenge])
        return Refusal(response: response)
    }
}
