import Switchyard

/// `GET|PUT|DELETE /rest/api/{3,2}/issue/{issueIdOrKey}`, `POST /rest/api/{3,2}/issue`,
/// `POST /rest/api/{3,2}/issue/bulk` and `PUT /rest/api/{3,2}/issue/{issueIdOrKey}/assignee`.
///
/// ```http
/// POST /rest/api/3/issue
/// {"fields":{"project":{"key":"DEMO"},"issuetype":{"name":"Bug"},"summary":"Broken link"}}
/// → 201 {"id":"10036","key":"DEMO-31","self":".../rest/api/3/issue/10036"}
/// ```
struct JiraIssueRoutes: RouteGroup {
    let store: SandboxStore

    func register(on router: inout Router) {
        router.addJira(.GET, "/issue/{issueIdOrKey}") { try getIssue($0, $1) }
        router.addJira(.PUT, "/issue/{issueIdOrKey}") { try editIssue($0, $1) }
        router.addJira(.DELETE, "/issue/{issueIdOrKey}") { request, _ in try deleteIssue(request) }
        router.addJira(.POST, "/issue") { try createIssue($0, $1) }
        router.addJira(.POST, "/issue/bulk") { try createIssues($0, $1) }
        router.addJira(.PUT, "/issue/{issueIdOrKey}/assignee") { try assign($0, $1) }
    }

    private func getIssue(_ request: RouteRequest, _ version: JiraAPIVersion) throws -> SandboxResponse {
        let state = store.snapshot().jira
        guard let issue = state.issue(idOrKey: request.parameter("issueIdOrKey")) else { throw APIError.issueNotFound }
        let renderer = JiraRenderer(state: state, baseURL: request.baseURL, version: version)
        return .json(renderer.issue(issue, fields: request.issueFieldSelection, expand: request.expandOptions, currentUser: request.accountId))
    }

    /// `{"accountId": "…"}` (Cloud) or `{"name": "…"}` (Server/Data Center); `null` unassigns, `"-1"` picks the
    /// default assignee (the project lead).
    private func assign(_ request: RouteRequest, _ version: JiraAPIVersion) throws -> SandboxResponse {
        let body = try request.jsonObjectBody()
        let actor = request.accountId ?? SandboxCredentials.accountId
        try store.write { state throws(APIError) in
            guard let issue = state.jira.issue(idOrKey: request.parameter("issueIdOrKey")) else { throw .issueNotFound }
            let reference: JSONValue = version.usesUsernames
                ? ["name": body["name"] ?? body["accountId"] ?? .null]
                : ["accountId": body["accountId"] ?? body["name"] ?? .null]
            let now = Timestamp.now()
            var (edited, _) = try JiraIssueEditor.edit(
                issue, fields: ["assignee": reference], update: [:], in: state.jira, actorId: actor, now: now, version: version
            )
            if edited.assigneeId != issue.assigneeId { edited.updated = now }
            state.jira.saveRecordingChanges(edited, by: actor, at: now)
        }
        return .noContent
    }

    private func createIssue(_ request: RouteRequest, _ version: JiraAPIVersion) throws -> SandboxResponse {
        let created = try create(try request.jsonObjectBody(), request, version)
        return .json(reference(created, request, version), status: .created)
    }

    /// Each of `issueUpdates` (at most 50) created as `POST /issue` creates one. As Jira does, the ones that
    /// fail are listed in `errors` with their position (`failedElementNumber`) while the rest are created:
    /// 201 when any was, 400 when none.
    private func createIssues(_ request: RouteRequest, _ version: JiraAPIVersion) throws -> SandboxResponse {
        guard let updates = try request.jsonObjectBody()["issueUpdates"]?.arrayValue, !updates.isEmpty else {
            throw APIError.badRequest("issueUpdates must be a non-empty array of issues to create.")
        }
        guard updates.count <= 50 else { throw APIError.badRequest("The number of issues to create in bulk must not exceed 50.") }
        var created: [JSONValue] = []
        var errors: [JSONValue] = []
        for (index, update) in updates.enumerated() {
            do {
                created.append(reference(try create(update.objectValue ?? [:], request, version), request, version))
            } catch {
                errors.append([
                    "status": .number(JSONNumber(Int(error.status.code))),
                    "elementErrors": ["errorMessages": .array(error.messages.map(JSONValue.string)), "errors": .object(error.fieldErrors)],
                    "failedElementNumber": .number(JSONNumber(index)),
                ])
            }
        }
        return .json(["issues": .array(created), "errors": .array(errors)], status: created.isEmpty ? .badRequest : .created)
    }

    private func reference(_ issue: JiraIssue, _ request: RouteRequest, _ version: JiraAPIVersion) -> JSONValue {
        ["id": .string(issue.id), "key": .string(issue.key), "self": .string("\(request.baseURL)\(version.pathPrefix)/issue/\(issue.id)")]
    }

    /// Creates the issue one create body describes, and sends its `jira:issue_created` deliveries.
    ///
    /// `recording` runs in the same write, after the issue is saved, for callers that keep more about it (a
    /// service desk request records its request type), so no reader sees the issue without it.
    func create(
        _ body: JSONObject,
        _ request: RouteRequest,
        _ version: JiraAPIVersion,
        recording: (inout JiraState, JiraIssue) -> Void = { _, _ in }
    ) throws(APIError) -> JiraIssue {
        let fields = body["fields"]?.objectValue ?? [:]
        let update = body["update"]?.objectValue ?? [:]
        let actor = request.accountId ?? SandboxCredentials.accountId
        let created = try store.write { state throws(APIError) -> JiraIssue in
            let now = Timestamp.now()
            var (draft, comments) = try Self.draft(fields: fields, update: update, in: state.jira, actorId: actor, now: now, version: version)
            guard let projectIndex = state.jira.projects.firstIndex(where: { $0.id == draft.projectId }) else {
                throw .invalidFields(["project": "Specify a valid project ID or key"])
            }
            state.jira.projects[projectIndex].lastIssueNumber += 1
            draft.number = state.jira.projects[projectIndex].lastIssueNumber
            draft.id = state.jira.makeIssueID()
            draft.watcherIds = [actor]
            for body in comments {
                draft.comments.append(JiraComment(id: state.jira.makeCommentID(), authorId: actor, body: body, created: now))
            }
            state.jira.save(draft)
            recording(&state.jira, draft)
            return draft
        }
        JiraWebhookDeliveries(store: store).issueChanged(
            "jira:issue_created", issue: created, actorId: actor, history: nil, baseURL: request.baseURL
        )
        return created
    }

    private func editIssue(_ request: RouteRequest, _ version: JiraAPIVersion) throws -> SandboxResponse {
        let body = try request.jsonObjectBody()
        let fields = body["fields"]?.objectValue ?? [:]
        let update = body["update"]?.objectValue ?? [:]
        let actor = request.accountId ?? SandboxCredentials.accountId
        let edited = try store.write { state throws(APIError) -> JiraIssue in
            guard let issue = state.jira.issue(idOrKey: request.parameter("issueIdOrKey")) else { throw .issueNotFound }
            let now = Timestamp.now()
            var (edited, comments) = try JiraIssueEditor.edit(
                issue, fields: fields, update: update, in: state.jira, actorId: actor, now: now, version: version
            )
            for body in comments {
                edited.comments.append(JiraComment(id: state.jira.makeCommentID(), authorId: actor, body: body, created: now))
            }
            edited.updated = now
            state.jira.saveRecordingChanges(edited, by: actor, at: now)
            return state.jira.issue(idOrKey: edited.id) ?? edited
        }
        let history = edited.changelog.last.flatMap { $0.created == edited.updated ? $0 : nil }
        JiraWebhookDeliveries(store: store).issueChanged(
            "jira:issue_updated", issue: edited, actorId: actor, history: history, baseURL: request.baseURL
        )
        guard request.flag("returnIssue") else { return .noContent }
        let renderer = JiraRenderer(state: store.snapshot().jira, baseURL: request.baseURL, version: version)
        return .json(renderer.issue(edited, fields: .all, expand: request.expandOptions, currentUser: request.accountId))
    }

    private func deleteIssue(_ request: RouteRequest) throws -> SandboxResponse {
        let before = store.snapshot().jira
        let deleted = try store.write { state throws(APIError) -> JiraIssue in
            guard let issue = state.jira.issue(idOrKey: request.parameter("issueIdOrKey")) else { throw .issueNotFound }
            let subtasks = state.jira.subtasks(of: issue.id)
            if !subtasks.isEmpty, request.query["deleteSubtasks"] != "true" {
                throw .badRequest("The issue '\(issue.key)' has subtasks. Use deleteSubtasks=true to delete it together with its subtasks.")
            }
            for subtask in subtasks { state.jira.removeIssue(id: subtask.id) }
            for var child in state.jira.children(of: issue.id) {
                child.parentId = nil
                state.jira.save(child)
            }
            state.jira.removeIssue(id: issue.id)
            return issue
        }
        JiraWebhookDeliveries(store: store).issueChanged(
            "jira:issue_deleted", issue: deleted, actorId: request.accountId ?? SandboxCredentials.accountId, history: nil,
            baseURL: request.baseURL, state: before
        )
        return .noContent
    }

    /// A validated, not yet numbered issue from a create body, with the comments its `update` adds.
    private static func draft(
        fields: JSONObject,
        update: JSONObject,
        in state: JiraState,
        actorId: String,
        now: Timestamp,
        version: JiraAPIVersion
    ) throws(APIError) -> (issue: JiraIssue, addedComments: [JSONValue]) {
        var editor = JiraIssueEditor(state: state, actorId: actorId, now: now)
        editor.version = version
        editor.rejectOverlap(fields: fields, update: update)
        let project = resolveProject(fields["project"], in: state, editor: &editor)
        let issueType = resolveIssueType(fields["issuetype"], editor: &editor)
        var draft = JiraIssue(
            id: "", projectId: project?.id ?? "", projectKey: project?.key ?? "", number: 0, summary: "",
            description: nil, issueTypeId: issueType?.id ?? JiraIssueType.task.id, statusId: JiraStatus.toDo.id,
            priorityId: JiraPriority.medium.id, assigneeId: nil, reporterId: actorId, creatorId: actorId, labels: [],
            dueDate: nil, parentId: nil, created: now, updated: now, statusCategoryChanged: now, resolved: nil,
            comments: []
        )
        var otherFields = fields
        otherFields["project"] = nil
        otherFields["issuetype"] = nil
        editor.apply(fields: otherFields, to: &draft)
        editor.apply(update: update, to: &draft)
        if draft.summary.isEmpty { editor.fail("summary", "You must specify a summary of the issue.") }
        if issueType?.isSubtask == true, draft.parentId == nil {
            editor.fail("parent", "Sub-task issues must have a parent issue.")
        }
        guard editor.errors.isEmpty else { throw .invalidFields(editor.errors) }
        return (draft, editor.addedComments)
    }

    private static func resolveProject(_ value: JSONValue?, in state: JiraState, editor: inout JiraIssueEditor) -> JiraProject? {
        let reference = value?["id"]?.stringValue ?? value?["id"]?.intValue.map(String.init) ?? value?["key"]?.stringValue
        guard let reference, let project = state.project(idOrKey: reference) else {
            editor.fail("project", "Specify a valid project ID or key")
            return nil
        }
        return project
    }

    private static func resolveIssueType(_ value: JSONValue?, editor: inout JiraIssueEditor) -> JiraIssueType? {
        guard let value, !value.isNull else {
            editor.fail("issuetype", "Specify an issue type")
            return nil
        }
        let reference = value["id"]?.stringValue ?? value["id"]?.intValue.map(String.init) ?? value["name"]?.stringValue
        guard let reference, let type = JiraIssueType.find(reference) else {
            editor.fail("issuetype", "The issue type selected is invalid.")
            return nil
        }
        return type
    }
}

extension RouteRequest {
    /// The `fields` query parameter of an issue read; all fields when absent.
    var issueFieldSelection: JiraFieldSelection {
        let requested = query.list("fields")
        guard !requested.isEmpty else { return .all }
        let selection = JiraFieldSelection(requested)
        return selection.isIDOnly ? JiraFieldSelection([]) : selection
    }

    /// The comma-separated `expand` query parameter.
    var expandOptions: Set<String> {
        Set(query.list("expand"))
    }
}
