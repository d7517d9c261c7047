import NIOHTTP1

/// One endpoint: a method, a path pattern, and the function that answers it.
///
/// ```swift
/// Route(method: .GET, pattern: RoutePattern("/rest/api/3/myself"), access: .authenticated, dialect: .jira) { request in
///     .json(["accountId": .string(request.accountId ?? "")])
/// }
/// ```
struct Route: Sendable {
    typealias Handler = @Sendable (RouteRequest) throws -> SandboxResponse

    let method: HTTPMethod
    let pattern: RoutePattern
    let access: RouteAccess
    let dialect: ErrorDialect
    let handler: Handler
}
