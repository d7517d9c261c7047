import Testing
@testable import Switchyard

/// The retrieval targets of action search over the bundled manifests and the task set in
/// `Fixtures/search-tasks.json` (requests written as users phrase them, each with its intended action).
@Suite("Action search over the task set")
struct SearchTaskSetTests {
    static let tasksFile = SandboxHarness.repositoryRoot + "/Tests/SwitchyardTests/Fixtures/search-tasks.json"

    private func bundledIndex() throws -> ActionIndex {
        let catalog = ConnectorCatalog.load(directories: [SandboxHarness.manifestsDirectory])
        try #require(catalog.problems.isEmpty, "\(catalog.problems)")
        return ActionIndex(catalog: catalog)
    }

    @Test("the task set covers all four bundled connectors with at least 200 requests naming real actions")
    func taskSetShape() throws {
        let tasks = try SearchEvaluation.Task.load(file: Self.tasksFile)
        let ids = Set(try bundledIndex().ids)
        #expect(tasks.count >= 200)
        #expect(Set(tasks.map(\.expected.connector)) == ["jira", "jira-datacenter", "confluence", "confluence-datacenter"])
        for task in tasks {
            #expect(ids.contains(task.expected), "\(task.query): no action \(task.expected)")
            if let connector = task.connector { #expect(connector == task.expected.connector, "\(task.query)") }
        }
    }

    @Test("top-1 ≥ 90% and top-3 ≥ 98% over the task set")
    func retrievalTargets() throws {
        let tasks = try SearchEvaluation.Task.load(file: Self.tasksFile)
        let result = SearchEvaluation(index: try bundledIndex(), tasks: tasks)
        print("search over \(result.count) tasks: top-1 \(result.top1), top-3 \(result.top3), MRR \(result.meanReciprocalRank)")
        for miss in result.misses { print("  miss: \(miss)") }
        #expect(result.top1 >= 0.90, "top-1 \(result.top1); misses:\n\(result.misses.map(\.description).joined(separator: "\n"))")
        #expect(result.top3 >= 0.98, "top-3 \(result.top3)")
    }

    @Test("without a connector filter, the Cloud and Data Center flavours of an action both appear")
    func bothFlavours() throws {
        let matches = try bundledIndex().search("create an issue", limit: 5)
        let ids = matches.map(\.id.description)
        #expect(ids.contains("jira/issues/create"))
        #expect(ids.contains("jira-datacenter/issues/create"))
    }

    @Test("every bundled action can be found by its own id words")
    func everyActionReachable() throws {
        let index = try bundledIndex()
        for id in index.ids {
            let query = "\(id.entity.replacingOccurrences(of: "_", with: " ")) \(id.action.replacingOccurrences(of: "_", with: " "))"
            let top = try index.search(query, connector: id.connector, limit: 3).map(\.id)
            #expect(top.contains(id), "\(query) on \(id.connector): \(top)")
        }
    }
}
