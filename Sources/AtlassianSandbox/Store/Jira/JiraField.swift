import Switchyard

/// A field an issue can have, system or custom, as `GET /field` describes it; the sandbox's set is fixed.
///
/// ```swift
/// JiraField.find("Story Points")?.id   // "customfield_10016"
/// ```
struct JiraField: Sendable {
    let id: String
    let name: String
    let isCustom: Bool
    /// JSON type of the value: `string`, `number`, `array`, `user`, `option`, `date`, `any`…
    let type: String
    /// Element type of array fields.
    var items: String?
    /// The system field id or the custom field type key, e.g. `com.atlassian.jira.plugin.system.customfieldtypes:float`.
    let schemaKey: String
    var description = ""
    var searcherKey: String?
    var navigable = true
    var orderable = true
    var searchable = true

    static let epicLinkID = "customfield_10014"
    static let startDateID = "customfield_10015"
    static let storyPointsID = "customfield_10016"
    static let rankID = "customfield_10019"
    static let sprintID = "customfield_10020"
    static let flaggedID = "customfield_10021"

    var customId: Int? {
        isCustom ? Int(id.dropFirst("customfield_".count)) : nil
    }

    /// What JQL calls it: the id for system fields, `cf[10016]` and the name for custom ones.
    var clauseNames: [String] {
        guard let customId else { return [id] }
        return ["cf[\(customId)]", name]
    }

    /// The JsonTypeBean `schema` object.
    var schema: JSONValue {
        var object: JSONObject = ["type": .string(type)]
        if let items { object["items"] = .string(items) }
        if let customId {
            object["custom"] = .string(schemaKey)
            object["customId"] = .number(JSONNumber(customId))
        } else {
            object["system"] = .string(schemaKey)
        }
        return .object(object)
    }

    static func system(_ id: String, _ name: String, type: String, items: String? = nil, navigable: Bool = true, orderable: Bool = true) -> JiraField {
        JiraField(id: id, name: name, isCustom: false, type: type, items: items, schemaKey: id, navigable: navigable, orderable: orderable)
    }

    static let all: [JiraField] = [
        .system("summary", "Summary", type: "string"),
        .system("description", "Description", type: "string"),
        .system("issuetype", "Issue Type", type: "issuetype"),
        .system("project", "Project", type: "project"),
        .system("status", "Status", type: "status", orderable: false),
        .system("priority", "Priority", type: "priority"),
        .system("resolution", "Resolution", type: "resolution"),
        .system("assignee", "Assignee", type: "user"),
        .system("reporter", "Reporter", type: "user"),
        .system("creator", "Creator", type: "user", orderable: false),
        .system("labels", "Labels", type: "array", items: "string"),
        .system("components", "Components", type: "array", items: "component"),
        .system("fixVersions", "Fix versions", type: "array", items: "version"),
        .system("duedate", "Due date", type: "date"),
        .system("parent", "Parent", type: "issuelink"),
        .system("environment", "Environment", type: "string"),
        .system("created", "Created", type: "datetime", orderable: false),
        .system("updated", "Updated", type: "datetime", orderable: false),
        .system("resolutiondate", "Resolved", type: "datetime", orderable: false),
        .system("statuscategorychangedate", "Status Category Changed", type: "datetime", orderable: false),
        .system("comment", "Comment", type: "comments-page", navigable: false),
        .system("worklog", "Log Work", type: "array", items: "worklog", navigable: false),
        .system("timespent", "Time Spent", type: "number", orderable: false),
        .system("attachment", "Attachment", type: "array", items: "attachment"),
        .system("issuelinks", "Linked Issues", type: "array", items: "issuelinks"),
        .system("subtasks", "Sub-tasks", type: "array", items: "issuelinks", orderable: false),
        .system("watches", "Watchers", type: "watches", orderable: false),
        .system("votes", "Votes", type: "votes", orderable: false),
        JiraField(
            id: epicLinkID, name: "Epic Link", isCustom: true, type: "any", schemaKey: "com.pyxis.greenhopper.jira:gh-epic-link",
            description: "Choose an epic to assign this issue to.", searcherKey: "com.pyxis.greenhopper.jira:gh-epic-link-searcher"
        ),
        JiraField(
            id: startDateID, name: "Start date", isCustom: true, type: "date", schemaKey: "com.atlassian.jira.plugin.system.customfieldtypes:datepicker",
            description: "Allows the planned start date for a piece of work to be set.",
            searcherKey: "com.atlassian.jira.plugin.system.customfieldtypes:daterange"
        ),
        JiraField(
            id: storyPointsID, name: "Story Points", isCustom: true, type: "number", schemaKey: "com.atlassian.jira.plugin.system.customfieldtypes:float",
            description: "Measurement of complexity and/or size of a requirement.",
            searcherKey: "com.atlassian.jira.plugin.system.customfieldtypes:exactnumber"
        ),
        JiraField(
            id: rankID, name: "Rank", isCustom: true, type: "any", schemaKey: "com.pyxis.greenhopper.jira:gh-lexo-rank",
            description: "Global rank field for Jira Software use only.", searcherKey: "com.pyxis.greenhopper.jira:gh-lexo-rank-searcher"
        ),
        JiraField(
            id: sprintID, name: "Sprint", isCustom: true, type: "array", items: "json", schemaKey: "com.pyxis.greenhopper.jira:gh-sprint",
            description: "Jira Software sprint field", searcherKey: "com.pyxis.greenhopper.jira:gh-sprint-searcher"
        ),
        JiraField(
            id: flaggedID, name: "Flagged", isCustom: true, type: "array", items: "option",
            schemaKey: "com.atlassian.jira.plugin.system.customfieldtypes:multicheckboxes",
            description: "Allows to flag issues with impediments.", searcherKey: "com.atlassian.jira.plugin.system.customfieldtypes:multiselectsearcher"
        ),
    ]

    /// Looks up by id, or by name (case-insensitive).
    static func find(_ idOrName: String) -> JiraField? {
        all.first { $0.id == idOrName } ?? all.first { $0.name.lowercased() == idOrName.lowercased() }
    }
}
