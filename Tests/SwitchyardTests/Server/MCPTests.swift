import Testing
@testable import Switchyard
@testable import SwitchyardServer

@Suite("Model Context Protocol")
struct MCPTests {
    static let modernMeta: JSONValue = [
        "io.modelcontextprotocol/protocolVersion": "2026-07-28",
        "io.modelcontextprotocol/clientCapabilities": [:],
    ]

    @Test("initialize negotiates a supported version, or offers the newest", arguments: [
        ("2025-11-25", "2025-11-25"), ("2025-06-18", "2025-06-18"), ("2025-03-26", "2025-03-26"), ("2024-01-01", "2025-11-25"),
    ])
    func initializeNegotiates(requested: String, expected: String) async throws {
        try await withServer { server in
            server.send(request(1, "initialize", ["protocolVersion": .string(requested), "capabilities": [:], "clientInfo": ["name": "t", "version": "1"]]))
            let result = await server.reply(id: 1)?["result"]
            #expect(result?["protocolVersion"] == .string(expected))
            #expect(result?["serverInfo"]?["name"] == "switchyard")
            #expect(result?["capabilities"]?["tools"] != nil)
            #expect(result?["resultType"] == nil)
        }
    }

    @Test("server/discover answers the stateless revision with cache fields and server info in _meta")
    func discover() async throws {
        try await withServer { server in
            server.send(request(1, "server/discover", ["_meta": Self.modernMeta]))
            let result = try #require(await server.reply(id: 1)?["result"])
            #expect(result["supportedVersions"] == ["2026-07-28"])
            #expect(result["resultType"] == "complete")
            #expect(result["ttlMs"] == 0)
            #expect(result["cacheScope"] == "private")
            #expect(result["_meta"]?["io.modelcontextprotocol/serverInfo"]?["name"] == "switchyard")
        }
    }

    @Test("an unsupported version in _meta is -32022 naming the supported ones")
    func unsupportedModernVersion() async throws {
        try await withServer { server in
            server.send(request(1, "tools/list", ["_meta": ["io.modelcontextprotocol/protocolVersion": "2030-01-01", "io.modelcontextprotocol/clientCapabilities": [:]]]))
            let error = await server.reply(id: 1)?["error"]
            #expect(error?["code"] == -32022)
            #expect(error?["data"]?["supported"] == ["2026-07-28"])
            #expect(error?["data"]?["requested"] == "2030-01-01")
        }
    }

    @Test("tools/list in actions mode: one tool per action with valid names, object schemas and annotations")
    func actionTools() async throws {
        try await withServer { server in
            server.send(request(1, "tools/list", ["_meta": Self.modernMeta]))
            let result = try #require(await server.reply(id: 1)?["result"])
            #expect(result["resultType"] == "complete")
            let tools = try #require(result["tools"]?.arrayValue)
            #expect(tools.count > 20)
            for tool in tools {
                let name = try #require(tool["name"]?.stringValue)
                #expect(name.count <= 64 && name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") })
                #expect(tool["inputSchema"]?["type"] == "object")
                #expect(!tool["inputSchema"]!.serialized().contains("$ref"))
            }
            // Only the hints that differ from MCP's defaults (not read-only, destructive, not idempotent, open world).
            let get = try #require(tools.first { $0["name"] == "jira_issues_get" })
            #expect(get["annotations"] == ["readOnlyHint": true])
            let delete = try #require(tools.first { $0["name"] == "jira_issues_delete" })
            #expect(delete["annotations"] == ["idempotentHint": true])
            let create = try #require(tools.first { $0["name"] == "jira_issues_create" })
            #expect(create["annotations"] == ["destructiveHint": false])
        }
    }

    @Test("tools/call returns the envelope as JSON text; failures are isError results; an unknown tool is -32602")
    func toolCalls() async throws {
        try await withServer { server in
            server.send(request(1, "tools/call", ["name": "jira_issues_get", "arguments": ["issue": "DEMO-1", "fields": ["key"]]]))
            let ok = try #require(await server.reply(id: 1)?["result"])
            #expect(ok["isError"] == false)
            let text = try #require(ok["content"]?[0]?["text"]?.stringValue)
            #expect(try JSONValue(parsing: text)["data"] == ["key": "DEMO-1"])
            #expect(ok["structuredContent"]?["ok"] == true)

            server.send(request(2, "tools/call", ["name": "jira_issues_get", "arguments": ["issue": "DEMO-404"]]))
            let missing = try #require(await server.reply(id: 2)?["result"])
            #expect(missing["isError"] == true)
            #expect(missing["content"]?[0]?["text"]?.stringValue?.contains("not_found") == true)

            server.send(request(3, "tools/call", ["name": "jira_issues_fetch", "arguments": [:]]))
            #expect(await server.reply(id: 3)?["error"]?["code"] == -32602)
        }
    }

    @Test("compact mode offers search, describe and execute meta-tools that work")
    func compactTools() async throws {
        try await withServer(configuration: ServeConfiguration(toolMode: .compact)) { server in
            server.send(request(1, "tools/list"))
            let names = await server.reply(id: 1)?["result"]?["tools"]?.arrayValue?.compactMap { $0["name"]?.stringValue }
            #expect(names == ["switchyard_search_actions", "switchyard_describe", "switchyard_execute"])
            server.send(request(2, "tools/call", ["name": "switchyard_search_actions", "arguments": ["query": "jira create issue"]]))
            let found = try #require(await server.reply(id: 2)?["result"]?["structuredContent"]?["matches"]?[0])
            #expect(found["connector"] == "jira")
            #expect(found["action"] == "create")
            server.send(request(3, "tools/call", ["name": "switchyard_execute", "arguments": [
                "connector": "jira", "entity": "issues", "action": "get", "params": ["issue": "DEMO-2", "fields": "key"],
            ]]))
            #expect(await server.reply(id: 3)?["result"]?["structuredContent"]?["data"] == ["key": "DEMO-2"])
        }
    }

    @Test("--read-only hides and refuses every action not marked read-only")
    func readOnly() async throws {
        try await withServer(policy: ExposurePolicy(readOnly: true)) { server in
            server.send(request(1, "tools/list"))
            let names = try #require(await server.reply(id: 1)?["result"]?["tools"]?.arrayValue?.compactMap { $0["name"]?.stringValue })
            #expect(names.contains("jira_issues_get"))
            #expect(!names.contains("jira_issues_create"))
            #expect(!names.contains("jira_issues_delete"))
            server.send(request(2, "tools/call", ["name": "jira_issues_create", "arguments": ["project": "DEMO", "issue_type": "Task", "summary": "x"]]))
            #expect(await server.reply(id: 2)?["error"]?["code"] == -32602)
            server.send(request(3, "execute", ["connector": "jira", "entity": "issues", "action": "create", "params": ["project": "DEMO", "issue_type": "Task", "summary": "x"]]))
            let refused = await server.reply(id: 3)?["result"]?["error"]
            #expect(refused?["kind"] == "permission")
            #expect(refused?["message"]?.stringValue?.contains("read-only") == true)
            #expect(server.sandbox.server.recordedRequests().allSatisfy { $0.method == "GET" })
        }
    }

    @Test("--connectors hides the other connectors")
    func connectorFilter() async throws {
        try await withServer(policy: ExposurePolicy(connectors: ["confluence"])) { server in
            server.send(request(1, "tools/list"))
            let names = try #require(await server.reply(id: 1)?["result"]?["tools"]?.arrayValue?.compactMap { $0["name"]?.stringValue })
            #expect(names.allSatisfy { $0.hasPrefix("confluence_") })
            server.send(request(2, "execute", ["connector": "jira", "entity": "users", "action": "myself"]))
            #expect(await server.reply(id: 2)?["result"]?["error"]?["message"]?.stringValue?.contains("not enabled") == true)
        }
    }

    @Test("a progressToken gets notifications/progress while pages are fetched")
    func progressNotifications() async throws {
        try await withServer { server in
            server.send(request(1, "tools/call", ["name": "testkit_items_list", "arguments": ["limit": 35], "_meta": ["progressToken": "p1"]]))
            _ = await server.reply(id: 1)
            let progress = server.messages.filter { $0["method"] == "notifications/progress" }
            #expect(progress.count == 4)
            #expect(progress.allSatisfy { $0["params"]?["progressToken"] == "p1" })
            #expect(progress.compactMap { $0["params"]?["progress"]?.intValue } == [10, 20, 30, 35])
        }
    }

    @Test("logging/setLevel turns on notifications/message at that level and above")
    func logging() async throws {
        try await withServer { server in
            server.send(request(1, "tools/call", ["name": "jira_users_myself", "arguments": [:]]))
            _ = await server.reply(id: 1)
            #expect(!server.messages.contains { $0["method"] == "notifications/message" })
            server.send(request(2, "logging/setLevel", ["level": "info"]))
            #expect(await server.reply(id: 2)?["result"] == [:])
            server.send(request(3, "tools/call", ["name": "jira_users_myself", "arguments": [:]]))
            _ = await server.reply(id: 3)
            let logs = server.messages.filter { $0["method"] == "notifications/message" }
            #expect(logs.count == 1)
            #expect(logs.first?["params"]?["level"] == "info")
            server.send(request(4, "logging/setLevel", ["level": "loud"]))
            #expect(await server.reply(id: 4)?["error"]?["code"] == -32602)
        }
    }
}
