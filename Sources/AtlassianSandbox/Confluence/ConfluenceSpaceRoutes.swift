import Switchyard

/// Confluence v2 spaces: `GET /spaces`, `GET /spaces/{id}`, `GET /spaces/{id}/pages` and the labels used on
/// a space's content, `GET /spaces/{id}/content/labels`.
///
/// ```http
/// GET /wiki/api/v2/spaces?keys=DEMO,ENG
/// → {"results":[{"id":"65537","key":"DEMO","name":"Demo Space",...},...],"_links":{"base":".../wiki"}}
/// ```
struct ConfluenceSpaceRoutes: RouteGroup {
    let store: SandboxStore

    func register(on router: inout Router) {
        router.add(.GET, "/wiki/api/v2/spaces", dialect: .confluenceV2) { try listSpaces($0) }
        router.add(.GET, "/wiki/api/v2/spaces/{id}", dialect: .confluenceV2) { request in
            let id = try request.numericID("id")
            let state = store.snapshot()
            guard let space = state.confluence.space(id: id) else { throw APIError.spaceNotFound }
            let renderer = ConfluenceRenderer(state: state, baseURL: request.baseURL)
            return .json(renderer.space(space, descriptionFormat: request.query["description-format"]))
        }
        router.add(.GET, "/wiki/api/v2/spaces/{id}/pages", dialect: .confluenceV2) { try listPagesInSpace($0) }
        router.add(.GET, "/wiki/api/v2/spaces/{id}/content/labels", dialect: .confluenceV2) { try listContentLabels($0) }
    }

    private func listSpaces(_ request: RouteRequest) throws -> SandboxResponse {
        let paging = try CursorPaging(request, defaultLimit: 25, maxLimit: 250)
        let state = store.snapshot()
        var spaces = state.confluence.spaces
        let ids = request.query.list("ids")
        if !ids.isEmpty { spaces = spaces.filter { ids.contains($0.id) } }
        let keys = request.query.list("keys").map { $0.uppercased() }
        if !keys.isEmpty { spaces = spaces.filter { keys.contains($0.key.uppercased()) } }
        if let type = request.query["type"] { spaces = spaces.filter { $0.type == type } }
        if let status = request.query["status"], status != "current" { spaces = [] }
        spaces = try sorted(spaces, by: request.query["sort"] ?? "id")
        let page = paging.page(of: spaces)
        let renderer = ConfluenceRenderer(state: state, baseURL: request.baseURL)
        let descriptionFormat = request.query["description-format"]
        return paging.v2Response(results: page.items.map { renderer.space($0, descriptionFormat: descriptionFormat) }, page: page)
    }

    private func listPagesInSpace(_ request: RouteRequest) throws -> SandboxResponse {
        let id = try request.numericID("id")
        let paging = try CursorPaging(request, defaultLimit: 25, maxLimit: 250)
        let bodyFormat = try request.bodyFormat()
        let state = store.snapshot()
        guard let space = state.confluence.space(id: id) else { throw APIError.spaceNotFound }
        var pages = try PageQuery(request).apply(to: state.confluence.allContent.filter { $0.kind == .page && $0.spaceId == space.id })
        if request.query["depth"] == "root" { pages = pages.filter { $0.parentId == nil } }
        let page = paging.page(of: pages)
        let renderer = ConfluenceRenderer(state: state, baseURL: request.baseURL)
        return paging.v2Response(results: page.items.map { renderer.page($0, bodyFormat: bodyFormat) }, page: page)
    }

    private func sorted(_ spaces: [ConfluenceSpace], by sort: String) throws(APIError) -> [ConfluenceSpace] {
        let descending = sort.hasPrefix("-")
        let ascending: [ConfluenceSpace]
        switch descending ? String(sort.dropFirst()) : sort {
        case "id": ascending = spaces.sorted { (Int($0.id) ?? 0) < (Int($1.id) ?? 0) }
        case "key": ascending = spaces.sorted { $0.key < $1.key }
        case "name": ascending = spaces.sorted { $0.name.lowercased() < $1.name.lowercased() }
        default: throw .badRequest("Invalid sort value '\(sort)'. Use id, key or name, optionally prefixed with '-'.")
        }
        return descending ? ascending.reversed() : ascending
    }

    /// Each label on the space's current pages and blog posts once, by name.
    private func listContentLabels(_ request: RouteRequest) throws -> SandboxResponse {
        let id = try request.numericID("id")
        let paging = try CursorPaging(request, defaultLimit: 25, maxLimit: 250)
        let state = store.snapshot()
        guard state.confluence.space(id: id) != nil else { throw APIError.spaceNotFound }
        var labels: [ConfluenceLabel] = []
        for content in state.confluence.allContent where content.spaceId == id && content.status == "current" {
            for label in state.confluence.labels(on: content.id) where !labels.contains(label) { labels.append(label) }
        }
        if let prefix = request.query["prefix"] { labels = labels.filter { $0.prefix == prefix } }
        return try ConfluenceV2ExtrasRoutes.labelPage(labels, request: request, paging: paging, state: state)
    }
}
