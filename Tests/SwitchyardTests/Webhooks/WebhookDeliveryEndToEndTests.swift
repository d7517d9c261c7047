import Switchyard
import SwitchyardWebhooks
import Testing

/// The whole path: a webhook registered through `execute` on the sandbox, an issue changed through `execute`,
/// and the sandbox's signed delivery arriving at the listener as a normalized event.
@Suite("Webhook deliveries from the sandbox")
struct WebhookDeliveryEndToEndTests {
    private func register(_ sandbox: SandboxHarness, url: String, secret: String, jql: String = "project = DEMO") async throws {
        _ = try await sandbox.data("jira-datacenter", "webhooks", "create", [
            "name": "to switchyard", "url": .string(url), "events": ["jira:issue_created", "jira:issue_updated", "jira:issue_deleted"],
            "jql_filter": .string(jql), "secret": .string(secret),
        ])
    }

    @Test func theWebhooksJQLFilterDecidesWhichIssuesAreSent() async throws {
        try await withSandboxAndListener { sandbox, listener in
            try await register(sandbox, url: listener.running.url, secret: WebhookListenerHarness.secret, jql: "key = DEMO-2")
            _ = try await sandbox.data("jira-datacenter", "issues", "update", ["issue": "DEMO-1", "field_values": ["summary": "Not for the webhook"]])
            _ = try await sandbox.data("jira-datacenter", "issues", "update", ["issue": "DEMO-2", "field_values": ["summary": "For the webhook"]])
            let events = await listener.recorder.events(count: 1)
            #expect(events.map(\.issue) == ["DEMO-2"])
            try await Task.sleep(for: .milliseconds(300))
            #expect(await listener.recorder.events.map(\.issue) == ["DEMO-2"], "DEMO-1 does not match the filter")
        }
    }

    @Test func aDeletedIssueArrivesAsIssueDeleted() async throws {
        try await withSandboxAndListener { sandbox, listener in
            try await register(sandbox, url: listener.running.url, secret: WebhookListenerHarness.secret)
            let deleted = await sandbox.execute("jira-datacenter", "issues", "delete", ["issue": "DEMO-3"])
            #expect(deleted.isSuccess, "\(deleted.json)")
            let event = try #require(await listener.recorder.events(count: 1).first)
            #expect(event.event == "jira:issue_deleted")
            #expect(event.issue == "DEMO-3")
        }
    }

    @Test func anIssueCreatedThroughExecuteArrivesSignedAndNormalized() async throws {
        try await withSandboxAndListener { sandbox, listener in
            try await register(sandbox, url: listener.running.url, secret: WebhookListenerHarness.secret)
            let created = try await sandbox.data(
                "jira-datacenter", "issues", "create", ["project": "DEMO", "issue_type": "Task", "summary": "Webhook me"]
            )
            let key = try #require(created["key"]?.stringValue)
            let events = await listener.recorder.events(count: 1)
            let event = try #require(events.first)
            #expect(event.event == "jira:issue_created")
            #expect(event.issue == key)
            #expect(event.actor != nil)
            #expect(event.delivery?.isEmpty == false)
            #expect(await listener.recorder.rejections.isEmpty)
        }
    }

    @Test func anIssueUpdateArrivesWithItsChangelog() async throws {
        try await withSandboxAndListener { sandbox, listener in
            try await register(sandbox, url: listener.running.url, secret: WebhookListenerHarness.secret)
            let before = try await sandbox.data("jira-datacenter", "issues", "get", ["issue": "DEMO-1", "fields": ["fields.summary"]])
            let oldSummary = before["fields"]?["summary"]?.stringValue
            _ = try await sandbox.data("jira-datacenter", "issues", "update", ["issue": "DEMO-1", "field_values": ["summary": "Renamed by a test"]])
            let event = try #require(await listener.recorder.events(count: 1).first)
            #expect(event.event == "jira:issue_updated")
            #expect(event.issue == "DEMO-1")
            #expect(event.changelog.contains(WebhookEvent.Change(field: "summary", from: oldSummary, to: "Renamed by a test")))
        }
    }

    @Test func aWebhookWithAnotherSecretIsRefusedByTheListener() async throws {
        try await withSandboxAndListener { sandbox, listener in
            try await register(sandbox, url: listener.running.url, secret: "not-the-listener-secret")
            _ = try await sandbox.data("jira-datacenter", "issues", "create", ["project": "DEMO", "issue_type": "Task", "summary": "x"])
            let rejections = try await listener.recorder.firstRejections()
            #expect(rejections.map(\.0.kind) == [.badSignature])
            #expect(await listener.recorder.events.isEmpty)
        }
    }

    @Test func webhooksAreListedAndDeletedThroughExecute() async throws {
        try await withSandbox { sandbox in
            try await register(sandbox, url: "http://127.0.0.1:9/webhook", secret: "s3cret")
            let listed = try await sandbox.data("jira-datacenter", "webhooks", "list")
            #expect(listed.strings("name") == ["to switchyard"])
            #expect(!listed.serialized().contains("s3cret"))
            let id = try #require(listed[0]?["self"]?.stringValue?.split(separator: "/").last.map(String.init))
            _ = try await sandbox.data("jira-datacenter", "webhooks", "delete", ["webhook_id": .string(id)])
            #expect(try await sandbox.data("jira-datacenter", "webhooks", "list").arrayValue?.isEmpty == true)
        }
    }

    @Test func cloudDynamicWebhooksAreRegisteredRefreshedAndDeleted() async throws {
        try await withSandbox { sandbox in
            let registered = try await sandbox.data("jira", "webhooks", "register", [
                "url": "http://127.0.0.1:9/webhook", "events": ["jira:issue_created"], "jql_filter": "project = DEMO",
            ])
            let id = try #require(registered["webhookRegistrationResult"]?[0]?["createdWebhookId"]?.intValue)
            #expect(try await sandbox.data("jira", "webhooks", "list").arrayValue?.count == 1)
            let refreshed = try await sandbox.data("jira", "webhooks", "refresh", ["webhook_ids": [.number(JSONNumber(id))]])
            #expect(refreshed["expirationDate"]?.intValue != nil)
            _ = await sandbox.execute("jira", "webhooks", "delete", ["webhook_ids": [.number(JSONNumber(id))]])
            #expect(try await sandbox.data("jira", "webhooks", "list").arrayValue?.isEmpty == true)
        }
    }
}
