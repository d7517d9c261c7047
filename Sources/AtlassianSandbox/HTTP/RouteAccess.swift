/// Who may call a route, and whether calls are logged and subject to fault injection.
///
/// ```swift
/// router.add(.GET, "/plain-error", dialect: .jira, access: .open) { _ in ... }
/// ```
enum RouteAccess: Sendable {
    /// Needs valid credentials; recorded; faults apply.
    case authenticated
    /// Needs no credentials; recorded; faults apply.
    case open
    /// The sandbox's own control plane: no credentials, never recorded, never faulted.
    case control
}
