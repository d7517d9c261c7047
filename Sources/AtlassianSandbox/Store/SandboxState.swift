/// The whole mutable world of the sandbox: Jira and Confluence data together.
///
/// ```swift
/// let fresh = SandboxState.seeded()   // the same data on every start
/// ```
struct SandboxState: Sendable {
    var jira: JiraState
    var confluence: ConfluenceState

    static func seeded(bulkIssues: Int = 0) -> SandboxState {
        var jira = JiraState.seeded()
        jira.seedBulkIssues(bulkIssues)
        return SandboxState(jira: jira, confluence: .seeded())
    }
}
