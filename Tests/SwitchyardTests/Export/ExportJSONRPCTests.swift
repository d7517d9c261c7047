import Foundation
import Testing
@testable import Switchyard
@testable import SwitchyardServer

@Suite("The native JSON-RPC export method")
struct ExportJSONRPCTests {
    @Test("export streams every page as export/page with progress notifications, then replies with the totals")
    func streamsPages() async throws {
        let server = try await ServeHarness.start(seedIssues: 230)
        server.send(request(1, "export", ["connector": "jira", "selectors": ["jql": "project = DATA"], "_meta": ["progressToken": "e1"]]))
        let reply = await server.reply(id: 1)
        let pages = server.messages.filter { $0["method"] == "export/page" }
        let progress = server.messages.filter { $0["method"] == "notifications/progress" }
        await server.stop()
        #expect(reply?["result"]?["documents"] == 230, "\(reply ?? .null)")
        #expect(reply?["result"]?["checkpoint"]?["cursor"] == .null)
        #expect(pages.count == 3)
        let ids = pages.flatMap { $0["params"]?["documents"]?.arrayValue ?? [] }.compactMap { $0["id"]?.stringValue }
        #expect(ids.count == 230)
        #expect(Set(ids) == Set((1...230).map { "DATA-\($0)" }))
        #expect(progress.compactMap { $0["params"]?["progress"]?.intValue } == [100, 200, 230])
        #expect(progress.allSatisfy { $0["params"]?["progressToken"] == "e1" })
    }

    @Test("A selector of another connector is an invalid-params error naming the valid selectors")
    func invalidSelector() async throws {
        try await withServer { server in
            server.send(request(1, "export", ["connector": "confluence", "selectors": ["jql": "project = DEMO"]]))
            let reply = await server.reply(id: 1)
            #expect(reply?["error"]?["code"] == -32602)
            #expect(reply?["error"]?["message"]?.stringValue?.contains("cql, space_key, label, page_ids") == true, "\(reply ?? .null)")
        }
    }

    @Test("A checkpoint from an earlier reply continues the export; a finished one gives an incremental run")
    func checkpointRoundTrip() async throws {
        try await withServer { server in
            server.send(request(1, "export", ["connector": "jira", "selectors": ["jql": "project = DEMO"]]))
            let checkpoint = try #require(await server.reply(id: 1)?["result"]?["checkpoint"])
            server.send(request(2, "export", ["connector": "jira", "selectors": ["jql": "project = DEMO"], "checkpoint": checkpoint]))
            let second = try #require(await server.reply(id: 2)?["result"])
            #expect(second["query"]?.stringValue?.contains("updated >= ") == true, "\(second)")
            #expect((second["documents"]?.intValue ?? 99) < 30)
        }
    }

    @Test("deletions: true keeps the ids in the checkpoint, and the next run reports a deleted issue as a tombstone")
    func deletionsRoundTrip() async throws {
        try await withServer { server in
            server.send(request(1, "export", ["connector": "jira", "selectors": ["jql": "project = DEMO"], "deletions": true]))
            let checkpoint = try #require(await server.reply(id: 1)?["result"]?["checkpoint"])
            #expect(checkpoint["ids"]?.arrayValue?.count == 30)
            server.send(request(2, "execute", ["connector": "jira", "entity": "issues", "action": "delete", "params": ["issue": "DEMO-30"]]))
            #expect(await server.reply(id: 2)?["error"] == nil)
            server.send(request(3, "export", ["connector": "jira", "selectors": ["jql": "project = DEMO"], "checkpoint": checkpoint]))
            let reply = await server.reply(id: 3)
            let documents = server.messages.filter { $0["method"] == "export/page" }.flatMap { $0["params"]?["documents"]?.arrayValue ?? [] }
            #expect(documents.contains { $0["id"] == "DEMO-30" && $0["deleted"] == true }, "\(reply ?? .null)")
            #expect(reply?["result"]?["checkpoint"]?["deleted"] == 1)

            server.send(request(4, "export", ["connector": "jira", "selectors": ["jql": "project = DEMO"], "deletions": "yes"]))
            let bad = await server.reply(id: 4)
            #expect(bad?["error"]?["code"] == -32602)
            #expect(bad?["error"]?["message"]?.stringValue?.contains("'deletions' must be a boolean") == true, "\(bad ?? .null)")
        }
    }
}
