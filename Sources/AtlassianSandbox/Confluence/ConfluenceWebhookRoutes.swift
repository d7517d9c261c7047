import Switchyard

/// Confluence Data Center webhooks (`/rest/api/webhooks`, Confluence 7.7 and later): list, create, read,
/// replace and delete. A secret is stored to sign deliveries and never shown again. Cloud has no REST API for
/// webhooks (apps declare them), so these live at the Data Center root only.
///
/// ```http
/// POST /rest/api/webhooks
/// {"name":"to switchyard","url":"http://127.0.0.1:8787/webhook","events":["page_created","page_updated"],
///  "configuration":{"secret":"s3cret"},"active":true}
/// → {"id":1,"name":"to switchyard","events":["page_created","page_updated"],"active":true,...}
/// ```
struct ConfluenceWebhookRoutes: RouteGroup {
    static let base = "/rest/api/webhooks"

    let store: SandboxStore

    func register(on router: inout Router) {
        router.add(.GET, Self.base, dialect: .confluenceV1) { request in
            let start = max(try request.integer("start", default: 0), 0)
            let limit = min(max(try request.integer("limit", default: 25), 1), 100)
            let event = request.query["event"] ?? ""
            let hooks = store.snapshot().confluence.webhooks.filter { event.isEmpty || $0.events.contains(event) }
            let page = Page(of: hooks, offset: start, limit: limit)
            var links: JSONObject = ["base": .string(request.baseURL), "context": "", "self": .string(request.baseURL + request.uri)]
            if let next = page.nextOffset {
                links["next"] = .string(request.pathAndQuery(replacing: ["start": String(next), "limit": String(limit)]))
            }
            return .json([
                "results": .array(page.items.map(Self.json)),
                "start": .number(JSONNumber(page.offset)),
                "limit": .number(JSONNumber(limit)),
                "size": .number(JSONNumber(page.items.count)),
                "totalCount": .number(JSONNumber(page.total)),
                "_links": .object(links),
            ])
        }
        router.add(.POST, Self.base, dialect: .confluenceV1) { request in
            let input = try Input(request)
            let created = store.write { state -> ConfluenceWebhook in
                let webhook = ConfluenceWebhook(
                    id: state.confluence.nextWebhookID, name: input.name, url: input.url, events: input.events,
                    secret: input.secret, active: input.active, created: .now()
                )
                state.confluence.nextWebhookID += 1
                state.confluence.webhooks.append(webhook)
                return webhook
            }
            return .json(Self.json(created))
        }
        router.add(.GET, "\(Self.base)/{webhookId}", dialect: .confluenceV1) { request in
            .json(Self.json(try Self.webhook(request, in: store.snapshot().confluence)))
        }
        router.add(.PUT, "\(Self.base)/{webhookId}", dialect: .confluenceV1) { request in
            let input = try Input(request)
            let updated = try store.write { state throws(APIError) -> ConfluenceWebhook in
                let existing = try Self.webhook(request, in: state.confluence)
                guard let index = state.confluence.webhooks.firstIndex(of: existing) else { throw Self.notFound(request) }
                var webhook = existing
                webhook.name = input.name
                webhook.url = input.url
                webhook.events = input.events
                webhook.secret = input.secret ?? existing.secret
                webhook.active = input.active
                webhook.updated = .now()
                state.confluence.webhooks[index] = webhook
                return webhook
            }
            return .json(Self.json(updated))
        }
        router.add(.DELETE, "\(Self.base)/{webhookId}", dialect: .confluenceV1) { request in
            try store.write { state throws(APIError) in
                let webhook = try Self.webhook(request, in: state.confluence)
                state.confluence.webhooks.removeAll { $0 == webhook }
            }
            return .noContent
        }
    }

    /// A create or replace body, checked: a name, an http(s) URL and at least one known event.
    private struct Input {
        let name: String
        let url: String
        let events: [String]
        let secret: String?
        let active: Bool

        init(_ request: RouteRequest) throws(APIError) {
            let body = try request.jsonObjectBody()
            guard let name = body["name"]?.stringValue, !name.isEmpty else { throw .badRequest("A webhook needs a name.") }
            guard let url = body["url"]?.stringValue, url.hasPrefix("http://") || url.hasPrefix("https://") else {
                throw .badRequest("A webhook needs an http or https url.")
            }
            let events = (body["events"]?.arrayValue ?? []).compactMap(\.stringValue)
            guard !events.isEmpty else { throw .badRequest("A webhook needs at least one event.") }
            if let unknown = events.first(where: { !ConfluenceWebhook.knownEvents.contains($0) }) {
                throw .badRequest("Unknown webhook event '\(unknown)'.")
            }
            self.name = name
            self.url = url
            self.events = events
            let secret = body["configuration"]?["secret"]?.stringValue
            self.secret = secret?.isEmpty == false ? secret : nil
            active = body["active"]?.boolValue ?? true
        }
    }

    private static func webhook(_ request: RouteRequest, in state: ConfluenceState) throws(APIError) -> ConfluenceWebhook {
        guard let id = Int(request.parameter("webhookId")), let webhook = state.webhooks.first(where: { $0.id == id }) else {
            throw notFound(request)
        }
        return webhook
    }

    private static func notFound(_ request: RouteRequest) -> APIError {
        .notFound("No webhook with id \(request.parameter("webhookId")).")
    }

    /// A webhook as the API shows it: the secret stays out.
    private static func json(_ webhook: ConfluenceWebhook) -> JSONValue {
        [
            "id": .number(JSONNumber(webhook.id)),
            "name": .string(webhook.name),
            "createdDate": .number(JSONNumber(Int(webhook.created.millisecondsSince1970))),
            "updatedDate": .number(JSONNumber(Int(webhook.updated.millisecondsSince1970))),
            "events": .array(webhook.events.map { .string($0) }),
            "configuration": [:],
            "url": .string(webhook.url),
            "active": .bool(webhook.active),
            "scopeType": "global",
            "sslVerificationRequired": true,
        ]
    }
}
