import AtlassianSandbox
import Switchyard
import Testing

@Suite("Sandbox Jira search")
struct SandboxJiraSearchTests {
    @Test("Following nextPageToken visits every DEMO issue exactly once")
    func searchPagingCoversAllIssues() async throws {
        try await withSandboxServer { _, client async throws in
            let jql = SandboxServerClient.encode("project = DEMO ORDER BY key ASC")
            var token: String?
            var keys: [String] = []
            var pages = 0
            repeat {
                let tokenParameter = token.map { "&nextPageToken=\($0)" } ?? ""
                let page = try await client.get("/rest/api/3/search/jql?jql=\(jql)&maxResults=7&fields=summary\(tokenParameter)").json
                keys += page["issues"]?.arrayValue?.compactMap { $0["key"]?.stringValue } ?? []
                token = page["nextPageToken"]?.stringValue
                #expect(page["isLast"]?.boolValue == (token == nil))
                pages += 1
            } while token != nil && pages < 20
            #expect(keys.count == 30)
            #expect(Set(keys).count == 30)
            #expect(keys.first == "DEMO-1")
            #expect(keys.last == "DEMO-30")
            #expect(pages == 5)
        }
    }

    @Test("POST search takes the same options in a JSON body; default fields are ids only")
    func postSearch() async throws {
        try await withSandboxServer { _, client async throws in
            let page = try await client.send(.POST, "/rest/api/3/search/jql", json: [
                "jql": "assignee = currentUser() AND status != Done", "maxResults": 100,
            ]).json
            let issues = page["issues"]?.arrayValue ?? []
            #expect(!issues.isEmpty)
            #expect(issues.allSatisfy { $0.objectValue?.keys == ["id"] })
            #expect(page["nextPageToken"] == nil)
            #expect(page["isLast"]?.boolValue == true)
        }
    }

    @Test("JQL text search, IN lists and ORDER BY priority")
    func jqlSubset() async throws {
        try await withSandboxServer { _, client async throws in
            let jql = SandboxServerClient.encode(#"project in (DEMO, OPS) AND summary ~ "login" ORDER BY priority DESC"#)
            let page = try await client.get("/rest/api/3/search/jql?jql=\(jql)&fields=priority,summary").json
            let issues = page["issues"]?.arrayValue ?? []
            #expect(issues.count == 3)
            #expect(issues.allSatisfy { $0["fields"]?["summary"]?.stringValue?.lowercased().contains("login") == true })
            #expect(issues.first?["fields"]?["priority"]?["name"]?.stringValue == "Highest")
        }
    }

    @Test("JQL combines OR, NOT, parentheses and IS EMPTY")
    func jqlBooleanLogic() async throws {
        try await withSandboxServer { _, client async throws in
            let jql = SandboxServerClient.encode("project = DEMO AND (assignee IS EMPTY OR status = Done) AND NOT labels = frontend")
            let page = try await client.get("/rest/api/3/search/jql?jql=\(jql)&fields=key").json
            let keys = Set(page["issues"]?.arrayValue?.compactMap { $0["key"]?.stringValue } ?? [])
            #expect(keys == ["DEMO-9", "DEMO-10", "DEMO-12", "DEMO-15", "DEMO-16", "DEMO-21"])
        }
    }

    @Test("Unbounded and malformed JQL are 400 with an errorMessages entry")
    func badJQL() async throws {
        try await withSandboxServer { _, client async throws in
            let unbounded = try await client.get("/rest/api/3/search/jql?jql=\(SandboxServerClient.encode("order by key desc"))")
            #expect(unbounded.status == 400)
            #expect(unbounded.text == #"{"errorMessages":["Unbounded JQL queries are not allowed here. Please add a search restriction to your query."],"errors":{}}"#)
            let malformed = try await client.get("/rest/api/3/search/jql?jql=\(SandboxServerClient.encode("project DEMO"))")
            #expect(malformed.status == 400)
            #expect(try malformed.json["errorMessages"]?[0]?.stringValue?.hasPrefix("Error in the JQL Query: Expecting operator") == true)
            let unknownField = try await client.get("/rest/api/3/search/jql?jql=\(SandboxServerClient.encode("flavour = mint"))")
            #expect(try unknownField.json["errorMessages"]?[0]?.stringValue == "Field 'flavour' does not exist or you do not have permission to view it.")
        }
    }

    @Test("approximate-count counts matches")
    func approximateCount() async throws {
        try await withSandboxServer { _, client async throws in
            let count = try await client.send(.POST, "/rest/api/3/search/approximate-count", json: ["jql": "project = OPS"])
            #expect(try count.json == ["count": 5])
        }
    }

    @Test("Project search pages with nextPage links until isLast")
    func projectSearch() async throws {
        try await withSandboxServer { server, client async throws in
            let first = try await client.get("/rest/api/3/project/search?maxResults=5").json
            #expect(first["total"]?.intValue == 7)
            #expect(first["isLast"]?.boolValue == false)
            #expect(first["values"]?.arrayValue?.count == 5)
            let next = try #require(first["nextPage"]?.stringValue)
            #expect(next.hasPrefix(server.baseURL + "/rest/api/3/project/search?"))
            let second = try await client.get(next).json
            #expect(second["isLast"]?.boolValue == true)
            #expect(second["nextPage"] == nil)
            #expect(second["values"]?.arrayValue?.count == 2)
            let missing = try await client.get("/rest/api/3/project/NOPE")
            #expect(missing.text == #"{"errorMessages":["No project could be found with key 'NOPE'."],"errors":{}}"#)
        }
    }
}
