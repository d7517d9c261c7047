import Switchyard

extension JiraRenderer {
    func worklog(_ worklog: JiraWorklog, issueId: String) -> JSONValue {
        var object: JSONObject = [
            "self": .string("\(apiBase)/issue/\(issueId)/worklog/\(worklog.id)"),
            "author": user(accountId: worklog.authorId),
            "updateAuthor": user(accountId: worklog.updateAuthorId),
            "created": .string(worklog.created.jiraText),
            "updated": .string(worklog.updated.jiraText),
            "started": .string(worklog.started.jiraText),
            "timeSpent": .string(JiraWorklog.durationText(seconds: worklog.timeSpentSeconds)),
            "timeSpentSeconds": .number(JSONNumber(worklog.timeSpentSeconds)),
            "id": .string(worklog.id),
            "issueId": .string(issueId),
        ]
        if let comment = worklog.comment { object["comment"] = text(comment) }
        return .object(object)
    }

    func history(_ history: JiraHistory) -> JSONValue {
        [
            "id": .string(history.id),
            "author": user(accountId: history.authorId),
            "created": .string(history.created.jiraText),
            "items": .array(history.items.map(changeItem)),
        ]
    }

    private func changeItem(_ item: JiraChangeItem) -> JSONValue {
        var object: JSONObject = ["field": .string(item.field), "fieldtype": .string(item.fieldtype)]
        if version != .v2 { object["fieldId"] = .string(item.fieldId) }
        object["from"] = item.from.map(JSONValue.string) ?? .null
        object["fromString"] = item.fromString.map(JSONValue.string) ?? .null
        object["to"] = item.to.map(JSONValue.string) ?? .null
        object["toString"] = item.toString.map(JSONValue.string) ?? .null
        return .object(object)
    }

    func linkType(_ type: JiraIssueLinkType) -> JSONValue {
        [
            "id": .string(type.id),
            "name": .string(type.name),
            "inward": .string(type.inward),
            "outward": .string(type.outward),
            "self": .string("\(apiBase)/issueLinkType/\(type.id)"),
        ]
    }

    /// A link as the `issuelinks` field of `issue` shows it: only the other side, as `inwardIssue` or `outwardIssue`.
    func issueLinkField(_ link: JiraIssueLink, of issueId: String) -> JSONValue? {
        let otherId = link.outwardIssueId == issueId ? link.inwardIssueId : link.outwardIssueId
        guard let other = state.issue(idOrKey: otherId) else { return nil }
        var object: JSONObject = [
            "id": .string(link.id),
            "self": .string("\(apiBase)/issueLink/\(link.id)"),
            "type": linkType(link.type),
        ]
        // Seen from the outward issue, the other one is the inward issue, and the reverse.
        object[link.outwardIssueId == issueId ? "inwardIssue" : "outwardIssue"] = issueLink(other)
        return .object(object)
    }

    /// A link as `GET /issueLink/{id}` returns it, with both sides.
    func issueLinkDetails(_ link: JiraIssueLink) -> JSONValue {
        var object: JSONObject = [
            "id": .string(link.id),
            "self": .string("\(apiBase)/issueLink/\(link.id)"),
            "type": linkType(link.type),
        ]
        if let inward = state.issue(idOrKey: link.inwardIssueId) { object["inwardIssue"] = issueLink(inward) }
        if let outward = state.issue(idOrKey: link.outwardIssueId) { object["outwardIssue"] = issueLink(outward) }
        return .object(object)
    }

    /// An attachment as the issue's `attachment` field lists it (string id) or, with `metadata`, as
    /// `GET /attachment/{id}` returns it (numeric id).
    func attachment(_ attachment: JiraAttachment, metadata: Bool = false) -> JSONValue {
        var object: JSONObject = [
            "self": .string("\(apiBase)/attachment/\(attachment.id)"),
            "id": metadata ? .number(JSONNumber(Int(attachment.id) ?? 0)) : .string(attachment.id),
            "filename": .string(attachment.filename),
            "author": user(accountId: attachment.authorId),
            "created": .string(attachment.created.jiraText),
            "size": .number(JSONNumber(attachment.size)),
            "mimeType": .string(attachment.mimeType),
            "content": .string("\(apiBase)/attachment/content/\(attachment.id)"),
        ]
        if attachment.hasThumbnail { object["thumbnail"] = .string("\(apiBase)/attachment/thumbnail/\(attachment.id)") }
        if metadata { object["properties"] = [:] }
        return .object(object)
    }

    func projectVersion(_ version: JiraVersion) -> JSONValue {
        var object: JSONObject = [
            "self": .string("\(apiBase)/version/\(version.id)"),
            "id": .string(version.id),
            "name": .string(version.name),
            "description": .string(version.description),
            "archived": .bool(version.archived),
            "released": .bool(version.released),
        ]
        if let startDate = version.startDate { object["startDate"] = .string(startDate) }
        if let releaseDate = version.releaseDate {
            object["releaseDate"] = .string(releaseDate)
            object["overdue"] = .bool(!version.released && releaseDate < Timestamp.now().dateText)
        }
        object["projectId"] = .number(JSONNumber(Int(version.projectId) ?? 0))
        return .object(object)
    }

    func projectComponent(_ component: JiraComponent) -> JSONValue {
        let project = state.project(idOrKey: component.projectId)
        var object: JSONObject = [
            "self": .string("\(apiBase)/component/\(component.id)"),
            "id": .string(component.id),
            "name": .string(component.name),
            "description": .string(component.description),
            "assigneeType": .string(component.assigneeType),
            "realAssigneeType": .string(component.assigneeType),
            "isAssigneeTypeValid": true,
            "project": .string(project?.key ?? ""),
            "projectId": .number(JSONNumber(Int(component.projectId) ?? 0)),
        ]
        if let lead = component.leadAccountId, let user = state.user(accountId: lead) {
            object["lead"] = self.user(user)
            // Data Center names the lead once more by username; Cloud's `leadAccountId` is write-only, so
            // Cloud answers with the `lead` user alone.
            if version.usesUsernames { object["leadUserName"] = .string(user.username) }
        }
        return .object(object)
    }

    /// A field as `GET /field` lists it (FieldDetails).
    func fieldDetails(_ field: JiraField) -> JSONValue {
        [
            "id": .string(field.id),
            "key": .string(field.id),
            "name": .string(field.name),
            "custom": .bool(field.isCustom),
            "orderable": .bool(field.orderable),
            "navigable": .bool(field.navigable),
            "searchable": .bool(field.searchable),
            "clauseNames": .array(field.clauseNames.map(JSONValue.string)),
            "schema": field.schema,
        ]
    }

    /// A field as `GET /field/search` lists it (Field).
    func fieldSearchResult(_ field: JiraField) -> JSONValue {
        var object: JSONObject = [
            "id": .string(field.id),
            "key": .string(field.id),
            "name": .string(field.name),
            "schema": field.schema,
            "description": .string(field.description),
            "isLocked": .bool(field.id == JiraField.rankID || field.id == JiraField.sprintID),
            "screensCount": .number(JSONNumber(field.isCustom ? 2 : 0)),
            "contextsCount": .number(JSONNumber(field.isCustom ? 1 : 0)),
            "lastUsed": ["type": "NOT_TRACKED"],
        ]
        if let searcherKey = field.searcherKey { object["searcherKey"] = .string(searcherKey) }
        if !field.isCustom { object["typeDisplayName"] = .string(field.name) }
        return .object(object)
    }

    func board(_ board: JiraBoard) -> JSONValue {
        var location: JSONObject = [:]
        if let project = state.project(idOrKey: board.projectId) {
            location = [
                "projectId": .number(JSONNumber(Int(project.id) ?? 0)),
                "displayName": .string("\(project.name) (\(project.key))"),
                "projectName": .string(project.name),
                "projectKey": .string(project.key),
                "projectTypeKey": .string(project.projectTypeKey),
                "name": .string("\(project.name) (\(project.key))"),
            ]
        }
        return [
            "id": .number(JSONNumber(board.id)),
            "self": .string("\(agileBase)/board/\(board.id)"),
            "name": .string(board.name),
            "type": .string(board.type),
            "location": .object(location),
        ]
    }

    func sprint(_ sprint: JiraSprint) -> JSONValue {
        var object: JSONObject = [
            "id": .number(JSONNumber(sprint.id)),
            "self": .string("\(agileBase)/sprint/\(sprint.id)"),
            "state": .string(sprint.state.rawValue),
            "name": .string(sprint.name),
        ]
        if let startDate = sprint.startDate { object["startDate"] = .string(startDate.isoText) }
        if let endDate = sprint.endDate { object["endDate"] = .string(endDate.isoText) }
        if let completeDate = sprint.completeDate { object["completeDate"] = .string(completeDate.isoText) }
        object["createdDate"] = .string(sprint.createdDate.isoText)
        object["originBoardId"] = .number(JSONNumber(sprint.boardId))
        object["goal"] = .string(sprint.goal)
        return .object(object)
    }

    /// The sprint as the Sprint custom field holds it.
    func sprintFieldValue(_ sprint: JiraSprint) -> JSONValue {
        var object: JSONObject = [
            "id": .number(JSONNumber(sprint.id)),
            "name": .string(sprint.name),
            "state": .string(sprint.state.rawValue),
            "boardId": .number(JSONNumber(sprint.boardId)),
            "goal": .string(sprint.goal),
        ]
        if let startDate = sprint.startDate { object["startDate"] = .string(startDate.isoText) }
        if let endDate = sprint.endDate { object["endDate"] = .string(endDate.isoText) }
        if let completeDate = sprint.completeDate { object["completeDate"] = .string(completeDate.isoText) }
        return .object(object)
    }

    func watchers(of issue: JiraIssue, currentUser: String?) -> JSONValue {
        let users = issue.watcherIds.compactMap { state.user(accountId: $0) }
        return [
            "self": .string("\(apiBase)/issue/\(issue.key)/watchers"),
            "isWatching": .bool(currentUser.map(issue.watcherIds.contains) ?? false),
            "watchCount": .number(JSONNumber(users.count)),
            "watchers": .array(users.map(user)),
        ]
    }
}
