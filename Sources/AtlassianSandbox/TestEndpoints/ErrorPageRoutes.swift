import NIOHTTP1

/// Endpoints that fail with non-JSON bodies, as gateways and login pages do, so clients can be tested
/// against them: `GET /login.jsp` and anything under `/html-error/` answer 500 HTML; `GET /plain-error`
/// answers 502 plain text. No credentials needed.
///
/// ```http
/// GET /html-error/anything → 500 Content-Type: text/html;charset=UTF-8  <html>...</html>
/// ```
struct ErrorPageRoutes: RouteGroup {
    static let html = """
        <!DOCTYPE html>
        <html><head><title>Oops, you've found a dead link. - Atlassian Sandbox</title></head>
        <body><h1>System Error</h1><p>A system error has occurred. Please try again later.</p></body></html>
        """

    func register(on router: inout Router) {
        router.add(.GET, "/login.jsp", dialect: .jira, access: .open) { _ in htmlError() }
        for method in [HTTPMethod.GET, .POST, .PUT, .PATCH, .DELETE] {
            router.add(method, "/html-error/*", dialect: .jira, access: .open) { _ in htmlError() }
        }
        router.add(.GET, "/plain-error", dialect: .jira, access: .open) { _ in
            .text("Bad Gateway: the upstream server did not respond.\n", contentType: "text/plain;charset=UTF-8", status: .badGateway)
        }
    }

    private func htmlError() -> SandboxResponse {
        .text(Self.html, contentType: "text/html;charset=UTF-8", status: .internalServerError)
    }
}
