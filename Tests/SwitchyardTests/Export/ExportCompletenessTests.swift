import Foundation
import Testing
@testable import Switchyard

@Suite("Export yields every selected record exactly once")
struct ExportCompletenessTests {
    @Test("Jira Cloud by JQL over several pages: the ids equal the search's, each once")
    func jiraCloudByJQL() async throws {
        try await withSandbox(seedIssues: 250) { harness in
            let ids = try await harness.exportedIDs(ExportRequest(connector: "jira", selectors: [("jql", "project = DATA")]))
            let expected = try await harness.searchedKeys("jira", jql: "project = DATA")
            #expect(expected.count == 250)
            #expect(ids.count == 250)
            #expect(Set(ids) == Set(expected))
            #expect(harness.server.recordedRequests().filter { $0.uri.hasPrefix("/rest/api/3/search/jql") }.count >= 3)
        }
    }

    @Test("Jira Cloud documents carry url, title, Markdown text, metadata and dates")
    func jiraCloudDocumentShape() async throws {
        try await withSandbox { harness in
            let documents = try await harness.exportedDocuments(ExportRequest(connector: "jira", selectors: [("jql", "key = DEMO-28")]))
            let document = try #require(documents.first)
            #expect(documents.count == 1)
            #expect(document["id"] == "DEMO-28")
            #expect(document["source"] == ["connector": "jira", "entity": "issues"])
            #expect(document["url"]?.stringValue == harness.server.baseURL + "/browse/DEMO-28")
            #expect(document["title"] == "Login page shows a stack trace on database timeout")
            #expect(document["text"]?.stringValue?.contains("```java") == true)
            #expect(document["metadata"]?["project"] == "DEMO")
            #expect(document["metadata"]?["status"]?.stringValue != nil)
            #expect(document["created"]?.stringValue?.hasPrefix("2026-") == true)
            #expect(document["updated"]?.stringValue != nil)
        }
    }

    @Test("Jira Cloud with comments folds them into the text; with attachments lists them")
    func jiraCommentsAndAttachments() async throws {
        try await withSandbox { harness in
            let commented = try await harness.data("jira", "issues", "get", ["issue": "DEMO-1", "fields": ["fields.comment.comments.body"]])
            let firstComment = try #require(commented["fields"]?["comment"]?["comments"]?[0]?["body"]?.stringValue)
            let documents = try await harness.exportedDocuments(
                ExportRequest(connector: "jira", selectors: [("jql", "key = DEMO-1")], comments: true, attachments: true)
            )
            let text = try #require(documents.first?["text"]?.stringValue)
            #expect(text.contains("## Comments"))
            #expect(text.contains(firstComment.trimmingCharacters(in: .whitespacesAndNewlines)))
            #expect(documents.first?["attachments"]?.arrayValue != nil)
        }
    }

    @Test("Jira Data Center by JQL: the ids equal the search's, text converted from wiki markup")
    func jiraDataCenterByJQL() async throws {
        try await withSandbox { harness in
            let documents = try await harness.exportedDocuments(ExportRequest(connector: "jira-datacenter", selectors: [("jql", "project = DEMO")]))
            let expected = try await harness.searchedKeys("jira-datacenter", jql: "project = DEMO")
            #expect(expected.count == 30)
            #expect(documents.compactMap { $0["id"]?.stringValue }.sorted() == expected.sorted())
            #expect(documents.allSatisfy { $0["source"]?["connector"] == "jira-datacenter" })
        }
    }

    @Test("Confluence Cloud by space key: the page ids equal the CQL search's, bodies as Markdown")
    func confluenceCloudBySpaceKey() async throws {
        try await withSandbox { harness in
            let documents = try await harness.exportedDocuments(ExportRequest(connector: "confluence", selectors: [("space_key", "DEMO")]))
            let expected = try await harness.searchedContentIDs("confluence", cql: "type = page AND space = DEMO")
            #expect(!expected.isEmpty)
            #expect(documents.compactMap { $0["id"]?.stringValue }.sorted() == expected.sorted())
            let home = try #require(documents.first { $0["id"] == "98305" })
            #expect(home["text"]?.stringValue?.hasPrefix("# Welcome to the Demo Space") == true)
            #expect(home["url"]?.stringValue?.hasPrefix(harness.server.baseURL + "/wiki/spaces/DEMO/pages/98305") == true)
            #expect(home["metadata"]?["version"] != nil)
        }
    }

    @Test("Confluence Cloud by label and by space key and label combined")
    func confluenceCloudByLabel() async throws {
        try await withSandbox { harness in
            let byLabel = try await harness.exportedIDs(ExportRequest(connector: "confluence", selectors: [("label", "runbook")]))
            let expected = try await harness.searchedContentIDs("confluence", cql: "type = page AND label = runbook")
            #expect(Set(byLabel) == Set(expected))
            #expect(Set(byLabel) == ["98314", "98315"])
            let combined = try await harness.exportedIDs(ExportRequest(connector: "confluence", selectors: [("space_key", "DEMO"), ("label", "runbook")]))
            #expect(Set(combined) == ["98314", "98315"])
        }
    }

    @Test("Confluence Cloud by page ids returns exactly those pages")
    func confluenceCloudByPageIDs() async throws {
        try await withSandbox { harness in
            let ids = try await harness.exportedIDs(ExportRequest(connector: "confluence", selectors: [("page_ids", "98305,98306,98314")]))
            #expect(ids.sorted() == ["98305", "98306", "98314"])
        }
    }

    @Test("Confluence Cloud by CQL equals the CQL search restricted to pages")
    func confluenceCloudByCQL() async throws {
        try await withSandbox { harness in
            let ids = try await harness.exportedIDs(ExportRequest(connector: "confluence", selectors: [("cql", "text ~ checkout")]))
            let expected = try await harness.searchedContentIDs("confluence", cql: "type = page AND text ~ checkout")
            #expect(!expected.isEmpty)
            #expect(ids.sorted() == expected.sorted())
        }
    }

    @Test("Confluence Data Center by space key: ids, space and ancestors in metadata")
    func confluenceDataCenterBySpaceKey() async throws {
        try await withSandbox { harness in
            let documents = try await harness.exportedDocuments(ExportRequest(connector: "confluence-datacenter", selectors: [("space_key", "DEMO")]))
            let expected = try await harness.searchedContentIDs("confluence-datacenter", cql: "type = page AND space = DEMO")
            #expect(documents.compactMap { $0["id"]?.stringValue }.sorted() == expected.sorted())
            let child = try #require(documents.first { $0["id"] == "98306" })
            #expect(child["metadata"]?["space"] == "DEMO")
            #expect(child["metadata"]?["ancestors"]?.arrayValue?.isEmpty == false)
        }
    }

    @Test("A selector the entity does not have is refused, naming the valid ones")
    func unknownSelector() async throws {
        try await withSandbox { harness in
            #expect {
                _ = try harness.runtime.export(ExportRequest(connector: "confluence", selectors: [("jql", "project = DEMO")]))
            } throws: { error in
                let message = (error as? ExecutionError)?.message ?? ""
                return message.contains("'jql'") && message.contains("cql, space_key, label, page_ids")
            }
            #expect {
                _ = try harness.runtime.export(ExportRequest(connector: "jira"))
            } throws: { error in
                (error as? ExecutionError)?.message.contains("at least one selector: jql") == true
            }
        }
    }
}
