/// Everything Jira-side the sandbox knows: users, projects and issues, with lookups by id or key.
///
/// ```swift
/// state.issue(idOrKey: "demo-3")?.summary
/// state.project(idOrKey: "10001")?.key   // "OPS"
/// ```
struct JiraState: Sendable {
    var users: [JiraUser]
    var projects: [JiraProject]
    private(set) var issuesByID: [String: JiraIssue] = [:]
    private var issueIDsByKey: [String: String] = [:]
    var nextIssueID: Int
    var nextCommentID: Int

    init(users: [JiraUser], projects: [JiraProject], issues: [JiraIssue], nextIssueID: Int, nextCommentID: Int) {
        self.users = users
        self.projects = projects
        self.nextIssueID = nextIssueID
        self.nextCommentID = nextCommentID
        for issue in issues { save(issue) }
    }

    func user(accountId: String) -> JiraUser? {
        users.first { $0.accountId == accountId }
    }

    /// A project by numeric id or by key (keys compare case-insensitively, as in Jira).
    func project(idOrKey: String) -> JiraProject? {
        projects.first { $0.id == idOrKey || $0.key == idOrKey.uppercased() }
    }

    /// An issue by numeric id or by key (case-insensitive).
    func issue(idOrKey: String) -> JiraIssue? {
        if let issue = issuesByID[idOrKey] { return issue }
        return issueIDsByKey[idOrKey.uppercased()].flatMap { issuesByID[$0] }
    }

    var allIssues: some Collection<JiraIssue> { issuesByID.values }

    func subtasks(of issueId: String) -> [JiraIssue] {
        issuesByID.values.filter { $0.parentId == issueId && $0.issueType.isSubtask }.sorted { $0.number < $1.number }
    }

    /// Inserts or replaces an issue.
    mutating func save(_ issue: JiraIssue) {
        issuesByID[issue.id] = issue
        issueIDsByKey[issue.key] = issue.id
    }

    mutating func removeIssue(id: String) {
        guard let issue = issuesByID.removeValue(forKey: id) else { return }
        issueIDsByKey[issue.key] = nil
    }

    mutating func makeIssueID() -> String {
        defer { nextIssueID += 1 }
        return String(nextIssueID)
    }

    mutating func makeCommentID() -> String {
        defer { nextCommentID += 1 }
        return String(nextCommentID)
    }
}
