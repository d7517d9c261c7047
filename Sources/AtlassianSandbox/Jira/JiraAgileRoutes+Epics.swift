import Switchyard

/// An epic's issues and moving issues into an epic, as Jira Software REST 1.0 does in team-managed and
/// company-managed projects alike: an issue belongs to an epic through its parent.
///
/// ```http
/// POST /rest/agile/1.0/epic/DEMO-1/issue
/// {"issues": ["DEMO-4", "DEMO-9"]}
/// → 204
/// ```
extension JiraAgileRoutes {
    func registerEpics(on router: inout Router) {
        let base = JiraAPIVersion.agile.pathPrefix
        router.add(.GET, "\(base)/epic/{epicIdOrKey}/issue", dialect: .jira) { request in
            let state = store.snapshot().jira
            let epic = try epic(request, in: state)
            return try issuePage(request, state: state) { $0.parentId == epic.id }
        }
        router.add(.POST, "\(base)/epic/{epicIdOrKey}/issue", dialect: .jira) { request in
            let keys = try issueList(request)
            let actor = request.accountId ?? SandboxCredentials.accountId
            try store.write { state throws(APIError) in
                let epic = try epic(request, in: state.jira)
                for key in keys {
                    guard let issue = state.jira.issue(idOrKey: key) else { continue }
                    if issue.issueType == .epic || issue.issueType.isSubtask {
                        throw .badRequest("Issue '\(issue.key)' cannot be added to an epic: epics and sub-tasks have no epic.")
                    }
                }
                try move(keys, in: &state.jira, actor: actor) { $0.parentId = epic.id }
            }
            return .noContent
        }
    }

    private func epic(_ request: RouteRequest, in state: JiraState) throws(APIError) -> JiraIssue {
        let key = request.parameter("epicIdOrKey")
        guard let issue = state.issue(idOrKey: key) else { throw .notFound("Issue does not exist or you do not have permission to see it.") }
        guard issue.issueType == .epic else { throw .badRequest("Issue '\(issue.key)' is not an epic.") }
        return issue
    }
}
