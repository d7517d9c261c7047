/// A workflow status with its category (To Do, In Progress, Done), as in Jira's `status` field.
///
/// ```swift
/// JiraStatus.find("in progress")?.category.key   // "indeterminate"
/// ```
struct JiraStatus: Sendable, Hashable {
    /// One of Jira's fixed status categories.
    struct Category: Sendable, Hashable {
        let id: Int
        let key: String
        let name: String
        let colorName: String

        static let toDo = Category(id: 2, key: "new", name: "To Do", colorName: "blue-gray")
        static let inProgress = Category(id: 4, key: "indeterminate", name: "In Progress", colorName: "yellow")
        static let done = Category(id: 3, key: "done", name: "Done", colorName: "green")

        static let all: [Category] = [.toDo, .inProgress, .done]

        /// Looks up by id, key or name, as JQL's `statusCategory` allows.
        static func find(_ value: String) -> Category? {
            let lowered = value.lowercased()
            return all.first { String($0.id) == value || $0.key == lowered || $0.name.lowercased() == lowered }
        }
    }

    let id: String
    let name: String
    let description: String
    let category: Category

    static let toDo = JiraStatus(
        id: "1", name: "To Do",
        description: "Work that has not been started.",
        category: .toDo
    )
    static let inProgress = JiraStatus(
        id: "3", name: "In Progress",
        description: "This issue is being actively worked on at the moment by the assignee.",
        category: .inProgress
    )
    static let inReview = JiraStatus(
        id: "10010", name: "In Review",
        description: "Waiting for a code review.",
        category: .inProgress
    )
    static let done = JiraStatus(
        id: "10011", name: "Done",
        description: "Work that is finished.",
        category: .done
    )

    static let all: [JiraStatus] = [.toDo, .inProgress, .inReview, .done]

    static func with(id: String) -> JiraStatus? {
        all.first { $0.id == id }
    }

    /// Looks up by id or, failing that, by name (case-insensitive).
    static func find(_ idOrName: String) -> JiraStatus? {
        with(id: idOrName) ?? all.first { $0.name.lowercased() == idOrName.lowercased() }
    }
}
