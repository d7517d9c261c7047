import Switchyard

/// Workflow transitions: list the ones available for an issue, and perform one.
///
/// ```http
/// POST /rest/api/3/issue/DEMO-4/transitions
/// {"transition":{"id":"11"}}
/// → 204 (DEMO-4 is now In Progress)
/// ```
struct JiraTransitionRoutes: RouteGroup {
    let store: SandboxStore

    func register(on router: inout Router) {
        router.addJira(.GET, "/issue/{issueIdOrKey}/transitions") { try listTransitions($0, $1) }
        router.addJira(.POST, "/issue/{issueIdOrKey}/transitions") { try performTransition($0, $1) }
    }

    private func listTransitions(_ request: RouteRequest, _ version: JiraAPIVersion) throws -> SandboxResponse {
        let state = store.snapshot().jira
        guard let issue = state.issue(idOrKey: request.parameter("issueIdOrKey")) else { throw APIError.issueNotFound }
        var transitions = JiraTransition.available(from: issue.status)
        if let transitionId = request.query["transitionId"] {
            transitions = transitions.filter { $0.id == transitionId }
        }
        let renderer = JiraRenderer(state: state, baseURL: request.baseURL, version: version)
        return .json(["expand": "transitions", "transitions": .array(transitions.map(renderer.transition))])
    }

    private func performTransition(_ request: RouteRequest, _ version: JiraAPIVersion) throws -> SandboxResponse {
        let body = try request.jsonObjectBody()
        let transitionId = body["transition"]?["id"]?.stringValue ?? body["transition"]?["id"]?.intValue.map(String.init)
        let actor = request.accountId ?? SandboxCredentials.accountId
        try store.write { state throws(APIError) in
            guard let issue = state.jira.issue(idOrKey: request.parameter("issueIdOrKey")) else { throw .issueNotFound }
            guard let transitionId else { throw .badRequest("Missing 'transition' identifier") }
            guard let transition = JiraTransition.available(from: issue.status).first(where: { $0.id == transitionId }) else {
                throw .badRequest(
                    "It seems that you have tried to perform a workflow operation (\(transitionId)) that is not valid for the current state of this issue (\(issue.key)). The likely cause is that somebody has changed the issue recently, please look at the issue history for details."
                )
            }
            let now = Timestamp.now()
            var (edited, comments) = try JiraIssueEditor.edit(
                issue, fields: body["fields"]?.objectValue ?? [:], update: body["update"]?.objectValue ?? [:],
                ignoring: ["resolution"], in: state.jira, actorId: actor, now: now, version: version
            )
            for body in comments {
                edited.comments.append(JiraComment(id: state.jira.makeCommentID(), authorId: actor, body: body, created: now))
            }
            edited.move(to: transition.to, at: now)
            state.jira.saveRecordingChanges(edited, by: actor, at: now)
        }
        return .noContent
    }
}
