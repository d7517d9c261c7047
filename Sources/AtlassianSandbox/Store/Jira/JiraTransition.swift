/// A workflow transition: its id, its name, and the statuses it moves between.
///
/// The sandbox workflow is To Do → In Progress → In Review → Done, with In Progress → Done as a
/// shortcut and "Back to To Do" from anywhere.
///
/// ```swift
/// JiraTransition.available(from: .toDo).map(\.id)   // ["11"]
/// ```
struct JiraTransition: Sendable, Hashable {
    let id: String
    let name: String
    /// The statuses it can start from; `nil` for a global transition.
    let from: [JiraStatus]?
    let to: JiraStatus

    static let all: [JiraTransition] = [
        JiraTransition(id: "11", name: "Start progress", from: [.toDo], to: .inProgress),
        JiraTransition(id: "21", name: "Request review", from: [.inProgress], to: .inReview),
        JiraTransition(id: "31", name: "Done", from: [.inReview], to: .done),
        JiraTransition(id: "41", name: "Back to To Do", from: nil, to: .toDo),
        JiraTransition(id: "51", name: "Done", from: [.inProgress], to: .done),
    ]

    var isGlobal: Bool { from == nil }

    /// The transitions an issue in `status` can take; none leads back to the same status.
    static func available(from status: JiraStatus) -> [JiraTransition] {
        all.filter { transition in
            transition.to != status && (transition.from?.contains(status) ?? true)
        }
    }
}
