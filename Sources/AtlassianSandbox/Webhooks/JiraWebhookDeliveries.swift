import Foundation
import Switchyard

/// Sends an issue event to every enabled webhook that asked for it and whose JQL filter the issue matches, the
/// way Jira does: a JSON body with `timestamp`, `webhookEvent`, `issue`, `user` and (for updates) `changelog`,
/// signed as ``SignedDelivery`` describes.
///
/// ```swift
/// JiraWebhookDeliveries(store: store).issueChanged("jira:issue_created", issue: created, actorId: actor, history: nil, baseURL: request.baseURL)
/// ```
struct JiraWebhookDeliveries: Sendable {
    let store: SandboxStore

    /// `state` is the Jira state the event is read in: the current one, or for `jira:issue_deleted` the one
    /// from before the delete, where the issue and its project still are.
    func issueChanged(_ event: String, issue: JiraIssue, actorId: String, history: JiraHistory?, baseURL: String, state: JiraState? = nil) {
        let state = state ?? store.snapshot().jira
        let now = Timestamp.now()
        let targets = state.webhooks.filter { webhook in
            webhook.enabled && webhook.events.contains(event) && (webhook.expirationDate.map { $0 > now } ?? true)
                && Self.passes(webhook.jqlFilter, issue: issue, in: state, actorId: actorId)
        }
        guard !targets.isEmpty else { return }
        for webhook in targets {
            let version: JiraAPIVersion = webhook.kind == .dynamic ? .v3 : .v2
            let renderer = JiraRenderer(state: state, baseURL: baseURL, version: version)
            var payload: JSONObject = [
                "timestamp": .number(JSONNumber(Int(now.millisecondsSince1970))),
                "webhookEvent": .string(event),
                "issue_event_type_name": .string(Self.issueEventTypeName(event)),
                "user": renderer.user(accountId: actorId),
                "issue": renderer.issue(issue, fields: .all),
            ]
            if let history {
                payload["changelog"] = [
                    "id": .string(history.id),
                    "items": .array(history.items.map(Self.changeItem)),
                ]
            }
            let body = JSONValue.object(payload).serializedBytes()
            SignedDelivery(url: webhook.url, secret: webhook.secret, body: webhook.excludeBody ? [] : body).send()
        }
    }

    /// Whether the issue matches the webhook's JQL filter, as Jira applies it before sending; a filter that
    /// does not parse matches nothing.
    private static func passes(_ filter: String?, issue: JiraIssue, in state: JiraState, actorId: String) -> Bool {
        guard let filter, !filter.trimmingCharacters(in: .whitespaces).isEmpty else { return true }
        return (try? JQLQuery(filter).matches(issue, in: state, currentUser: actorId)) ?? false
    }

    private static func issueEventTypeName(_ event: String) -> String {
        switch event {
        case "jira:issue_created": "issue_created"
        case "jira:issue_deleted": "issue_deleted"
        default: "issue_generic"
        }
    }

    private static func changeItem(_ item: JiraChangeItem) -> JSONValue {
        [
            "field": .string(item.field), "fieldtype": .string(item.fieldtype), "fieldId": .string(item.fieldId),
            "from": item.from.map(JSONValue.string) ?? .null, "fromString": item.fromString.map(JSONValue.string) ?? .null,
            "to": item.to.map(JSONValue.string) ?? .null, "toString": item.toString.map(JSONValue.string) ?? .null,
        ]
    }
}
