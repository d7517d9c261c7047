import AtlassianSandbox
import Testing
@testable import Switchyard

/// Page updates without a version: the runtime reads the current version first (the manifest's `prefetch`)
/// and sends it + 1; a version the caller passes still gets optimistic concurrency.
@Suite("Confluence page update: current version fetched")
struct ConfluencePageUpdatePrefetchTests {
    @Test("Cloud: update without version_number reads the page and saves version + 1; the content reads back")
    func cloudUpdateWithoutVersion() async throws {
        try await withSandbox { harness in
            let before = try await harness.data("confluence", "pages", "get", ["page_id": "98306"])
            let version = try #require(before["version"]?["number"]?.intValue)
            let envelope = await harness.execute("confluence", "pages", "update", [
                "page_id": "98306", "title": "Getting Started Guide", "body": "Read **this** first.", "version_message": "No version given",
            ])
            let updated = try #require(envelope.result?.data, "\(envelope.json)")
            #expect(updated["version"]?["number"]?.intValue == version + 1)
            #expect(harness.requests("GET", "/wiki/api/v2/pages/98306").count == 2)
            let sent = try JSONValue(parsing: try #require(harness.requests("PUT", "/wiki/api/v2/pages/98306").first).body)
            #expect(sent["version"] == ["number": .number(JSONNumber(version + 1)), "message": "No version given"])
            let read = try await harness.data("confluence", "pages", "get", ["page_id": "98306", "fields": ["title", "version", "body"]])
            #expect(read["title"] == "Getting Started Guide")
            #expect(read["version"]?["number"]?.intValue == version + 1)
            #expect(read["body"]?["storage"]?["value"]?.trimmedText == "Read **this** first.")
        }
    }

    @Test("Cloud: an edit between reading and saving makes the version read earlier a conflict")
    func cloudConcurrentEdit() async throws {
        try await withSandbox { harness in
            let read = try await harness.data("confluence", "pages", "get", ["page_id": "98306"])
            let version = try #require(read["version"]?["number"]?.intValue)
            _ = try await harness.data("confluence", "pages", "update", ["page_id": "98306", "title": "Getting Started", "body": "Someone else's edit."])
            let mine = await harness.execute("confluence", "pages", "update", [
                "page_id": "98306", "version_number": .number(JSONNumber(version + 1)), "title": "Getting Started", "body": "My edit.",
            ])
            #expect(mine.error?.kind == .conflict, "\(mine.json)")
            let final = try await harness.data("confluence", "pages", "get", ["page_id": "98306"])
            #expect(final["body"]?["storage"]?["value"]?.trimmedText == "Someone else's edit.")
        }
    }

    @Test("Cloud: concurrent updates without versions each save a distinct version or fail as a conflict, never both")
    func cloudConcurrentUpdates() async throws {
        try await withSandbox { harness in
            let before = try await harness.data("confluence", "pages", "get", ["page_id": "98306"])
            let version = try #require(before["version"]?["number"]?.intValue)
            let envelopes = await withTaskGroup(of: ResultEnvelope.self) { group in
                for index in 0..<4 {
                    group.addTask {
                        await harness.execute("confluence", "pages", "update", ["page_id": "98306", "title": "Getting Started", "body": .string("Edit \(index).")])
                    }
                }
                return await group.reduce(into: []) { $0.append($1) }
            }
            let saved = envelopes.compactMap { $0.result?.data["version"]?["number"]?.intValue }
            let conflicts = envelopes.filter { $0.error?.kind == .conflict }
            #expect(saved.count + conflicts.count == 4, "\(envelopes.map(\.json))")
            #expect(!saved.isEmpty)
            #expect(Set(saved).count == saved.count)
            let after = try await harness.data("confluence", "pages", "get", ["page_id": "98306"])
            #expect(after["version"]?["number"]?.intValue == version + saved.count)
        }
    }

    @Test("Cloud: the prefetch read is retried after a 503 although the update itself is not idempotent")
    func cloudPrefetchRetried() async throws {
        try await withSandbox { harness in
            harness.server.faults.inject(SandboxFault(.status(503), method: "GET", pathPrefix: "/wiki/api/v2/pages/98306", count: 1))
            let envelope = await harness.execute("confluence", "pages", "update", ["page_id": "98306", "title": "Getting Started", "body": "After a retry."])
            #expect(envelope.result?.data["version"]?["number"] == 4, "\(envelope.json)")
            #expect(envelope.result?.meta["attempts"] == 3)
        }
    }

    @Test("Cloud: a page that does not exist fails in the prefetch as not_found naming the step, and nothing is written")
    func cloudPrefetchNotFound() async throws {
        try await withSandbox { harness in
            let envelope = await harness.execute("confluence", "pages", "update", ["page_id": "999999", "title": "Nope", "body": "x"])
            let error = try #require(envelope.error, "\(envelope.json)")
            #expect(error.kind == .notFound)
            #expect(error.status == 404)
            #expect(error.message.hasPrefix("prefetch GET /wiki/api/v2/pages/999999 failed: HTTP 404"))
            #expect(error.details["step"] == "prefetch")
            #expect(harness.requests("PUT", "/wiki/api/v2/pages/999999").isEmpty)
        }
    }

    @Test("Cloud: dry run shows the prefetch and the update with the version still to be read, and sends nothing")
    func cloudDryRun() async throws {
        try await withSandbox { harness in
            let envelope = await harness.execute("confluence", "pages", "update", [
                "page_id": "98306", "title": "Getting Started", "body": "x", "dry_run": true,
            ])
            let data = try #require(envelope.result?.data, "\(envelope.json)")
            #expect(data["method"] == "PUT")
            #expect(data["body"]?["version"]?["number"] == "<prefetched: /version/number + 1>")
            #expect(data["prefetch"]?["method"] == "GET")
            #expect(data["prefetch"]?["url"]?.stringValue?.hasSuffix("/wiki/api/v2/pages/98306") == true)
            #expect(data["prefetch"]?["fills"] == ["version_number": "/version/number + 1"])
            #expect(data["prefetch"]?["headers"]?["Authorization"]?.stringValue?.contains("****") == true)
            #expect(harness.server.recordedRequests().isEmpty)
            let given = await harness.execute("confluence", "pages", "update", [
                "page_id": "98306", "version_number": 4, "title": "Getting Started", "body": "x", "dry_run": true,
            ])
            #expect(given.result?.data["prefetch"] == nil)
            #expect(given.result?.data["body"]?["version"]?["number"] == 4)
        }
    }

    @Test("Data Center: update without version_number reads /rest/api/content/{id}?expand=version and saves version + 1")
    func dataCenterUpdateWithoutVersion() async throws {
        try await withSandbox { harness in
            let connector = "confluence-datacenter"
            let before = try await harness.data(connector, "pages", "get", ["page_id": "98319"])
            let version = try #require(before["version"]?["number"]?.intValue)
            let updated = try await harness.data(connector, "pages", "update", ["page_id": "98319", "title": "Tech Radar 2026", "body": "Adopt: **Swift 6**."])
            #expect(updated["version"]?["number"]?.intValue == version + 1)
            let prefetch = try #require(harness.requests("GET", "/rest/api/content/98319").last)
            #expect(prefetch.query == "expand=version")
            let sent = try JSONValue(parsing: try #require(harness.requests("PUT", "/rest/api/content/98319").first).body)
            #expect(sent["type"] == "page")
            #expect(sent["version"]?["number"]?.intValue == version + 1)
            let read = try await harness.data(connector, "pages", "get", ["page_id": "98319"])
            #expect(read["title"] == "Tech Radar 2026")
            #expect(read["body"]?["storage"]?["value"]?.trimmedText == "Adopt: **Swift 6**.")

            let missing = await harness.execute(connector, "pages", "update", ["page_id": "999999", "title": "Nope", "body": "x"])
            #expect(missing.error?.kind == .notFound, "\(missing.json)")
            #expect(missing.error?.details["step"] == "prefetch")
        }
    }
}
