import Testing
@testable import Switchyard

@Suite("Bad input is answered before any network I/O")
struct ValidationTests {
    @Test("a misspelled param is rejected by name with a suggestion")
    func misspelledParam() async throws {
        try await withSandbox { harness in
            let envelope = await harness.execute("jira", "issues", "search", ["jqll": "project = DEMO"])
            let error = try #require(envelope.error)
            #expect(error.kind == .validation)
            #expect(error.message.contains("'jqll'"))
            #expect(error.message.contains("did you mean 'jql'"))
            #expect(harness.server.recordedRequests().isEmpty)
        }
    }

    @Test("a wrong type names the param and the expected type")
    func wrongType() async throws {
        try await withSandbox { harness in
            let envelope = await harness.execute("jira", "issues", "search", ["jql": "project = DEMO", "limit": "ten"])
            let error = try #require(envelope.error)
            #expect(error.message.contains("limit"))
            #expect(error.message.contains("integer"))
            #expect(error.details["violations"]?[0]?["param"] == "limit")
            #expect(harness.server.recordedRequests().isEmpty)
        }
    }

    @Test("a missing required param is named")
    func missingRequired() async throws {
        try await withSandbox { harness in
            let envelope = await harness.execute("jira", "issues", "get", [:])
            #expect(envelope.error?.kind == .validation)
            #expect(envelope.error?.message.contains("'issue'") == true)
        }
    }

    @Test("params that are not an object are refused")
    func paramsNotObject() async throws {
        try await withSandbox { harness in
            let envelope = await harness.execute("jira", "issues", "get", ["DEMO-1"])
            #expect(envelope.error?.message == "params must be a JSON object, got array")
        }
    }

    @Test("unknown connector, entity and action list what is available", arguments: [
        ("jiraa", "issues", "get", "unknown connector 'jiraa'; did you mean 'jira'?", "confluence"),
        ("jira", "issue", "get", "unknown entity 'issue' in connector 'jira'; did you mean 'issues'?", "comments"),
        ("jira", "issues", "fetch", "unknown action 'fetch' in entity 'jira issues'", "search"),
    ])
    func unknownNames(connector: String, entity: String, action: String, message: String, listed: String) async throws {
        try await withSandbox { harness in
            let envelope = await harness.execute(connector, entity, action, [:])
            let error = try #require(envelope.error)
            #expect(error.kind == .validation)
            #expect(error.message.hasPrefix(message))
            #expect(error.details["available"]?.arrayValue?.contains(.string(listed)) == true)
        }
    }
}
