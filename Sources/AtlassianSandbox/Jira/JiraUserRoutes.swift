import Switchyard

/// `GET /rest/api/{3,2}/myself`, `GET /rest/api/{3,2}/user?accountId=|username=`,
/// `GET /rest/api/{3,2}/user/search?query=|username=` and `GET /rest/api/{3,2}/user/assignable/search`.
///
/// ```http
/// GET /rest/api/3/user/search?query=ali
/// → [{"accountId":"5b10ac8d82e05b22cc7d4ef5","displayName":"Alice Nguyen",...}]
/// GET /rest/api/2/user/search?username=ali
/// → [{"name":"alice","key":"alice","displayName":"Alice Nguyen",...}]
/// ```
struct JiraUserRoutes: RouteGroup {
    let store: SandboxStore

    func register(on router: inout Router) {
        router.addJira(.GET, "/myself") { request, version in
            let state = store.snapshot().jira
            guard let user = state.user(accountId: request.accountId ?? "") else { throw APIError(.unauthorized, ["User is not logged in."]) }
            return .json(JiraRenderer(state: state, baseURL: request.baseURL, version: version).userDetails(user))
        }
        router.addJira(.GET, "/user") { request, version in
            let state = store.snapshot().jira
            let user: JiraUser?
            if let accountId = request.query["accountId"], !accountId.isEmpty {
                user = state.user(accountId: accountId)
            } else if let name = request.query["username"] ?? request.query["key"], !name.isEmpty {
                user = state.user(username: name)
            } else {
                throw APIError.badRequest(
                    version.usesUsernames
                        ? "Either the 'username' or the 'key' query parameters need to be provided"
                        : "The accountId query parameter needs to be provided."
                )
            }
            guard let user else {
                throw APIError.notFound("Specified user does not exist or you do not have required permissions")
            }
            return .json(JiraRenderer(state: state, baseURL: request.baseURL, version: version).userDetails(user))
        }
        router.addJira(.GET, "/user/search") { try searchUsers($0, $1) }
        router.addJira(.GET, "/user/assignable/search") { try assignableUsers($0, $1) }
    }

    private func searchUsers(_ request: RouteRequest, _ version: JiraAPIVersion) throws -> SandboxResponse {
        // Server/Data Center searches by `username` (which matches names and e-mail addresses too).
        let query = (request.query["query"] ?? request.query["username"]).flatMap { $0.isEmpty ? nil : $0 }
        let accountId = request.query["accountId"].flatMap { $0.isEmpty ? nil : $0 }
        guard query != nil || accountId != nil else {
            throw APIError.badRequest(
                version.usesUsernames
                    ? "The username query parameter was not provided"
                    : "One of 'query', 'accountId' or 'property' query parameters must be provided."
            )
        }
        let startAt = max(try request.integer("startAt", default: 0), 0)
        let maxResults = min(max(try request.integer("maxResults", default: 50), 1), 1_000)
        let includeInactive = request.flag("includeInactive")
        let state = store.snapshot().jira
        let matches = state.users.filter { user in
            (user.active || includeInactive) && (accountId.map { user.accountId == $0 } ?? true) && (query.map(user.matches(query:)) ?? true)
        }
        let renderer = JiraRenderer(state: state, baseURL: request.baseURL, version: version)
        return .json(.array(Page(of: matches, offset: startAt, limit: maxResults).items.map(renderer.user)))
    }

    /// Users who can be assigned issues of a project (`project`) or one issue (`issueKey`/`issueId`): every
    /// active user in the sandbox.
    private func assignableUsers(_ request: RouteRequest, _ version: JiraAPIVersion) throws -> SandboxResponse {
        let state = store.snapshot().jira
        if let project = request.query["project"], !project.isEmpty {
            guard state.project(idOrKey: project) != nil else { throw APIError.projectNotFound(project) }
        } else if let issue = request.query["issueKey"] ?? request.query["issueId"], !issue.isEmpty {
            guard state.issue(idOrKey: issue) != nil else { throw APIError.issueNotFound }
        } else {
            throw APIError.badRequest("A project, issue key or issue id must be provided.")
        }
        let query = (request.query["query"] ?? request.query["username"]).flatMap { $0.isEmpty ? nil : $0 }
        let accountId = request.query["accountId"].flatMap { $0.isEmpty ? nil : $0 }
        let startAt = max(try request.integer("startAt", default: 0), 0)
        let maxResults = min(max(try request.integer("maxResults", default: 50), 1), 1_000)
        let matches = state.users.filter { user in
            user.active && (accountId.map { user.accountId == $0 } ?? true) && (query.map(user.matches(query:)) ?? true)
        }
        let renderer = JiraRenderer(state: state, baseURL: request.baseURL, version: version)
        return .json(.array(Page(of: matches, offset: startAt, limit: maxResults).items.map(renderer.user)))
    }
}
