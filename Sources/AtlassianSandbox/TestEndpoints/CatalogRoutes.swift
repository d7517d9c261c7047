import NIOHTTP1
import Switchyard

/// Two non-Atlassian lists of 95 items (or `total` items, up to 100,000, for benchmarks) for testing
/// generic pagination styles: page-number paging with a `total_pages` envelope, and GitHub-style `Link`
/// header paging.
///
/// ```http
/// GET /__sandbox/catalog/items?page=2&per_page=10
/// → {"items":[{"id":11,"name":"Item 011"},...],"page":2,"per_page":10,"total_pages":10}
/// GET /__sandbox/catalog/linked?page=1&per_page=50
/// → [...50 items...]   Link: <http://127.0.0.1:PORT/__sandbox/catalog/linked?page=2&per_page=50>; rel="next", <...page=2...>; rel="last"
/// ```
struct CatalogRoutes: RouteGroup {
    static let itemCount = 95

    func register(on router: inout Router) {
        router.add(.GET, "/__sandbox/catalog/items", dialect: .jira) { request in
            let paging = try PageNumberPaging(request)
            return .json([
                "items": .array(paging.items),
                "page": .number(JSONNumber(paging.page)),
                "per_page": .number(JSONNumber(paging.perPage)),
                "total_pages": .number(JSONNumber(paging.totalPages)),
            ])
        }
        router.add(.GET, "/__sandbox/catalog/linked", dialect: .jira) { request in
            let paging = try PageNumberPaging(request)
            var relations: [(String, Int)] = []
            if paging.page > 1 { relations += [("prev", paging.page - 1), ("first", 1)] }
            if paging.page < paging.totalPages { relations += [("next", paging.page + 1), ("last", paging.totalPages)] }
            var headers = HTTPHeaders()
            if !relations.isEmpty {
                let links = relations.map { relation, page in
                    "<\(request.baseURL)\(request.path)?page=\(page)&per_page=\(paging.perPage)>; rel=\"\(relation)\""
                }
                headers.add(name: "Link", value: links.joined(separator: ", "))
            }
            return .json(.array(paging.items), headers: headers)
        }
    }
}

/// `page` (from 1) and `per_page` (1–100, default 10) over the catalog's items (`total`, default 95).
private struct PageNumberPaging {
    let page: Int
    let perPage: Int
    let totalPages: Int
    let items: [JSONValue]

    init(_ request: RouteRequest) throws(APIError) {
        page = try request.integer("page", default: 1)
        perPage = try request.integer("per_page", default: 10)
        guard page >= 1 else { throw .badRequest("page must be 1 or more.") }
        guard (1...100).contains(perPage) else { throw .badRequest("per_page must be between 1 and 100.") }
        let total = try request.integer("total", default: CatalogRoutes.itemCount)
        guard (0...100_000).contains(total) else { throw .badRequest("total must be between 0 and 100000.") }
        totalPages = (total + perPage - 1) / perPage
        let first = (page - 1) * perPage + 1
        let last = min(page * perPage, total)
        items = first > last ? [] : (first...last).map { id in
            let digits = String(id)
            return ["id": .number(JSONNumber(id)), "name": .string("Item \(String(repeating: "0", count: max(0, 3 - digits.count)))\(digits)")]
        }
    }
}
