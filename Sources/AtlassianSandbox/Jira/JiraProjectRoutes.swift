import Switchyard

/// `GET /rest/api/{3,2}/project/search` (a PageBean with `nextPage` links), `GET /rest/api/{3,2}/project` (a bare
/// array, the Server/Data Center way to list projects) and `GET /rest/api/{3,2}/project/{projectIdOrKey}`.
///
/// ```http
/// GET /rest/api/3/project/search?maxResults=5
/// → {"self":"...","nextPage":".../project/search?maxResults=5&startAt=5","maxResults":5,"startAt":0,
///    "total":7,"isLast":false,"values":[...]}
/// ```
struct JiraProjectRoutes: RouteGroup {
    static let maxPageSize = 100

    let store: SandboxStore

    func register(on router: inout Router) {
        router.addJira(.GET, "/project/search") { try searchProjects($0, $1) }
        router.addJira(.GET, "/project") { request, version in
            let state = store.snapshot().jira
            let renderer = JiraRenderer(state: state, baseURL: request.baseURL, version: version)
            return .json(.array(state.projects.sorted { $0.key < $1.key }.map(renderer.projectDetails)))
        }
        router.addJira(.GET, "/project/{projectIdOrKey}") { request, version in
            let state = store.snapshot().jira
            let idOrKey = request.parameter("projectIdOrKey")
            guard let project = state.project(idOrKey: idOrKey) else { throw APIError.projectNotFound(idOrKey) }
            return .json(JiraRenderer(state: state, baseURL: request.baseURL, version: version).projectDetails(project))
        }
    }

    private func searchProjects(_ request: RouteRequest, _ version: JiraAPIVersion) throws -> SandboxResponse {
        let state = store.snapshot().jira
        let startAt = max(try request.integer("startAt", default: 0), 0)
        let maxResults = min(max(try request.integer("maxResults", default: 50), 1), Self.maxPageSize)
        var projects = state.projects
        if let text = request.query["query"]?.lowercased(), !text.isEmpty {
            projects = projects.filter { $0.key.lowercased().contains(text) || $0.name.lowercased().contains(text) }
        }
        let keys = request.query.list("keys").map { $0.uppercased() }
        if !keys.isEmpty { projects = projects.filter { keys.contains($0.key) } }
        let ids = request.query.list("id")
        if !ids.isEmpty { projects = projects.filter { ids.contains($0.id) } }
        projects = try sorted(projects, by: request.query["orderBy"] ?? "key")

        let page = Page(of: projects, offset: startAt, limit: maxResults)
        let renderer = JiraRenderer(state: state, baseURL: request.baseURL, version: version)
        var result: JSONObject = ["self": .string(request.baseURL + request.uri)]
        if let next = page.nextOffset {
            let nextPath = request.pathAndQuery(replacing: ["maxResults": String(maxResults), "startAt": String(next)])
            result["nextPage"] = .string(request.baseURL + nextPath)
        }
        result["maxResults"] = .number(JSONNumber(maxResults))
        result["startAt"] = .number(JSONNumber(startAt))
        result["total"] = .number(JSONNumber(page.total))
        result["isLast"] = .bool(page.isLast)
        result["values"] = .array(page.items.map(renderer.projectDetails))
        return .json(.object(result))
    }

    private func sorted(_ projects: [JiraProject], by orderBy: String) throws(APIError) -> [JiraProject] {
        let descending = orderBy.hasPrefix("-")
        let field = String(orderBy.drop { $0 == "-" || $0 == "+" })
        let ascending: [JiraProject]
        switch field {
        case "key": ascending = projects.sorted { $0.key < $1.key }
        case "name": ascending = projects.sorted { $0.name.lowercased() < $1.name.lowercased() }
        case "issueCount", "lastIssueUpdatedDate", "category", "owner": ascending = projects.sorted { $0.key < $1.key }
        default: throw .badRequest("Invalid orderBy value '\(orderBy)'.")
        }
        return descending ? ascending.reversed() : ascending
    }
}
