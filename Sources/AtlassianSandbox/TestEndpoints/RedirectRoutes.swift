import NIOHTTP1

/// A redirect anywhere, for testing that clients keep credentials on their own origin only.
///
/// ```http
/// GET /__sandbox/redirect?to=http://127.0.0.1:PORT/__sandbox/echo/x&status=302 → 302 Location: …
/// ```
struct RedirectRoutes: RouteGroup {
    func register(on router: inout Router) {
        router.add(.GET, "/__sandbox/redirect", dialect: .jira) { request in
            guard let target = request.query["to"], !target.isEmpty else { throw APIError.badRequest("to is required.") }
            let status = try request.integer("status", default: 302)
            guard [301, 302, 303, 307, 308].contains(status) else { throw APIError.badRequest("status must be a redirect status.") }
            var headers = HTTPHeaders()
            headers.add(name: "Location", value: target)
            return SandboxResponse(status: HTTPResponseStatus(statusCode: status), headers: headers)
        }
    }
}
