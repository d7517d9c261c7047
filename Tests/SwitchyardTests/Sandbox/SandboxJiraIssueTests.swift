import AtlassianSandbox
import Switchyard
import Testing

@Suite("Sandbox Jira issues")
struct SandboxJiraIssueTests {
    @Test("GET issue returns an IssueBean with self links on the server's base URL")
    func getIssueByKeyAndId() async throws {
        try await withSandboxServer { server, client async throws in
            let byKey = try await client.get("/rest/api/3/issue/DEMO-1")
            #expect(byKey.status == 200)
            let issue = try byKey.json
            #expect(issue["key"]?.stringValue == "DEMO-1")
            #expect(issue["id"]?.stringValue == "10001")
            #expect(issue["self"]?.stringValue == "\(server.baseURL)/rest/api/3/issue/10001")
            #expect(issue["fields"]?["summary"]?.stringValue == "Checkout redesign")
            #expect(issue["fields"]?["status"]?["statusCategory"]?["key"]?.stringValue == "indeterminate")
            #expect(issue["fields"]?["description"]?["type"]?.stringValue == "doc")
            #expect(issue["fields"]?["created"]?.stringValue?.hasSuffix(".000+0000") == true)
            let byId = try await client.get("/rest/api/3/issue/10001")
            #expect(try byId.json["key"]?.stringValue == "DEMO-1")
        }
    }

    @Test("fields= limits the fields object")
    func fieldsParameterFilters() async throws {
        try await withSandboxServer { _, client async throws in
            let response = try await client.get("/rest/api/3/issue/DEMO-3?fields=summary,status")
            let fields = try response.json["fields"]?.objectValue
            #expect(fields?.keys.sorted() == ["status", "summary"])
        }
    }

    @Test("A missing issue is 404 with Jira's exact body")
    func missingIssueIs404() async throws {
        try await withSandboxServer { _, client async throws in
            let response = try await client.get("/rest/api/3/issue/DEMO-999")
            #expect(response.status == 404)
            #expect(response.text == #"{"errorMessages":["Issue does not exist or you do not have permission to see it."],"errors":{}}"#)
        }
    }

    @Test("An issue created with POST can be read back")
    func createThenGet() async throws {
        try await withSandboxServer { server, client async throws in
            let description: JSONValue = ["type": "doc", "version": 1, "content": [["type": "paragraph", "content": [["type": "text", "text": "Steps"]]]]]
            let created = try await client.send(.POST, "/rest/api/3/issue", json: [
                "fields": ["project": ["key": "DEMO"], "issuetype": ["name": "Bug"], "summary": "Coupon field trims spaces",
                           "description": description, "labels": ["coupons"], "priority": ["name": "High"],
                           "assignee": ["accountId": "5b10ac8d82e05b22cc7d4ef5"]],
            ])
            #expect(created.status == 201)
            #expect(try created.json["key"]?.stringValue == "DEMO-31")
            #expect(try created.json["self"]?.stringValue == "\(server.baseURL)/rest/api/3/issue/10036")
            let issue = try await client.get("/rest/api/3/issue/DEMO-31").json
            #expect(issue["fields"]?["summary"]?.stringValue == "Coupon field trims spaces")
            #expect(issue["fields"]?["issuetype"]?["name"]?.stringValue == "Bug")
            #expect(issue["fields"]?["priority"]?["name"]?.stringValue == "High")
            #expect(issue["fields"]?["assignee"]?["displayName"]?.stringValue == "Alice Nguyen")
            #expect(issue["fields"]?["reporter"]?["accountId"]?.stringValue == SandboxCredentials.accountId)
            #expect(issue["fields"]?["description"] == description)
        }
    }

    @Test("Create validation reports every field problem in the errors map")
    func createValidation() async throws {
        try await withSandboxServer { _, client async throws in
            let missing = try await client.send(.POST, "/rest/api/3/issue", json: ["fields": ["project": ["key": "DEMO"], "issuetype": ["name": "Task"]]])
            #expect(missing.status == 400)
            #expect(missing.text == #"{"errorMessages":[],"errors":{"summary":"You must specify a summary of the issue."}}"#)
            let bad = try await client.send(.POST, "/rest/api/3/issue", json: [
                "fields": ["project": ["key": "NOPE"], "issuetype": ["name": "Bogus"], "summary": "x", "description": "plain text"],
            ])
            let errors = try bad.json["errors"]
            #expect(errors?["project"] != nil)
            #expect(errors?["issuetype"]?.stringValue == "The issue type selected is invalid.")
            #expect(errors?["description"]?.stringValue == "Operation value must be an Atlassian Document")
        }
    }

    @Test("PUT applies fields and update operations, and returnIssue returns the issue")
    func editIssue() async throws {
        try await withSandboxServer { _, client async throws in
            let edit = try await client.send(.PUT, "/rest/api/3/issue/DEMO-3", json: [
                "update": ["labels": [["add": "triaged"], ["remove": "auth"]], "summary": [["set": "Login fails for plus addresses"]]],
            ])
            #expect(edit.status == 204)
            let fields = try await client.get("/rest/api/3/issue/DEMO-3?fields=labels,summary").json["fields"]
            #expect(fields?["labels"] == ["login", "triaged"])
            #expect(fields?["summary"]?.stringValue == "Login fails for plus addresses")
            let returned = try await client.send(.PUT, "/rest/api/3/issue/DEMO-3?returnIssue=true", json: ["fields": ["priority": ["id": "5"]]])
            #expect(returned.status == 200)
            #expect(try returned.json["fields"]?["priority"]?["name"]?.stringValue == "Lowest")
            let unknown = try await client.send(.PUT, "/rest/api/3/issue/DEMO-3", json: ["fields": ["flavour": "mint"]])
            #expect(unknown.status == 400)
            #expect(try unknown.json["errors"]?["flavour"] != nil)
        }
    }

    @Test("DELETE refuses an issue with subtasks unless deleteSubtasks=true")
    func deleteWithSubtasks() async throws {
        try await withSandboxServer { _, client async throws in
            #expect(try await client.send(.DELETE, "/rest/api/3/issue/DEMO-11").status == 400)
            #expect(try await client.send(.DELETE, "/rest/api/3/issue/DEMO-11?deleteSubtasks=true").status == 204)
            #expect(try await client.get("/rest/api/3/issue/DEMO-12").status == 404)
            #expect(try await client.send(.DELETE, "/rest/api/3/issue/DEMO-4").status == 204)
        }
    }

    @Test("Transitions follow the workflow and refuse invalid moves")
    func transitions() async throws {
        try await withSandboxServer { _, client async throws in
            let available = try await client.get("/rest/api/3/issue/DEMO-4/transitions").json
            #expect(available["transitions"]?.arrayValue?.compactMap { $0["id"]?.stringValue } == ["11"])
            let invalid = try await client.send(.POST, "/rest/api/3/issue/DEMO-4/transitions", json: ["transition": ["id": "31"]])
            #expect(invalid.status == 400)
            let start = try await client.send(.POST, "/rest/api/3/issue/DEMO-4/transitions", json: ["transition": ["id": "11"]])
            #expect(start.status == 204)
            let status = try await client.get("/rest/api/3/issue/DEMO-4?fields=status").json["fields"]?["status"]?["name"]
            #expect(status?.stringValue == "In Progress")
        }
    }

    @Test("Comments page with startAt/maxResults and can be added")
    func comments() async throws {
        try await withSandboxServer { _, client async throws in
            var seen: [String] = []
            var startAt = 0
            while true {
                let page = try await client.get("/rest/api/3/issue/DEMO-7/comment?startAt=\(startAt)&maxResults=5").json
                #expect(page["total"]?.intValue == 14)
                let ids = page["comments"]?.arrayValue?.compactMap { $0["id"]?.stringValue } ?? []
                seen += ids
                startAt += ids.count
                if ids.isEmpty || startAt >= page["total"]?.intValue ?? 0 { break }
            }
            #expect(seen.count == 14)
            #expect(Set(seen).count == 14)
            let body: JSONValue = ["type": "doc", "version": 1, "content": [["type": "paragraph", "content": [["type": "text", "text": "Fixed"]]]]]
            let added = try await client.send(.POST, "/rest/api/3/issue/DEMO-7/comment", json: ["body": body])
            #expect(added.status == 201)
            #expect(try added.json["body"] == body)
            #expect(try await client.get("/rest/api/3/issue/DEMO-7/comment").json["total"]?.intValue == 15)
        }
    }
}
