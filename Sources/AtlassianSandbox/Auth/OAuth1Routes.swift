import NIOHTTP1
import Switchyard

/// The three OAuth 1.0a endpoints of a Jira / Confluence Server Application Link. Requests to the two token
/// endpoints must be RSA-SHA1 signed by the registered consumer; approval is automatic, as the demo user.
///
/// ```http
/// POST /plugins/servlet/oauth/request-token   Authorization: OAuth …, oauth_callback="http%3A%2F%2F…" (or "oob")
///      → 200 oauth_token=…&oauth_token_secret=…&oauth_callback_confirmed=true
/// GET  /plugins/servlet/oauth/authorize?oauth_token=…
///      → 302 Location: <callback>?oauth_token=…&oauth_verifier=…   (for "oob": 200 HTML showing the verifier)
///      → 400 HTML for an unknown request token
/// POST /plugins/servlet/oauth/access-token    Authorization: OAuth …, oauth_token="<request token>", oauth_verifier="…"
///      → 200 oauth_token=…&oauth_token_secret=…
/// failures → 401 (400 for a missing parameter) oauth_problem=signature_invalid&oauth_problem_advice=…
/// ```
struct OAuth1Routes: RouteGroup {
    static let formContentType = "application/x-www-form-urlencoded;charset=UTF-8"

    let provider: OAuth1Provider

    func register(on router: inout Router) {
        router.add(.POST, "/plugins/servlet/oauth/request-token", dialect: .jira, access: .open) { request in
            do throws(OAuth1Problem) {
                let issued = try provider.issueRequestToken(request)
                return Self.form([("oauth_token", issued.token), ("oauth_token_secret", issued.secret), ("oauth_callback_confirmed", "true")])
            } catch {
                return error.formResponse(realm: request.baseURL)
            }
        }
        router.add(.GET, "/plugins/servlet/oauth/authorize", dialect: .jira, access: .open) { request in
            authorize(request)
        }
        router.add(.POST, "/plugins/servlet/oauth/access-token", dialect: .jira, access: .open) { request in
            do throws(OAuth1Problem) {
                let issued = try provider.issueAccessToken(request)
                return Self.form([("oauth_token", issued.token), ("oauth_token_secret", issued.secret)])
            } catch {
                return error.formResponse(realm: request.baseURL)
            }
        }
    }

    private func authorize(_ request: RouteRequest) -> SandboxResponse {
        guard let token = request.query["oauth_token"], let approval = provider.approve(requestToken: token) else {
            return Self.page("Invalid request token", "The request token is unknown or has already been used.", status: .badRequest)
        }
        guard approval.callback != "oob" else {
            return Self.page("Access approved", "Enter this verification code in the application: <code id=\"oauth-verifier\">\(approval.verifier)</code>", status: .ok)
        }
        let separator = approval.callback.contains("?") ? "&" : "?"
        let location = approval.callback + separator + "oauth_token=" + OAuth1.percentEncode(token)
            + "&oauth_verifier=" + OAuth1.percentEncode(approval.verifier)
        return SandboxResponse(status: .found, headers: ["Location": location])
    }

    private static func form(_ pairs: [(String, String)]) -> SandboxResponse {
        let body = pairs.map { "\(OAuth1.percentEncode($0.0))=\(OAuth1.percentEncode($0.1))" }.joined(separator: "&")
        return .text(body, contentType: formContentType, status: .ok)
    }

    private static func page(_ title: String, _ message: String, status: HTTPResponseStatus) -> SandboxResponse {
        let html = """
            <!DOCTYPE html>
            <html><head><title>\(title) - Atlassian Sandbox</title></head>
            <body><h1>\(title)</h1><p>\(message)</p></body></html>
            """
        return .text(html, contentType: "text/html;charset=UTF-8", status: status)
    }
}
