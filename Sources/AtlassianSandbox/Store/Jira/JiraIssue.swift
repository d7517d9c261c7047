import Switchyard

/// One Jira issue as the sandbox stores it; catalog fields hold ids, users hold account ids.
///
/// ```swift
/// issue.key          // "DEMO-7"
/// issue.statusId     // "3" (In Progress)
/// issue.description  // an ADF document (written through v3), wiki text (written through v2), or nil
/// ```
struct JiraIssue: Sendable {
    var id: String
    let projectId: String
    let projectKey: String
    var number: Int
    var summary: String
    var description: JSONValue?
    var issueTypeId: String
    var statusId: String
    var priorityId: String
    var assigneeId: String?
    var reporterId: String
    let creatorId: String
    var labels: [String]
    var dueDate: String?
    var parentId: String?
    let created: Timestamp
    var updated: Timestamp
    var statusCategoryChanged: Timestamp
    var resolved: Timestamp?
    var comments: [JiraComment]
    var worklogs: [JiraWorklog] = []
    var changelog: [JiraHistory] = []
    var attachments: [JiraAttachment] = []
    var watcherIds: [String] = []
    /// Every sprint the issue has been in, oldest first; the last one is current unless it is closed.
    var sprintIds: [Int] = []
    var componentIds: [String] = []
    var fixVersionIds: [String] = []
    var storyPoints: Double?
    var startDate: String?

    var key: String { "\(projectKey)-\(number)" }

    var timeSpentSeconds: Int? {
        worklogs.isEmpty ? nil : worklogs.reduce(0) { $0 + $1.timeSpentSeconds }
    }

    var issueType: JiraIssueType { JiraIssueType.with(id: issueTypeId) ?? .task }
    var status: JiraStatus { JiraStatus.with(id: statusId) ?? .toDo }
    var priority: JiraPriority { JiraPriority.with(id: priorityId) ?? .medium }

    /// Moves the issue to `status`, keeping the resolution date and category-change date in step.
    mutating func move(to newStatus: JiraStatus, at time: Timestamp) {
        if newStatus.category != status.category { statusCategoryChanged = time }
        statusId = newStatus.id
        resolved = newStatus.category == .done ? (resolved ?? time) : nil
        updated = time
    }
}
