import Switchyard

/// An issue's change history (`GET /issue/{key}/changelog`, a PageBean) and its watchers.
///
/// ```http
/// POST /rest/api/3/issue/DEMO-4/watchers
/// "5b10ac8d82e05b22cc7d4ef5"
/// → 204
/// DELETE /rest/api/2/issue/DEMO-4/watchers?username=alice
/// → 204
/// ```
struct JiraIssueActivityRoutes: RouteGroup {
    let store: SandboxStore

    func register(on router: inout Router) {
        router.addJira(.GET, "/issue/{issueIdOrKey}/changelog") { request, version in
            let state = store.snapshot().jira
            guard let issue = state.issue(idOrKey: request.parameter("issueIdOrKey")) else { throw APIError.issueNotFound }
            let (startAt, maxResults) = try JiraPaging.window(request, defaultSize: 100, maximum: 100)
            let renderer = JiraRenderer(state: state, baseURL: request.baseURL, version: version)
            let page = Page(of: issue.changelog, offset: startAt, limit: maxResults)
            return .json(JiraPaging.pageBean(page, maxResults: maxResults, request: request, render: renderer.history))
        }
        router.addJira(.GET, "/issue/{issueIdOrKey}/watchers") { request, version in
            let state = store.snapshot().jira
            guard let issue = state.issue(idOrKey: request.parameter("issueIdOrKey")) else { throw APIError.issueNotFound }
            let renderer = JiraRenderer(state: state, baseURL: request.baseURL, version: version)
            return .json(renderer.watchers(of: issue, currentUser: request.accountId))
        }
        router.addJira(.POST, "/issue/{issueIdOrKey}/watchers") { try addWatcher($0, $1) }
        router.addJira(.DELETE, "/issue/{issueIdOrKey}/watchers") { try removeWatcher($0, $1) }
    }

    /// The body is a JSON string: an accountId (v3) or a username (v2); no body watches as the caller.
    private func addWatcher(_ request: RouteRequest, _ version: JiraAPIVersion) throws -> SandboxResponse {
        var reference = request.accountId ?? SandboxCredentials.accountId
        if !request.body.isEmpty {
            guard let text = try request.jsonBody().stringValue else {
                throw APIError.badRequest("The request body must be a JSON string: the \(version.usesUsernames ? "username" : "accountId") of the user.")
            }
            reference = text
        }
        try store.write { state throws(APIError) in
            guard var issue = state.jira.issue(idOrKey: request.parameter("issueIdOrKey")) else { throw .issueNotFound }
            let user = state.jira.user(accountId: reference) ?? state.jira.user(username: reference)
            guard let user, user.active else { throw .notFound("The user \"\(reference)\" does not exist.") }
            if !issue.watcherIds.contains(user.accountId) { issue.watcherIds.append(user.accountId) }
            state.jira.save(issue)
        }
        return .noContent
    }

    private func removeWatcher(_ request: RouteRequest, _ version: JiraAPIVersion) throws -> SandboxResponse {
        guard let reference = request.query["accountId"] ?? request.query["username"], !reference.isEmpty else {
            throw APIError.badRequest(version.usesUsernames ? "The username parameter is required." : "The accountId parameter is required.")
        }
        try store.write { state throws(APIError) in
            guard var issue = state.jira.issue(idOrKey: request.parameter("issueIdOrKey")) else { throw .issueNotFound }
            guard let user = state.jira.user(accountId: reference) ?? state.jira.user(username: reference) else {
                throw .notFound("The user \"\(reference)\" does not exist.")
            }
            issue.watcherIds.removeAll { $0 == user.accountId }
            state.jira.save(issue)
        }
        return .noContent
    }
}
