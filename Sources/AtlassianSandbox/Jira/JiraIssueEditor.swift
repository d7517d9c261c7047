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
        now: Timestamp
    ) throws(APIError) -> (issue: JiraIssue, addedComments: [JSONValue]) {
        var editor = JiraIssueEditor(state: state, actorId: actorId, now: now)
        editor.ignoredFields = ignoredFields
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
            guard let body = value["body"], ADF.isDocument(body) else { return fail("comment", Self.documentMessage) }
            addedComments.append(body)
        case ("summary", _), ("description", _), ("labels", _), ("priority", _), ("assignee", _), ("reporter", _),
            ("duedate", _), ("parent", _), ("issuetype", _), ("comment", _):
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
            guard value.isNull || ADF.isDocument(value) else { return fail(field, Self.documentMessage) }
            issue.description = value.isNull ? nil : value
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
            if value.isNull || value["accountId"]?.isNull == true { return issue.assigneeId = nil }
            guard let accountId = accountReference(value) else { return fail(field, "Specify a valid value for assignee") }
            if accountId == "-1" { return issue.assigneeId = state.project(idOrKey: issue.projectId)?.leadAccountId }
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
        default:
            fail(field, Self.unknownFieldMessage(field))
        }
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

    /// The account id in a Cloud user reference; the spec also shows `{"id": accountId}`.
    private func accountReference(_ value: JSONValue) -> String? {
        value["accountId"]?.stringValue ?? value["id"]?.stringValue
    }
}
