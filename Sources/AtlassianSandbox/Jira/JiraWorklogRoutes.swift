import Foundation
import Switchyard

/// Work logs of an issue: list (`startAt`/`maxResults`, `startedAfter`/`startedBefore` in epoch milliseconds),
/// add, read, edit and delete.
///
/// ```http
/// POST /rest/api/3/issue/DEMO-7/worklog
/// {"timeSpentSeconds":5400,"started":"2026-01-20T09:00:00.000+0000","comment":{"type":"doc",...}}
/// → 201 {"id":"10304","timeSpent":"1h 30m","timeSpentSeconds":5400,...}
/// ```
struct JiraWorklogRoutes: RouteGroup {
    static let timeMessage = "You must indicate the time spent working."

    let store: SandboxStore

    func register(on router: inout Router) {
        router.addJira(.GET, "/issue/{issueIdOrKey}/worklog") { try listWorklogs($0, $1) }
        router.addJira(.POST, "/issue/{issueIdOrKey}/worklog") { try addWorklog($0, $1) }
        router.addJira(.GET, "/issue/{issueIdOrKey}/worklog/{id}") { request, version in
            let state = store.snapshot().jira
            let (issue, index) = try locate(request, in: state)
            return .json(JiraRenderer(state: state, baseURL: request.baseURL, version: version).worklog(issue.worklogs[index], issueId: issue.id))
        }
        router.addJira(.PUT, "/issue/{issueIdOrKey}/worklog/{id}") { try editWorklog($0, $1) }
        router.addJira(.DELETE, "/issue/{issueIdOrKey}/worklog/{id}") { request, _ in
            try store.write { state throws(APIError) in
                var (issue, index) = try locate(request, in: state.jira)
                issue.worklogs.remove(at: index)
                state.jira.save(issue)
            }
            return .noContent
        }
    }

    private func listWorklogs(_ request: RouteRequest, _ version: JiraAPIVersion) throws -> SandboxResponse {
        let state = store.snapshot().jira
        guard let issue = state.issue(idOrKey: request.parameter("issueIdOrKey")) else { throw APIError.issueNotFound }
        let (startAt, maxResults) = try JiraPaging.window(request, defaultSize: 5_000, maximum: 5_000)
        let after = try request.integer("startedAfter", default: Int.min)
        let before = try request.integer("startedBefore", default: Int.max)
        let worklogs = issue.worklogs
            .filter { $0.started.millisecondsSince1970 >= Int64(after) && $0.started.millisecondsSince1970 < Int64(before) }
            .sorted { $0.started < $1.started }
        let page = Page(of: worklogs, offset: startAt, limit: maxResults)
        let renderer = JiraRenderer(state: state, baseURL: request.baseURL, version: version)
        return .json([
            "startAt": .number(JSONNumber(startAt)),
            "maxResults": .number(JSONNumber(maxResults)),
            "total": .number(JSONNumber(page.total)),
            "worklogs": .array(page.items.map { renderer.worklog($0, issueId: issue.id) }),
        ])
    }

    private func addWorklog(_ request: RouteRequest, _ version: JiraAPIVersion) throws -> SandboxResponse {
        let input = try WorklogInput(request.jsonObjectBody(), version: version, requireTime: true)
        let actor = request.accountId ?? SandboxCredentials.accountId
        let (issueId, worklog) = try store.write { state throws(APIError) -> (String, JiraWorklog) in
            guard var issue = state.jira.issue(idOrKey: request.parameter("issueIdOrKey")) else { throw .issueNotFound }
            let now = Timestamp.now()
            let worklog = JiraWorklog(
                id: state.jira.nextOtherIDs.make(.worklog), authorId: actor, started: input.started ?? now,
                timeSpentSeconds: input.seconds ?? 0, comment: input.comment, created: now
            )
            issue.worklogs.append(worklog)
            issue.updated = now
            state.jira.save(issue)
            return (issue.id, worklog)
        }
        let renderer = JiraRenderer(state: store.snapshot().jira, baseURL: request.baseURL, version: version)
        return .json(renderer.worklog(worklog, issueId: issueId), status: .created)
    }

    private func editWorklog(_ request: RouteRequest, _ version: JiraAPIVersion) throws -> SandboxResponse {
        let input = try WorklogInput(request.jsonObjectBody(), version: version, requireTime: false)
        let actor = request.accountId ?? SandboxCredentials.accountId
        let (issueId, worklog) = try store.write { state throws(APIError) -> (String, JiraWorklog) in
            var (issue, index) = try locate(request, in: state.jira)
            if let seconds = input.seconds { issue.worklogs[index].timeSpentSeconds = seconds }
            if let started = input.started { issue.worklogs[index].started = started }
            if let comment = input.comment { issue.worklogs[index].comment = comment }
            issue.worklogs[index].updateAuthorId = actor
            issue.worklogs[index].updated = .now()
            state.jira.save(issue)
            return (issue.id, issue.worklogs[index])
        }
        let renderer = JiraRenderer(state: store.snapshot().jira, baseURL: request.baseURL, version: version)
        return .json(renderer.worklog(worklog, issueId: issueId))
    }

    private func locate(_ request: RouteRequest, in state: JiraState) throws(APIError) -> (JiraIssue, Int) {
        guard let issue = state.issue(idOrKey: request.parameter("issueIdOrKey")) else { throw .issueNotFound }
        let worklogId = request.parameter("id")
        guard let index = issue.worklogs.firstIndex(where: { $0.id == worklogId }) else {
            throw .notFound("Cannot find worklog with id: '\(worklogId)'.")
        }
        return (issue, index)
    }
}

/// The fields of a worklog request body, validated with Jira's field errors.
private struct WorklogInput {
    var seconds: Int?
    var started: Timestamp?
    var comment: JSONValue?

    init(_ body: JSONObject, version: JiraAPIVersion, requireTime: Bool) throws(APIError) {
        var errors = JSONObject()
        if let value = body["timeSpentSeconds"], !value.isNull {
            if let seconds = value.intValue, seconds > 0 { self.seconds = seconds } else { errors["timeLogged"] = "Time Spent must be a positive number." }
        } else if let text = body["timeSpent"]?.stringValue {
            if let seconds = JiraWorklog.seconds(inDuration: text), seconds > 0 {
                self.seconds = seconds
            } else {
                errors["timeLogged"] = "Invalid time duration entered."
            }
        } else if requireTime {
            errors["timeLogged"] = .string(JiraWorklogRoutes.timeMessage)
        }
        if let value = body["started"], !value.isNull {
            if let text = value.stringValue, let started = Timestamp(jiraText: text) {
                self.started = started
            } else {
                errors["started"] = "Invalid date format. Please enter the date in the format \"yyyy-MM-dd'T'HH:mm:ss.SSSZ\"."
            }
        }
        if let value = body["comment"], !value.isNull {
            if version.usesADF ? ADF.isDocument(value) : value.stringValue != nil {
                comment = value
            } else {
                errors["comment"] = .string(version.usesADF ? JiraIssueEditor.documentMessage : "Operation value must be a string")
            }
        }
        guard errors.isEmpty else { throw .invalidFields(errors) }
    }
}
