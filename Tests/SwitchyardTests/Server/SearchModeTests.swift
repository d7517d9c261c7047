import Testing
@testable import Switchyard
@testable import SwitchyardServer

@Suite("Search mode: search_actions, describe_action, execute_action")
struct SearchModeTests {
    @Test("exactly three tools, at most 4 KB whatever the catalog")
    func threeSmallTools() async throws {
        let harness = try await ServeHarness.start(configuration: ServeConfiguration(toolMode: .search))
        harness.send(request(1, "tools/list"))
        let tools = try #require(await harness.reply(id: 1)?["result"]?["tools"])
        #expect(tools.arrayValue?.compactMap { $0["name"]?.stringValue } == ["search_actions", "describe_action", "execute_action"])
        #expect(tools.serializedBytes().count <= 4096, "\(tools.serializedBytes().count) bytes")
        await harness.stop()
    }

    @Test("a task goes search → describe → execute against the sandbox")
    func searchDescribeExecute() async throws {
        let harness = try await ServeHarness.start(configuration: ServeConfiguration(toolMode: .search))
        harness.send(request(1, "tools/call", ["name": "search_actions", "arguments": ["query": "move DEMO-5 to done", "connector": "jira"]]))
        let found = try #require(await harness.reply(id: 1)?["result"]?["structuredContent"]?["matches"]?.arrayValue)
        #expect(found.first?["id"] == "jira/issues/transition", "\(found)")
        #expect(found.first?["required"]?.arrayValue?.contains("issue") == true)

        harness.send(request(2, "tools/call", ["name": "describe_action", "arguments": ["id": "jira/issues/get"]]))
        let described = try #require(await harness.reply(id: 2)?["result"]?["structuredContent"])
        #expect(described["id"] == "jira/issues/get")
        #expect(described["params"]?["properties"]?["issue"] != nil)

        harness.send(request(3, "tools/call", ["name": "execute_action", "arguments": ["id": "jira/issues/get", "params": ["issue": "DEMO-1", "fields": ["key"]]]]))
        let executed = try #require(await harness.reply(id: 3)?["result"])
        #expect(executed["isError"] == false)
        #expect(executed["structuredContent"]?["data"] == ["key": "DEMO-1"])
        await harness.stop()
    }

    @Test("an empty query, a malformed id and an unknown action are errors, not empty successes")
    func errors() async throws {
        let harness = try await ServeHarness.start(configuration: ServeConfiguration(toolMode: .search))
        let calls: [(JSONValue, String)] = [
            (["name": "search_actions", "arguments": ["query": "  "]], "query is empty"),
            (["name": "describe_action", "arguments": ["id": "jira/issues"]], "not an action id"),
            (["name": "describe_action", "arguments": ["id": "jira/issues/fetch"]], "unknown action 'fetch'"),
            (["name": "execute_action", "arguments": ["id": "nope/issues/get", "params": [:]]], "unknown connector 'nope'"),
            (["name": "search_actions", "arguments": ["query": "issues", "connector": "jiraa"]], "jira"),
        ]
        for (index, (params, message)) in calls.enumerated() {
            harness.send(request(.number(JSONNumber(index + 1)), "tools/call", params))
            let result = try #require(await harness.reply(id: .number(JSONNumber(index + 1)))?["result"])
            #expect(result["isError"] == true, "\(params)")
            #expect(result["content"]?[0]?["text"]?.stringValue?.contains(message) == true, "\(result)")
        }
        await harness.stop()
    }

    @Test("the native search method ranks the same way, and refuses an empty query with -32602")
    func nativeSearch() async throws {
        let harness = try await ServeHarness.start()
        harness.send(request(1, "search", ["query": "create a confluence page", "limit": 3]))
        let matches = try #require(await harness.reply(id: 1)?["result"]?["matches"]?.arrayValue)
        #expect(matches.count == 3)
        #expect(matches.first?["id"]?.stringValue?.hasSuffix("/pages/create") == true, "\(matches)")
        harness.send(request(2, "search", ["query": ""]))
        let error = try #require(await harness.reply(id: 2)?["error"])
        #expect(error["code"] == -32602)
        harness.send(request(3, "search", ["query": "x", "limit": "five"]))
        #expect(await harness.reply(id: 3)?["error"]?["message"]?.stringValue?.contains("limit") == true)
        await harness.stop()
    }

    @Test("a session answers the handshake while its runtime is still loading, and requests wait for it")
    func deferredLoading() async throws {
        let sandbox = try await SandboxHarness.start()
        let gate = AsyncStream<Void>.makeStream()
        let session = ServerSession(loading: {
            for await _ in gate.stream { break }
            return sandbox.runtime
        }, configuration: ServeConfiguration())
        let handshake = await session.respond(to: ["jsonrpc": "2.0", "id": 1, "method": "initialize", "params": ["protocolVersion": "2025-06-18"]], channel: .silent(logLevel: ClientLogLevel()))
        #expect(handshake?["result"]?["protocolVersion"] == "2025-06-18")
        async let listed = session.respond(to: ["jsonrpc": "2.0", "id": 2, "method": "tools/list"], channel: .silent(logLevel: ClientLogLevel()))
        gate.continuation.yield()
        #expect(await listed?["result"]?["tools"]?.arrayValue?.isEmpty == false)
        await sandbox.stop()
    }

    @Test("a runtime that fails to load turns requests into an internal error naming the cause")
    func failedLoading() async throws {
        let session = ServerSession(loading: { throw ExecutionError(kind: .config, message: "no such toolset 'x'") }, configuration: ServeConfiguration())
        let reply = await session.respond(to: ["jsonrpc": "2.0", "id": 1, "method": "tools/list"], channel: .silent(logLevel: ClientLogLevel()))
        #expect(reply?["error"]?["code"] == -32603)
        #expect(reply?["error"]?["message"]?.stringValue?.contains("no such toolset 'x'") == true)
        await #expect(throws: ExecutionError.self) { try await session.waitUntilLoaded() }
    }
}
