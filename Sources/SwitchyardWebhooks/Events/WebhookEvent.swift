import Switchyard

/// One accepted delivery, normalized so Jira Cloud, Jira Data Center and Confluence events read alike.
///
/// ```swift
/// let event = WebhookEvent(payload: try JSONValue(parsing: body), delivery: "d8f1", eventKey: nil, includeRaw: false)
/// print(event.line)
/// // {"event":"jira:issue_updated","issue":"DEMO-1","changelog":[{"field":"status","from":"To Do","to":"Done"}],...}
/// ```
public struct WebhookEvent: Sendable, Equatable {
    /// The body's `webhookEvent` (Jira) or `event` (Confluence), else the `X-Event-Key` header.
    public let event: String?
    /// The issue key (or id when the payload has no key).
    public let issue: String?
    /// The page, blog post or other content a Confluence event is about.
    public let page: Page?
    /// The fields the event changed.
    public let changelog: [Change]
    /// Who caused the event: a display name, user name or account id, whichever the payload has.
    public let actor: String?
    /// The body's `timestamp`, milliseconds since 1970.
    public let timestamp: Int64?
    /// The `X-Atlassian-Webhook-Identifier` of the delivery.
    public let delivery: String?
    /// The whole body, when the listener was asked for it.
    public let raw: JSONValue?

    /// A Confluence content item.
    public struct Page: Sendable, Equatable {
        public let id: String?
        public let title: String?

        public init(id: String?, title: String?) {
            self.id = id
            self.title = title
        }
    }

    /// One field change: `field: from → to`.
    public struct Change: Sendable, Equatable {
        public let field: String
        public let from: String?
        public let to: String?

        public init(field: String, from: String?, to: String?) {
            self.field = field
            self.from = from
            self.to = to
        }
    }

    /// Reads the parts of `payload` every event line carries.
    public init(payload: JSONValue, delivery: String?, eventKey: String?, includeRaw: Bool) {
        event = payload["webhookEvent"]?.stringValue ?? payload["event"]?.stringValue ?? eventKey
        let issue = payload["issue"]
        self.issue = issue?["key"]?.stringValue ?? issue?["id"].flatMap(Self.text)
        page = Self.content(in: payload)
        changelog = (payload["changelog"]?["items"]?.arrayValue ?? []).compactMap { item in
            guard let field = item["field"]?.stringValue else { return nil }
            return Change(
                field: field,
                from: item["fromString"].flatMap(Self.text) ?? item["from"].flatMap(Self.text),
                to: item["toString"].flatMap(Self.text) ?? item["to"].flatMap(Self.text)
            )
        }
        let user = payload["user"]
        actor = user?["displayName"]?.stringValue ?? user?["name"]?.stringValue ?? user?["accountId"]?.stringValue
            ?? payload["userAccountId"]?.stringValue ?? payload["userKey"]?.stringValue
        timestamp = payload["timestamp"].flatMap(Self.milliseconds)
        self.delivery = delivery
        raw = includeRaw ? .some(payload) : .none
    }

    /// The event as one JSON object, absent parts left out.
    public var json: JSONValue {
        var object = JSONObject()
        object["event"] = event.map(JSONValue.string) ?? .null
        if let issue { object["issue"] = .string(issue) }
        if let page {
            var pageObject = JSONObject()
            if let id = page.id { pageObject["id"] = .string(id) }
            if let title = page.title { pageObject["title"] = .string(title) }
            object["page"] = .object(pageObject)
        }
        if !changelog.isEmpty {
            object["changelog"] = .array(changelog.map { change in
                .object(["field": .string(change.field), "from": change.from.map(JSONValue.string) ?? .null,
                         "to": change.to.map(JSONValue.string) ?? .null])
            })
        }
        if let actor { object["actor"] = .string(actor) }
        if let timestamp { object["timestamp"] = .number(JSONNumber(Int(timestamp))) }
        if let delivery { object["delivery"] = .string(delivery) }
        if let raw { object["raw"] = raw }
        return .object(object)
    }

    /// The event as one line of JSON (no newline).
    public var line: String { json.serialized() }

    static func milliseconds(_ value: JSONValue) -> Int64? {
        if let number = value.intValue { return Int64(number) }
        if let text = value.stringValue { return Int64(text) }
        return nil
    }

    private static func text(_ value: JSONValue) -> String? {
        switch value {
        case .string(let text): text
        case .number(let number): number.description
        default: nil
        }
    }

    private static func content(in payload: JSONValue) -> Page? {
        for key in ["page", "blog", "content", "attachment", "comment"] {
            guard let content = payload[key], content.objectValue != nil, key != "comment" || payload["issue"] == nil else {
                continue
            }
            return Page(id: content["id"].flatMap(text), title: content["title"]?.stringValue)
        }
        return nil
    }
}
