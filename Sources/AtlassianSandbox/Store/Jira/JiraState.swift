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
    var issueLinks: [JiraIssueLink] = []
    var remoteLinks: [JiraRemoteLink] = []
    var boards: [JiraBoard] = []
    var sprints: [JiraSprint] = []
    var versions: [JiraVersion] = []
    var components: [JiraComponent] = []
    var webhooks: [JiraWebhook] = []
    /// The request type of each customer request raised through the service desk API, by issue id.
    var requestTypeIDs: [String: String] = [:]
    var nextWebhookID = 1
    /// Counters for the ids of worklogs, histories, links, remote links, attachments, versions and components.
    var nextOtherIDs = JiraIDCounters()

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

    /// A user by Server/Data Center username or user key (case-insensitive).
    func user(username: String) -> JiraUser? {
        let lowered = username.lowercased()
        return users.first { $0.username == lowered || $0.userKey == lowered }
    }

    func sprint(id: Int) -> JiraSprint? {
        sprints.first { $0.id == id }
    }

    func board(id: Int) -> JiraBoard? {
        boards.first { $0.id == id }
    }

    func version(id: String) -> JiraVersion? {
        versions.first { $0.id == id }
    }

    func component(id: String) -> JiraComponent? {
        components.first { $0.id == id }
    }

    /// Links that involve an issue, on either side, in creation order.
    func links(of issueId: String) -> [JiraIssueLink] {
        issueLinks.filter { $0.inwardIssueId == issueId || $0.outwardIssueId == issueId }
    }

    /// Saves an edited issue and records what changed in its history, as Jira does for edits and transitions.
    mutating func saveRecordingChanges(_ issue: JiraIssue, by actorId: String, at time: Timestamp) {
        var issue = issue
        if let previous = self.issue(idOrKey: issue.id) {
            let items = JiraChangeItem.changes(from: previous, to: issue, in: self)
            if !items.isEmpty {
                issue.changelog.append(JiraHistory(id: nextOtherIDs.make(.history), authorId: actorId, created: time, items: items))
            }
        }
        save(issue)
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
        issueLinks.removeAll { $0.inwardIssueId == id || $0.outwardIssueId == id }
        remoteLinks.removeAll { $0.issueId == id }
        requestTypeIDs[id] = nil
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

/// Next ids for the sandbox's smaller Jira records, each kind counting on its own as in Jira.
///
/// ```swift
/// let id = state.nextOtherIDs.make(.worklog)   // "10300", then "10301"…
/// ```
struct JiraIDCounters: Sendable {
    enum Kind: Sendable, CaseIterable {
        case worklog, history, link, remoteLink, attachment, version, component
    }

    private var next: [String: Int] = [
        "\(Kind.worklog)": 10_300, "\(Kind.history)": 10_600, "\(Kind.link)": 10_400,
        "\(Kind.remoteLink)": 10_700, "\(Kind.attachment)": 10_500, "\(Kind.version)": 10_100, "\(Kind.component)": 10_200,
    ]

    mutating func make(_ kind: Kind) -> String {
        let key = "\(kind)"
        let id = next[key, default: 10_000]
        next[key] = id + 1
        return String(id)
    }
}
