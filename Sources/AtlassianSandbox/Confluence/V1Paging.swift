import Switchyard

/// Confluence v1 offset paging (`start`, `limit`) and the array envelope it answers with:
/// `{"results":[...],"start","limit","size","_links":{"base","context","self","next"?}}`, where `next` is
/// relative to `_links.base` (`/rest/api/content?...&start=25`).
///
/// ```swift
/// let paging = try V1Paging(request, context: "/wiki", defaultLimit: 25, maxLimit: 200)
/// let page = paging.page(of: children)
/// return paging.response(results: page.items.map(render), page: page)
/// ```
struct V1Paging {
    let request: RouteRequest
    /// `/wiki` on Cloud, empty on Data Center.
    let context: String
    let start: Int
    let limit: Int

    init(_ request: RouteRequest, context: String, defaultLimit: Int, maxLimit: Int) throws(APIError) {
        self.request = request
        self.context = context
        start = max(try request.integer("start", default: 0), 0)
        limit = min(max(try request.integer("limit", default: defaultLimit), 1), maxLimit)
    }

    func page<Item>(of items: [Item]) -> Page<Item> {
        Page(of: items, offset: start, limit: limit)
    }

    /// The request path without the context, as v1 links write it: `/rest/api/content/98305/child/page`.
    var relativePath: String {
        request.path.hasPrefix(context) ? String(request.path.dropFirst(context.count)) : request.path
    }

    func response<Item>(results: [JSONValue], page: Page<Item>, extra: JSONObject = [:]) -> SandboxResponse {
        var links: JSONObject = [
            "base": .string(request.baseURL + context),
            "context": .string(context),
            "self": .string(request.baseURL + request.uri),
        ]
        if let next = page.nextOffset {
            links["next"] = .string(request.pathAndQuery(replacing: ["limit": String(limit), "start": String(next)], path: relativePath))
        }
        var object: JSONObject = [
            "results": .array(results),
            "start": .number(JSONNumber(page.offset)),
            "limit": .number(JSONNumber(limit)),
            "size": .number(JSONNumber(page.items.count)),
        ]
        for member in extra { object[member.key] = member.value }
        object["_links"] = .object(links)
        return .json(.object(object))
    }
}
