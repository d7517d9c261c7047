import Foundation
import Testing
@testable import Switchyard

@Suite("Toolsets and tool filters")
struct ToolSelectionTests {
    static var catalog: ConnectorCatalog { LeanToolTests.catalog }

    private func toolNames(_ catalog: ConnectorCatalog) -> [String] {
        catalog.connectors.flatMap { manifest in
            manifest.entities.flatMap { entity in entity.actions.map { ToolSelection.toolName(connector: manifest.name, entity: entity.name, action: $0.name) } }
        }
    }

    @Test("every bundled connector has a curated default of at most 20 tools; Jira and Confluence together at most 40")
    func defaults() throws {
        for manifest in Self.catalog.connectors {
            let declared = try #require(manifest.toolsets.first { $0.name == "default" }, "\(manifest.name) declares a default toolset")
            let count = manifest.entities.flatMap { entity in entity.actions.filter { declared.contains(entity: entity.name, action: $0.name) } }.count
            #expect((10...20).contains(count), "\(manifest.name): \(count)")
        }
        for pair in [["jira", "confluence"], ["jira-datacenter", "confluence-datacenter"]] {
            let selected = try Self.catalog.restricted(by: ExposurePolicy(connectors: Set(pair))).selecting(ToolSelection(), defaultToolsets: true)
            #expect(toolNames(selected).count <= 40, "\(pair)")
        }
    }

    @Test("--toolsets picks named groups per connector; unnamed connectors keep their default")
    func namedToolsets() throws {
        let selected = try Self.catalog.selecting(ToolSelection(toolsets: "jira:agile,confluence:all"), defaultToolsets: true)
        let names = toolNames(selected)
        #expect(names.filter { $0.hasPrefix("jira_") }.allSatisfy { $0.hasPrefix("jira_boards_") || $0.hasPrefix("jira_sprints_") || $0.hasPrefix("jira_epics_") })
        #expect(names.contains("jira_sprints_move_issues"))
        #expect(names.filter { $0.hasPrefix("confluence_") }.count == Self.catalog.connector("confluence")!.entities.flatMap(\.actions).count)
        #expect(names.contains("jira-datacenter_issues_get") && !names.contains("jira-datacenter_issues_delete"), "jira-datacenter keeps its default")
    }

    @Test("a hidden action says which toolset would enable it")
    func hiddenActionExplains() throws {
        let selected = try Self.catalog.selecting(ToolSelection(), defaultToolsets: true)
        #expect(throws: ExecutionError.self) { try selected.resolve(ExecuteRequest(connector: "jira", entity: "issues", action: "delete")) }
        do {
            _ = try selected.resolve(ExecuteRequest(connector: "jira", entity: "issues", action: "delete"))
        } catch {
            #expect(error.kind == .permission)
            #expect(error.message.contains("not in the enabled toolsets of 'jira' (default)") && error.message.contains("--toolsets jira:issues or jira:all"), "\(error.message)")
        }
    }

    @Test("include and exclude patterns: include alone offers only its matches; exclude always wins and says which pattern")
    func patterns() throws {
        let included = try Self.catalog.selecting(ToolSelection(toolsets: nil, include: ["jira_issues_*"]), defaultToolsets: true)
        #expect(Set(toolNames(included)) == Set(Self.catalog.connector("jira")!.entity("issues")!.actions.map { "jira_issues_\($0.name)" }))
        let excluded = try Self.catalog.selecting(ToolSelection(toolsets: "all", exclude: ["*_delete"]), defaultToolsets: true)
        #expect(!toolNames(excluded).contains { $0.hasSuffix("_delete") })
        #expect(toolNames(excluded).contains("jira_issues_create"))
        do {
            _ = try excluded.resolve(ExecuteRequest(connector: "jira", entity: "comments", action: "delete"))
            Issue.record("an excluded action must be refused")
        } catch {
            #expect(error.message.contains("tools-exclude pattern '*_delete'"))
        }
    }

    @Test("an unknown toolset, connector or pattern is an error naming what exists")
    func badSelections() {
        func message(_ toolsets: String?, include: [String] = []) -> String {
            do throws(ExecutionError) {
                _ = try Self.catalog.selecting(try ToolSelection(toolsets: toolsets, include: include), defaultToolsets: true)
                return "no error"
            } catch {
                return error.message
            }
        }
        #expect(message("jira:sprint").contains("its toolsets: default, issues"))
        #expect(message("jiraa:default").contains("enabled connectors: "))
        #expect(message("nosuch").contains("known toolsets: "))
        #expect(message("jira:").contains("names no toolset"))
        #expect(message(nil, include: ["jira_issue_get"]).contains("pattern 'jira_issue_get' matches no tool"))
    }

    @Test("a toolset pattern that matches no action, or the reserved name 'all', is a manifest problem with its pointer")
    func manifestProblems() throws {
        var manifest = try JSONValue(parsing: Data(contentsOf: URL(fileURLWithPath: SandboxHarness.manifestsDirectory + "/jira.json"))).objectValue!
        manifest["toolsets"] = ["default": ["description": "x", "actions": ["issue.get"]], "all": ["description": "y", "actions": ["issues.*"]]]
        do {
            _ = try ManifestDecoder.decode(.object(manifest), source: "t.json")
            Issue.record("must fail")
        } catch {
            let lines = error.problems.map { "\($0.pointer) \($0.message)" }
            #expect(lines.contains { $0.hasPrefix("/toolsets/default/actions/0 ") && $0.contains("did you mean 'issues.get'") }, "\(lines)")
            #expect(lines.contains { $0.hasPrefix("/toolsets/all ") && $0.contains("reserved") }, "\(lines)")
        }
    }

    @Test("glob patterns", arguments: [
        ("jira_*", "jira_issues_get", true), ("*_delete", "jira_issues_delete", true), ("*_delete", "jira_issues_get", false),
        ("jira_issues_?et", "jira_issues_get", true), ("issues.*", "issues.get", true), ("*", "", true), ("a*b*c", "aXbYc", true), ("a*b*c", "aXbY", false),
    ])
    func globs(pattern: String, text: String, expected: Bool) {
        #expect(Glob.matches(pattern, text) == expected)
    }
}
