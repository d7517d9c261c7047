import Testing
@testable import Switchyard
@testable import SwitchyardServer

@Suite("Lean tool definitions")
struct LeanToolTests {
    static let catalog: ConnectorCatalog = {
        let catalog = ConnectorCatalog.load(directories: [SandboxHarness.manifestsDirectory])
        precondition(catalog.problems.isEmpty, "\(catalog.problems)")
        return catalog
    }()

    @Test("a description keeps its prose and first example, and drops the others and empty ones")
    func condensedDescriptions() {
        #expect(ToolText.condensed(#"List worklogs. Example: {"issue": "DEMO-7"}; since 1 Jan: {"issue": "DEMO-7", "started_after": 1}."#)
            == #"List worklogs. Example: {"issue": "DEMO-7"}."#)
        #expect(ToolText.condensed(#"Find. Example: {"q": "a } b"}."#) == #"Find. Example: {"q": "a } b"}."#)
        #expect(ToolText.condensed("List statuses. Example: {}.") == "List statuses.")
        #expect(ToolText.condensed("No example here.") == "No example here.")
        #expect(ToolText.condensed("Broken. Example: {\"a\": 1") == "Broken. Example: {\"a\": 1")
    }

    @Test("every tool lists exactly the params its action takes: declared ones plus the control params it honours")
    func toolSchemasMatchTheRuntime() throws {
        let tools = ToolCatalog(catalog: Self.catalog, mode: .actions)
        var checked = 0
        for manifest in Self.catalog.connectors {
            for entity in manifest.entities {
                for action in entity.actions {
                    let name = ToolCatalog.toolName(connector: manifest.name, entity: entity.name, action: action.name)
                    let tool = try #require(tools.tools.arrayValue?.first { $0["name"]?.stringValue == name }, "\(name)")
                    let schema = try #require(tool["inputSchema"])
                    let listed = Set(schema["properties"]?.objectValue?.map(\.key) ?? [])
                    let runtime = Set(action.params.json["properties"]?.objectValue?.map(\.key) ?? [])
                    #expect(listed == runtime, "\(name): the tool lists what the runtime accepts, no more, no less")
                    #expect(schema["additionalProperties"] == false)
                    #expect(schema["required"] == action.params.json["required"], "\(name)")
                    if action.safety.readOnly { #expect(!listed.contains("dry_run") && !listed.contains("confirmation"), "\(name)") }
                    if !action.isPaginated { #expect(!listed.contains("cursor") && !listed.contains("limit"), "\(name)") }
                    let description = try #require(tool["description"]?.stringValue)
                    #expect(description.components(separatedBy: "Example:").count <= 2, "\(name): one example at most")
                    // Only annotations that differ from MCP's defaults are sent.
                    let annotations = tool["annotations"]?.objectValue ?? [:]
                    #expect(annotations["openWorldHint"] == nil && annotations["title"] == nil)
                    #expect(annotations["readOnlyHint"] == (action.safety.readOnly ? true : nil), "\(name)")
                    checked += 1
                }
            }
        }
        #expect(checked > 140)
    }

    @Test("each lean control param accepts every value the full form accepts")
    func leanControlFormsAreLooser() throws {
        let samples: [String: [JSONValue]] = [
            "fields": [["key", "fields.summary"], "key,fields.summary", ["*"]],
            "limit": [1, 50, 10_000], "cursor": ["eyJhIjoiYiJ9"], "text_format": ["markdown", "raw"],
            "timeout_ms": [1, 60_000, 600_000], "max_output_bytes": [1024, 65_536], "dry_run": [true, false], "confirmation": ["token"],
        ]
        for (name, values) in samples {
            let full = try JSONSchema(try #require(ControlParams.schemas[name]))
            let lean = try JSONSchema(try #require(ControlParams.leanSchemas[name]))
            for value in values {
                #expect(full.validate(value).isEmpty, "\(name) \(value) is a valid call")
                #expect(lean.validate(value).isEmpty, "the lean form of \(name) accepts \(value)")
            }
        }
        #expect(Set(samples.keys) == ControlParams.reserved)
    }

    @Test("the instructions describe every control param once")
    func instructionsCarryTheControlParams() {
        for name in ControlParams.reserved {
            #expect(MCPProtocol.instructions.contains("- \(name): "), "\(name)")
        }
    }

    @Test("a read takes no dry_run: asking for one names the param")
    func noDryRunOnReads() async throws {
        try await withSandbox { sandbox in
            let envelope = await sandbox.execute("jira", "issues", "get", ["issue": "DEMO-1", "dry_run": true])
            #expect(envelope.error?.kind == .validation)
            #expect(envelope.error?.message.contains("dry_run") == true)
            #expect(sandbox.server.recordedRequests().isEmpty)
            let write = await sandbox.execute("jira", "comments", "add", ["issue": "DEMO-1", "body": "x", "dry_run": true])
            #expect(write.isSuccess, "\(write.json)")
        }
    }
}
