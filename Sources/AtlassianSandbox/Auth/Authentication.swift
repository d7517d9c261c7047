/// What authentication decided about one request: who it acts as, that it has no valid credentials, or the
/// complete answer a scheme turns it away with (an OAuth problem, a login page, the gateway's 401).
///
/// ```swift
/// switch authenticator.authenticate(request, gateway: nil) {
/// case .accepted(let accountId): request.accountId = accountId
/// case .unauthenticated: return unauthorized(dialect)
/// case .refused(let response): return response
/// }
/// ```
enum Authentication: Sendable {
    case accepted(accountId: String)
    /// Missing or wrong credentials: the API's usual 401 with the Basic / Bearer challenge.
    case unauthenticated
    case refused(SandboxResponse)
}
