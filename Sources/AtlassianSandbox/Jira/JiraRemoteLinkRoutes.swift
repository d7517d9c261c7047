import NIOHTTP1
import Switchyard

/// Remote issue links: links from an issue to a web page, pull request or document outside Jira. Creating
/// one with a `globalId` the issue already has updates that link (200) instead of adding one (201); listing
/// with a `globalId` answers that one link as an object.
///
/// ```http
/// POST /rest/api/3/issue/DEMO-4/remotelink
/// {"object":{"url":"https://example.com/pr/7","title":"PR #7"},"relationship":"fixed by"}
/// → 201 {"id":10700,"self":".../rest/api/3/issue/DEMO-4/remotelink/10700"}
/// ```
struct JiraRemoteLinkRoutes: RouteGroup {
    let store: SandboxStore

    func register(on router: inout Router) {
        router.addJira(.GET, "/issue/{issueIdOrKey}/remotelink") { request, version in
            let state = store.snapshot().jira
            let issue = try issue(request, in: state)
            let links = state.remoteLinks.filter { $0.issueId == issue.id }
            // With a global id Jira answers that one link as an object; without, every link as an array.
            if let globalId = request.query["globalId"], !globalId.isEmpty {
                guard let link = links.first(where: { $0.globalId == globalId }) else {
                    throw APIError.notFound("No remote link with globalId '\(globalId)' exists on issue \(issue.key).")
                }
                return .json(render(link, issueKey: issue.key, request: request, version: version))
            }
            return .json(.array(links.map { render($0, issueKey: issue.key, request: request, version: version) }))
        }
        router.addJira(.GET, "/issue/{issueIdOrKey}/remotelink/{linkId}") { request, version in
            let state = store.snapshot().jira
            let issue = try issue(request, in: state)
            let link = try link(request, of: issue, in: state)
            return .json(render(link, issueKey: issue.key, request: request, version: version))
        }
        router.addJira(.POST, "/issue/{issueIdOrKey}/remotelink") { request, version in
            let body = try request.jsonObjectBody()
            let object = body["object"]?.objectValue ?? JSONObject()
            var errors = JSONObject()
            for field in ["url", "title"] where (object[field]?.stringValue ?? "").isEmpty {
                errors[field] = .string("'\(field)' is required.")
            }
            guard errors.isEmpty else { throw APIError.invalidFields(errors) }
            let globalId = body["globalId"]?.stringValue
            let (link, created) = try store.write { state throws(APIError) -> (JiraRemoteLink, Bool) in
                let issue = try issue(request, in: state.jira)
                if let globalId, let index = state.jira.remoteLinks.firstIndex(where: { $0.issueId == issue.id && $0.globalId == globalId }) {
                    state.jira.remoteLinks[index].object = object
                    state.jira.remoteLinks[index].relationship = body["relationship"]?.stringValue
                    state.jira.remoteLinks[index].application = body["application"]?.objectValue
                    return (state.jira.remoteLinks[index], false)
                }
                let link = JiraRemoteLink(
                    id: state.jira.nextOtherIDs.make(.remoteLink), issueId: issue.id, globalId: globalId,
                    relationship: body["relationship"]?.stringValue, object: object, application: body["application"]?.objectValue
                )
                state.jira.remoteLinks.append(link)
                return (link, true)
            }
            let key = store.snapshot().jira.issue(idOrKey: link.issueId)?.key ?? link.issueId
            let reference: JSONValue = ["id": .number(JSONNumber(Int(link.id) ?? 0)), "self": .string(selfURL(link, issueKey: key, request: request, version: version))]
            return .json(reference, status: created ? .created : .ok)
        }
        router.addJira(.DELETE, "/issue/{issueIdOrKey}/remotelink/{linkId}") { request, _ in
            try store.write { state throws(APIError) in
                let issue = try issue(request, in: state.jira)
                let link = try link(request, of: issue, in: state.jira)
                state.jira.remoteLinks.removeAll { $0.id == link.id }
            }
            return .noContent
        }
    }

    private func issue(_ request: RouteRequest, in state: JiraState) throws(APIError) -> JiraIssue {
        guard let issue = state.issue(idOrKey: request.parameter("issueIdOrKey")) else { throw .issueNotFound }
        return issue
    }

    private func link(_ request: RouteRequest, of issue: JiraIssue, in state: JiraState) throws(APIError) -> JiraRemoteLink {
        let id = request.parameter("linkId")
        guard let link = state.remoteLinks.first(where: { $0.id == id && $0.issueId == issue.id }) else {
            throw .notFound("No remote link with id '\(id)' exists on issue \(issue.key).")
        }
        return link
    }

    private func selfURL(_ link: JiraRemoteLink, issueKey: String, request: RouteRequest, version: JiraAPIVersion) -> String {
        "\(request.baseURL)\(version.pathPrefix)/issue/\(issueKey)/remotelink/\(link.id)"
    }

    private func render(_ link: JiraRemoteLink, issueKey: String, request: RouteRequest, version: JiraAPIVersion) -> JSONValue {
        var object: JSONObject = [
            "id": .number(JSONNumber(Int(link.id) ?? 0)),
            "self": .string(selfURL(link, issueKey: issueKey, request: request, version: version)),
        ]
        if let globalId = link.globalId { object["globalId"] = .string(globalId) }
        if let application = link.application { object["application"] = .object(application) }
        if let relationship = link.relationship { object["relationship"] = .string(relationship) }
        object["object"] = .object(link.object)
        return .object(object)
    }
}
