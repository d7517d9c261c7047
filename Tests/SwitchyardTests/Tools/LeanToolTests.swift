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

    @Test("a tool carries the action's summary with the description's first example")
    func summaryWithExample() throws {
        func action(_ fields: JSONObject) throws -> Action {
            var object: JSONObject = ["request": ["method": "GET", "path": "/things"]]
            for member in fields { object[member.key] = member.value }
            let manifest = try ManifestDecoder.decode(demoManifest(action: .object(object)), source: "demo.json")
            return try #require(manifest.entity("things")?.action("act"))
        }
        let described = try action([
            "summary": "List things; search finds them by text.",
            "description": #"List things, newest first, with their owners. Example: {"owner": "ann"}; all: {}."#,
        ])
        #expect(ToolText.description(for: described) == #"List things; search finds them by text. Example: {"owner": "ann"}."#)
        let noExample = try action(["summary": "List things.", "description": "List things, newest first. Example: {}."])
        #expect(ToolText.description(for: noExample) == "List things.")
        let noSummary = try action(["description": #"List things, newest first. Example: {"owner": "ann"}; more."#])
        #expect(ToolText.description(for: noSummary) == #"List things, newest first. Example: {"owner": "ann"}."#)
    }

    @Test("a summary must be one non-empty line within the limit; the problem names its pointer")
    func summaryChecks() {
        let base: JSONObject = ["description": "List things.", "request": ["method": "GET", "path": "/things"]]
        func problems(_ summary: String) -> [String] {
            var object = base
            object["summary"] = .string(summary)
            return manifestProblems(demoManifest(action: .object(object)))
        }
        let pointer = "/entities/things/actions/act/summary"
        #expect(hasProblem(problems(" "), pointer, "must not be empty"))
        #expect(hasProblem(problems("List things.\nAnd more."), pointer, "must be one line"))
        #expect(hasProblem(problems(String(repeating: "word ", count: 40)), pointer, "at most \(Action.summaryLength)"))
        #expect(problems("List things.").isEmpty)
    }

    @Test("the lean schema accepts what the runtime's schema accepts, as it only drops constraints")
    func loosenedSchemaAcceptsRuntimeCalls() throws {
        let manifest = try ManifestDecoder.decode(demoManifest(action: [
            "description": "Tag a thing.", "request": ["method": "POST", "path": "/things", "body": ["name": "{name}", "tags": "{tags}"]],
            "params": [
                "type": "object", "additionalProperties": false, "required": ["name"],
                "properties": [
                    "name": ["type": "string", "minLength": 1, "maxLength": 5],
                    "tags": ["type": "array", "items": ["type": "object", "additionalProperties": false, "properties": ["minLength": ["type": "integer", "minimum": 1]]]],
                ],
            ],
        ]), source: "demo.json")
        let action = try #require(manifest.entity("things")?.action("act"))
        let lean = try JSONSchema(ToolSchema.input(for: action))
        #expect(lean.json["properties"]?["name"] == ["type": "string", "maxLength": 5])
        #expect(lean.json["properties"]?["tags"]?["items"]?["properties"]?["minLength"] == ["type": "integer", "minimum": 1], "a property named like a keyword stays")
        #expect(lean.json["properties"]?["timeout_ms"] == nil && lean.json["properties"]?["max_output_bytes"] == nil, "call-wide params are left to the instructions")
        let calls: [JSONValue] = [
            ["name": "abc"], ["name": "abc", "tags": [["minLength": 2]]], ["name": "abc", "dry_run": true],
            ["name": "abc", "timeout_ms": 5000, "max_output_bytes": 2048],
        ]
        for call in calls {
            #expect(action.params.validate(call).isEmpty, "\(call)")
            #expect(lean.validate(call).isEmpty, "\(call)")
        }
    }

    @Test("every tool lists exactly the params its action takes: declared ones plus the control params it honours, less the call-wide ones")
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
                    #expect(runtime.isSuperset(of: ControlParams.callWide), "\(name)")
                    #expect(listed == runtime.subtracting(ControlParams.callWide), "\(name): the tool lists what the runtime accepts, less the call-wide params")
                    #expect(!schema.description.contains("\"minLength\":1") && !schema.description.contains("\"additionalProperties\":false"), "\(name)")
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
            "dry_run": [true, false], "confirmation": ["token"],
        ]
        for (name, values) in samples {
            let full = try JSONSchema(try #require(ControlParams.schemas[name]))
            let lean = try JSONSchema(try #require(ControlParams.leanSchemas[name]))
            for value in values {
                #expect(full.validate(value).isEmpty, "\(name) \(value) is a valid call")
                #expect(lean.validate(value).isEmpty, "the lean form of \(name) accepts \(value)")
            }
        }
        #expect(Set(samples.keys) == ControlParams.reserved.subtracting(ControlParams.callWide))
    }

    @Test("the instructions describe every control param once, and say which ones no schema lists")
    func instructionsCarryTheControlParams() {
        #expect(MCPProtocol.instructions.contains("timeout_ms and max_output_bytes on every tool"))
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
