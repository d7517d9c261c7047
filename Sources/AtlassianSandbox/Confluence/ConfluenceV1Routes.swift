import Foundation
import Switchyard

/// Confluence REST v1 under `/wiki/rest/api`: CQL search (cursor paging), content lists (offset paging),
/// single content and the current user.
///
/// ```http
/// GET /wiki/rest/api/search?cql=type%3Dpage%20AND%20space%3DDEMO&limit=5
/// → {"results":[...],"start":0,"limit":5,"size":5,"totalSize":12,"cqlQuery":"type=page AND space=DEMO",
///    "_links":{"base":".../wiki","context":"/wiki","next":"/rest/api/search?cql=...&limit=5&cursor=..."}}
/// ```
struct ConfluenceV1Routes: RouteGroup {
    let store: SandboxStore

    func register(on router: inout Router) {
        router.add(.GET, "/wiki/rest/api/search", dialect: .confluenceV1) { try search($0) }
        router.add(.GET, "/wiki/rest/api/content", dialect: .confluenceV1) { try listContent($0) }
        router.add(.GET, "/wiki/rest/api/content/{id}", dialect: .confluenceV1) { request in
            let id = request.parameter("id")
            let state = store.snapshot()
            guard let content = state.confluence.content(id: id), content.status != "trashed" else {
                throw APIError.notFound("No content found with id: ContentId{id=\(id)}")
            }
            let renderer = ConfluenceRenderer(state: state, baseURL: request.baseURL)
            return .json(renderer.v1Content(content, expand: Set(request.query.list("expand"))))
        }
        router.add(.GET, "/wiki/rest/api/user/current", dialect: .confluenceV1) { request in
            let state = store.snapshot()
            guard let user = state.jira.user(accountId: request.accountId ?? "") else {
                throw APIError(.unauthorized, ["This request requires authentication."])
            }
            return .json(ConfluenceRenderer(state: state, baseURL: request.baseURL).v1User(user))
        }
    }

    private func search(_ request: RouteRequest) throws -> SandboxResponse {
        guard let cql = request.query["cql"], !cql.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw APIError.badRequest("Missing required parameter 'cql'.")
        }
        let paging = try CursorPaging(request, defaultLimit: 25, maxLimit: 100, startParameter: "start")
        let state = store.snapshot()
        let matches = try CQLQuery(cql).run(in: state, currentUser: request.accountId)
        let page = paging.page(of: matches)
        let renderer = ConfluenceRenderer(state: state, baseURL: request.baseURL)
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
        var links: JSONObject = ["base": .string(renderer.wikiBase), "context": "/wiki"]
        if let next = paging.nextLink(for: page, path: "/rest/api/search") { links["next"] = .string(next) }
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

    private func listContent(_ request: RouteRequest) throws -> SandboxResponse {
        let start = max(try request.integer("start", default: 0), 0)
        let limit = min(max(try request.integer("limit", default: 25), 1), 250)
        let type = request.query["type"] ?? "page"
        guard let kind = ConfluenceContent.Kind(rawValue: type) else {
            throw APIError.badRequest("Type '\(type)' is not supported; use page or blogpost.")
        }
        let statuses = request.query.list("status").isEmpty ? ["current"] : request.query.list("status")
        let state = store.snapshot()
        var content = state.confluence.allContent.filter { $0.kind == kind && statuses.contains($0.status) }
        if let spaceKey = request.query["spaceKey"] {
            let spaceId = state.confluence.space(key: spaceKey)?.id
            content = content.filter { $0.spaceId == spaceId }
        }
        if let title = request.query["title"] { content = content.filter { $0.title == title } }
        let page = Page(of: content, offset: start, limit: limit)
        let renderer = ConfluenceRenderer(state: state, baseURL: request.baseURL)
        let expand = Set(request.query.list("expand"))
        var links: JSONObject = ["base": .string(renderer.wikiBase), "context": "/wiki", "self": .string(request.baseURL + request.uri)]
        if let next = page.nextOffset {
            links["next"] = .string(request.pathAndQuery(replacing: ["limit": String(limit), "start": String(next)], path: "/rest/api/content"))
        }
        return .json([
            "results": .array(page.items.map { renderer.v1Content($0, expand: expand) }),
            "start": .number(JSONNumber(page.offset)),
            "limit": .number(JSONNumber(limit)),
            "size": .number(JSONNumber(page.items.count)),
            "_links": .object(links),
        ])
    }

    /// The first words of the body, as a search result excerpt.
    private static func excerpt(of content: ConfluenceContent) -> String {
        let text = BodyConverter.plainText(of: content.body)
        guard text.count > 200 else { return text }
        return String(text.prefix(200)) + "…"
    }
}
