import Foundation
import Testing
@testable import Switchyard

@Suite("Export tombstones: records deleted since the last run")
struct ExportDeletionTests {
    /// The pages of a run, in order.
    private func pages(_ request: ExportRequest, in harness: SandboxHarness) async throws -> [ExportPage] {
        var pages: [ExportPage] = []
        for try await page in try harness.runtime.export(request) { pages.append(page) }
        return pages
    }

    private func tombstones(_ pages: [ExportPage]) -> [String] {
        pages.flatMap(\.documents).filter { $0["deleted"] == true }.compactMap { $0["id"]?.stringValue }
    }

    @Test("An incremental run after a delete reports it as one tombstone, after the changed records, and only once")
    func jiraDeleteBecomesTombstone() async throws {
        try await withSandbox { harness in
            let request = ExportRequest(connector: "jira", selectors: [("jql", "project = DEMO")], tracksDeletions: true)
            let full = try await pages(request, in: harness)
            let baseline = try #require(full.last?.checkpoint)
            #expect(baseline.finished)
            #expect(Set(baseline.ids ?? []) == Set((1...30).map { "DEMO-\($0)" }))
            #expect(tombstones(full).isEmpty)

            let deleted = await harness.execute("jira", "issues", "delete", ["issue": "DEMO-7"])
            #expect(deleted.isSuccess, "\(deleted.json)")
            let edited = await harness.execute("jira", "issues", "update", ["issue": "DEMO-5", "field_values": ["summary": "Edited after the first export"]])
            #expect(edited.isSuccess, "\(edited.json)")

            var incremental = ExportRequest(connector: "jira", selectors: [("jql", "project = DEMO")], checkpoint: baseline)
            let second = try await pages(incremental, in: harness)
            #expect(tombstones(second) == ["DEMO-7"])
            let tombstone = try #require(second.last?.documents.first)
            #expect(tombstone == ["id": "DEMO-7", "source": ["connector": "jira", "entity": "issues"], "deleted": true])
            #expect(second.dropLast().flatMap(\.documents).contains { $0["id"] == "DEMO-5" && $0["title"] == "Edited after the first export" })
            let after = try #require(second.last?.checkpoint)
            #expect(after.finished)
            #expect(after.deleted == 1)
            #expect(second.last?.progress.deleted == 1)
            #expect(Set(after.ids ?? []) == Set((1...30).filter { $0 != 7 }.map { "DEMO-\($0)" }))

            incremental.checkpoint = after
            let third = try await pages(incremental, in: harness)
            #expect(tombstones(third).isEmpty)
            #expect(third.last?.checkpoint.deleted == 0)
        }
    }

    @Test("A run stopped after its listing and before the walk for deletions finds them when resumed")
    func resumeBeforeTheWalk() async throws {
        try await withSandbox { harness in
            let request = ExportRequest(connector: "jira", selectors: [("jql", "project = DEMO")], tracksDeletions: true)
            let baseline = try #require(try await pages(request, in: harness).last?.checkpoint)
            _ = await harness.execute("jira", "issues", "delete", ["issue": "DEMO-12"])
            _ = await harness.execute("jira", "issues", "update", ["issue": "DEMO-3", "field_values": ["summary": "Changed"]])

            var pages = try harness.runtime.export(ExportRequest(connector: "jira", selectors: [("jql", "project = DEMO")], checkpoint: baseline)).makeAsyncIterator()
            let listed = try #require(try await pages.next())
            #expect(listed.documents.contains { $0["id"] == "DEMO-3" })
            #expect(!listed.checkpoint.finished, "the walk for deletions is still to come")
            let saved = try ExportCheckpoint(json: JSONValue(parsing: listed.checkpoint.json.serialized()))

            let resumed = try await self.pages(ExportRequest(connector: "jira", selectors: [("jql", "project = DEMO")], checkpoint: saved), in: harness)
            #expect(resumed.count == 1)
            #expect(tombstones(resumed) == ["DEMO-12"])
            #expect(resumed.last?.checkpoint.finished == true)
        }
    }

    @Test("Without a baseline of ids an incremental run reports no tombstones, and sets one for the next run")
    func noBaselineNoTombstones() async throws {
        try await withSandbox { harness in
            let untracked = try #require(try await pages(ExportRequest(connector: "jira", selectors: [("jql", "project = DEMO")]), in: harness).last?.checkpoint)
            #expect(untracked.ids == nil)
            _ = await harness.execute("jira", "issues", "delete", ["issue": "DEMO-2"])

            var request = ExportRequest(connector: "jira", selectors: [("jql", "project = DEMO")], checkpoint: untracked, tracksDeletions: true)
            let first = try await pages(request, in: harness)
            #expect(tombstones(first).isEmpty)
            let baseline = try #require(first.last?.checkpoint)
            #expect(baseline.ids?.count == 29)

            _ = await harness.execute("jira", "issues", "delete", ["issue": "DEMO-9"])
            request.checkpoint = baseline
            #expect(tombstones(try await pages(request, in: harness)) == ["DEMO-9"])
        }
    }

    @Test("Confluence: a deleted page of the space becomes a tombstone of its id")
    func confluencePage() async throws {
        try await withSandbox { harness in
            let request = ExportRequest(connector: "confluence", selectors: [("space_key", "DEMO")], tracksDeletions: true)
            let baseline = try #require(try await pages(request, in: harness).last?.checkpoint)
            let ids = try #require(baseline.ids)
            #expect(ids.sorted() == (try await harness.searchedContentIDs("confluence", cql: "type = page AND space = DEMO")).sorted())
            let victim = try #require(ids.last)
            let deleted = await harness.execute("confluence", "pages", "delete", ["page_id": .string(victim)])
            #expect(deleted.isSuccess, "\(deleted.json)")

            let incremental = ExportRequest(connector: "confluence", selectors: [("space_key", "DEMO")], checkpoint: baseline)
            let run = try await pages(incremental, in: harness)
            #expect(tombstones(run) == [victim])
            #expect(run.last?.checkpoint.ids?.contains(victim) == false)
        }
    }

    @Test("A checkpoint's ids must be strings")
    func checkpointIDsAreChecked() throws {
        let json: JSONValue = ["connector": "jira", "entity": "issues", "query": "q", "pages": 1, "documents": 1, "ids": [1, 2]]
        #expect {
            _ = try ExportCheckpoint(json: json)
        } throws: { error in
            (error as? ExecutionError)?.message.contains("'ids' must be an array of strings") == true
        }
    }
}
