import Switchyard
import SwitchyardWebhooks
import Testing

/// Confluence Data Center webhooks, the whole path: registered through `execute` (`/rest/api/webhooks`), a
/// page changed through `execute`, and the sandbox's signed delivery arriving at the listener as a normalized
/// event about that page.
@Suite("Confluence webhook deliveries from the sandbox")
struct ConfluenceWebhookEndToEndTests {
    private func register(_ sandbox: SandboxHarness, url: String, secret: String, events: [JSONValue]) async throws -> Int {
        let created = try await sandbox.data("confluence-datacenter", "webhooks", "create", [
            "name": "to switchyard", "url": .string(url), "events": .array(events), "secret": .string(secret),
        ])
        return try #require(created["id"]?.intValue, "\(created)")
    }

    @Test func aPageCreatedUpdatedAndTrashedThroughExecuteArrivesSignedAsThreeEvents() async throws {
        try await withSandboxAndListener { sandbox, listener in
            _ = try await register(sandbox, url: listener.running.url, secret: WebhookListenerHarness.secret, events: ["page_created", "page_updated", "page_trashed"])
            let created = try await sandbox.data("confluence-datacenter", "pages", "create", [
                "space_key": "DEMO", "title": "Webhook runbook", "body": "First draft.",
            ])
            let id = try #require(created["id"]?.stringValue, "\(created)")
            _ = try await sandbox.data("confluence-datacenter", "pages", "update", ["page_id": .string(id), "title": "Webhook runbook", "body": "Second draft."])
            _ = try await sandbox.data("confluence-datacenter", "pages", "delete", ["page_id": .string(id)])
            let events = await listener.recorder.events(count: 3)
            #expect(events.map(\.event) == ["page_created", "page_updated", "page_trashed"])
            #expect(events.allSatisfy { $0.page == WebhookEvent.Page(id: id, title: "Webhook runbook") }, "\(events)")
            #expect(events.allSatisfy { $0.actor != nil && $0.timestamp != nil })
            #expect(await listener.recorder.rejections.isEmpty, "each delivery carries a valid X-Hub-Signature")
        }
    }

    @Test func onlyTheEventsAWebhookNamesAreSent() async throws {
        try await withSandboxAndListener { sandbox, listener in
            _ = try await register(sandbox, url: listener.running.url, secret: WebhookListenerHarness.secret, events: ["blog_created"])
            _ = try await sandbox.data("confluence-datacenter", "pages", "create", ["space_key": "DEMO", "title": "Not sent", "body": "x"])
            _ = try await sandbox.data("confluence-datacenter", "blog_posts", "create", ["space_key": "DEMO", "title": "Release notes", "body": "Shipped."])
            let event = try #require(await listener.recorder.events(count: 1).first)
            #expect(event.event == "blog_created")
            #expect(event.page?.title == "Release notes")
            try await Task.sleep(for: .milliseconds(300))
            #expect(await listener.recorder.events.map(\.event) == ["blog_created"], "no page event: the webhook did not ask for one")
        }
    }

    @Test func aWebhookWithAnotherSecretIsRefusedByTheListener() async throws {
        try await withSandboxAndListener { sandbox, listener in
            _ = try await register(sandbox, url: listener.running.url, secret: "not-the-listener-secret", events: ["page_created"])
            _ = try await sandbox.data("confluence-datacenter", "pages", "create", ["space_key": "DEMO", "title": "Signed wrongly", "body": "x"])
            let rejections = try await listener.recorder.firstRejections()
            #expect(rejections.map(\.0.kind) == [.badSignature])
            #expect(await listener.recorder.events.isEmpty)
        }
    }

    @Test func webhooksAreListedUpdatedAndDeletedThroughExecuteAndTheSecretIsNeverShown() async throws {
        try await withSandbox { sandbox in
            let id = try await register(sandbox, url: "http://127.0.0.1:9/webhook", secret: "s3cret", events: ["page_created"])
            let listed = try await sandbox.data("confluence-datacenter", "webhooks", "list")
            #expect(listed.strings("name") == ["to switchyard"])
            #expect(!listed.serialized().contains("s3cret"))
            let updated = try await sandbox.data("confluence-datacenter", "webhooks", "update", [
                "webhook_id": .number(JSONNumber(id)), "name": "paused", "url": "http://127.0.0.1:9/webhook", "events": ["page_updated"], "active": false,
            ])
            #expect(updated["active"] == false)
            let one = try await sandbox.data("confluence-datacenter", "webhooks", "get", ["webhook_id": .number(JSONNumber(id))])
            #expect(one["events"] == ["page_updated"])
            #expect(try await sandbox.data("confluence-datacenter", "webhooks", "list", ["event": "page_created"]).arrayValue?.isEmpty == true)
            let unknown = await sandbox.execute("confluence-datacenter", "webhooks", "create", [
                "name": "x", "url": "http://127.0.0.1:9/webhook", "events": ["page_exploded"],
            ])
            #expect(unknown.error?.kind == .validation, "the manifest's enum stops it before the request: \(unknown.json)")
            _ = try await sandbox.data("confluence-datacenter", "webhooks", "delete", ["webhook_id": .number(JSONNumber(id))])
            #expect(try await sandbox.data("confluence-datacenter", "webhooks", "list").arrayValue?.isEmpty == true)
            let gone = await sandbox.execute("confluence-datacenter", "webhooks", "get", ["webhook_id": .number(JSONNumber(id))])
            #expect(gone.error?.kind == .notFound)
        }
    }
}
