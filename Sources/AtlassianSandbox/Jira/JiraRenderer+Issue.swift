import Switchyard

extension JiraRenderer {
    /// The `expand` value every IssueBean advertises.
    static let issueExpandOptions = "renderedFields,names,schema,operations,editmeta,changelog,versionedRepresentations"

    /// An IssueBean with the selected fields; `expand` may add `names` and `transitions`.
    func issue(_ issue: JiraIssue, fields: JiraFieldSelection, expand: Set<String> = []) -> JSONValue {
        if fields.isIDOnly { return ["id": .string(issue.id)] }
        var fieldValues = JSONObject()
        for name in JiraFieldSelection.allFields where fields.includes(name) {
            if let value = fieldValue(name, of: issue) { fieldValues[name] = value }
        }
        var bean: JSONObject = [
            "expand": .string(Self.issueExpandOptions),
            "id": .string(issue.id),
            "self": .string("\(apiBase)/issue/\(issue.id)"),
            "key": .string(issue.key),
            "fields": .object(fieldValues),
        ]
        if expand.contains("names") {
            bean["names"] = .object(JSONObject(fieldValues.keys.map { ($0, JSONValue.string(Self.displayName(ofField: $0))) }))
        }
        if expand.contains("transitions") {
            bean["transitions"] = .array(JiraTransition.available(from: issue.status).map(transition))
        }
        return .object(bean)
    }

    /// The `{"id","key","self","fields":{summary,status,priority,issuetype}}` form used for parents and subtasks.
    func issueLink(_ issue: JiraIssue) -> JSONValue {
        [
            "id": .string(issue.id),
            "key": .string(issue.key),
            "self": .string("\(apiBase)/issue/\(issue.id)"),
            "fields": [
                "summary": .string(issue.summary),
                "status": status(issue.status),
                "priority": priority(issue.priority),
                "issuetype": issueType(issue.issueType),
            ],
        ]
    }

    /// The value of one field, or `nil` when the field does not apply to this issue (`parent` without one).
    private func fieldValue(_ name: String, of issue: JiraIssue) -> JSONValue? {
        switch name {
        case "statuscategorychangedate": .string(issue.statusCategoryChanged.jiraText)
        case "issuetype": issueType(issue.issueType)
        case "parent": issue.parentId.flatMap { state.issue(idOrKey: $0) }.map(issueLink)
        case "timespent": .null
        case "project": state.project(idOrKey: issue.projectId).map(project) ?? .null
        case "fixVersions", "issuelinks", "components", "attachment": []
        case "resolution": issue.resolved == nil ? .null : resolutionDone
        case "resolutiondate": issue.resolved.map { .string($0.jiraText) } ?? .null
        case "watches": ["self": .string("\(apiBase)/issue/\(issue.key)/watchers"), "watchCount": 1, "isWatching": true]
        case "created": .string(issue.created.jiraText)
        case "priority": priority(issue.priority)
        case "labels": .array(issue.labels.map(JSONValue.string))
        case "assignee": user(accountId: issue.assigneeId)
        case "updated": .string(issue.updated.jiraText)
        case "status": status(issue.status)
        case "description": issue.description ?? .null
        case "summary": .string(issue.summary)
        case "creator": user(accountId: issue.creatorId)
        case "subtasks": .array(state.subtasks(of: issue.id).map(issueLink))
        case "reporter": user(accountId: issue.reporterId)
        case "duedate": issue.dueDate.map(JSONValue.string) ?? .null
        case "environment": .null
        case "comment": commentField(of: issue)
        case "votes": ["self": .string("\(apiBase)/issue/\(issue.key)/votes"), "votes": 0, "hasVoted": false]
        default: nil
        }
    }

    private var resolutionDone: JSONValue {
        ["self": .string("\(apiBase)/resolution/10000"), "id": "10000", "description": "Work has been completed on this issue.", "name": "Done"]
    }

    private func commentField(of issue: JiraIssue) -> JSONValue {
        let count = JSONValue.number(JSONNumber(issue.comments.count))
        return [
            "comments": .array(issue.comments.map { comment($0, issueId: issue.id) }),
            "self": .string("\(apiBase)/issue/\(issue.id)/comment"),
            "maxResults": count,
            "total": count,
            "startAt": 0,
        ]
    }

    private static func displayName(ofField field: String) -> String {
        switch field {
        case "statuscategorychangedate": "Status Category Changed"
        case "issuetype": "Issue Type"
        case "timespent": "Time Spent"
        case "fixVersions": "Fix versions"
        case "resolutiondate": "Resolved"
        case "issuelinks": "Linked Issues"
        case "subtasks": "Sub-tasks"
        case "duedate": "Due date"
        default: field.prefix(1).uppercased() + field.dropFirst()
        }
    }
}
