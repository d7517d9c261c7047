import NIOHTTP1
import Switchyard

/// Everything between the socket and the routes: logging, fault selection, authentication, routing and
/// error formatting. One instance serves every connection of a ``SandboxServer``.
///
/// ```swift
/// let exchange = application.begin(head: head, body: body, baseURL: "http://127.0.0.1:8080")
/// let response = application.respond(to: exchange)   // unless exchange.fault says otherwise
/// ```
final class SandboxApplication: Sendable {
    /// A received request after logging and fault selection, before it is answered.
    struct Exchange: Sendable {
        let request: RouteRequest
        let match: Router.Match
        let fault: SandboxFault.Kind?
        /// Set for requests through the OAuth 2.0 API gateway, `/ex/{product}/{cloudId}/...`.
        var gateway: APIGateway.Target?
        /// The request's place in the log, to attach the answer to; `nil` for control requests.
        var logSequence: Int?
    }

    static let unauthenticatedMessage = "You are not authenticated. Authentication required to perform this operation."

    let store: SandboxStore
    let faults = SandboxFaults()
    let log = RequestLog()
    let oauth = SandboxOAuth()
    let oauth1 = OAuth1Provider()
    let sessions = SandboxSessions()
    private let router: Router
    private let authenticator: Authenticator

    init(bulkIssues: Int = 0) {
        store = SandboxStore(bulkIssues: bulkIssues)
        authenticator = Authenticator(oauth: oauth, oauth1: oauth1, sessions: sessions)
        var router = Router()
        router.register(ControlRoutes(store: store, faults: faults, log: log))
        router.register(JiraRoutes(store: store))
        router.register(ConfluenceRoutes(store: store))
        router.register(CatalogRoutes())
        router.register(EchoRoutes())
        router.register(ErrorPageRoutes())
        router.register(RedirectRoutes())
        router.register(OAuth2Routes(oauth: oauth))
        router.register(OAuth1Routes(provider: oauth1))
        self.router = router
    }

    /// Matches the request, records it and takes a pending fault, except for control routes. A gateway request
    /// is routed, and matched against faults, by the product path behind `/ex/{product}/{cloudId}`, and a Jira
    /// Data Center request by the path behind its `/jira` context path.
    func begin(head: HTTPRequestHead, body: [UInt8], baseURL: String) -> Exchange {
        let gateway = APIGateway.Target(uri: head.uri)
        let (deployment, uri) = gateway.map { (JiraDeployment.cloud, $0.innerURI) } ?? JiraDeployment.split(uri: head.uri)
        var request = RouteRequest(
            method: head.method, uri: uri, headers: head.headers, body: body,
            baseURL: baseURL + (gateway?.prefix ?? deployment.contextPath)
        )
        request.jiraDeployment = deployment
        // HEAD is answered like GET; the handler leaves the body out. Jira Data Center has no REST v3.
        let match = deployment == .dataCenter && request.path.hasPrefix(JiraAPIVersion.v3.pathPrefix + "/")
            ? Router.Match.notFound
            : router.match(method: head.method == .HEAD ? .GET : head.method, segments: request.pathSegments)
        if case .found(let route, _) = match, route.access == .control {
            return Exchange(request: request, match: match, fault: nil)
        }
        let sequence = log.append(
            SandboxRequest(
                method: head.method.rawValue, uri: head.uri,
                headers: head.headers.map { SandboxHeader(name: $0.name, value: $0.value) }, body: body
            )
        )
        return Exchange(
            request: request, match: match, fault: faults.take(method: head.method.rawValue, path: request.path), gateway: gateway,
            logSequence: sequence
        )
    }

    /// The normal answer (see ``route(_:)``), recorded in the log when it keeps responses.
    func respond(to exchange: Exchange) -> SandboxResponse {
        recorded(route(exchange), for: exchange)
    }

    /// Attaches `response` to the exchange's log entry, and returns it.
    func recorded(_ response: SandboxResponse, for exchange: Exchange) -> SandboxResponse {
        if let sequence = exchange.logSequence {
            log.record(status: Int(response.status.code), contentType: response.headers.first(name: "Content-Type"), body: response.body, for: sequence)
        }
        return response
    }

    /// 401 without valid credentials, 404/405 for unknown routes, else the route's own answer.
    private func route(_ exchange: Exchange) -> SandboxResponse {
        var request = exchange.request
        let dialect = ErrorDialect(path: request.path)
        var route: Route?
        if case .found(let found, let parameters) = exchange.match {
            route = found
            request.parameters = parameters
        }
        if route?.access != .open, route?.access != .control {
            switch authenticator.authenticate(request, gateway: exchange.gateway) {
            case .accepted(let accountId): request.accountId = accountId
            case .unauthenticated: return unauthorized(dialect)
            case .refused(let response): return response
            }
        }
        switch exchange.match {
        case .found(let route, _):
            do {
                return try route.handler(request)
            } catch let error as APIError {
                return route.dialect.response(for: error)
            } catch {
                return route.dialect.response(for: APIError(.internalServerError, ["\(error)"]))
            }
        case .methodNotAllowed(let allowed):
            var error = APIError(.methodNotAllowed, ["Method \(request.method.rawValue) is not allowed for \(request.path)."])
            error.headers.add(name: "Allow", value: allowed.map(\.rawValue).joined(separator: ", "))
            return dialect.response(for: error)
        case .notFound:
            return dialect.response(for: .notFound("No resource matches \(request.method.rawValue) \(request.path)."))
        }
    }

    /// The answer for a `.status` fault: the given status and headers, with the body given or an error
    /// body in the API's own format.
    func faultResponse(status: Int, headers: [String: String], body: String?, for exchange: Exchange) -> SandboxResponse {
        let status = HTTPResponseStatus(statusCode: status)
        var response: SandboxResponse
        if let body {
            let isJSON = (try? JSONValue(parsing: body)) != nil
            response = .text(body, contentType: isJSON ? SandboxResponse.jsonContentType : "text/plain;charset=UTF-8", status: status)
        } else {
            let message = status == .tooManyRequests ? "Rate limit exceeded." : status.reasonPhrase
            response = ErrorDialect(path: exchange.request.path).response(for: APIError(status, [message]))
        }
        for (name, value) in headers.sorted(by: { $0.key < $1.key }) {
            response.headers.replaceOrAdd(name: name, value: value)
        }
        return recorded(response, for: exchange)
    }

    /// The answer for an `.invalidJSON` fault: a JSON content type and a body cut off mid-object.
    static let invalidJSONResponse = SandboxResponse(
        status: .ok,
        headers: ["Content-Type": SandboxResponse.jsonContentType],
        body: Array(#"{"issues":[{"id":"10001","key":"DEMO-1","fields":{"summary":"Checkout redes"#.utf8)
    )

    private func unauthorized(_ dialect: ErrorDialect) -> SandboxResponse {
        var error = APIError(.unauthorized, [Self.unauthenticatedMessage])
        error.headers.add(name: "WWW-Authenticate", value: Authenticator.challenge)
        return dialect.response(for: error)
    }
}
