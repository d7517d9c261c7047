/// A group of related routes that registers itself on a router.
///
/// ```swift
/// struct PingRoutes: RouteGroup {
///     func register(on router: inout Router) {
///         router.add(.GET, "/ping", dialect: .jira, access: .open) { _ in .json(["pong": true]) }
///     }
/// }
/// ```
protocol RouteGroup: Sendable {
    func register(on router: inout Router)
}
