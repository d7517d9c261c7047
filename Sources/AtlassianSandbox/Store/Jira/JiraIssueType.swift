/// A Jira issue type such as Bug or Sub-task; the sandbox's set is fixed.
///
/// ```swift
/// JiraIssueType.named("bug")?.id   // "10002"
/// ```
struct JiraIssueType: Sendable, Hashable {
    let id: String
    let name: String
    let description: String
    let isSubtask: Bool
    let hierarchyLevel: Int
    let avatarId: Int

    static let task = JiraIssueType(
        id: "10001", name: "Task",
        description: "A small, distinct piece of work.",
        isSubtask: false, hierarchyLevel: 0, avatarId: 10318
    )
    static let bug = JiraIssueType(
        id: "10002", name: "Bug",
        description: "A problem or error.",
        isSubtask: false, hierarchyLevel: 0, avatarId: 10303
    )
    static let story = JiraIssueType(
        id: "10003", name: "Story",
        description: "Functionality or a feature expressed as a user goal.",
        isSubtask: false, hierarchyLevel: 0, avatarId: 10315
    )
    static let epic = JiraIssueType(
        id: "10004", name: "Epic",
        description: "A collection of related bugs, stories, and tasks.",
        isSubtask: false, hierarchyLevel: 1, avatarId: 10307
    )
    static let subtask = JiraIssueType(
        id: "10005", name: "Sub-task",
        description: "Subtasks track small pieces of work that are part of a larger task.",
        isSubtask: true, hierarchyLevel: -1, avatarId: 10316
    )

    static let all: [JiraIssueType] = [.task, .bug, .story, .epic, .subtask]

    static func with(id: String) -> JiraIssueType? {
        all.first { $0.id == id }
    }

    static func named(_ name: String) -> JiraIssueType? {
        all.first { $0.name.lowercased() == name.lowercased() }
    }

    /// Looks up by id or, failing that, by name, as JQL values and create bodies allow either.
    static func find(_ idOrName: String) -> JiraIssueType? {
        with(id: idOrName) ?? named(idOrName)
    }
}
