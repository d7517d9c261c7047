import Switchyard

/// An issue's change history (`GET /issue/{key}/changelog`, a PageBean), many issues' at once (`POST /changelog/bulkfetch`,
/// Cloud) and an issue's watchers.
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
        router.addJira(.POST, "/changelog/bulkfetch", versions: [.v3]) { try bulkChangelogs($0, $1) }
        router.addJira(.GET, "/issue/{issueIdOrKey}/watchers") { request, version in
            let state = store.snapshot().jira
            guard let issue = state.issue(idOrKey: request.parameter("issueIdOrKey")) else { throw APIError.issueNotFound }
            let renderer = JiraRenderer(state: state, baseURL: request.baseURL, version: version)
            return .json(renderer.watchers(of: issue, currentUser: request.accountId))
        }
        router.addJira(.POST, "/issue/{issueIdOrKey}/watchers") { try addWatcher($0, $1) }
        router.addJira(.DELETE, "/issue/{issueIdOrKey}/watchers") { try removeWatcher($0, $1) }
    }

    /// `POST /changelog/bulkfetch` (Cloud only): the change histories of up to 1,000 issues, optionally only
    /// those touching `fieldIds`, `maxResults` histories a page, grouped by issue; `nextPageToken` continues.
    private func bulkChangelogs(_ request: RouteRequest, _ version: JiraAPIVersion) throws -> SandboxResponse {
        let body = try request.jsonObjectBody()
        let references = body["issueIdsOrKeys"]?.arrayValue?.compactMap(\.stringValue) ?? []
        guard (1...1_000).contains(references.count) else {
            throw APIError.badRequest("issueIdsOrKeys must list between 1 and 1000 issues.")
        }
        let fieldIds = Set(body["fieldIds"]?.arrayValue?.compactMap(\.stringValue) ?? [])
        guard fieldIds.count <= 10 else { throw APIError.badRequest("fieldIds can list at most 10 fields.") }
        let maxResults = body["maxResults"]?.intValue ?? 1_000
        guard (1...10_000).contains(maxResults) else { throw APIError.badRequest("maxResults must be between 1 and 10000.") }
        var offset = 0
        if let token = body["nextPageToken"]?.stringValue {
            guard let value = Int(token), value >= 0 else { throw APIError.badRequest("The nextPageToken is not valid.") }
            offset = value
        }
        let state = store.snapshot().jira
        var entries: [(issueId: String, history: JiraHistory)] = []
        for reference in references {
            guard let issue = state.issue(idOrKey: reference) else { continue }
            for history in issue.changelog where fieldIds.isEmpty || history.items.contains(where: { fieldIds.contains($0.fieldId) }) {
                entries.append((issue.id, history))
            }
        }
        let page = entries.dropFirst(offset).prefix(maxResults)
        let renderer = JiraRenderer(state: state, baseURL: request.baseURL, version: version)
        var groups: [(issueId: String, histories: [JSONValue])] = []
        for entry in page {
            if groups.last?.issueId == entry.issueId {
                groups[groups.count - 1].histories.append(renderer.history(entry.history))
            } else {
                groups.append((entry.issueId, [renderer.history(entry.history)]))
            }
        }
        var result: JSONObject = [
            "issueChangeLogs": .array(groups.map { ["issueId": .string($0.issueId), "changeHistories": .array($0.histories)] }),
        ]
        if offset + page.count < entries.count { result["nextPageToken"] = .string(String(offset + page.count)) }
        return .json(.object(result))
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
