import Testing
@testable import Switchyard

@Suite("Request building")
struct RequestBuilderTests {
    /// Decodes a request template whose params are every placeholder it uses, all optional and untyped,
    /// unless `params` says otherwise.
    private func template(_ json: JSONValue, params: JSONValue? = nil) throws -> RequestTemplate {
        let names = json.serialized().matches(of: /\{([A-Za-z_][A-Za-z0-9_]*)\}/).map { String($0.output.1) }
        let properties = JSONObject(names.map { ($0, JSONValue.object([:])) })
        let params = params ?? ["type": "object", "properties": .object(properties)]
        let manifest = try ManifestDecoder.decode([
            "name": "demo", "title": "Demo", "version": "1", "description": "d", "base_url": "https://x.example.com",
            "entities": ["e": ["description": "E", "actions": ["a": ["description": "A", "params": params, "request": json]]]],
        ], source: "test")
        return manifest.entities[0].actions[0].request
    }

    @Test("path values are encoded as exactly one segment", arguments: [
        ("../../admin", "/items/..%2F..%2Fadmin"),
        ("A/B?x=1#y", "/items/A%2FB%3Fx%3D1%23y"),
        ("..", "/items/%2E%2E"),
        ("DEMO-1", "/items/DEMO-1"),
        ("ä b", "/items/%C3%A4%20b"),
    ])
    func pathValuesAreOneSegment(value: String, expected: String) throws {
        let request = try RequestBuilder.build(
            try template(["method": "GET", "path": "/items/{id}"], params: ["type": "object", "properties": ["id": ["type": "string"]], "required": ["id"]]),
            params: ["id": .string(value)], baseURL: "https://x.example.com", connectorHeaders: []
        )
        #expect(request.path == expected)
    }

    @Test("absent optional params leave no trace in query, headers or body")
    func absentParamsAreLeftOut() throws {
        let request = try RequestBuilder.build(
            try template([
                "method": "POST", "path": "/x",
                "query": ["a": "{a}", "b": "{b}"],
                "headers": ["X-B": "{b}"],
                "body": ["fields": ["summary": "{a}", "parent": ["key": "{b}"], "labels": ["{b}"]], "keep": [:]],
            ]),
            params: ["a": "hello"], baseURL: "https://x.example.com", connectorHeaders: []
        )
        #expect(request.query.map(\.name) == ["a"])
        #expect(request.header("X-B") == nil)
        guard case .json(let body)? = request.body else { Issue.record("expected a JSON body"); return }
        #expect(body.serialized() == #"{"fields":{"summary":"hello"},"keep":{}}"#)
    }

    @Test("body placeholders keep their JSON types")
    func bodyPlaceholdersKeepTypes() throws {
        let request = try RequestBuilder.build(
            try template(["method": "POST", "path": "/x", "body": ["n": "{n}", "b": "{b}", "list": "{list}", "obj": "{obj}", "text": "n={n}"]]),
            params: ["n": 42, "b": false, "list": [1, "two"], "obj": ["k": 1.50]], baseURL: "https://x.example.com", connectorHeaders: []
        )
        guard case .json(let body)? = request.body else { Issue.record("expected a JSON body"); return }
        #expect(body.serialized() == #"{"n":42,"b":false,"list":[1,"two"],"obj":{"k":1.5},"text":"n=42"}"#)
    }

    @Test("arrays in the query repeat the key or join with commas")
    func queryArrayStyles() throws {
        let request = try RequestBuilder.build(
            try template(["method": "GET", "path": "/x", "query": ["tag": "{tags}", "ids": ["value": "{ids}", "arrays": "comma"]]]),
            params: ["tags": ["a b", "c&d"], "ids": [1, 2, 3]], baseURL: "https://x.example.com", connectorHeaders: []
        )
        #expect(request.url == "https://x.example.com/x?tag=a%20b&tag=c%26d&ids=1%2C2%2C3")
    }

    @Test("a header value with a line break is refused, naming the param")
    func headerInjectionIsRefused() throws {
        let requestTemplate = try template(["method": "GET", "path": "/x", "headers": ["X-Trace": "{trace}"]])
        #expect {
            try RequestBuilder.build(requestTemplate, params: ["trace": "a\r\nX-Evil: 1"], baseURL: "https://x.example.com", connectorHeaders: [])
        } throws: { error in
            (error as? ExecutionError)?.kind == .validation && "\(error)".contains("param 'trace'")
        }
    }
}
