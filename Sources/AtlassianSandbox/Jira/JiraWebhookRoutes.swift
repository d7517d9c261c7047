import NIOHTTP1
import Switchyard

/// Webhook registration: Cloud dynamic webhooks (`/rest/api/3/webhook`: list, register, refresh, delete by ids)
/// and admin webhooks (`/rest/webhooks/1.0/webhook`: list, get, create, update, delete, with an optional
/// secret). Issue creates and edits are then delivered by ``JiraWebhookDeliveries``.
///
/// ```http
/// POST /jira/rest/webhooks/1.0/webhook
/// {"name":"to switchyard","url":"http://127.0.0.1:8787/webhook","events":["jira:issue_created"],"secret":"s3cret"}
/// → 201 {"self":".../rest/webhooks/1.0/webhook/1","name":"to switchyard",...}
/// ```
struct JiraWebhookRoutes: RouteGroup {
    let store: SandboxStore

    /// How long a dynamic webhook lives before it must be refreshed, as in Jira Cloud.
    static let dynamicLifetimeMilliseconds: Int64 = 30 * 24 * 3_600 * 1_000

    func register(on router: inout Router) {
        router.add(.GET, "/rest/api/3/webhook", dialect: .jira) { request in
            let dynamic = store.snapshot().jira.webhooks.filter { $0.kind == .dynamic }
            let startAt = max(0, Int(request.query["startAt"] ?? "") ?? 0)
            let maxResults = min(100, max(1, Int(request.query["maxResults"] ?? "") ?? 100))
            let page = dynamic.dropFirst(startAt).prefix(maxResults)
            return .json([
                "startAt": .number(JSONNumber(startAt)), "maxResults": .number(JSONNumber(maxResults)),
                "total": .number(JSONNumber(dynamic.count)), "isLast": .bool(startAt + page.count >= dynamic.count),
                "values": .array(page.map(Self.dynamicJSON)),
            ])
        }
        router.add(.POST, "/rest/api/3/webhook", dialect: .jira) { try registerDynamic($0) }
        router.add(.PUT, "/rest/api/3/webhook/refresh", dialect: .jira) { request in
            let ids = try Self.webhookIDs(request)
            let expiry = Timestamp(millisecondsSince1970: Timestamp.now().millisecondsSince1970 + Self.dynamicLifetimeMilliseconds)
            store.write { state in
                for index in state.jira.webhooks.indices where state.jira.webhooks[index].kind == .dynamic && ids.contains(state.jira.webhooks[index].id) {
                    state.jira.webhooks[index].expirationDate = expiry
                }
            }
            return .json(["expirationDate": .number(JSONNumber(Int(expiry.millisecondsSince1970)))])
        }
        router.add(.DELETE, "/rest/api/3/webhook", dialect: .jira) { request in
            let ids = try Self.webhookIDs(request)
            store.write { state in state.jira.webhooks.removeAll { $0.kind == .dynamic && ids.contains($0.id) } }
            return SandboxResponse(status: .accepted)
        }
        router.add(.GET, "/rest/webhooks/1.0/webhook", dialect: .jira) { request in
            let admin = store.snapshot().jira.webhooks.filter { $0.kind == .admin }
            return .json(.array(admin.map { Self.adminJSON($0, baseURL: request.baseURL) }))
        }
        router.add(.POST, "/rest/webhooks/1.0/webhook", dialect: .jira) { request in
            let input = try Self.adminInput(request)
            let created = store.write { state -> JiraWebhook in
                var webhook = JiraWebhook(
                    id: state.jira.nextWebhookID, kind: .admin, name: input.name, url: input.url, events: input.events,
                    jqlFilter: input.jqlFilter, secret: input.secret
                )
                webhook.enabled = input.enabled
                webhook.excludeBody = input.excludeBody
                state.jira.nextWebhookID += 1
                state.jira.webhooks.append(webhook)
                return webhook
            }
            return .json(Self.adminJSON(created, baseURL: request.baseURL), status: .created)
        }
        router.add(.GET, "/rest/webhooks/1.0/webhook/{webhookId}", dialect: .jira) { request in
            let webhook = try Self.admin(request.parameter("webhookId"), in: store.snapshot().jira)
            return .json(Self.adminJSON(webhook, baseURL: request.baseURL))
        }
        router.add(.PUT, "/rest/webhooks/1.0/webhook/{webhookId}", dialect: .jira) { request in
            let input = try Self.adminInput(request)
            let updated = try store.write { state throws(APIError) -> JiraWebhook in
                let existing = try Self.admin(request.parameter("webhookId"), in: state.jira)
                guard let index = state.jira.webhooks.firstIndex(of: existing) else { throw Self.notFound(request.parameter("webhookId")) }
                var webhook = existing
                webhook.name = input.name
                webhook.url = input.url
                webhook.events = input.events
                webhook.jqlFilter = input.jqlFilter
                webhook.secret = input.secret ?? existing.secret
                webhook.enabled = input.enabled
                webhook.excludeBody = input.excludeBody
                state.jira.webhooks[index] = webhook
                return webhook
            }
            return .json(Self.adminJSON(updated, baseURL: request.baseURL))
        }
        router.add(.DELETE, "/rest/webhooks/1.0/webhook/{webhookId}", dialect: .jira) { request in
            try store.write { state throws(APIError) in
                let webhook = try Self.admin(request.parameter("webhookId"), in: state.jira)
                state.jira.webhooks.removeAll { $0 == webhook }
            }
            return .noContent
        }
    }

    private func registerDynamic(_ request: RouteRequest) throws -> SandboxResponse {
        let body = try request.jsonObjectBody()
        guard let url = body["url"]?.stringValue, !url.isEmpty else { throw APIError.badRequest("url is required.") }
        guard let details = body["webhooks"]?.arrayValue, !details.isEmpty else { throw APIError.badRequest("webhooks is required.") }
        let expiry = Timestamp(millisecondsSince1970: Timestamp.now().millisecondsSince1970 + Self.dynamicLifetimeMilliseconds)
        let results = store.write { state -> [JSONValue] in
            details.map { detail in
                let events = (detail["events"]?.arrayValue ?? []).compactMap(\.stringValue)
                guard !events.isEmpty, let jql = detail["jqlFilter"]?.stringValue else {
                    return ["errors": ["Webhook must have events and a jqlFilter."]]
                }
                let webhook = JiraWebhook(
                    id: state.jira.nextWebhookID, kind: .dynamic, name: "dynamic", url: url, events: events,
                    jqlFilter: jql, secret: nil, expirationDate: expiry
                )
                state.jira.nextWebhookID += 1
                state.jira.webhooks.append(webhook)
                return ["createdWebhookId": .number(JSONNumber(webhook.id))]
            }
        }
        return .json(["webhookRegistrationResult": .array(results)])
    }

    private static func webhookIDs(_ request: RouteRequest) throws -> Set<Int> {
        let body = try request.jsonObjectBody()
        guard let ids = body["webhookIds"]?.arrayValue?.compactMap(\.intValue), !ids.isEmpty else {
            throw APIError.badRequest("webhookIds must list at least one webhook id.")
        }
        return Set(ids)
    }

    private struct AdminInput {
        let name: String
        let url: String
        let events: [String]
        let jqlFilter: String?
        let secret: String?
        let enabled: Bool
        let excludeBody: Bool
    }

    private static func adminInput(_ request: RouteRequest) throws -> AdminInput {
        let body = try request.jsonObjectBody()
        guard let name = body["name"]?.stringValue, !name.isEmpty else { throw APIError.badRequest("name is required.") }
        guard let url = body["url"]?.stringValue, !url.isEmpty else { throw APIError.badRequest("url is required.") }
        let events = (body["events"]?.arrayValue ?? []).compactMap(\.stringValue)
        guard !events.isEmpty else { throw APIError.badRequest("events must list at least one event.") }
        return AdminInput(
            name: name, url: url, events: events, jqlFilter: body["filters"]?["issue-related-events-section"]?.stringValue,
            secret: body["secret"]?.stringValue, enabled: body["enabled"]?.boolValue ?? true,
            excludeBody: body["excludeBody"]?.boolValue ?? false
        )
    }

    private static func admin(_ id: String, in state: JiraState) throws(APIError) -> JiraWebhook {
        guard let number = Int(id), let webhook = state.webhooks.first(where: { $0.kind == .admin && $0.id == number }) else {
            throw notFound(id)
        }
        return webhook
    }

    private static func notFound(_ id: String) -> APIError {
        .notFound("No webhook with id '\(id)' exists.")
    }

    private static func dynamicJSON(_ webhook: JiraWebhook) -> JSONValue {
        var object: JSONObject = [
            "id": .number(JSONNumber(webhook.id)), "events": .array(webhook.events.map(JSONValue.string)),
        ]
        if let jql = webhook.jqlFilter { object["jqlFilter"] = .string(jql) }
        if let expiry = webhook.expirationDate { object["expirationDate"] = .number(JSONNumber(Int(expiry.millisecondsSince1970))) }
        return .object(object)
    }

    /// The Data Center shape; the secret is never echoed back.
    private static func adminJSON(_ webhook: JiraWebhook, baseURL: String) -> JSONValue {
        [
            "self": .string("\(baseURL)/rest/webhooks/1.0/webhook/\(webhook.id)"),
            "name": .string(webhook.name), "url": .string(webhook.url),
            "events": .array(webhook.events.map(JSONValue.string)),
            "filters": ["issue-related-events-section": .string(webhook.jqlFilter ?? "")],
            "excludeBody": .bool(webhook.excludeBody), "enabled": .bool(webhook.enabled),
        ]
    }
}
