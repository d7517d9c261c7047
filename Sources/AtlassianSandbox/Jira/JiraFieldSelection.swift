/// Which issue fields a request asked for through `fields`, Jira style.
///
/// Accepts field names, `*all`, `*navigable` and `-name` exclusions; unknown names are ignored, as Jira
/// ignores them. `id` alone (the search default) asks for ids only.
///
/// ```swift
/// JiraFieldSelection(["summary", "status"]).includes("status")   // true
/// JiraFieldSelection(["*all", "-comment"]).includes("comment")   // false
/// JiraFieldSelection(["id"]).isIDOnly                            // true
/// ```
struct JiraFieldSelection: Sendable {
    /// Every field the sandbox renders, in the order Jira tends to write them.
    static let allFields = [
        "statuscategorychangedate", "issuetype", "parent", "timespent", "project", "fixVersions", "resolution",
        "resolutiondate", "watches", "created", "priority", "labels", "issuelinks", "assignee", "updated", "status",
        "components", "description", "summary", "creator", "subtasks", "reporter", "duedate", "environment",
        "comment", "attachment", "votes", "worklog", "timetracking", "aggregatetimespent",
        JiraField.epicLinkID, JiraField.startDateID, JiraField.storyPointsID, JiraField.rankID, JiraField.sprintID, JiraField.flaggedID,
    ]

    /// Fields the agile API adds to its issues.
    static let agileFields = ["sprint", "closedSprints", "flagged", "epic"]

    /// Fields shown in issue navigator columns; `comment` and `worklog` are not among them.
    static let navigableFields = allFields.filter { $0 != "comment" && $0 != "worklog" }

    private(set) var included: Set<String> = []
    /// Whether the request named nothing but `id`, so issues render as `{"id": ...}` only.
    let isIDOnly: Bool

    init(_ requested: [String]) {
        var excluded: Set<String> = []
        var namedOnlyID = !requested.isEmpty
        for name in requested {
            switch name {
            case "*all":
                included.formUnion(Self.allFields)
            case "*navigable":
                included.formUnion(Self.navigableFields)
            case "id":
                continue
            case _ where name.hasPrefix("-"):
                excluded.insert(String(name.dropFirst()))
            default:
                included.insert(name)
            }
            namedOnlyID = false
        }
        included.subtract(excluded)
        isIDOnly = namedOnlyID
    }

    static let all = JiraFieldSelection(["*all"])

    /// Whether the request took the default field set, which for agile reads includes the agile fields.
    var includesAgileDefaults: Bool { included.isSuperset(of: Self.navigableFields) }

    func includes(_ field: String) -> Bool {
        included.contains(field)
    }
}
