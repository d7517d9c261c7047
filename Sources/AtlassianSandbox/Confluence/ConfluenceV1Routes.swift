import Foundation
import Switchyard

/// Confluence REST v1 CQL search (cursor paging on Cloud, `start` on Data Center), user search, spaces and
/// the current user. Registered under `/wiki` (Cloud) and with no context path (Server/Data Center).
///
/// ```http
/// GET /wiki/rest/api/search?cql=type%3Dpage%20AND%20space%3DDEMO&limit=5
/// → {"results":[...],"start":0,"limit":5,"size":5,"totalSize":12,"cqlQuery":"type=page AND space=DEMO",
///    "_links":{"base":".../wiki","context":"/wiki","next":"/rest/api/search?cql=...&limit=5&cursor=..."}}
/// GET /rest/api/space/DEMO?expand=description.plain,homepage
/// ```
struct ConfluenceV1Routes: RouteGroup {
    let store: SandboxStore
    /// `/wiki` on Cloud, empty on Data Center.
    let context: String

    func register(on router: inout Router) {
        router.add(.GET, "\(context)/rest/api/search", dialect: .confluenceV1) { try search($0) }
        router.add(.GET, "\(context)/rest/api/search/user", dialect: .confluenceV1) { try searchUsers($0) }
        router.add(.GET, "\(context)/rest/api/space", dialect: .confluenceV1) { try listSpaces($0) }
        router.add(.GET, "\(context)/rest/api/space/{spaceKey}", dialect: .confluenceV1) { request in
            let key = request.parameter("spaceKey")
            let state = store.snapshot()
            guard let space = state.confluence.space(key: key) else { throw APIError.notFound("No space with key : \(key)") }
            return .json(renderer(state, request).v1Space(space, expand: Set(request.query.list("expand"))))
        }
        router.add(.GET, "\(context)/rest/api/user/current", dialect: .confluenceV1) { request in
            let state = store.snapshot()
            guard let user = state.jira.user(accountId: request.accountId ?? "") else {
                throw APIError(.unauthorized, ["This request requires authentication."])
            }
            return .json(renderer(state, request).v1User(user))
        }
    }

    private func renderer(_ state: SandboxState, _ request: RouteRequest) -> ConfluenceRenderer {
        ConfluenceRenderer(state: state, baseURL: request.baseURL, context: context)
    }

    private func search(_ request: RouteRequest) throws -> SandboxResponse {
        guard let cql = request.query["cql"], !cql.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw APIError.badRequest("Missing required parameter 'cql'.")
        }
        let paging = try CursorPaging(request, defaultLimit: 25, maxLimit: 100, startParameter: "start")
        let state = store.snapshot()
        let matches = try CQLQuery(cql).run(in: state, currentUser: request.accountId)
        let page = paging.page(of: matches)
        let renderer = renderer(state, request)
        let expand = Set(request.query.list("expand"))
        let contentExpand = Set(expand.compactMap { $0.hasPrefix("content.") ? String($0.dropFirst(8)) : nil })
        let results: [JSONValue] = page.items.map { content in
            let space = state.confluence.space(id: content.spaceId)
            return [
                "content": renderer.v1Content(content, expand: contentExpand),
                "title": .string(content.title),
                "excerpt": .string(Self.excerpt(of: content)),
                "url": .string(content.webPath(spaceKey: space?.key ?? "")),
                "resultGlobalContainer": ["title": .string(space?.name ?? ""), "displayUrl": .string(space?.webPath ?? "")],
                "breadcrumbs": [],
                "entityType": "content",
                "iconCssClass": .string("aui-icon content-type-\(content.kind.rawValue)"),
                "lastModified": .string(content.version.createdAt.isoText),
                "friendlyLastModified": .string(content.version.createdAt.friendlyText),
                "score": 0,
            ]
        }
        var links: JSONObject = ["base": .string(renderer.wikiBase), "context": .string(context)]
        if context.isEmpty {
            // Server/Data Center pages search results by offset: the next link carries `start`.
            if let next = page.nextOffset {
                links["next"] = .string(request.pathAndQuery(replacing: ["limit": String(paging.limit), "start": String(next)], path: "/rest/api/search"))
            }
        } else if let next = paging.nextLink(for: page, path: "/rest/api/search") {
            links["next"] = .string(next)
        }
        links["self"] = .string(request.baseURL + request.uri)
        return .json([
            "results": .array(results),
            "start": .number(JSONNumber(page.offset)),
            "limit": .number(JSONNumber(paging.limit)),
            "size": .number(JSONNumber(page.items.count)),
            "totalSize": .number(JSONNumber(page.total)),
            "cqlQuery": .string(cql),
            "searchDuration": 7,
            "_links": .object(links),
        ])
    }

    /// Users matching a CQL user query, as search results with a `user`, paged by `start`.
    private func searchUsers(_ request: RouteRequest) throws -> SandboxResponse {
        guard let cql = request.query["cql"], !cql.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw APIError.badRequest("Missing required parameter 'cql'.")
        }
        let paging = try V1Paging(request, context: context, defaultLimit: 25, maxLimit: 1_000)
        let state = store.snapshot()
        let users = try CQLUserQuery(cql).run(in: state, currentUser: request.accountId)
        let page = paging.page(of: users)
        let renderer = renderer(state, request)
        let joined = Timestamp(year: 2025, month: 6, day: 2, hour: 9)
        let results: [JSONValue] = page.items.map { user in
            [
                "user": renderer.v1User(user),
                "title": .string(user.displayName),
                "excerpt": "",
                "url": .string("/people/\(user.accountId)"),
                "breadcrumbs": [],
                "entityType": "user",
                "iconCssClass": "aui-icon content-type-profile",
                "lastModified": .string(joined.isoText),
                "score": 0,
            ]
        }
        return paging.response(results: results, page: page, extra: [
            "totalSize": .number(JSONNumber(page.total)), "cqlQuery": .string(cql), "searchDuration": 4,
        ])
    }

    private func listSpaces(_ request: RouteRequest) throws -> SandboxResponse {
        let paging = try V1Paging(request, context: context, defaultLimit: 25, maxLimit: 500)
        let state = store.snapshot()
        var spaces = state.confluence.spaces
        let keys = request.query.list("spaceKey").map { $0.uppercased() }
        if !keys.isEmpty { spaces = spaces.filter { keys.contains($0.key.uppercased()) } }
        let ids = request.query.list("spaceId")
        if !ids.isEmpty { spaces = spaces.filter { ids.contains($0.id) } }
        if let type = request.query["type"] {
            guard type == "global" || type == "personal" else { throw APIError.badRequest("Invalid space type '\(type)'; use global or personal.") }
            spaces = spaces.filter { $0.type == type }
        }
        if let status = request.query["status"], status != "current" { spaces = [] }
        let page = paging.page(of: spaces)
        let expand = Set(request.query.list("expand"))
        let renderer = renderer(state, request)
        return paging.response(results: page.items.map { renderer.v1Space($0, expand: expand) }, page: page)
    }

    /// The first words of the body, as a search result excerpt.
    private static func excerpt(of content: ConfluenceContent) -> String {
        let text = BodyConverter.plainText(of: content.body)
        guard text.count > 200 else { return text }
        return String(text.prefix(200)) + "…"
    }
}
