import AtlassianSandbox
import Foundation
import Testing
@testable import Switchyard

@Suite("Export checkpoints: resume and incremental runs")
struct ExportResumeTests {
    @Test("A run continued from a mid-way checkpoint yields the rest, with no duplicates and no gaps")
    func resumeFromCheckpoint() async throws {
        try await withSandbox(seedIssues: 320) { harness in
            let request = ExportRequest(connector: "jira", selectors: [("jql", "project = DATA")])
            var first: [String] = []
            var checkpoint: ExportCheckpoint?
            var pages = try harness.runtime.export(request).makeAsyncIterator()
            for _ in 0..<2 {
                let page = try #require(try await pages.next())
                first += page.documents.compactMap { $0["id"]?.stringValue }
                checkpoint = page.checkpoint
            }
            #expect(checkpoint?.finished == false)
            #expect(checkpoint?.documents == 200)
            var resumed = request
            resumed.checkpoint = checkpoint
            let rest = try await harness.exportedIDs(resumed)
            let all = first + rest
            #expect(all.count == 320)
            #expect(Set(all) == Set((1...320).map { "DATA-\($0)" }))
        }
    }

    @Test("A checkpoint of another query is refused rather than mixed in")
    func checkpointOfAnotherQuery() async throws {
        try await withSandbox(seedIssues: 150) { harness in
            var pages = try harness.runtime.export(ExportRequest(connector: "jira", selectors: [("jql", "project = DATA")])).makeAsyncIterator()
            let checkpoint = try #require(try await pages.next()).checkpoint
            #expect {
                _ = try harness.runtime.export(ExportRequest(connector: "jira", selectors: [("jql", "project = DEMO")], checkpoint: checkpoint))
            } throws: { error in
                (error as? ExecutionError)?.message.contains("continues an export of `project = DATA`") == true
            }
        }
    }

    @Test("After a finished run, the next one exports only what changed since its high-water mark")
    func incrementalAfterEdit() async throws {
        try await withSandbox { harness in
            let request = ExportRequest(connector: "jira", selectors: [("jql", "project = DEMO")])
            var finished: ExportCheckpoint?
            var count = 0
            for try await page in try harness.runtime.export(request) {
                finished = page.checkpoint
                count += page.documents.count
            }
            #expect(count == 30)
            let checkpoint = try #require(finished)
            #expect(checkpoint.finished)
            let highWater = try #require(checkpoint.highWater.flatMap(ExportTimestamp.parse))

            let edit = await harness.execute("jira", "issues", "update", ["issue": "DEMO-5", "field_values": ["summary": "Edited for the incremental export"]])
            #expect(edit.isSuccess, "\(edit.json)")

            var incremental = request
            incremental.checkpoint = checkpoint
            let run = try harness.runtime.export(incremental)
            #expect(run.query.contains("updated >= \""))
            let documents = try await harness.exportedDocuments(incremental)
            let edited = try #require(documents.first { $0["id"] == "DEMO-5" })
            #expect(edited["title"] == "Edited for the incremental export")
            #expect(documents.count < 30)
            let sinceMinute = highWater.addingTimeInterval(-highWater.timeIntervalSince1970.truncatingRemainder(dividingBy: 60))
            for document in documents {
                let updated = try #require(document["updated"]?.stringValue.flatMap(ExportTimestamp.parse))
                #expect(updated >= sinceMinute, "\(document["id"]?.stringValue ?? "") was not changed since the last run")
            }
        }
    }

    @Test("--since keeps only the records updated at or after it, as a JQL search with the same bound finds")
    func explicitSince() async throws {
        try await withSandbox { harness in
            let since = try #require(ExportTimestamp.parseUserText("2026-01-15"))
            let ids = try await harness.exportedIDs(ExportRequest(connector: "jira", selectors: [("jql", "project = DEMO")], since: since))
            let expected = try await harness.searchedKeys("jira", jql: "project = DEMO AND updated >= \"2026-01-15 00:00\"")
            #expect(!expected.isEmpty && expected.count < 30)
            #expect(ids.sorted() == expected.sorted())
        }
    }

    @Test("Confluence incremental runs filter by lastmodified")
    func confluenceSince() async throws {
        try await withSandbox { harness in
            let since = try #require(ExportTimestamp.parseUserText("2025-12-08"))
            let ids = try await harness.exportedIDs(ExportRequest(connector: "confluence", selectors: [("space_key", "DEMO")], since: since))
            let expected = try await harness.searchedContentIDs("confluence", cql: "type = page AND space = DEMO AND lastmodified >= \"2025-12-08 00:00\"")
            let all = try await harness.searchedContentIDs("confluence", cql: "type = page AND space = DEMO")
            #expect(!expected.isEmpty && expected.count < all.count)
            #expect(ids.sorted() == expected.sorted())
        }
    }
}
