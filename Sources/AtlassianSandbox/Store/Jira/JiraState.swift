/// Everything Jira-side the sandbox knows: users, projects and issues, with lookups by id or key and
/// an index of each issue's children.
///
/// ```swift
/// state.issue(idOrKey: "demo-3")?.summary
/// state.project(idOrKey: "10001")?.key   // "OPS"
/// state.subtasks(of: "10011").map(\.key)  // ["DEMO-12", "DEMO-13"]
/// ```
struct JiraState: Sendable {
    var users: [JiraUser]
    var projects: [JiraProject]
    private var issuesByID: [String: StoredIssue] = [:]
    private var issueIDsByKey: [String: String] = [:]
    private var childIDsByParentID: [String: Set<String>] = [:]
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
        if let stored = issuesByID[idOrKey] { return stored.issue }
        return issueIDsByKey[idOrKey.uppercased()].flatMap { issuesByID[$0]?.issue }
    }

    /// The issues that satisfy `predicate`, unordered, without copying any issue.
    func storedIssues(where predicate: (JiraIssue) -> Bool) -> [StoredIssue] {
        issuesByID.values.filter { predicate($0.issue) }
    }

    /// The issues whose `parent` is `issueId` (subtasks, and stories under an epic), by key number.
    func children(of issueId: String) -> [JiraIssue] {
        (childIDsByParentID[issueId] ?? []).compactMap { issuesByID[$0]?.issue }.sorted { $0.number < $1.number }
    }

    func subtasks(of issueId: String) -> [JiraIssue] {
        children(of: issueId).filter { $0.issueType.isSubtask }
    }

    /// Inserts or replaces an issue.
    mutating func save(_ issue: JiraIssue) {
        let previousParent = issuesByID[issue.id]?.issue.parentId
        if previousParent != issue.parentId {
            if let previousParent { childIDsByParentID[previousParent]?.remove(issue.id) }
            if let parent = issue.parentId { childIDsByParentID[parent, default: []].insert(issue.id) }
        }
        issuesByID[issue.id] = StoredIssue(issue)
        issueIDsByKey[issue.key] = issue.id
    }

    mutating func removeIssue(id: String) {
        guard let issue = issuesByID.removeValue(forKey: id)?.issue else { return }
        issueIDsByKey[issue.key] = nil
        if let parent = issue.parentId { childIDsByParentID[parent]?.remove(id) }
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
