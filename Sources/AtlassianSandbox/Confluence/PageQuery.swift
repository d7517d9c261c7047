/// The `status`, `title` and `sort` parameters shared by the v2 page lists.
///
/// ```swift
/// // ?status=current&title=Runbooks&sort=-modified-date
/// let pages = try PageQuery(request).apply(to: state.confluence.allContent)
/// ```
struct PageQuery {
    private let statuses: [String]
    private let title: String?
    private let sort: String

    init(_ request: RouteRequest) throws(APIError) {
        let statuses = request.query.list("status")
        self.statuses = statuses.isEmpty ? ["current", "archived"] : statuses
        title = request.query["title"]
        sort = request.query["sort"] ?? "id"
        guard Self.sortKeys.contains(sort.hasPrefix("-") ? String(sort.dropFirst()) : sort) else {
            throw .badRequest("Invalid sort value '\(sort)'. Use id, created-date, modified-date or title, optionally prefixed with '-'.")
        }
    }

    private static let sortKeys: Set<String> = ["id", "created-date", "modified-date", "title"]

    func apply(to content: [ConfluenceContent]) -> [ConfluenceContent] {
        let filtered = content.filter { item in
            statuses.contains(item.status) && (title.map { $0 == item.title } ?? true)
        }
        let descending = sort.hasPrefix("-")
        let ascending: [ConfluenceContent]
        switch descending ? String(sort.dropFirst()) : sort {
        case "created-date": ascending = filtered.sorted { ($0.createdAt, Int($0.id) ?? 0) < ($1.createdAt, Int($1.id) ?? 0) }
        case "modified-date": ascending = filtered.sorted { ($0.version.createdAt, Int($0.id) ?? 0) < ($1.version.createdAt, Int($1.id) ?? 0) }
        case "title": ascending = filtered.sorted { $0.title.lowercased() < $1.title.lowercased() }
        default: ascending = filtered.sorted { (Int($0.id) ?? 0) < (Int($1.id) ?? 0) }
        }
        return descending ? ascending.reversed() : ascending
    }
}
