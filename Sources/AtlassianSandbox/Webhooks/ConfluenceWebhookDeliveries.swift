import Switchyard

/// Sends a page or blog post event to every active Confluence webhook that asked for it, the way Confluence
/// Data Center does: `{"timestamp", "event", "userKey", "page"|"blog": {id, title, spaceKey, version, ...}}`,
/// signed as ``SignedDelivery`` describes.
///
/// ```swift
/// ConfluenceWebhookDeliveries(store: store).contentChanged(.updated, content: page, actorId: actor, baseURL: request.baseURL)
/// // POST {"timestamp":1767600000000,"event":"page_updated","userKey":"demo","page":{"id":98305,"title":"Demo Space Home",...}}
/// ```
struct ConfluenceWebhookDeliveries: Sendable {
    /// What happened to the content; with its kind it names the event, e.g. `page_trashed` or `blog_created`.
    enum Change: String, Sendable {
        case created, updated, trashed, restored, removed
    }

    let store: SandboxStore

    func contentChanged(_ change: Change, content: ConfluenceContent, actorId: String, baseURL: String) {
        let event = "\(content.kind == .page ? "page" : "blog")_\(change.rawValue)"
        let state = store.snapshot()
        let targets = state.confluence.webhooks.filter { $0.active && $0.events.contains(event) }
        guard !targets.isEmpty else { return }
        let userKey = state.jira.user(accountId: actorId)?.userKey ?? actorId
        var subject: JSONObject = [
            "id": .number(JSONNumber(Int(content.id) ?? 0)),
            "title": .string(content.title),
            "contentType": .string(content.kind.rawValue),
            "version": .number(JSONNumber(content.version.number)),
            "creationDate": .number(JSONNumber(Int(content.createdAt.millisecondsSince1970))),
            "modificationDate": .number(JSONNumber(Int(content.version.createdAt.millisecondsSince1970))),
            "creatorKey": .string(state.jira.user(accountId: content.authorId)?.userKey ?? content.authorId),
            "lastModifierKey": .string(state.jira.user(accountId: content.version.authorId)?.userKey ?? content.version.authorId),
            "self": .string("\(baseURL)/pages/viewpage.action?pageId=\(content.id)"),
        ]
        if let space = state.confluence.space(id: content.spaceId) { subject["spaceKey"] = .string(space.key) }
        var payload: JSONObject = [
            "timestamp": .number(JSONNumber(Int(Timestamp.now().millisecondsSince1970))),
            "event": .string(event),
            "userKey": .string(userKey),
        ]
        payload[content.kind == .page ? "page" : "blog"] = .object(subject)
        let body = JSONValue.object(payload).serializedBytes()
        for webhook in targets {
            SignedDelivery(url: webhook.url, secret: webhook.secret, body: body).send()
        }
    }
}
