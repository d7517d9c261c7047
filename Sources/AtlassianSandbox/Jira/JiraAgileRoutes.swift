import Switchyard

/// Jira Software REST 1.0: boards, their sprints, backlog and issues, sprint issues, and moving issues into a
/// sprint or back to the backlog; sprint writes and epics are in `+Sprints` and `+Epics`. Lists are PageBeans
/// (`values`, `isLast`); issue lists are search results (`issues`, `total`). Issues render as the agile API does: wiki-markup text plus `sprint`/`closedSprints`.
///
/// ```http
/// POST /rest/agile/1.0/sprint/2/issue
/// {"issues":["DEMO-4","DEMO-9"]}
/// → 204
/// ```
struct JiraAgileRoutes: RouteGroup {
    static let maxIssuesPerMove = 50

    let store: SandboxStore

    func register(on router: inout Router) {
        let base = JiraAPIVersion.agile.pathPrefix
        router.add(.GET, "\(base)/board", dialect: .jira) { try listBoards($0) }
        router.add(.GET, "\(base)/board/{boardId}", dialect: .jira) { request in
            let state = store.snapshot().jira
            return .json(renderer(request, state).board(try board(request, in: state)))
        }
        router.add(.GET, "\(base)/board/{boardId}/sprint", dialect: .jira) { try listSprints($0) }
        router.add(.GET, "\(base)/board/{boardId}/backlog", dialect: .jira) { request in
            let state = store.snapshot().jira
            let board = try board(request, in: state)
            return try issuePage(request, state: state) { issue in
                issue.projectId == board.projectId && issue.issueType != .epic && issue.status.category != .done
                    && !issue.sprintIds.contains { state.sprint(id: $0)?.isOpen ?? false }
            }
        }
        router.add(.GET, "\(base)/board/{boardId}/issue", dialect: .jira) { request in
            let state = store.snapshot().jira
            let board = try board(request, in: state)
            return try issuePage(request, state: state) { $0.projectId == board.projectId }
        }
        router.add(.GET, "\(base)/sprint/{sprintId}", dialect: .jira) { request in
            let state = store.snapshot().jira
            return .json(renderer(request, state).sprint(try sprint(request, in: state)))
        }
        router.add(.GET, "\(base)/sprint/{sprintId}/issue", dialect: .jira) { request in
            let state = store.snapshot().jira
            let sprint = try sprint(request, in: state)
            return try issuePage(request, state: state) { $0.sprintIds.contains(sprint.id) }
        }
        router.add(.POST, "\(base)/sprint/{sprintId}/issue", dialect: .jira) { request in
            let keys = try issueList(request)
            let actor = request.accountId ?? SandboxCredentials.accountId
            try store.write { state throws(APIError) in
                let sprint = try sprint(request, in: state.jira)
                guard sprint.isOpen else { throw .badRequest("Issues can only be moved to an active or future sprint.") }
                let openSprintIds = Set(state.jira.sprints.filter(\.isOpen).map(\.id))
                try move(keys, in: &state.jira, actor: actor) { issue in
                    issue.sprintIds.removeAll(where: openSprintIds.contains)
                    issue.sprintIds.append(sprint.id)
                }
            }
            return .noContent
        }
        router.add(.POST, "\(base)/backlog/issue", dialect: .jira) { request in
            let keys = try issueList(request)
            let actor = request.accountId ?? SandboxCredentials.accountId
            try store.write { state throws(APIError) in
                let openSprintIds = Set(state.jira.sprints.filter(\.isOpen).map(\.id))
                try move(keys, in: &state.jira, actor: actor) { issue in
                    issue.sprintIds.removeAll(where: openSprintIds.contains)
                }
            }
            return .noContent
        }
        registerSprintWrites(on: &router)
        registerEpics(on: &router)
    }

    func renderer(_ request: RouteRequest, _ state: JiraState) -> JiraRenderer {
        JiraRenderer(state: state, baseURL: request.baseURL, version: .agile)
    }

    func board(_ request: RouteRequest, in state: JiraState) throws(APIError) -> JiraBoard {
        let id = request.parameter("boardId")
        guard let number = Int(id), let board = state.board(id: number) else {
            throw .notFound("Board does not exist or you do not have permission to see it.")
        }
        return board
    }

    func sprint(_ request: RouteRequest, in state: JiraState) throws(APIError) -> JiraSprint {
        let id = request.parameter("sprintId")
        guard let number = Int(id), let sprint = state.sprint(id: number) else {
            throw .notFound("Sprint does not exist or you do not have permission to see it.")
        }
        return sprint
    }

    private func listBoards(_ request: RouteRequest) throws -> SandboxResponse {
        let state = store.snapshot().jira
        let (startAt, maxResults) = try JiraPaging.window(request, defaultSize: 50, maximum: 50)
        var boards = state.boards
        let types = Set(request.query.list("type"))
        if !types.isEmpty { boards = boards.filter { types.contains($0.type) } }
        if let name = request.query["name"]?.lowercased(), !name.isEmpty { boards = boards.filter { $0.name.lowercased().contains(name) } }
        if let project = request.query["projectKeyOrId"], !project.isEmpty {
            guard let found = state.project(idOrKey: project) else { throw APIError.badRequest("No project could be found with key or id '\(project)'.") }
            boards = boards.filter { $0.projectId == found.id }
        }
        switch request.query["orderBy"] {
        case "name", "+name": boards.sort { $0.name < $1.name }
        case "-name": boards.sort { $0.name > $1.name }
        default: break
        }
        let page = Page(of: boards, offset: startAt, limit: maxResults)
        return .json(JiraPaging.pageBean(page, maxResults: maxResults, request: request, links: false, render: renderer(request, state).board))
    }

    private func listSprints(_ request: RouteRequest) throws -> SandboxResponse {
        let state = store.snapshot().jira
        let board = try board(request, in: state)
        guard board.type == "scrum" else { throw APIError.badRequest("The board does not support sprints") }
        let (startAt, maxResults) = try JiraPaging.window(request, defaultSize: 50, maximum: 50)
        var states: Set<JiraSprint.State> = []
        for name in request.query.list("state") {
            guard let state = JiraSprint.State(rawValue: name.lowercased()) else {
                throw APIError.badRequest("The sprint state '\(name)' is not valid. Valid states are future, active and closed.")
            }
            states.insert(state)
        }
        let sprints = state.sprints.filter { $0.boardId == board.id && (states.isEmpty || states.contains($0.state)) }
        let page = Page(of: sprints, offset: startAt, limit: maxResults)
        return .json(JiraPaging.pageBean(page, maxResults: maxResults, request: request, links: false, render: renderer(request, state).sprint))
    }

    /// Search results over the issues `scope` admits, narrowed by the optional `jql`, in rank (key) order.
    func issuePage(_ request: RouteRequest, state: JiraState, scope: (JiraIssue) -> Bool) throws -> SandboxResponse {
        var issues = state.storedIssues { scope($0) }.map(\.issue).sorted { ($0.projectKey, $0.number) < ($1.projectKey, $1.number) }
        if let jql = request.query["jql"], !jql.isEmpty {
            let query = try JQLQuery(jql)
            let matching = try query.run(in: state, currentUser: request.accountId).map(\.issue.id)
            if query.parsed.orderBy.isEmpty {
                let allowed = Set(matching)
                issues = issues.filter { allowed.contains($0.id) }
            } else {
                let inScope = Set(issues.map(\.id))
                issues = matching.filter(inScope.contains).compactMap { state.issue(idOrKey: $0) }
            }
        }
        let (startAt, maxResults) = try JiraPaging.window(request, defaultSize: 50, maximum: 100)
        let page = Page(of: issues, offset: startAt, limit: maxResults)
        let requested = request.query.list("fields")
        let selection = JiraFieldSelection(requested.isEmpty ? ["*navigable"] : requested)
        let renderer = renderer(request, state)
        return .json([
            "expand": "schema,names",
            "startAt": .number(JSONNumber(startAt)),
            "maxResults": .number(JSONNumber(maxResults)),
            "total": .number(JSONNumber(page.total)),
            "issues": .array(page.items.map { renderer.issue($0, fields: selection, expand: Set(request.query.list("expand")), currentUser: request.accountId) }),
        ])
    }

    /// The `issues` array of a move request (keys or ids), at most 50.
    func issueList(_ request: RouteRequest) throws(APIError) -> [String] {
        let body = try request.jsonObjectBody()
        guard let values = body["issues"]?.arrayValue, !values.isEmpty else { throw .badRequest("At least one issue must be specified.") }
        guard values.count <= Self.maxIssuesPerMove else {
            throw .badRequest("Cannot move more than \(Self.maxIssuesPerMove) issues at once.")
        }
        return values.map { $0.stringValue ?? $0.intValue.map(String.init) ?? $0.displayText }
    }

    func move(_ keys: [String], in state: inout JiraState, actor: String, change: (inout JiraIssue) -> Void) throws(APIError) {
        var issues: [JiraIssue] = []
        for key in keys {
            guard let issue = state.issue(idOrKey: key) else { throw .badRequest("Issue '\(key)' does not exist or you do not have permission to see it.") }
            issues.append(issue)
        }
        let now = Timestamp.now()
        for var issue in issues {
            change(&issue)
            issue.updated = now
            state.saveRecordingChanges(issue, by: actor, at: now)
        }
    }
}
