/// One entry of an issue's change history: who changed what, and when.
///
/// ```swift
/// JiraHistory(id: "10300", authorId: actor, created: now, items: [
///     JiraChangeItem(field: "status", fieldId: "status", from: "1", fromString: "To Do", to: "3", toString: "In Progress"),
/// ])
/// ```
struct JiraHistory: Sendable {
    let id: String
    let authorId: String
    let created: Timestamp
    let items: [JiraChangeItem]
}

/// A single field change inside a ``JiraHistory``, with raw ids (`from`/`to`) and display text.
struct JiraChangeItem: Sendable, Equatable {
    let field: String
    var fieldtype = "jira"
    let fieldId: String
    var from: String?
    var fromString: String?
    var to: String?
    var toString: String?

    /// The changes between two versions of an issue, in a stable field order.
    static func changes(from old: JiraIssue, to new: JiraIssue, in state: JiraState) -> [JiraChangeItem] {
        var items: [JiraChangeItem] = []
        if old.summary != new.summary {
            items.append(JiraChangeItem(field: "summary", fieldId: "summary", fromString: old.summary, toString: new.summary))
        }
        if old.description != new.description {
            items.append(
                JiraChangeItem(
                    field: "description", fieldId: "description",
                    fromString: old.description.map(JiraText.plain), toString: new.description.map(JiraText.plain)
                )
            )
        }
        if old.issueTypeId != new.issueTypeId {
            items.append(
                JiraChangeItem(
                    field: "issuetype", fieldId: "issuetype", from: old.issueTypeId, fromString: old.issueType.name,
                    to: new.issueTypeId, toString: new.issueType.name
                )
            )
        }
        if old.statusId != new.statusId {
            items.append(
                JiraChangeItem(
                    field: "status", fieldId: "status", from: old.statusId, fromString: old.status.name,
                    to: new.statusId, toString: new.status.name
                )
            )
        }
        if (old.resolved == nil) != (new.resolved == nil) {
            items.append(
                JiraChangeItem(
                    field: "resolution", fieldId: "resolution", from: old.resolved == nil ? nil : "10000",
                    fromString: old.resolved == nil ? nil : "Done", to: new.resolved == nil ? nil : "10000",
                    toString: new.resolved == nil ? nil : "Done"
                )
            )
        }
        if old.priorityId != new.priorityId {
            items.append(
                JiraChangeItem(
                    field: "priority", fieldId: "priority", from: old.priorityId, fromString: old.priority.name,
                    to: new.priorityId, toString: new.priority.name
                )
            )
        }
        for (field, before, after) in [("assignee", old.assigneeId, new.assigneeId), ("reporter", old.reporterId, new.reporterId)]
        where before != after {
            items.append(
                JiraChangeItem(
                    field: field, fieldId: field, from: before, fromString: before.flatMap { state.user(accountId: $0)?.displayName },
                    to: after, toString: after.flatMap { state.user(accountId: $0)?.displayName }
                )
            )
        }
        if old.labels != new.labels {
            items.append(
                JiraChangeItem(
                    field: "labels", fieldId: "labels", fromString: old.labels.joined(separator: " "),
                    toString: new.labels.joined(separator: " ")
                )
            )
        }
        if old.dueDate != new.dueDate {
            items.append(JiraChangeItem(field: "duedate", fieldId: "duedate", from: old.dueDate, fromString: old.dueDate, to: new.dueDate, toString: new.dueDate))
        }
        if old.parentId != new.parentId {
            let key = { (id: String?) in id.flatMap { state.issue(idOrKey: $0)?.key } }
            items.append(
                JiraChangeItem(
                    field: "IssueParentAssociation", fieldId: "parent", from: old.parentId, fromString: key(old.parentId),
                    to: new.parentId, toString: key(new.parentId)
                )
            )
        }
        if old.sprintIds != new.sprintIds {
            let names = { (ids: [Int]) in ids.compactMap { state.sprint(id: $0)?.name }.joined(separator: ", ") }
            let list = { (ids: [Int]) in ids.map(String.init).joined(separator: ", ") }
            items.append(
                JiraChangeItem(
                    field: "Sprint", fieldtype: "custom", fieldId: JiraField.sprintID, from: list(old.sprintIds),
                    fromString: names(old.sprintIds), to: list(new.sprintIds), toString: names(new.sprintIds)
                )
            )
        }
        if old.storyPoints != new.storyPoints {
            items.append(
                JiraChangeItem(
                    field: "Story Points", fieldtype: "custom", fieldId: JiraField.storyPointsID,
                    fromString: old.storyPoints.map(Self.numberText), toString: new.storyPoints.map(Self.numberText)
                )
            )
        }
        for (field, before, after, name) in [
            ("Component", old.componentIds, new.componentIds, { (id: String) in state.component(id: id)?.name }),
            ("Fix Version", old.fixVersionIds, new.fixVersionIds, { (id: String) in state.version(id: id)?.name }),
        ] {
            for removed in before where !after.contains(removed) {
                items.append(JiraChangeItem(field: field, fieldId: field == "Component" ? "components" : "fixVersions", from: removed, fromString: name(removed)))
            }
            for added in after where !before.contains(added) {
                items.append(JiraChangeItem(field: field, fieldId: field == "Component" ? "components" : "fixVersions", to: added, toString: name(added)))
            }
        }
        return items
    }

    static func numberText(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}
