import NIOHTTP1
import Switchyard

/// The OAuth 2.0 (3LO) authorization server Atlassian runs at auth.atlassian.com and api.atlassian.com,
/// served under the sandbox's base URL. No sandbox credentials needed; requests are recorded and can be faulted.
///
/// ```http
/// GET  /authorize?audience=api.atlassian.com&client_id=sandbox-client&scope=read%3Ajira-work%20offline_access
///          &redirect_uri=http%3A%2F%2F127.0.0.1%3A8765%2Fcallback&state=xyz&response_type=code&prompt=consent
///      → 302 Location: http://127.0.0.1:8765/callback?code=<one-time code>&state=xyz   (consent is automatic)
///      → 400 for an unknown client_id, a missing redirect_uri or a response_type other than code
/// POST /oauth/token   {"grant_type":"authorization_code","client_id","client_secret","code","redirect_uri"}
/// POST /oauth/token   {"grant_type":"refresh_token","client_id","client_secret","refresh_token"}   (JSON or form)
///      → 200 {"access_token","expires_in":3600,"token_type":"Bearer","scope","refresh_token"}
///        each refresh rotates: the refresh token used is dead from then on
///      → 403 {"error":"invalid_grant","error_description":"Unknown or invalid refresh token."}
///      → 401 {"error":"access_denied","error_description":"Unauthorized"}   (wrong client secret)
///      → 400 {"error":"invalid_request" | "unsupported_grant_type", ...}
/// GET  /oauth/token/accessible-resources   Authorization: Bearer <access token>
///      → 200 [{"id":"<cloud id>","name":"Demo Site","url":"<base URL>","scopes":[...],"avatarUrl":"…"}]
/// ```
struct OAuth2Routes: RouteGroup {
    static let avatarURL = "https://site-admin-avatar-cdn.prod.public.atl-paas.net/avatars/240/rocket.png"

    let oauth: SandboxOAuth

    func register(on router: inout Router) {
        router.add(.GET, "/authorize", dialect: .jira, access: .open) { authorize($0) }
        router.add(.POST, "/oauth/token", dialect: .jira, access: .open) { token($0) }
        router.add(.GET, "/oauth/token/accessible-resources", dialect: .jira, access: .open) { accessibleResources($0) }
    }

    private func authorize(_ request: RouteRequest) -> SandboxResponse {
        let query = request.query
        guard let redirectURI = query["redirect_uri"], !redirectURI.isEmpty else {
            return Self.errorPage("The authorization request has no redirect_uri.")
        }
        guard query["response_type"] == "code" else {
            return Self.errorPage("Only response_type=code is supported.")
        }
        guard let code = oauth.authorize(clientID: query["client_id"] ?? "", redirectURI: redirectURI, scope: query["scope"] ?? "") else {
            return Self.errorPage("The app's client_id is not registered with this site.")
        }
        var location = redirectURI + (redirectURI.contains("?") ? "&" : "?") + "code=" + PercentEncoding.encodeQueryComponent(code)
        if let state = query["state"] { location += "&state=" + PercentEncoding.encodeQueryComponent(state) }
        return SandboxResponse(status: .found, headers: ["Location": location])
    }

    private func token(_ request: RouteRequest) -> SandboxResponse {
        let parameters: [String: String]
        do {
            parameters = try Self.parameters(of: request)
        } catch {
            return Self.json(error)
        }
        do {
            let issued = try oauth.token(parameters)
            return .json(
                [
                    "access_token": .string(issued.accessToken),
                    "expires_in": .number(JSONNumber(issued.expiresIn)),
                    "token_type": "Bearer",
                    "scope": .string(issued.scope),
                    "refresh_token": .string(issued.refreshToken),
                ],
                headers: ["Cache-Control": "no-store"]
            )
        } catch {
            return Self.json(error)
        }
    }

    private func accessibleResources(_ request: RouteRequest) -> SandboxResponse {
        let scope: String
        do {
            scope = try APIGateway(oauth: oauth).grantedScope(of: request)
        } catch {
            return error.response
        }
        let scopes = JSONValue.array(scope.split(separator: " ").map { .string(String($0)) })
        return .json(
            .array(
                oauth.sites(baseURL: request.baseURL).map { site in
                    [
                        "id": .string(site.cloudID),
                        "name": .string(site.name),
                        "url": .string(site.url),
                        "scopes": scopes,
                        "avatarUrl": .string(Self.avatarURL),
                    ]
                }
            )
        )
    }

    /// The token request's parameters from a JSON object or a form body, as Atlassian accepts both.
    private static func parameters(of request: RouteRequest) throws(SandboxOAuth.TokenError) -> [String: String] {
        let contentType = request.header("Content-Type")?.lowercased() ?? ""
        if contentType.hasPrefix("application/x-www-form-urlencoded") {
            let form = QueryParameters(rawQuery: String(decoding: request.body, as: UTF8.self)[...])
            return Dictionary(form.pairs.map { ($0.name, $0.value) }, uniquingKeysWith: { first, _ in first })
        }
        guard let object = (try? JSONValue(parsing: request.body))?.objectValue else {
            throw SandboxOAuth.TokenError(
                status: 400, error: "invalid_request", description: "The body must be a JSON object or application/x-www-form-urlencoded."
            )
        }
        var parameters: [String: String] = [:]
        for member in object {
            switch member.value {
            case .string(let text): parameters[member.key] = text
            case .number(let number): parameters[member.key] = number.description
            default: break
            }
        }
        return parameters
    }

    private static func json(_ error: SandboxOAuth.TokenError) -> SandboxResponse {
        .json(
            ["error": .string(error.error), "error_description": .string(error.description)],
            status: HTTPResponseStatus(statusCode: error.status),
            headers: ["Cache-Control": "no-store"]
        )
    }

    private static func errorPage(_ message: String) -> SandboxResponse {
        let html = """
            <!DOCTYPE html>
            <html><head><title>Something went wrong - Atlassian Sandbox</title></head>
            <body><h1>Something went wrong</h1><p>\(message)</p></body></html>
            """
        return .text(html, contentType: "text/html;charset=UTF-8", status: .badRequest)
    }
}
