import Testing
@testable import Switchyard

@Suite("Param placement against the sandbox echo endpoint")
struct PlacementTests {
    @Test("params reach the path, query, headers and typed JSON body; defaults apply; absent ones vanish")
    func everyPlacement() async throws {
        try await withSandbox { harness in
            let envelope = await harness.execute("testkit", "echo", "placement", [
                "segment": "a/b", "text": "hello world", "tags": ["x", "y"], "ids": [1, 2], "flag": true,
                "trace": "t1", "labels": ["l1"], "meta": ["k": 1.50],
            ])
            let echo = try #require(envelope.result?.data, "\(envelope.json)")
            #expect(echo["uri"]?.stringValue?.hasPrefix("/__sandbox/echo/items/a%2Fb?") == true)
            #expect(echo["query"]?["q"] == ["hello world"])
            #expect(echo["query"]?["tag"] == ["x", "y"])
            #expect(echo["query"]?["ids"] == ["1,2"])
            #expect(echo["query"]?["flag"] == ["true"])
            #expect(echo["query"]?["literal"] == ["a {b} c"])
            #expect(echo["headers"]?["x-trace"] == "trace-t1")
            let body = try #require(echo["body"])
            #expect(body["fields"] == ["summary": "hello world", "count": 3, "flag": true, "labels": ["l1"]])
            #expect(body["meta"] == ["k": 1.5])
            #expect(body["title"] == "Item a/b")
            #expect(body["fixed"] == [1, "two", nil])
            #expect(body["fields"]?["parent"] == nil)
        }
    }

    @Test("form params are sent url-encoded")
    func formPlacement() async throws {
        try await withSandbox { harness in
            let envelope = await harness.execute("testkit", "echo", "form", ["name": "a b&c"])
            let echo = try #require(envelope.result?.data, "\(envelope.json)")
            #expect(echo["method"] == "PUT")
            #expect(echo["form"]?["name"] == ["a b&c"])
            #expect(echo["form"]?["note"] == nil)
        }
    }

    @Test("crafted path params reach the server as one encoded segment", arguments: [
        ("../../admin", "/rest/api/3/issue/..%2F..%2Fadmin"),
        ("A/B?x=1#y", "/rest/api/3/issue/A%2FB%3Fx%3D1%23y"),
    ])
    func pathTraversalIsEncoded(value: String, rawPath: String) async throws {
        try await withSandbox { harness in
            let envelope = await harness.execute("jira", "issues", "get", ["issue": .string(value)])
            #expect(envelope.error?.kind == .notFound)
            #expect(envelope.error?.status == 404)
            let recorded = try #require(harness.server.recordedRequests().last)
            #expect(recorded.path == rawPath)
        }
    }
}
