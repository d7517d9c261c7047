/// A Jira Software board over one project's issues.
///
/// ```swift
/// JiraBoard(id: 1, name: "DEMO board", type: "scrum", projectId: "10000")
/// ```
struct JiraBoard: Sendable {
    let id: Int
    let name: String
    /// `scrum` or `kanban`.
    let type: String
    let projectId: String
}

/// A sprint of a scrum board; `state` is `closed`, `active` or `future`.
///
/// ```swift
/// JiraSprint(id: 2, boardId: 1, name: "DEMO Sprint 2", state: .active, ...)
/// ```
struct JiraSprint: Sendable {
    enum State: String, Sendable, CaseIterable {
        case future, active, closed
    }

    let id: Int
    let boardId: Int
    var name: String
    var state: State
    var startDate: Timestamp?
    var endDate: Timestamp?
    var completeDate: Timestamp?
    var createdDate: Timestamp
    var goal: String

    var isOpen: Bool { state != .closed }
}
