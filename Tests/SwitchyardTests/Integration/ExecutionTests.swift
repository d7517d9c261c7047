import AtlassianSandbox
import Testing
@testable import Switchyard

@Suite("Executing actions against the sandbox")
struct ExecutionTests {
    @Test("get returns the compact default field selection")
    func defaultFieldSelection() async throws {
        try await withSandbox { harness in
            let envelope = await harness.execute("jira", "issues", "get", ["issue": "DEMO-1"])
            let issue = try #require(envelope.result?.data, "\(envelope.json)")
            #expect(issue["key"] == "DEMO-1")
            #expect(issue["fields"]?["summary"]?.stringValue?.isEmpty == false)
            #expect(issue["fields"]?["status"]?["name"] != nil)
            #expect(issue["fields"]?["status"]?["id"] == nil)
            #expect(issue["self"] == nil)
            #expect(envelope.json["ok"] == true)
            #expect(envelope.json["status"] == 200)
        }
    }

    @Test("the fields param selects dot paths, and * keeps everything")
    func explicitFieldSelection() async throws {
        try await withSandbox { harness in
            let narrow = await harness.execute("jira", "issues", "get", ["issue": "DEMO-1", "fields": ["key", "fields.project.key"]])
            #expect(narrow.result?.data == ["key": "DEMO-1", "fields": ["project": ["key": "DEMO"]]])
            let commaSeparated = await harness.execute("jira", "issues", "get", ["issue": "DEMO-1", "fields": "key, fields.project.key"])
            #expect(commaSeparated.result?.data == narrow.result?.data)
            let everything = await harness.execute("jira", "issues", "get", ["issue": "DEMO-1", "fields": ["*"]])
            #expect(everything.result?.data["self"] != nil)
            #expect(everything.result?.data["id"] != nil)
        }
    }

    @Test("a created issue can be read back with its typed fields")
    func createThenRead() async throws {
        try await withSandbox { harness in
            let description: JSONValue = ["type": "doc", "version": 1, "content": [["type": "paragraph", "content": [["type": "text", "text": "Steps"]]]]]
            let created = await harness.execute("jira", "issues", "create", [
                "project": "DEMO", "issue_type": "Bug", "summary": "Checkout total is wrong", "labels": ["checkout", "urgent"],
                "description": description,
            ])
            let key = try #require(created.result?.data["key"]?.stringValue, "\(created.json)")
            #expect(created.result?.status == 201)
            let read = await harness.execute("jira", "issues", "get", [
                "issue": .string(key), "fields": ["fields.summary", "fields.labels", "fields.description"], "text_format": "raw",
            ])
            #expect(read.result?.data["fields"]?["summary"] == "Checkout total is wrong")
            #expect(read.result?.data["fields"]?["labels"] == ["checkout", "urgent"])
            #expect(read.result?.data["fields"]?["description"] == description)
            let posted = try #require(harness.server.recordedRequests().first { $0.method == "POST" })
            let body = try JSONValue(parsing: posted.body)
            #expect(body["fields"]?["priority"] == nil)
            #expect(body["fields"]?["parent"] == nil)
        }
    }

    @Test("update and delete change the sandbox")
    func updateAndDelete() async throws {
        try await withSandbox { harness in
            let updated = await harness.execute("jira", "issues", "update", ["issue": "DEMO-2", "field_values": ["summary": "Renamed"]])
            #expect(updated.isSuccess, "\(updated.json)")
            let read = await harness.execute("jira", "issues", "get", ["issue": "DEMO-2"])
            #expect(read.result?.data["fields"]?["summary"] == "Renamed")
            let deleted = await harness.execute("jira", "issues", "delete", ["issue": "DEMO-3"])
            #expect(deleted.result?.status == 204)
            let gone = await harness.execute("jira", "issues", "get", ["issue": "DEMO-3"])
            #expect(gone.error?.kind == .notFound)
        }
    }

    @Test("Jira error bodies become structured details")
    func jiraErrorBody() async throws {
        try await withSandbox { harness in
            let missing = await harness.execute("jira", "issues", "get", ["issue": "DEMO-999"])
            let error = try #require(missing.error)
            #expect(error.kind == .notFound)
            #expect(error.status == 404)
            #expect(error.message.contains("Issue does not exist"))
            #expect(error.retryable == false)
            let invalid = await harness.execute("jira", "issues", "create", ["project": "NOPE", "issue_type": "Bug", "summary": "x"])
            #expect(invalid.error?.kind == .validation)
            #expect(invalid.error?.status == 400)
            #expect(invalid.error?.details["field_errors"]?["project"] != nil)
            let json = invalid.json
            #expect(json["ok"] == false)
            #expect(json["error"]?["kind"] == "validation")
        }
    }

    @Test("non-JSON error bodies are summarised cleanly", arguments: [("html", 500), ("plain", 502)])
    func nonJSONErrorBody(action: String, status: Int) async throws {
        try await withSandbox { harness in
            let envelope = await harness.execute("testkit", "errors", action)
            let error = try #require(envelope.error)
            #expect(error.status == status)
            #expect(error.kind == .upstream)
            #expect(!error.message.contains("<"))
            #expect(error.details["body_excerpt"] != nil)
        }
    }

    @Test("wrong credentials are an auth error with the status")
    func wrongCredentials() async throws {
        let harness = try await SandboxHarness.start(credential: .basic(username: "demo@example.com", password: "wrong"))
        let envelope = await harness.execute("jira", "users", "myself")
        #expect(envelope.error?.kind == .auth)
        #expect(envelope.error?.status == 401)
        await harness.stop()
    }

    @Test("an unreachable base URL is a network error, not a hang")
    func unreachableBaseURL() async throws {
        let catalog = ConnectorCatalog.load(directories: [SandboxHarness.manifestsDirectory])
        let settings = RuntimeSettings(overrides: ["jira": ConnectionOverride(baseURL: "http://127.0.0.1:1", credential: .none)])
        let runtime = SwitchyardRuntime(catalog: catalog, settings: settings, retryPolicy: RetryPolicy(maximumAttempts: 1))
        let envelope = await runtime.execute(ExecuteRequest(connector: "jira", entity: "users", action: "myself"))
        #expect(envelope.error?.kind == .network)
        #expect(envelope.error?.message.contains("127.0.0.1:1") == true)
        try await runtime.shutdown()
    }

    @Test("a 429 is retried after Retry-After and then succeeds")
    func rateLimitIsRetried() async throws {
        try await withSandbox { harness in
            harness.server.faults.inject(SandboxFault(.status(429, headers: ["Retry-After": "1"]), method: "GET", pathPrefix: "/rest/api/3/myself", count: 1))
            let started = ContinuousClock.now
            let envelope = await harness.execute("jira", "users", "myself")
            #expect(envelope.isSuccess, "\(envelope.json)")
            #expect(envelope.result?.meta["attempts"] == 2)
            #expect(started.duration(to: .now) >= .milliseconds(900))
        }
    }

    @Test("a 503 on a GET is retried; a 500 on a POST is sent only once")
    func retryOnlyWhatIsSafe() async throws {
        try await withSandbox { harness in
            harness.server.faults.inject(SandboxFault(.status(503, headers: [:]), method: "GET", pathPrefix: "/rest/api/3/myself", count: 1))
            let read = await harness.execute("jira", "users", "myself")
            #expect(read.isSuccess, "\(read.json)")
            harness.server.clearRecordedRequests()
            harness.server.faults.inject(SandboxFault(.status(503, headers: [:]), method: "POST", pathPrefix: "/rest/api/3/issue", count: 1))
            let write = await harness.execute("jira", "issues", "create", ["project": "DEMO", "issue_type": "Task", "summary": "Once"])
            #expect(write.error?.status == 503)
            #expect(harness.server.recordedRequests().filter { $0.method == "POST" }.count == 1)
        }
    }
}
