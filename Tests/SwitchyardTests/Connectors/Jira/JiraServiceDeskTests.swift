import AtlassianSandbox
import Testing
@testable import Switchyard

/// Jira Service Management through the curated actions, Cloud and Data Center (the same
/// `/rest/servicedeskapi` API): desks, queues and the requests in them, request types and their fields,
/// raising a request and reading it back, SLAs.
@Suite("Jira Service Management")
struct JiraServiceDeskTests {
    static let connectors = ["jira", "jira-datacenter"]

    @Test("service desks are listed and found by id or project key", arguments: connectors)
    func serviceDesks(connector: String) async throws {
        try await withSandbox { harness in
            let desks = try await harness.data(connector, "service_desks", "list", [:])
            #expect(desks.arrayValue?.compactMap { $0["projectKey"]?.stringValue } == ["OPS", "HR"])
            let byKey = try await harness.data(connector, "service_desks", "get", ["service_desk": "ops"])
            #expect(byKey["id"] == "1")
            #expect(try await harness.data(connector, "service_desks", "get", ["service_desk": "2"])["projectKey"] == "HR")
            let missing = await harness.execute(connector, "service_desks", "get", ["service_desk": "DEMO"])
            #expect(missing.error?.kind == .notFound, "DEMO is no service desk: \(missing.json)")
            #expect(missing.error?.message.contains("DEMO") == true, "the JSM error message reaches the agent: \(missing.json)")
        }
    }

    @Test("a queue's count matches the requests it lists, which follow its JQL, paged by start and limit", arguments: connectors)
    func queues(connector: String) async throws {
        try await withSandbox { harness in
            let queues = try #require(try await harness.data(connector, "queues", "list", ["service_desk": "OPS", "include_count": true]).arrayValue)
            #expect(queues.compactMap { $0["name"]?.stringValue } == ["All open requests", "Unassigned", "Assigned to me", "Resolved"])
            #expect(harness.lastRequest("GET", pathPrefix: "/rest/servicedeskapi/servicedesk/OPS/queue")?.uri.contains("includeCount=true") == true)
            for queue in queues {
                let id = try #require(queue["id"]?.stringValue.flatMap { Int($0) })
                let issues = try #require(try await harness.data(connector, "queues", "issues", ["service_desk": "1", "queue_id": .number(JSONNumber(id))]).arrayValue)
                #expect(queue["issueCount"] == .number(JSONNumber(issues.count)), "\(queue)")
                #expect(issues.allSatisfy { $0["key"]?.stringValue?.hasPrefix("OPS-") == true })
            }
            let open = try #require(try await harness.data(connector, "queues", "issues", ["service_desk": "1", "queue_id": 1]).arrayValue)
            #expect(open.count == 4)
            #expect(open.first?["fields"]?["priority"]?["name"] == "High", "ordered as the queue says: priority first")
            #expect(open.allSatisfy { $0["fields"]?["status"]?["name"] != "Done" })

            // Three of the four, then the rest: the walk sends start/limit and stops at isLastPage.
            let first = await harness.execute(connector, "queues", "issues", ["service_desk": "1", "queue_id": 1, "limit": 3])
            #expect(first.result?.data.arrayValue?.count == 3)
            let cursor = try #require(first.result?.next, "one request remains: \(first.json)")
            let rest = await harness.execute(connector, "queues", "issues", ["service_desk": "1", "queue_id": 1, "cursor": .string(cursor)])
            #expect(rest.result?.data.arrayValue?.compactMap { $0["key"]?.stringValue } == [open[3]["key"]?.stringValue].compactMap { $0 })
            #expect(rest.result?.next == nil)
            #expect(harness.lastRequest("GET", pathPrefix: "/rest/servicedeskapi/servicedesk/1/queue/1/issue")?.uri.contains("start=3") == true)

            let noQueue = await harness.execute(connector, "queues", "issues", ["service_desk": "1", "queue_id": 99])
            #expect(noQueue.error?.kind == .notFound)
        }
    }

    @Test("request types are searched and their fields list what is required", arguments: connectors)
    func requestTypes(connector: String) async throws {
        try await withSandbox { harness in
            let all = try await harness.data(connector, "request_types", "list", ["service_desk": "1"])
            #expect(all.arrayValue?.compactMap { $0["name"]?.stringValue } == ["Get IT help", "Report a system problem"])
            let found = try await harness.data(connector, "request_types", "list", ["service_desk": "1", "query": "problem"])
            #expect(found.arrayValue?.compactMap { $0["id"]?.stringValue } == ["11"])
            let fields = try #require(try await harness.data(connector, "request_types", "fields", ["service_desk": "1", "request_type": "11"]).arrayValue)
            #expect(fields.filter { $0["required"] == true }.compactMap { $0["fieldId"]?.stringValue } == ["summary", "description"])
            let priority = try #require(fields.first { $0["fieldId"] == "priority" })
            #expect(priority["validValues"]?.arrayValue?.compactMap { $0["value"]?.stringValue }.contains("High") == true)
        }
    }

    @Test("a raised request becomes an issue of the desk's project, read back as a request and as an issue", arguments: connectors)
    func raiseRequest(connector: String) async throws {
        try await withSandbox { harness in
            let created = await harness.execute(connector, "customer_requests", "create", [
                "service_desk": "1", "request_type": "11",
                "field_values": ["summary": "VPN drops every hour", "description": "Since Monday, on every laptop.", "priority": "High"],
            ])
            #expect(created.result?.status == 201, "\(created.json)")
            let key = try #require(created.result?.data["issueKey"]?.stringValue)
            #expect(key.hasPrefix("OPS-"))
            #expect(try harness.lastBody("POST", pathPrefix: "/rest/servicedeskapi/request") == [
                "serviceDeskId": "1", "requestTypeId": "11",
                "requestFieldValues": ["summary": "VPN drops every hour", "description": "Since Monday, on every laptop.", "priority": "High"],
            ])

            let request = try await harness.data(connector, "customer_requests", "get", ["issue": .string(key)])
            #expect(request["requestTypeId"] == "11")
            #expect(request["currentStatus"]?["status"] == "To Do")
            let values = request["requestFieldValues"]?.arrayValue ?? []
            #expect(values.contains { $0["fieldId"] == "summary" && $0["value"] == "VPN drops every hour" }, "\(request)")

            let issue = try await harness.data(connector, "issues", "get", ["issue": .string(key)])
            #expect(issue["fields"]?["summary"] == "VPN drops every hour")
            #expect(issue["fields"]?["issuetype"]?["name"] == "Bug", "the request type's issue type")
            #expect(issue["fields"]?["priority"]?["name"] == "High")
            #expect(issue["fields"]?["description"]?.trimmedText == "Since Monday, on every laptop.")

            let open = try await harness.data(connector, "queues", "issues", ["service_desk": "1", "queue_id": 2])
            #expect(open.arrayValue?.contains { $0["key"]?.stringValue == key } == true, "a new request waits unassigned")
        }
    }

    @Test("a request missing a required field, or with a field its form lacks, is refused and creates nothing")
    func invalidRequests() async throws {
        try await withSandbox { harness in
            let before = try await harness.data("jira", "issues", "count", ["jql": "project = OPS"])
            let missing = await harness.execute("jira", "customer_requests", "create", [
                "service_desk": "1", "request_type": "11", "field_values": ["summary": "Printer on fire"],
            ])
            #expect(missing.error?.kind == .validation, "\(missing.json)")
            #expect(missing.error?.message.contains("What happened?") == true, "names the missing field: \(missing.json)")
            let unknown = await harness.execute("jira", "customer_requests", "create", [
                "service_desk": "1", "request_type": "10", "field_values": ["summary": "x", "customfield_1": "y"],
            ])
            #expect(unknown.error?.message.contains("customfield_1") == true, "\(unknown.json)")
            let noSummary = await harness.execute("jira", "customer_requests", "create", [
                "service_desk": "1", "request_type": "10", "field_values": ["description": "no title"],
            ])
            #expect(noSummary.error?.kind == .validation)
            #expect(noSummary.error?.details["violations"]?[0]?["param"] == "field_values.summary", "checked before sending: \(noSummary.json)")
            #expect(try await harness.data("jira", "issues", "count", ["jql": "project = OPS"]) == before)
            let notARequest = await harness.execute("jira", "customer_requests", "get", ["issue": "DEMO-3"])
            #expect(notARequest.error?.kind == .notFound)
        }
    }

    @Test("SLAs: a resolved request's resolution cycle is completed, an open one's is ongoing", arguments: connectors)
    func slas(connector: String) async throws {
        try await withSandbox { harness in
            let resolved = try await harness.data("jira", "issues", "search", ["jql": "project = OPS AND statusCategory = Done", "limit": 1])
            let done = try #require(resolved.arrayValue?.first?["key"]?.stringValue)
            let doneSLAs = try #require(try await harness.data(connector, "customer_requests", "sla", ["issue": .string(done)]).arrayValue)
            let resolution = try #require(doneSLAs.first { $0["name"] == "Time to resolution" })
            #expect(resolution["completedCycles"]?.arrayValue?.count == 1, "\(resolution)")
            #expect(resolution["ongoingCycle"] == nil)

            let openSLAs = try #require(try await harness.data(connector, "customer_requests", "sla", ["issue": "OPS-1"]).arrayValue)
            let open = try #require(openSLAs.first { $0["name"] == "Time to resolution" })
            #expect(open["ongoingCycle"]?["breached"] == true, "seeded in January 2026, long past its 48 h goal: \(open)")
            #expect(open["ongoingCycle"]?["remainingTime"]?["friendly"]?.stringValue?.hasPrefix("-") == true)
        }
    }
}
