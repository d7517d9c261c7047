/// A Jira project; issue keys are `key` plus a per-project number that is never reused.
///
/// ```swift
/// var project = JiraProject(id: "10000", key: "DEMO", name: "Demo Project", ...)
/// project.lastIssueNumber += 1   // the next key is DEMO-31
/// ```
struct JiraProject: Sendable {
    let id: String
    let key: String
    let name: String
    let description: String
    let leadAccountId: String
    let projectTypeKey: String
    var lastIssueNumber: Int
}
