import AtlassianSandbox
import Foundation
import Switchyard

/// What the benchmarks run against: a bench connector on the sandbox, the environment for a child
/// `switchyard serve`, and 100 generated connectors for the definition-scale figure.
struct BenchmarkFixtures {
    let directory: URL
    let benchManifests: String
    let generatedManifests: String
    let environment: [String: String]

    static let payloadBytes = 1_048_576

    /// The repository's `manifests/`, found from this source file's location.
    static let bundledManifests = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("manifests").path

    init(baseURL: String) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("switchyard-bench-\(UUID().uuidString)")
        let bench = directory.appendingPathComponent("bench")
        let generated = directory.appendingPathComponent("generated")
        try FileManager.default.createDirectory(at: bench, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: generated, withIntermediateDirectories: true)
        try Self.benchManifest.write(to: bench.appendingPathComponent("bench.json"), atomically: true, encoding: .utf8)
        for index in 0..<100 {
            try Self.generatedManifest(index).serialized().write(to: generated.appendingPathComponent("gen\(index).json"), atomically: true, encoding: .utf8)
        }
        benchManifests = bench.path
        generatedManifests = generated.path
        var environment = ProcessInfo.processInfo.environment
        environment["JIRA_BASE_URL"] = baseURL
        environment["JIRA_EMAIL"] = SandboxCredentials.email
        environment["JIRA_API_TOKEN"] = SandboxCredentials.apiToken
        environment["CONFLUENCE_BASE_URL"] = baseURL
        environment["CONFLUENCE_EMAIL"] = SandboxCredentials.email
        environment["CONFLUENCE_API_TOKEN"] = SandboxCredentials.apiToken
        environment["BENCH_BASE_URL"] = baseURL
        self.environment = environment
    }

    func remove() {
        try? FileManager.default.removeItem(at: directory)
    }

    static let benchManifest = """
        {
          "name": "bench", "title": "Benchmark", "version": "1.0.0", "description": "Sandbox endpoints for benchmarks.",
          "config": {"base_url": {"type": "string", "description": "Sandbox URL", "env": ["BENCH_BASE_URL"]}},
          "base_url": "{base_url}",
          "auth": {"schemes": {"basic": {"type": "basic", "description": "Sandbox login.",
            "fields": {"email": {"description": "Email", "env": ["JIRA_EMAIL"], "secret": false}, "token": {"description": "Token", "env": ["JIRA_API_TOKEN"]}},
            "username": "{email}", "password": "{token}"}}},
          "entities": {
            "payload": {"description": "Large responses.", "actions": {
              "big": {"description": "A 1 MB JSON document.", "request": {"method": "GET", "path": "/__sandbox/big"}}
            }},
            "items": {"description": "Catalog items.", "actions": {
              "list": {"description": "Items over page-number pages.",
                "params": {"type": "object", "properties": {"total": {"type": "integer", "description": "Items in all."}}, "required": ["total"]},
                "request": {"method": "GET", "path": "/__sandbox/catalog/items", "query": {"total": "{total}"}},
                "response": {"records": "items", "pagination": {"kind": "page_number", "page_param": "page", "limit_param": "per_page", "page_size": 100, "total_pages": "total_pages"}}}
            }}
          }
        }
        """

    /// A connector with 10 actions of realistic shape (params, templates, pagination).
    static func generatedManifest(_ index: Int) -> JSONValue {
        var actions = JSONObject()
        for action in 0..<10 {
            var request: JSONObject = [
                "method": action % 2 == 0 ? "GET" : "POST",
                "path": "/api/things/{id}",
                "query": ["q": "{query}", "tag": "{tags}"],
            ]
            if action % 2 == 1 { request["body"] = ["state": "{state}", "tags": "{tags}"] }
            actions["action\(action)"] = [
                "description": .string("Generated action \(action) of connector \(index): fetch or change things. Example: {\"id\": \"A-1\"}."),
                "params": [
                    "type": "object",
                    "properties": [
                        "id": ["type": "string", "description": "The thing's id."],
                        "query": ["type": "string", "minLength": 1, "description": "Free text."],
                        "tags": ["type": "array", "items": ["type": "string"], "description": "Tags."],
                        "state": ["type": "string", "enum": ["open", "closed"], "default": "open", "description": "State."],
                    ],
                    "required": ["id"],
                ],
                "request": .object(request),
                "response": ["records": "values", "pagination": ["kind": "offset", "offset_param": "startAt", "limit_param": "maxResults", "page_size": 50, "total": "total"]],
            ]
        }
        return [
            "name": .string("gen\(index)"), "title": .string("Generated \(index)"), "version": "1.0.0",
            "description": "A generated connector for the definition-scale benchmark.",
            "base_url": "https://example.invalid",
            "entities": ["things": ["description": "Things.", "actions": .object(actions)]],
        ]
    }
}
