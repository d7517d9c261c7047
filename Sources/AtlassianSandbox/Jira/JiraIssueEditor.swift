import Foundation
import Switchyard

/// Applies the `fields` and `update` parts of an IssueUpdateDetails body to an issue, collecting
/// Jira-style field errors instead of stopping at the first one.
///
/// ```swift
/// let (edited, newComments) = try JiraIssueEditor.edit(
///     issue, fields: ["summary": "New title"], update: ["labels": [["add": "triaged"]]],
///     in: state.jira, actorId: accountId, now: .now()
/// )
/// ```
struct JiraIssueEditor {
    static let documentMessage = "Operation value must be an Atlassian Document"

    let state: JiraState
    let actorId: String
    let now: Timestamp
    /// v3 takes rich text as ADF documents, v2 as wiki markup strings.
    var version: JiraAPIVersion = .v3
    /// Fields accepted and ignored, such as `resolution` during a transition.
    var ignoredFields: Set<String> = []
    private(set) var errors = JSONObject()
    /// Comment bodies added through `update.comment`.
    private(set) var addedComments: [JSONValue] = []

    init(state: JiraState, actorId: String, now: Timestamp) {
        self.state = state
        self.actorId = actorId
        self.now = now
    }

    /// Applies a whole IssueUpdateDetails body to a copy of `issue`, throwing the collected field errors.
    ///
    /// The editor lives only for this call, so the caller can change the store afterwards without the
    /// editor's view of the state forcing a copy of every issue.
    static func edit(
        _ issue: JiraIssue,
        fields: JSONObject,
        update: JSONObject,
        ignoring ignoredFields: Set<String> = [],
        in state: JiraState,
        actorId: String,
        now: Timestamp,
        version: JiraAPIVersion = .v3
    ) throws(APIError) -> (issue: JiraIssue, addedComments: [JSONValue]) {
        var editor = JiraIssueEditor(state: state, actorId: actorId, now: now)
        editor.ignoredFields = ignoredFields
        editor.version = version
        var edited = issue
        editor.rejectOverlap(fields: fields, update: update)
        editor.apply(fields: fields, to: &edited)
        editor.apply(update: update, to: &edited)
        guard editor.errors.isEmpty else { throw .invalidFields(editor.errors) }
        return (edited, editor.addedComments)
    }

    mutating func fail(_ field: String, _ message: String) {
        if errors[field] == nil { errors[field] = .string(message) }
    }

    /// Sets each field in `fields` to its new value.
    mutating func apply(fields: JSONObject, to issue: inout JiraIssue) {
        for member in fields where !ignoredFields.contains(member.key) {
            set(member.key, to: member.value, on: &issue)
        }
    }

    /// Runs each `set` / `add` / `remove` operation in `update`.
    mutating func apply(update: JSONObject, to issue: inout JiraIssue) {
        for member in update where !ignoredFields.contains(member.key) {
            guard let operations = member.value.arrayValue else {
                fail(member.key, "Operation list for field '\(member.key)' must be an array.")
                continue
            }
            for operation in operations {
                guard let object = operation.objectValue, object.count == 1, let verb = object.members.first else {
                    fail(member.key, "Each operation for field '\(member.key)' must be an object with one verb.")
                    continue
                }
                perform(verb.key, field: member.key, value: verb.value, on: &issue)
            }
        }
    }

    /// Reports fields that appear in both `fields` and `update`, which Jira refuses.
    mutating func rejectOverlap(fields: JSONObject, update: JSONObject) {
        for key in fields.keys where update[key] != nil {
            fail(key, "Field '\(key)' cannot be set in both 'fields' and 'update'.")
        }
    }

    private mutating func perform(_ verb: String, field: String, value: JSONValue, on issue: inout JiraIssue) {
        switch (field, verb) {
        case (_, "set"):
            set(field, to: value, on: &issue)
        case ("labels", "add"):
            guard let label = validLabel(value) else { return }
            if !issue.labels.contains(label) { issue.labels.append(label) }
        case ("labels", "remove"):
            guard let label = value.stringValue else { return fail("labels", "Label values must be strings.") }
            issue.labels.removeAll { $0 == label }
        case ("comment", "add"):
            guard let body = value["body"], isRichText(body) else { return fail("comment", richTextMessage) }
            addedComments.append(body)
        case ("components", "add"), ("fixVersions", "add"):
            guard let id = catalogReference(field, value, of: issue) else { return }
            if field == "components" {
                if !issue.componentIds.contains(id) { issue.componentIds.append(id) }
            } else if !issue.fixVersionIds.contains(id) {
                issue.fixVersionIds.append(id)
            }
        case ("components", "remove"), ("fixVersions", "remove"):
            guard let id = catalogReference(field, value, of: issue) else { return }
            if field == "components" { issue.componentIds.removeAll { $0 == id } } else { issue.fixVersionIds.removeAll { $0 == id } }
        case ("summary", _), ("description", _), ("labels", _), ("priority", _), ("assignee", _), ("reporter", _),
            ("duedate", _), ("parent", _), ("issuetype", _), ("comment", _), ("components", _), ("fixVersions", _):
            fail(field, "Field '\(field)' does not support operation '\(verb)'.")
        default:
            fail(field, Self.unknownFieldMessage(field))
        }
    }

    private mutating func set(_ field: String, to value: JSONValue, on issue: inout JiraIssue) {
        switch field {
        case "summary":
            guard let text = value.stringValue else { return fail(field, "Operation value must be a string") }
            let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !trimmed.isEmpty else { return fail(field, "You must specify a summary of the issue.") }
            guard trimmed.count <= 255 else { return fail(field, "Summary must be less than 255 characters.") }
            issue.summary = trimmed
        case "description":
            guard value.isNull || isRichText(value) else { return fail(field, richTextMessage) }
            issue.description = value.isNull || value.stringValue?.isEmpty == true ? nil : value
        case "labels":
            guard let values = value.arrayValue else { return fail(field, "Operation value must be an array of strings") }
            var labels: [String] = []
            for item in values {
                guard let label = validLabel(item) else { return }
                if !labels.contains(label) { labels.append(label) }
            }
            issue.labels = labels
        case "priority":
            guard let priority = reference(value).flatMap(JiraPriority.find) else {
                return fail(field, "Specify a valid 'id' or 'name' for Priority")
            }
            issue.priorityId = priority.id
        case "assignee":
            if value.isNull || value["accountId"]?.isNull == true || value["name"]?.isNull == true { return issue.assigneeId = nil }
            guard let accountId = accountReference(value) else { return fail(field, "Specify a valid value for assignee") }
            if accountId == "-1" { return issue.assigneeId = defaultAssignee(of: issue) }
            guard let user = state.user(accountId: accountId), user.active else {
                return fail(field, "User '\(accountId)' cannot be assigned issues.")
            }
            issue.assigneeId = user.accountId
        case "reporter":
            guard let accountId = accountReference(value), state.user(accountId: accountId) != nil else {
                return fail(field, "Specified reporter does not exist or you do not have required permissions")
            }
            issue.reporterId = accountId
        case "duedate":
            if value.isNull { return issue.dueDate = nil }
            guard let text = value.stringValue, Timestamp(queryLiteral: text) != nil, text.count == 10 else {
                return fail(field, "Error parsing date string: \(value.displayText)")
            }
            issue.dueDate = text
        case "parent":
            if value.isNull { return issue.parentId = nil }
            guard let parent = reference(value, idKey: "id", nameKey: "key").flatMap({ state.issue(idOrKey: $0) }),
                parent.id != issue.id
            else {
                return fail(field, "Could not find issue by id or key.")
            }
            issue.parentId = parent.id
        case "issuetype":
            guard let type = reference(value).flatMap(JiraIssueType.find) else {
                return fail(field, "The issue type selected is invalid.")
            }
            issue.issueTypeId = type.id
        case "components", "fixVersions":
            guard let values = value.isNull ? [] : value.arrayValue else { return fail(field, "Operation value must be an array") }
            var ids: [String] = []
            for item in values {
                guard let id = catalogReference(field, item, of: issue) else { return }
                if !ids.contains(id) { ids.append(id) }
            }
            if field == "components" { issue.componentIds = ids } else { issue.fixVersionIds = ids }
        case JiraField.storyPointsID:
            if value.isNull { return issue.storyPoints = nil }
            guard case .number = value, let points = value.doubleValue else { return fail(field, "Operation value must be a number") }
            issue.storyPoints = points
        case JiraField.startDateID:
            if value.isNull { return issue.startDate = nil }
            guard let text = value.stringValue, text.count == 10, Timestamp(queryLiteral: text) != nil else {
                return fail(field, "Error parsing date string: \(value.displayText)")
            }
            issue.startDate = text
        case JiraField.sprintID:
            if value.isNull { return issue.sprintIds.removeAll { state.sprint(id: $0)?.isOpen ?? false } }
            guard let id = value.intValue, let sprint = state.sprint(id: id) else { return fail(field, "Sprint with id \(value.displayText) does not exist.") }
            guard sprint.isOpen else { return fail(field, "Issues can only be added to active or future sprints.") }
            issue.sprintIds.removeAll { state.sprint(id: $0)?.isOpen ?? false }
            issue.sprintIds.append(sprint.id)
        case JiraField.epicLinkID:
            if value.isNull { return issue.parentId = nil }
            guard let key = value.stringValue, let epic = state.issue(idOrKey: key), epic.issueType == .epic else {
                return fail(field, "Epic with key \(value.displayText) does not exist.")
            }
            issue.parentId = epic.id
        default:
            fail(field, Self.unknownFieldMessage(field))
        }
    }

    /// The assignee `-1` stands for: the project lead, the sandbox's default assignee.
    private func defaultAssignee(of issue: JiraIssue) -> String? {
        state.project(idOrKey: issue.projectId)?.leadAccountId
    }

    private func isRichText(_ value: JSONValue) -> Bool {
        version.usesADF ? ADF.isDocument(value) : value.stringValue != nil
    }

    private var richTextMessage: String {
        version.usesADF ? Self.documentMessage : "Operation value must be a string"
    }

    /// The id of a component or version of the issue's project named by `{"id"}` or `{"name"}`.
    private mutating func catalogReference(_ field: String, _ value: JSONValue, of issue: JiraIssue) -> String? {
        let reference = value["id"]?.stringValue ?? value["id"]?.intValue.map(String.init)
        let name = value["name"]?.stringValue?.lowercased()
        let found: String?
        if field == "components" {
            found = state.components.first { component in
                component.projectId == issue.projectId && (component.id == reference || component.name.lowercased() == name)
            }?.id
        } else {
            found = state.versions.first { version in
                version.projectId == issue.projectId && (version.id == reference || version.name.lowercased() == name)
            }?.id
        }
        guard let found else {
            let what = field == "components" ? "Component" : "Version"
            fail(field, "\(what) name '\(value["name"]?.stringValue ?? reference ?? value.displayText)' is not valid")
            return nil
        }
        return found
    }

    static func unknownFieldMessage(_ field: String) -> String {
        "Field '\(field)' cannot be set. It is not on the appropriate screen, or unknown."
    }

    private mutating func validLabel(_ value: JSONValue) -> String? {
        guard let label = value.stringValue, !label.isEmpty else {
            fail("labels", "Label values must be non-empty strings.")
            return nil
        }
        guard !label.contains(" ") else {
            fail("labels", "The label '\(label)' contains spaces which is invalid.")
            return nil
        }
        return label
    }

    /// The `id` (preferred) or name of a `{"id": ...}` / `{"name": ...}` reference object.
    private func reference(_ value: JSONValue, idKey: String = "id", nameKey: String = "name") -> String? {
        value[idKey]?.stringValue ?? value[idKey]?.intValue.map(String.init) ?? value[nameKey]?.stringValue
    }

    /// The account id in a user reference: Cloud's `{"accountId"}` (the spec also shows `{"id": accountId}`),
    /// or Server/Data Center's `{"name": username}` / `{"key": userKey}`; `-1` passes through.
    private func accountReference(_ value: JSONValue) -> String? {
        if let accountId = value["accountId"]?.stringValue ?? value["id"]?.stringValue { return accountId }
        guard let name = value["name"]?.stringValue ?? value["key"]?.stringValue else { return nil }
        if name == "-1" { return name }
        return state.user(username: name)?.accountId ?? name
    }
}
