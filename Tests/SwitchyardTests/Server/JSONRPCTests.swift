import AtlassianSandbox
import Testing
@testable import Switchyard
@testable import SwitchyardServer

@Suite("JSON-RPC 2.0 over stdio")
struct JSONRPCTests {
    @Test("malformed JSON gets -32700 with a null id")
    func parseError() async throws {
        try await withServer { server in
            server.send(#"{"jsonrpc":"2.0","id":1,"method":"ping""#)
            let reply = await server.waitFor { $0.first }
            #expect(reply?["error"]?["code"] == -32700)
            #expect(reply?["id"] == .null)
        }
    }

    @Test("a message that is not a valid request gets -32600", arguments: [
        (#"{"jsonrpc":"1.0","id":1,"method":"ping"}"#, JSONValue(1)),
        (#"{"jsonrpc":"2.0","id":2}"#, JSONValue(2)),
        (#"{"jsonrpc":"2.0","id":3,"method":42}"#, JSONValue(3)),
        (#"{"jsonrpc":"2.0","id":{"a":1},"method":"ping"}"#, JSONValue.null),
        (#"{"jsonrpc":"2.0","id":5,"method":"ping","params":"x"}"#, JSONValue(5)),
        (#""just a string""#, JSONValue.null),
    ])
    func invalidRequest(line: String, id: JSONValue) async throws {
        try await withServer { server in
            server.send(line)
            let reply = await server.waitFor { $0.first }
            #expect(reply?["error"]?["code"] == -32600)
            #expect(reply?["id"] == id)
        }
    }

    @Test("version names the server, its version and the MCP revisions it speaks")
    func version() async throws {
        try await withServer { server in
            server.send(request(1, "version"))
            let result = await server.reply(id: 1)?["result"]
            #expect(result?["name"] == "switchyard")
            #expect(result?["version"] == .string(SwitchyardVersion.current))
            #expect(result?["mcp_protocol_versions"]?.arrayValue?.contains("2025-06-18") == true)
            #expect(result?["mcp_protocol_versions"]?.arrayValue?.contains("2026-07-28") == true)
        }
    }

    @Test("an unknown method gets -32601")
    func methodNotFound() async throws {
        try await withServer { server in
            server.send(request(1, "frobnicate"))
            #expect(await server.reply(id: 1)?["error"]?["code"] == -32601)
        }
    }

    @Test("params that fail to decode get -32602, not -32603", arguments: [
        ["connector": "jira"] as JSONValue,
        ["connector": 1, "entity": "issues", "action": "get"] as JSONValue,
        ["connector": "jira", "entity": "issues", "action": "get", "extra": true] as JSONValue,
        ["a", "b"] as JSONValue,
    ])
    func invalidParams(params: JSONValue) async throws {
        try await withServer { server in
            server.send(request(1, "execute", params))
            #expect(await server.reply(id: 1)?["error"]?["code"] == -32602)
        }
    }

    @Test("notifications get no reply, even unknown ones")
    func notificationsGetNoReply() async throws {
        try await withServer { server in
            server.send(#"{"jsonrpc":"2.0","method":"ping"}"#)
            server.send(#"{"jsonrpc":"2.0","method":"no/such/notification"}"#)
            server.send(request(9, "ping"))
            _ = await server.reply(id: 9)
            server.closeInput()
            #expect(await server.waitUntilFinished())
            #expect(server.messages.count == 1)
        }
    }

    @Test("batches: an empty array is one -32600; replies come back as an array without notifications")
    func batches() async throws {
        try await withServer { server in
            server.send("[]")
            let empty = await server.waitFor { $0.first }
            #expect(empty?["error"]?["code"] == -32600)
            server.send(#"[{"jsonrpc":"2.0","id":"x","method":"ping"},{"jsonrpc":"2.0","method":"ping"},{"jsonrpc":"2.0","id":7,"method":"nope"},5]"#)
            let batch = await server.waitFor { $0.first { $0.arrayValue != nil } }
            let replies = try #require(batch?.arrayValue)
            #expect(replies.count == 3)
            #expect(replies[0]["id"] == "x")
            #expect(replies[0]["result"] == [:])
            #expect(replies[1]["error"]?["code"] == -32601)
            #expect(replies[2]["error"]?["code"] == -32600)
        }
    }

    @Test("the id is echoed exactly, string or number")
    func idEchoedExactly() async throws {
        try await withServer { server in
            server.send(#"{"jsonrpc":"2.0","id":"42","method":"ping"}"#)
            server.send(#"{"jsonrpc":"2.0","id":42,"method":"ping"}"#)
            server.send(#"{"jsonrpc":"2.0","id":1.50,"method":"ping"}"#)
            _ = await server.waitFor { $0.count >= 3 ? true : nil }
            let lines = server.rawLines
            #expect(lines.contains(#"{"jsonrpc":"2.0","id":"42","result":{}}"#))
            #expect(lines.contains(#"{"jsonrpc":"2.0","id":42,"result":{}}"#))
            #expect(lines.contains(#"{"jsonrpc":"2.0","id":1.50,"result":{}}"#))
        }
    }

    @Test("a line over the size limit gets an error and the server keeps going")
    func oversizedLine() async throws {
        try await withServer(configuration: ServeConfiguration(maximumLineBytes: 4096)) { server in
            server.send(#"{"jsonrpc":"2.0","id":1,"method":"ping","params":{"pad":""# + String(repeating: "x", count: 100_000) + #""}}"#)
            server.send(request(2, "ping"))
            let oversized = await server.waitFor { $0.first { $0["error"]?["code"] == -32600 } }
            #expect(oversized?["id"] == .null)
            #expect(oversized?["error"]?["message"]?.stringValue?.contains("4096") == true)
            #expect(await server.reply(id: 2)?["result"] == [:])
        }
    }

    @Test("native execute returns the result envelope; describe returns describe --json")
    func nativeMethods() async throws {
        try await withServer { server in
            server.send(request(1, "execute", ["connector": "jira", "entity": "issues", "action": "get", "params": ["issue": "DEMO-1", "fields": ["key"]]]))
            #expect(await server.reply(id: 1)?["result"]?["data"] == ["key": "DEMO-1"])
            server.send(request(2, "execute", ["connector": "jira", "entity": "issues", "action": "get", "params": ["issuee": "DEMO-1"]]))
            let failed = await server.reply(id: 2)
            #expect(failed?["result"]?["ok"] == false)
            #expect(failed?["result"]?["error"]?["kind"] == "validation")
            server.send(request(3, "describe", ["connector": "jira", "entity": "issues", "action": "search"]))
            #expect(await server.reply(id: 3)?["result"]?["params"]?["required"] == ["jql"])
            server.send(request(4, "describe", ["connector": "nope"]))
            #expect(await server.reply(id: 4)?["error"]?["code"] == -32602)
        }
    }

    @Test("requests run concurrently and replies may come back out of order")
    func outOfOrderReplies() async throws {
        try await withServer { server in
            server.sandbox.server.faults.inject(SandboxFault(.delay(milliseconds: 600), method: "GET", pathPrefix: "/rest/api/3/issue/DEMO-1", count: 1))
            server.send(request(1, "execute", ["connector": "jira", "entity": "issues", "action": "get", "params": ["issue": "DEMO-1"]]))
            server.send(request(2, "execute", ["connector": "jira", "entity": "users", "action": "myself"]))
            _ = await server.reply(id: 1)
            let order = server.messages.compactMap { $0["id"]?.intValue }
            #expect(order == [2, 1])
        }
    }

    @Test("notifications/cancelled cancels the request and its HTTP call; no reply is sent for it")
    func cancellation() async throws {
        try await withServer { server in
            server.sandbox.server.faults.inject(SandboxFault(.delay(milliseconds: 5000), method: "GET", pathPrefix: "/rest/api/3/myself", count: 1))
            let started = ContinuousClock.now
            server.send(request("slow", "execute", ["connector": "jira", "entity": "users", "action": "myself"]))
            try await Task.sleep(for: .milliseconds(200))
            server.send(#"{"jsonrpc":"2.0","method":"notifications/cancelled","params":{"requestId":"slow","reason":"user"}}"#)
            server.send(request(2, "ping"))
            _ = await server.reply(id: 2)
            server.closeInput()
            #expect(await server.waitUntilFinished())
            #expect(started.duration(to: .now) < .seconds(3))
            #expect(server.messages.allSatisfy { $0["id"] != "slow" })
        }
    }

    @Test("at end of input, requests still in flight finish and are answered before the server stops")
    func gracefulEOF() async throws {
        try await withServer { server in
            server.sandbox.server.faults.inject(SandboxFault(.delay(milliseconds: 500), method: "GET", pathPrefix: "/rest/api/3/myself", count: 1))
            server.send(request(1, "execute", ["connector": "jira", "entity": "users", "action": "myself"]))
            server.closeInput()
            #expect(await server.waitUntilFinished())
            #expect(server.messages.first?["result"]?["ok"] == true)
        }
    }
}
