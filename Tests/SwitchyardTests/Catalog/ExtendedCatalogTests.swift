import Foundation
import Testing
@testable import Switchyard
@testable import SwitchyardServer

/// `--catalog extended`: the generated companion catalogues in `manifests/extended/` join the curated
/// connectors without repeating a curated operation, stay out of every declared toolset, and rank after
/// curated actions in search.
@Suite("Extended catalogue")
struct ExtendedCatalogTests {
    static let extended: ConnectorCatalog = ConnectorCatalog.load(directories: [SandboxHarness.manifestsDirectory], level: .extended)
    static let curated: ConnectorCatalog = ConnectorCatalog.load(directories: [SandboxHarness.manifestsDirectory])

    private static func actionCount(_ manifest: ConnectorManifest?, generated: Bool) -> Int {
        manifest?.entities.filter { $0.generated == generated }.reduce(0) { $0 + $1.actions.count } ?? 0
    }

    @Test("the bundled companions load into jira and confluence; the curated catalogue is unchanged by default")
    func bundledCompanionsLoad() throws {
        #expect(Self.extended.problems.isEmpty, "\(Self.extended.problems)")
        let jira = Self.extended.connector("jira")
        let confluence = Self.extended.connector("confluence")
        #expect(Self.actionCount(jira, generated: true) >= 550, "Jira platform v3 and agile: \(Self.actionCount(jira, generated: true))")
        #expect(Self.actionCount(confluence, generated: true) >= 250, "Confluence v2 and v1: \(Self.actionCount(confluence, generated: true))")
        #expect(Self.actionCount(jira, generated: false) == Self.actionCount(Self.curated.connector("jira"), generated: false))
        #expect(Self.extended.connector("jira-datacenter")?.entities.allSatisfy { !$0.generated } == true, "the companions extend Cloud only")
        #expect(Self.curated.connectors.allSatisfy { $0.entities.allSatisfy { !$0.generated } && $0.toolset(named: CatalogLevel.toolsetName) == nil })
        // The connector keeps its own base URL and auth, so the same credentials serve both.
        #expect(jira?.baseURL.source == Self.curated.connector("jira")?.baseURL.source)
    }

    @Test("no generated action calls an operation a curated action already calls")
    func curatedOperationsAreNotRepeated() throws {
        for manifest in Self.extended.connectors {
            let curated = manifest.entities.filter { !$0.generated }.flatMap { $0.actions.map(ConnectorManifest.operationKey) }
            let generated = manifest.entities.filter(\.generated).flatMap { $0.actions.map(ConnectorManifest.operationKey) }
            #expect(Set(curated).isDisjoint(with: generated), "\(manifest.name): \(Set(curated).intersection(generated).sorted().prefix(5))")
            #expect(Set(generated).count == generated.count, "\(manifest.name): one operation, one action")
        }
        let jira = try #require(Self.extended.connector("jira"))
        #expect(!jira.entities.filter(\.generated).flatMap(\.actions).contains { $0.request.path.source == "/rest/api/3/issue/{issue_id_or_key}" && $0.request.method == .get },
                "GET issue is the curated jira issues get")
        #expect(jira.entities.contains { $0.generated && $0.actions.contains { $0.request.path.source == "/rest/api/3/issuetypescheme" } })
    }

    @Test("generated actions are only in the extended toolset, so the default tools stay the curated ones")
    func generatedActionsStayOutOfDeclaredToolsets() throws {
        for manifest in Self.extended.connectors where manifest.entities.contains(where: \.generated) {
            let extendedToolset = try #require(manifest.toolset(named: CatalogLevel.toolsetName))
            for entity in manifest.entities {
                for action in entity.actions {
                    let declared = manifest.toolsets.filter { $0.name != CatalogLevel.toolsetName && $0.contains(entity: entity.name, action: action.name) }
                    if entity.generated {
                        #expect(declared.isEmpty, "\(manifest.name) \(entity.name).\(action.name) is in \(declared.map(\.name))")
                        #expect(extendedToolset.contains(entity: entity.name, action: action.name))
                    } else {
                        #expect(!extendedToolset.contains(entity: entity.name, action: action.name), "\(entity.name).\(action.name)")
                    }
                }
            }
        }
        let defaults = try Self.extended.selecting(ToolSelection(), defaultToolsets: true)
        #expect(defaults.connectors.allSatisfy { $0.entities.allSatisfy { !$0.generated } })
        let chosen = try Self.extended.selecting(ToolSelection(toolsets: "jira:extended", include: [], exclude: []), defaultToolsets: true)
        #expect(Self.actionCount(chosen.connector("jira"), generated: true) == Self.actionCount(Self.extended.connector("jira"), generated: true))
    }

    @Test("search still puts the intended curated action first for the task set, and finds generated-only operations")
    func searchRanksCuratedFirst() throws {
        let tasks = try SearchEvaluation.Task.load(file: SearchTaskSetTests.tasksFile)
        let index = ActionIndex(catalog: Self.extended)
        let result = SearchEvaluation(index: index, tasks: tasks)
        print("search with the extended catalogue (\(index.count) actions) over \(result.count) tasks: top-1 \(result.top1), top-3 \(result.top3), MRR \(result.meanReciprocalRank)")
        #expect(result.top1 >= 0.90, "top-1 \(result.top1); misses:\n\(result.misses.map(\.description).joined(separator: "\n"))")
        #expect(result.top3 >= 0.98, "top-3 \(result.top3)")
        let schemes = try index.search("list all issue type schemes", connector: "jira", limit: 3).map(\.id.description)
        #expect(schemes.contains("jira/issue_type_schemes/get_all"), "\(schemes)")
        let watchers = try index.search("who watches confluence page 123", connector: "confluence", limit: 5).map(\.id.description)
        #expect(watchers.contains { $0.hasPrefix("confluence/content_watches/") }, "\(watchers)")
    }

    @Test("a duplicate operation is dropped, a taken entity name gets _api, and a companion of an unknown connector is a problem")
    func mergeRules() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("switchyard-extended-\(UUID().uuidString)")
        try FileManager.default.createDirectory(atPath: directory.path + "/extended", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        func manifest(_ name: String, _ entities: JSONValue) -> JSONValue {
            ["name": .string(name), "title": "Demo", "version": "1.0.0", "description": "A demo service.", "base_url": "https://demo.example.com", "entities": entities]
        }
        func action(_ method: String, _ path: String, _ param: String) -> JSONValue {
            [
                "description": "Does it.", "request": ["method": .string(method), "path": .string(path)],
                "params": ["type": "object", "required": [.string(param)], "properties": [param: ["type": "string"]]],
            ]
        }
        try manifest("demo", ["things": ["description": "Things.", "actions": ["get": action("GET", "/things/{thing}", "thing")]]])
            .serialized().write(toFile: directory.path + "/demo.json", atomically: true, encoding: .utf8)
        try manifest("demo", [
            "things": ["description": "Things, generated.", "actions": [
                "get_thing": action("GET", "/things/{thing_id}", "thing_id"),
                "delete_thing": action("DELETE", "/things/{thing_id}", "thing_id"),
            ]],
            "widgets": ["description": "Widgets.", "actions": ["list": ["description": "Lists widgets.", "request": ["method": "GET", "path": "/widgets"]]]],
        ]).serialized().write(toFile: directory.path + "/extended/demo.json", atomically: true, encoding: .utf8)
        try manifest("nobody", ["x": ["description": "X.", "actions": ["list": ["description": "Lists x.", "request": ["method": "GET", "path": "/x"]]]]])
            .serialized().write(toFile: directory.path + "/extended/nobody.json", atomically: true, encoding: .utf8)

        let catalog = ConnectorCatalog.load(directories: [directory.path], level: .extended)
        let demo = try #require(catalog.connector("demo"))
        #expect(demo.entities.map(\.name) == ["things", "things_api", "widgets"])
        #expect(demo.entity("things_api")?.actions.map(\.name) == ["delete_thing"], "GET /things/{…} is the curated things get")
        #expect(demo.entity("things_api")?.generated == true && demo.entity("things")?.generated == false)
        #expect(demo.toolset(named: "extended")?.patterns == ["things_api.*", "widgets.*"])
        #expect(catalog.problems.count == 1, "\(catalog.problems)")
        #expect(catalog.problems.first?.description.contains("extends connector 'nobody', which is not loaded") == true, "\(catalog.problems)")
        #expect(ConnectorCatalog.load(directories: [directory.path]).connector("demo")?.entities.map(\.name) == ["things"], "curated by default")
    }

    @Test("describe counts curated and generated actions and marks generated entities")
    func describeCounts() throws {
        let description = try CatalogDescription.describe(Self.extended, connector: "jira")
        let counts = try #require(description["action_counts"])
        #expect(counts["curated"]?.intValue == Self.actionCount(Self.extended.connector("jira"), generated: false))
        #expect(counts["generated"]?.intValue == Self.actionCount(Self.extended.connector("jira"), generated: true))
        #expect(description["entities"]?.arrayValue?.contains { $0["generated"] == true } == true)
        let get = try CatalogDescription.describe(Self.curated, connector: "jira", entity: "issues", action: "get")
        #expect(get["scopes"] == ["read:jira-work"])
    }

    @Test("execute --catalog extended runs a generated action against the sandbox with the curated connector's credentials")
    func generatedActionRunsAgainstSandbox() throws {
        let output = try CommandLine.run(["execute", "--sandbox", "--catalog", "extended", "jira", "projects_api", "get_all", "--params", "{}"])
        #expect(output.status == 0, "\(output.stderr)")
        let envelope = try JSONValue(parsing: output.stdout)
        #expect(envelope["ok"] == true, "\(output.stdout.prefix(500))")
        #expect(envelope["data"]?.arrayValue?.contains { $0["key"] == "DEMO" } == true)
        let curatedOnly = try CommandLine.run(["execute", "--sandbox", "jira", "projects_api", "get_all", "--params", "{}"])
        #expect(curatedOnly.status != 0)
        #expect(curatedOnly.stdout.contains("unknown entity 'projects_api'"), "\(curatedOnly.stdout)")
    }

    @Test("a bad SWITCHYARD_CATALOG or --catalog value names the levels")
    func badLevel() throws {
        let fromEnvironment = try CommandLine.run(["describe"], environment: ["SWITCHYARD_CATALOG": "everything"])
        #expect(fromEnvironment.status == 1)
        #expect(fromEnvironment.stderr.contains("SWITCHYARD_CATALOG is 'everything'; use one of: curated, extended"), "\(fromEnvironment.stderr)")
        let fromFlag = try CommandLine.run(["describe", "--catalog", "everything"])
        #expect(fromFlag.status != 0)
        #expect(fromFlag.stderr.contains("curated") && fromFlag.stderr.contains("extended"), "\(fromFlag.stderr)")
    }
}
