import NIOHTTP1
import Switchyard

/// Confluence's cursor pagination: reads `cursor` and `limit`, cuts a page, and writes the `next` link
/// into `_links.next` and the `Link` header.
///
/// A cursor is tied to the request's other parameters (except `limit`), so a client must replay the
/// `next` link rather than build its own.
///
/// ```swift
/// let paging = try CursorPaging(request, defaultLimit: 25, maxLimit: 250)
/// let page = paging.page(of: pages)
/// return paging.v2Response(results: page.items.map(render), page: page)
/// ```
struct CursorPaging {
    let request: RouteRequest
    let limit: Int
    let offset: Int
    private let scope: String
    private let startParameter: String?

    /// `startParameter` names a deprecated offset parameter (v1 search's `start`) honoured when no cursor is given.
    init(_ request: RouteRequest, defaultLimit: Int, maxLimit: Int, startParameter: String? = nil) throws(APIError) {
        self.request = request
        self.startParameter = startParameter
        let limit = try request.integer("limit", default: defaultLimit)
        guard limit >= 1 else { throw .badRequest("The limit parameter must be between 1 and \(maxLimit).") }
        self.limit = min(limit, maxLimit)
        scope = request.path + "?" + request.query.pairs
            .filter { $0.name != "cursor" && $0.name != "limit" && $0.name != startParameter }
            .map { "\($0.name)=\($0.value)" }
            .joined(separator: "&")
        if let token = request.query["cursor"], !token.isEmpty {
            guard let cursor = PageCursor(token: token, scope: scope) else {
                throw .badRequest("The cursor is invalid or does not belong to this query.")
            }
            offset = cursor.offset
        } else if let startParameter {
            offset = max(try request.integer(startParameter, default: 0), 0)
        } else {
            offset = 0
        }
    }

    func page<Item>(of items: [Item]) -> Page<Item> {
        Page(of: items, offset: offset, limit: limit)
    }

    /// The site-relative link to the next page, such as `/wiki/api/v2/pages?limit=5&cursor=...`,
    /// or `nil` on the last page; `path` rewrites the path part (v1 links are relative to `/wiki`).
    func nextLink<Item>(for page: Page<Item>, path: String? = nil) -> String? {
        guard let next = page.nextOffset else { return nil }
        let cursor = PageCursor(offset: next, scope: scope).token
        let link = request.pathAndQuery(replacing: ["limit": String(limit), "cursor": cursor], path: path)
        guard let startParameter else { return link }
        return Self.removingParameter(startParameter, from: link)
    }

    private static func removingParameter(_ name: String, from link: String) -> String {
        let parts = link.split(separator: "?", maxSplits: 1)
        guard parts.count == 2 else { return link }
        let kept = parts[1].split(separator: "&").filter { !$0.hasPrefix("\(name)=") }
        return "\(parts[0])?\(kept.joined(separator: "&"))"
    }

    /// The v2 list envelope: `{"results":[...],"_links":{"next"?,"base"}}` plus a `Link` header when more remain.
    func v2Response<Item>(results: [JSONValue], page: Page<Item>) -> SandboxResponse {
        let base = "\(request.baseURL)/wiki"
        var links: JSONObject = [:]
        var headers = HTTPHeaders()
        if let next = nextLink(for: page) {
            links["next"] = .string(next)
            headers.add(name: "Link", value: "<\(next)>; rel=\"next\", <\(base)>; rel=\"base\"")
        }
        links["base"] = .string(base)
        return .json(["results": .array(results), "_links": .object(links)], headers: headers)
    }
}
