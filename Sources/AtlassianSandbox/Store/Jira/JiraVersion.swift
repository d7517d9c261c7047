/// A project version (release) that issues name in `fixVersions`.
///
/// ```swift
/// JiraVersion(id: "10100", projectId: "10000", name: "2.4", description: "Spring release", released: false, ...)
/// ```
struct JiraVersion: Sendable {
    let id: String
    let projectId: String
    var name: String
    var description: String
    var released: Bool
    var archived: Bool
    /// `yyyy-MM-dd`, as Jira takes and returns it.
    var startDate: String?
    var releaseDate: String?
}

/// A project component (a part of the product) that issues name in `components`.
///
/// ```swift
/// JiraComponent(id: "10200", projectId: "10000", name: "Checkout", description: "...", leadAccountId: nil, assigneeType: "PROJECT_DEFAULT")
/// ```
struct JiraComponent: Sendable {
    let id: String
    let projectId: String
    var name: String
    var description: String
    var leadAccountId: String?
    var assigneeType: String
}
