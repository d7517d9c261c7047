import Testing
@testable import Switchyard

@Suite("Bounded outputs")
struct OutputBudgetTests {
    @Test("a list over budget keeps whole leading records, is marked truncated, and next resumes at the first omitted one")
    func listTruncationResumes() async throws {
        try await withSandbox { harness in
            let full = await harness.execute("testkit", "items", "list", ["limit": 60])
            let allIDs = full.result?.data.arrayValue?.compactMap { $0["id"]?.intValue } ?? []
            #expect(allIDs.count == 60)

            let cut = await harness.execute("testkit", "items", "list", ["limit": 60, "max_output_bytes": 1500])
            let result = try #require(cut.result, "\(cut.json)")
            #expect(result.truncated)
            #expect(cut.json["truncated"] == true)
            let keptIDs = result.data.arrayValue?.compactMap { $0["id"]?.intValue } ?? []
            #expect(!keptIDs.isEmpty && keptIDs.count < 60)
            #expect(keptIDs == Array(allIDs.prefix(keptIDs.count)))
            #expect(result.meta["truncation"]?["max_output_bytes"] == 1500)
            #expect(result.meta["pages"]?.intValue ?? 99 <= 2, "stops fetching once the budget is spent")
            #expect(result.meta["truncation"]?["hint"]?.stringValue?.contains("cursor") == true)
            #expect(cut.json.serializedBytes().count <= 1500)

            let next = try #require(result.next)
            let rest = await harness.execute("testkit", "items", "list", ["limit": 5, "cursor": .string(next)])
            #expect(rest.result?.data.arrayValue?.first?["id"]?.intValue == allIDs[keptIDs.count])
        }
    }

    @Test("long strings in lists are shortened with a marker")
    func longStringsShortened() {
        let long = String(repeating: "x", count: 5000)
        let outcome = OutputBudget(maximumBytes: 1_000_000).fitList([["text": .string(long)]])
        let text = outcome.data[0]?["text"]?.stringValue ?? ""
        #expect(text.hasPrefix(String(repeating: "x", count: OutputBudget.listStringLimit)))
        #expect(text.contains("3000 more characters"))
        #expect(outcome.truncated)
    }

    @Test("an object over budget has its longest strings cut, deterministically")
    func objectTruncation() {
        let value: JSONValue = ["key": "DEMO-1", "description": .string(String(repeating: "y", count: 50_000))]
        let budget = OutputBudget(maximumBytes: 4096)
        let first = budget.fitObject(value)
        let second = budget.fitObject(value)
        #expect(first.data == second.data)
        #expect(first.truncated)
        #expect(first.data["key"] == "DEMO-1")
        #expect(first.data.serializedBytes().count <= 4096)
    }

    @Test("within budget nothing changes")
    func withinBudget() async throws {
        try await withSandbox { harness in
            let envelope = await harness.execute("jira", "issues", "get", ["issue": "DEMO-1"])
            #expect(envelope.result?.truncated == false)
            #expect(envelope.json["truncated"] == nil)
        }
    }
}
