import Foundation
import NIOHTTP1
import Switchyard

/// Enhanced JQL search: `GET|POST /rest/api/{3,2}/search/jql` with `nextPageToken` paging, and
/// `POST /rest/api/3/search/approximate-count`. The removed `/rest/api/3/search` answers 410 Gone, as on Cloud;
/// `GET|POST /rest/api/2/search` is the Server/Data Center search, paged by `startAt` with a `total`.
///
/// ```http
/// GET /rest/api/3/search/jql?jql=project%20%3D%20DEMO&maxResults=10&fields=summary,status
/// → {"issues":[...10 issues...],"nextPageToken":"c2J4OjEwOj...","isLast":false}
/// ```
struct JiraSearchRoutes: RouteGroup {
    static let maxPageSize = 100
    static let removedMessage = "The requested API has been removed. Please migrate to the /rest/api/3/search/jql API. A full migration guideline is available at https://developer.atlassian.com/changelog/#CHANGE-2046"

    let store: SandboxStore

    func register(on router: inout Router) {
        // Cloud serves the enhanced search on REST v2 as well (pycontribs `jira` uses /rest/api/2/search/jql).
        for version in JiraAPIVersion.platform {
            router.add(.GET, version.pathPrefix + "/search/jql", dialect: .jira) { request in
                try search(
                    request, version: version, jql: request.query["jql"] ?? "", pageToken: request.query["nextPageToken"],
                    maxResults: try request.integer("maxResults", default: 50),
                    fields: request.query.list("fields"), expand: request.query.list("expand")
                )
            }
            router.add(.POST, version.pathPrefix + "/search/jql", dialect: .jira) { request in
                let body = try request.jsonObjectBody()
                return try search(
                    request, version: version, jql: body["jql"]?.stringValue ?? "", pageToken: body["nextPageToken"]?.stringValue,
                    maxResults: body["maxResults"]?.intValue ?? 50,
                    fields: (body["fields"]?.arrayValue ?? []).compactMap(\.stringValue),
                    expand: Self.expandList(body["expand"])
                )
            }
        }
        router.add(.GET, "/rest/api/2/search", dialect: .jira) { request in
            try offsetSearch(
                request, jql: request.query["jql"] ?? "", startAt: try request.integer("startAt", default: 0),
                maxResults: try request.integer("maxResults", default: 50),
                fields: request.query.list("fields"), expand: request.query.list("expand")
            )
        }
        router.add(.POST, "/rest/api/2/search", dialect: .jira) { request in
            let body = try request.jsonObjectBody()
            return try offsetSearch(
                request, jql: body["jql"]?.stringValue ?? "", startAt: body["startAt"]?.intValue ?? 0,
                maxResults: body["maxResults"]?.intValue ?? 50,
                fields: (body["fields"]?.arrayValue ?? []).compactMap(\.stringValue),
                expand: Self.expandList(body["expand"])
            )
        }
        router.add(.POST, "/rest/api/3/search/approximate-count", dialect: .jira) { request in
            let body = try request.jsonObjectBody()
            let query = try JQLQuery(body["jql"]?.stringValue ?? "")
            let count = try query.run(in: store.snapshot().jira, currentUser: request.accountId).count
            return .json(["count": .number(JSONNumber(count))])
        }
        for method in [HTTPMethod.GET, .POST] {
            router.add(method, "/rest/api/3/search", dialect: .jira) { _ in throw APIError(.gone, [Self.removedMessage]) }
        }
    }

    private func search(
        _ request: RouteRequest, version: JiraAPIVersion, jql: String, pageToken: String?, maxResults: Int, fields: [String], expand: [String]
    ) throws -> SandboxResponse {
        let query = try JQLQuery(jql)
        let state = store.snapshot().jira
        let issues = try query.run(in: state, currentUser: request.accountId)
        var offset = 0
        if let pageToken, !pageToken.isEmpty {
            guard let cursor = PageCursor(token: pageToken, scope: jql) else {
                throw APIError.badRequest("The provided next page token is invalid or expired.")
            }
            offset = cursor.offset
        }
        let page = Page(of: issues, offset: offset, limit: min(max(maxResults, 1), Self.maxPageSize))
        let selection = JiraFieldSelection(fields.isEmpty ? ["id"] : fields)
        let renderer = JiraRenderer(state: state, baseURL: request.baseURL, version: version)
        let rendered = page.items.map { renderer.issue($0.issue, fields: selection, expand: Set(expand), currentUser: request.accountId) }
        var result: JSONObject = ["issues": .array(rendered)]
        if let next = page.nextOffset {
            result["nextPageToken"] = .string(PageCursor(offset: next, scope: jql).token)
        }
        result["isLast"] = .bool(page.isLast)
        return .json(.object(result))
    }

    /// Server/Data Center search: all navigable fields by default, and `maxResults=0` for just the `total`.
    /// Unlike Cloud, an empty JQL lists every issue.
    private func offsetSearch(
        _ request: RouteRequest, jql: String, startAt: Int, maxResults: Int, fields: [String], expand: [String]
    ) throws -> SandboxResponse {
        let state = store.snapshot().jira
        let issues: [StoredIssue]
        if jql.trimmingCharacters(in: .whitespaces).isEmpty {
            issues = state.storedIssues { _ in true }.sorted { Int($0.issue.id) ?? 0 > Int($1.issue.id) ?? 0 }
        } else {
            issues = try JQLQuery(jql).run(in: state, currentUser: request.accountId)
        }
        let limit = min(max(maxResults, 0), 1_000)
        let page = Page(of: issues, offset: max(startAt, 0), limit: limit)
        let selection = JiraFieldSelection(fields.isEmpty ? ["*navigable"] : fields)
        let renderer = JiraRenderer(state: state, baseURL: request.baseURL, version: .v2)
        let rendered = page.items.map { renderer.issue($0.issue, fields: selection, expand: Set(expand), currentUser: request.accountId) }
        return .json([
            "expand": "schema,names",
            "startAt": .number(JSONNumber(max(startAt, 0))),
            "maxResults": .number(JSONNumber(limit)),
            "total": .number(JSONNumber(page.total)),
            "issues": .array(rendered),
        ])
    }

    /// `expand` is a comma-separated string in the POST body, though some clients send an array.
    private static func expandList(_ value: JSONValue?) -> [String] {
        if let text = value?.stringValue { return text.split(separator: ",").map { String($0) } }
        return (value?.arrayValue ?? []).compactMap(\.stringValue)
    }
}
