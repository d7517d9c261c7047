import Switchyard

extension JiraRenderer {
    /// The `expand` value every IssueBean advertises.
    static let issueExpandOptions = "renderedFields,names,schema,operations,editmeta,changelog,versionedRepresentations"

    /// An IssueBean with the selected fields; `expand` may add `names`, `transitions` and `changelog`.
    func issue(_ issue: JiraIssue, fields: JiraFieldSelection, expand: Set<String> = [], currentUser: String? = nil) -> JSONValue {
        if fields.isIDOnly { return ["id": .string(issue.id)] }
        var fieldValues = JSONObject()
        for name in JiraFieldSelection.allFields where fields.includes(name) {
            if let value = fieldValue(name, of: issue, currentUser: currentUser) { fieldValues[name] = value }
        }
        if version == .agile {
            for name in JiraFieldSelection.agileFields where fields.includes(name) || fields.includesAgileDefaults {
                if let value = agileFieldValue(name, of: issue) { fieldValues[name] = value }
            }
        }
        var bean: JSONObject = [
            "expand": .string(Self.issueExpandOptions),
            "id": .string(issue.id),
            "self": .string(version == .agile ? "\(agileBase)/issue/\(issue.id)" : "\(apiBase)/issue/\(issue.id)"),
            "key": .string(issue.key),
            "fields": .object(fieldValues),
        ]
        if expand.contains("names") {
            bean["names"] = .object(JSONObject(fieldValues.keys.map { ($0, JSONValue.string(Self.displayName(ofField: $0))) }))
        }
        if expand.contains("transitions") {
            bean["transitions"] = .array(JiraTransition.available(from: issue.status).map(transition))
        }
        if expand.contains("changelog") {
            let count = JSONValue.number(JSONNumber(issue.changelog.count))
            bean["changelog"] = ["startAt": 0, "maxResults": count, "total": count, "histories": .array(issue.changelog.map(history))]
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
    private func fieldValue(_ name: String, of issue: JiraIssue, currentUser: String?) -> JSONValue? {
        switch name {
        case "statuscategorychangedate": .string(issue.statusCategoryChanged.jiraText)
        case "issuetype": issueType(issue.issueType)
        case "parent": issue.parentId.flatMap { state.issue(idOrKey: $0) }.map(issueLink)
        case "timespent": issue.timeSpentSeconds.map { .number(JSONNumber($0)) } ?? .null
        case "aggregatetimespent": issue.timeSpentSeconds.map { .number(JSONNumber($0)) } ?? .null
        case "timetracking": timeTracking(of: issue)
        case "worklog": worklogField(of: issue)
        case "project": state.project(idOrKey: issue.projectId).map(project) ?? .null
        case "fixVersions": .array(issue.fixVersionIds.compactMap { state.version(id: $0) }.map(projectVersion))
        case "components": .array(issue.componentIds.compactMap { state.component(id: $0) }.map(projectComponent))
        case "issuelinks": .array(state.links(of: issue.id).compactMap { issueLinkField($0, of: issue.id) })
        case "attachment": .array(issue.attachments.map { attachment($0) })
        case "resolution": issue.resolved == nil ? .null : resolutionDone
        case "resolutiondate": issue.resolved.map { .string($0.jiraText) } ?? .null
        case "watches":
            [
                "self": .string("\(apiBase)/issue/\(issue.key)/watchers"),
                "watchCount": .number(JSONNumber(issue.watcherIds.count)),
                "isWatching": .bool(currentUser.map(issue.watcherIds.contains) ?? false),
            ]
        case "created": .string(issue.created.jiraText)
        case "priority": priority(issue.priority)
        case "labels": .array(issue.labels.map(JSONValue.string))
        case "assignee": user(accountId: issue.assigneeId)
        case "updated": .string(issue.updated.jiraText)
        case "status": status(issue.status)
        case "description": text(issue.description)
        case "summary": .string(issue.summary)
        case "creator": user(accountId: issue.creatorId)
        case "subtasks": .array(state.subtasks(of: issue.id).map(issueLink))
        case "reporter": user(accountId: issue.reporterId)
        case "duedate": issue.dueDate.map(JSONValue.string) ?? .null
        case "environment": .null
        case "comment": commentField(of: issue)
        case "votes": ["self": .string("\(apiBase)/issue/\(issue.key)/votes"), "votes": 0, "hasVoted": false]
        case JiraField.storyPointsID: issue.storyPoints.map { .number(JSONNumber($0)) } ?? .null
        case JiraField.startDateID: issue.startDate.map(JSONValue.string) ?? .null
        case JiraField.sprintID:
            issue.sprintIds.isEmpty ? .null : .array(issue.sprintIds.compactMap { state.sprint(id: $0) }.map(sprintFieldValue))
        case JiraField.epicLinkID:
            issue.parentId.flatMap { state.issue(idOrKey: $0) }.flatMap { $0.issueType == .epic ? JSONValue.string($0.key) : nil } ?? .null
        case JiraField.rankID: .string("0|i000\(issue.number < 10 ? "0" : "")\(issue.number):")
        case JiraField.flaggedID: .null
        default: nil
        }
    }

    /// Fields the agile API adds: the current `sprint`, earlier `closedSprints`, `flagged` and `epic`.
    private func agileFieldValue(_ name: String, of issue: JiraIssue) -> JSONValue? {
        let sprints = issue.sprintIds.compactMap { state.sprint(id: $0) }
        switch name {
        case "sprint": return sprints.last(where: \.isOpen).map(sprint) ?? .null
        case "closedSprints": return .array(sprints.filter { !$0.isOpen }.map(sprint))
        case "flagged": return false
        case "epic":
            guard let epic = issue.parentId.flatMap({ state.issue(idOrKey: $0) }), epic.issueType == .epic else { return .null }
            return [
                "id": .number(JSONNumber(Int(epic.id) ?? 0)), "key": .string(epic.key),
                "self": .string("\(agileBase)/epic/\(epic.id)"), "name": .string(epic.summary), "summary": .string(epic.summary),
                "done": .bool(epic.status.category == .done),
            ]
        default: return nil
        }
    }

    private func timeTracking(of issue: JiraIssue) -> JSONValue {
        guard let spent = issue.timeSpentSeconds else { return [:] }
        return ["timeSpent": .string(JiraWorklog.durationText(seconds: spent)), "timeSpentSeconds": .number(JSONNumber(spent))]
    }

    private func worklogField(of issue: JiraIssue) -> JSONValue {
        let count = JSONValue.number(JSONNumber(issue.worklogs.count))
        return [
            "startAt": 0, "maxResults": 20, "total": count,
            "worklogs": .array(issue.worklogs.suffix(20).map { worklog($0, issueId: issue.id) }),
        ]
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
        case "timetracking": "Time tracking"
        case "worklog": "Log Work"
        case let id where JiraField.find(id)?.isCustom == true: JiraField.find(id)?.name ?? id
        default: field.prefix(1).uppercased() + field.dropFirst()
        }
    }
}
