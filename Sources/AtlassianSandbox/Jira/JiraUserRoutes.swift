import Switchyard

/// `GET /rest/api/3/myself`, `GET /rest/api/3/user?accountId=` and `GET /rest/api/3/user/search?query=`.
///
/// ```http
/// GET /rest/api/3/user/search?query=ali
/// → [{"accountId":"5b10ac8d82e05b22cc7d4ef5","displayName":"Alice Nguyen",...}]
/// ```
struct JiraUserRoutes: RouteGroup {
    let store: SandboxStore

    func register(on router: inout Router) {
        router.add(.GET, "/rest/api/3/myself", dialect: .jira) { request in
            let state = store.snapshot().jira
            guard let user = state.user(accountId: request.accountId ?? "") else { throw APIError(.unauthorized, ["User is not logged in."]) }
            return .json(JiraRenderer(state: state, baseURL: request.baseURL).userDetails(user))
        }
        router.add(.GET, "/rest/api/3/user", dialect: .jira) { request in
            guard let accountId = request.query["accountId"], !accountId.isEmpty else {
                throw APIError.badRequest("The accountId query parameter needs to be provided.")
            }
            let state = store.snapshot().jira
            guard let user = state.user(accountId: accountId) else {
                throw APIError.notFound("Specified user does not exist or you do not have required permissions")
            }
            return .json(JiraRenderer(state: state, baseURL: request.baseURL).userDetails(user))
        }
        router.add(.GET, "/rest/api/3/user/search", dialect: .jira) { try searchUsers($0) }
    }

    private func searchUsers(_ request: RouteRequest) throws -> SandboxResponse {
        let query = request.query["query"].flatMap { $0.isEmpty ? nil : $0 }
        let accountId = request.query["accountId"].flatMap { $0.isEmpty ? nil : $0 }
        guard query != nil || accountId != nil else {
            throw APIError.badRequest("One of 'query', 'accountId' or 'property' query parameters must be provided.")
        }
        let startAt = max(try request.integer("startAt", default: 0), 0)
        let maxResults = min(max(try request.integer("maxResults", default: 50), 1), 1_000)
        let state = store.snapshot().jira
        let matches = state.users.filter { user in
            user.active && (accountId.map { user.accountId == $0 } ?? true) && (query.map(user.matches(query:)) ?? true)
        }
        let renderer = JiraRenderer(state: state, baseURL: request.baseURL)
        return .json(.array(Page(of: matches, offset: startAt, limit: maxResults).items.map(renderer.user)))
    }
}
