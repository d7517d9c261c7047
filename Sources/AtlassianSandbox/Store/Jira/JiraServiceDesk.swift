/// A Jira Service Management service desk: a project whose issues are customer requests, raised through
/// request types and worked through queues. The sandbox's desks are fixed: the IT help desk over OPS and the
/// people desk over HR.
///
/// ```swift
/// JiraServiceDesk.with(idOrProject: "OPS")?.id          // "1"
/// JiraServiceDesk.itHelp.queues.map(\.name)              // ["All open requests", "Unassigned", ...]
/// JiraServiceDesk.itHelp.requestType(id: "11")?.name     // "Report a system problem"
/// ```
struct JiraServiceDesk: Sendable {
    let id: String
    let projectId: String
    let projectKey: String
    let projectName: String
    let queues: [Queue]
    let requestTypes: [RequestType]

    /// A queue: a saved JQL filter over the desk's requests, with the columns agents see.
    struct Queue: Sendable {
        let id: String
        let name: String
        /// The queue's own filter; the project clause is added as Jira Service Management does.
        let filter: String
        let fields: [String]
        let orderBy: String

        /// The JQL Jira reports for the queue: `project = "KEY" AND (filter) ORDER BY …`.
        func jql(projectKey: String) -> String {
            "project = \"\(projectKey)\" AND (\(filter)) ORDER BY \(orderBy)"
        }
    }

    /// A request type: a portal form that creates an issue of one type, asking for some of its fields.
    struct RequestType: Sendable {
        let id: String
        let name: String
        let description: String
        let helpText: String
        let issueType: JiraIssueType
        let groupIds: [String]
        let fields: [Field]
    }

    /// A field of a request type's form; `validValues` lists the allowed values of a select field.
    struct Field: Sendable {
        let fieldId: String
        let name: String
        let description: String
        let required: Bool
        let schemaType: String
        let validValues: [String]
    }

    func queue(id: String) -> Queue? {
        queues.first { $0.id == id }
    }

    func requestType(id: String) -> RequestType? {
        requestTypes.first { $0.id == id }
    }

    /// The request type of one of this desk's issues: the one it was raised with, else (an issue created in
    /// Jira itself) the first of its issue type, else the desk's first.
    func requestType(of issue: JiraIssue, in state: JiraState) -> RequestType {
        if let id = state.requestTypeIDs[issue.id], let type = requestType(id: id) { return type }
        return requestTypes.first { $0.issueType.id == issue.issueTypeId } ?? requestTypes[0]
    }

    /// A desk by its id, or by its project's key or id (the REST API accepts either).
    static func with(idOrProject text: String) -> JiraServiceDesk? {
        all.first { $0.id == text || $0.projectId == text || $0.projectKey == text.uppercased() }
    }

    static func with(projectId: String) -> JiraServiceDesk? {
        all.first { $0.projectId == projectId }
    }

    static let all: [JiraServiceDesk] = [.itHelp, .people]

    private static let summary = Field(
        fieldId: "summary", name: "Summary", description: "A short title for the request.", required: true, schemaType: "string", validValues: []
    )
    private static let description = Field(
        fieldId: "description", name: "Description", description: "What happened, and what you need.", required: false, schemaType: "string",
        validValues: []
    )
    private static let priority = Field(
        fieldId: "priority", name: "Priority", description: "How urgent it is.", required: false, schemaType: "priority",
        validValues: JiraPriority.all.map(\.name)
    )

    static let itHelp = JiraServiceDesk(
        id: "1", projectId: "10001", projectKey: "OPS", projectName: "Operations",
        queues: [
            Queue(id: "1", name: "All open requests", filter: "statusCategory != Done", fields: ["issuetype", "issuekey", "summary", "reporter", "status", "priority", "created"], orderBy: "priority DESC, created ASC"),
            Queue(id: "2", name: "Unassigned", filter: "assignee is EMPTY AND statusCategory != Done", fields: ["issuetype", "issuekey", "summary", "reporter", "created"], orderBy: "created ASC"),
            Queue(id: "3", name: "Assigned to me", filter: "assignee = currentUser() AND statusCategory != Done", fields: ["issuetype", "issuekey", "summary", "status", "created"], orderBy: "created ASC"),
            Queue(id: "4", name: "Resolved", filter: "statusCategory = Done", fields: ["issuetype", "issuekey", "summary", "assignee", "status", "updated"], orderBy: "updated DESC"),
        ],
        requestTypes: [
            RequestType(
                id: "10", name: "Get IT help", description: "Ask for help with hardware, software or access.",
                helpText: "Tell us what you need and we will get back to you.", issueType: .task, groupIds: ["1"],
                fields: [summary, description, priority]
            ),
            RequestType(
                id: "11", name: "Report a system problem", description: "Something is broken or down.",
                helpText: "Say which system, what you saw, and since when.", issueType: .bug, groupIds: ["2"],
                fields: [summary, Field(fieldId: "description", name: "What happened?", description: "Steps, error messages and since when.", required: true, schemaType: "string", validValues: []), priority]
            ),
        ]
    )

    static let people = JiraServiceDesk(
        id: "2", projectId: "10006", projectKey: "HR", projectName: "People Ops",
        queues: [
            Queue(id: "11", name: "All open requests", filter: "statusCategory != Done", fields: ["issuetype", "issuekey", "summary", "reporter", "status", "created"], orderBy: "created ASC"),
        ],
        requestTypes: [
            RequestType(
                id: "20", name: "Onboard a new hire", description: "Accounts, equipment and a first-day plan for someone joining.",
                helpText: "Give the person's name and start date.", issueType: .task, groupIds: ["3"],
                fields: [summary, Field(fieldId: "duedate", name: "Start date", description: "The first working day, as YYYY-MM-DD.", required: true, schemaType: "date", validValues: []), description]
            ),
        ]
    )
}
