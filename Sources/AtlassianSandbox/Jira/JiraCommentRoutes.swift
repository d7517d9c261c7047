import Foundation
import Switchyard

/// Issue comments: list (`startAt`/`maxResults` paging), add, read, edit and delete.
///
/// ```http
/// GET /rest/api/3/issue/DEMO-7/comment?startAt=0&maxResults=5
/// → {"startAt":0,"maxResults":5,"total":14,"comments":[...]}
/// ```
struct JiraCommentRoutes: RouteGroup {
    static let emptyBodyMessage = "Comment body can not be empty!"

    let store: SandboxStore

    func register(on router: inout Router) {
        router.addJira(.GET, "/issue/{issueIdOrKey}/comment") { try listComments($0, $1) }
        router.addJira(.POST, "/issue/{issueIdOrKey}/comment") { try addComment($0, $1) }
        router.addJira(.GET, "/issue/{issueIdOrKey}/comment/{id}") { try getComment($0, $1) }
        router.addJira(.PUT, "/issue/{issueIdOrKey}/comment/{id}") { try editComment($0, $1) }
        router.addJira(.DELETE, "/issue/{issueIdOrKey}/comment/{id}") { request, _ in try deleteComment(request) }
    }

    private func listComments(_ request: RouteRequest, _ version: JiraAPIVersion) throws -> SandboxResponse {
        let state = store.snapshot().jira
        guard let issue = state.issue(idOrKey: request.parameter("issueIdOrKey")) else { throw APIError.issueNotFound }
        let startAt = max(try request.integer("startAt", default: 0), 0)
        let maxResults = min(max(try request.integer("maxResults", default: 100), 1), 5_000)
        var comments = issue.comments
        switch request.query["orderBy"] {
        case "-created": comments.sort { $0.created > $1.created }
        case nil, "created", "+created": comments.sort { $0.created < $1.created }
        case let other?: throw APIError.badRequest("Invalid orderBy value '\(other)'. Use created, -created or +created.")
        }
        let page = Page(of: comments, offset: startAt, limit: maxResults)
        let renderer = JiraRenderer(state: state, baseURL: request.baseURL, version: version)
        return .json([
            "startAt": .number(JSONNumber(startAt)),
            "maxResults": .number(JSONNumber(maxResults)),
            "total": .number(JSONNumber(page.total)),
            "comments": .array(page.items.map { renderer.comment($0, issueId: issue.id) }),
        ])
    }

    private func addComment(_ request: RouteRequest, _ version: JiraAPIVersion) throws -> SandboxResponse {
        let body = try commentBody(request, version)
        let actor = request.accountId ?? SandboxCredentials.accountId
        let (issueId, comment) = try store.write { state throws(APIError) -> (String, JiraComment) in
            guard var issue = state.jira.issue(idOrKey: request.parameter("issueIdOrKey")) else { throw .issueNotFound }
            let now = Timestamp.now()
            let comment = JiraComment(id: state.jira.makeCommentID(), authorId: actor, body: body, created: now)
            issue.comments.append(comment)
            issue.updated = now
            state.jira.save(issue)
            return (issue.id, comment)
        }
        let renderer = JiraRenderer(state: store.snapshot().jira, baseURL: request.baseURL, version: version)
        return .json(renderer.comment(comment, issueId: issueId), status: .created)
    }

    private func getComment(_ request: RouteRequest, _ version: JiraAPIVersion) throws -> SandboxResponse {
        let state = store.snapshot().jira
        let (issue, index) = try locate(request, in: state)
        return .json(JiraRenderer(state: state, baseURL: request.baseURL, version: version).comment(issue.comments[index], issueId: issue.id))
    }

    private func editComment(_ request: RouteRequest, _ version: JiraAPIVersion) throws -> SandboxResponse {
        let body = try commentBody(request, version)
        let actor = request.accountId ?? SandboxCredentials.accountId
        let (issueId, comment) = try store.write { state throws(APIError) -> (String, JiraComment) in
            var (issue, index) = try locate(request, in: state.jira)
            issue.comments[index].body = body
            issue.comments[index].updateAuthorId = actor
            issue.comments[index].updated = .now()
            state.jira.save(issue)
            return (issue.id, issue.comments[index])
        }
        let renderer = JiraRenderer(state: store.snapshot().jira, baseURL: request.baseURL, version: version)
        return .json(renderer.comment(comment, issueId: issueId))
    }

    private func deleteComment(_ request: RouteRequest) throws -> SandboxResponse {
        try store.write { state throws(APIError) in
            var (issue, index) = try locate(request, in: state.jira)
            issue.comments.remove(at: index)
            state.jira.save(issue)
        }
        return .noContent
    }

    private func locate(_ request: RouteRequest, in state: JiraState) throws(APIError) -> (JiraIssue, Int) {
        guard let issue = state.issue(idOrKey: request.parameter("issueIdOrKey")) else { throw .issueNotFound }
        let commentId = request.parameter("id")
        guard let index = issue.comments.firstIndex(where: { $0.id == commentId }) else { throw .commentNotFound(commentId) }
        return (issue, index)
    }

    /// The `body` of a comment request: an ADF document for v3, a wiki markup string for v2; anything else
    /// is a field error on `comment`.
    private func commentBody(_ request: RouteRequest, _ version: JiraAPIVersion) throws(APIError) -> JSONValue {
        let object = try request.jsonObjectBody()
        guard let body = object["body"], !body.isNull else { throw .invalidFields(["comment": .string(Self.emptyBodyMessage)]) }
        if !version.usesADF {
            guard let text = body.stringValue else { throw .invalidFields(["comment": "Operation value must be a string"]) }
            guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                throw .invalidFields(["comment": .string(Self.emptyBodyMessage)])
            }
            return body
        }
        guard ADF.isDocument(body) else { throw .invalidFields(["comment": .string(JiraIssueEditor.documentMessage)]) }
        guard !(body["content"]?.arrayValue?.isEmpty ?? true) else {
            throw .invalidFields(["comment": .string(Self.emptyBodyMessage)])
        }
        return body
    }
}
