import NIOHTTP1

/// The table of every endpoint the sandbox serves, matched in registration order.
///
/// ```swift
/// var router = Router()
/// router.add(.GET, "/rest/api/3/myself", dialect: .jira) { request in .json(["accountId": "..."]) }
/// router.match(method: .GET, segments: ["rest", "api", "3", "myself"])   // .found(route, [:])
/// ```
struct Router: Sendable {
    enum Match {
        case found(Route, parameters: [String: String])
        case methodNotAllowed(allowed: [HTTPMethod])
        case notFound
    }

    private(set) var routes: [Route] = []

    mutating func add(
        _ method: HTTPMethod,
        _ path: String,
        dialect: ErrorDialect,
        access: RouteAccess = .authenticated,
        handler: @escaping Route.Handler
    ) {
        routes.append(Route(method: method, pattern: RoutePattern(path), access: access, dialect: dialect, handler: handler))
    }

    mutating func register(_ group: some RouteGroup) {
        group.register(on: &self)
    }

    func match(method: HTTPMethod, segments: [String]) -> Match {
        var allowed: [HTTPMethod] = []
        for route in routes {
            guard let parameters = route.pattern.match(segments) else { continue }
            if route.method == method { return .found(route, parameters: parameters) }
            allowed.append(route.method)
        }
        return allowed.isEmpty ? .notFound : .methodNotAllowed(allowed: allowed)
    }
}
