import NIOHTTP1
import Switchyard

/// Issue links: create (`POST /issueLink`, 201 without a body), read and delete one, and list link types.
///
/// ```http
/// POST /rest/api/3/issueLink
/// {"type":{"name":"Blocks"},"inwardIssue":{"key":"DEMO-4"},"outwardIssue":{"key":"DEMO-3"}}
/// → 201 (DEMO-3 blocks DEMO-4)
/// ```
struct JiraLinkRoutes: RouteGroup {
    let store: SandboxStore

    func register(on router: inout Router) {
        router.addJira(.POST, "/issueLink") { try createLink($0, $1) }
        router.addJira(.GET, "/issueLink/{linkId}") { request, version in
            let state = store.snapshot().jira
            let linkId = request.parameter("linkId")
            guard let link = state.issueLinks.first(where: { $0.id == linkId }) else { throw Self.linkNotFound(linkId) }
            return .json(JiraRenderer(state: state, baseURL: request.baseURL, version: version).issueLinkDetails(link))
        }
        router.addJira(.DELETE, "/issueLink/{linkId}") { request, _ in
            let linkId = request.parameter("linkId")
            try store.write { state throws(APIError) in
                guard let index = state.jira.issueLinks.firstIndex(where: { $0.id == linkId }) else { throw Self.linkNotFound(linkId) }
                state.jira.issueLinks.remove(at: index)
            }
            return .noContent
        }
        router.addJira(.GET, "/issueLinkType") { request, version in
            let renderer = JiraRenderer(state: store.snapshot().jira, baseURL: request.baseURL, version: version)
            return .json(["issueLinkTypes": .array(JiraIssueLinkType.all.map(renderer.linkType))])
        }
        router.addJira(.GET, "/issueLinkType/{issueLinkTypeId}") { request, version in
            let id = request.parameter("issueLinkTypeId")
            guard let type = JiraIssueLinkType.with(id: id) else { throw APIError.notFound("No issue link type with id '\(id)' found.") }
            return .json(JiraRenderer(state: store.snapshot().jira, baseURL: request.baseURL, version: version).linkType(type))
        }
    }

    static func linkNotFound(_ id: String) -> APIError {
        .notFound("No issue link with id '\(id)' exists.")
    }

    private static func issue(_ body: JSONObject, side: String, in state: JiraState) throws(APIError) -> JiraIssue {
        let reference = body[side]?["key"]?.stringValue ?? body[side]?["id"]?.stringValue ?? ""
        guard let issue = state.issue(idOrKey: reference) else { throw .notFound("Issue Does Not Exist: \(side) '\(reference)'") }
        return issue
    }

    private func createLink(_ request: RouteRequest, _ version: JiraAPIVersion) throws -> SandboxResponse {
        let body = try request.jsonObjectBody()
        let typeReference = body["type"]
        guard let type = JiraIssueLinkType.find(id: typeReference?["id"]?.stringValue, name: typeReference?["name"]?.stringValue) else {
            let name = typeReference?["name"]?.stringValue ?? typeReference?["id"]?.stringValue ?? ""
            throw APIError.notFound("No issue link type with name '\(name)' found.")
        }
        let link = try store.write { state throws(APIError) -> JiraIssueLink in
            let inward = try Self.issue(body, side: "inwardIssue", in: state.jira)
            let outward = try Self.issue(body, side: "outwardIssue", in: state.jira)
            guard inward.id != outward.id else { throw .badRequest("You cannot link an issue to itself.") }
            if let existing = state.jira.issueLinks.first(where: {
                $0.typeId == type.id && $0.inwardIssueId == inward.id && $0.outwardIssueId == outward.id
            }) {
                return existing
            }
            let link = JiraIssueLink(id: state.jira.nextOtherIDs.make(.link), typeId: type.id, outwardIssueId: outward.id, inwardIssueId: inward.id)
            state.jira.issueLinks.append(link)
            return link
        }
        return SandboxResponse(status: .created, headers: ["Location": "\(request.baseURL)\(version.pathPrefix)/issueLink/\(link.id)"])
    }
}
