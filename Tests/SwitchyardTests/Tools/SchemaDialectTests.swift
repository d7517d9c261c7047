import Testing
@testable import Switchyard
@testable import SwitchyardServer

@Suite("Schema dialects for agent frameworks")
struct SchemaDialectTests {
    static var actions: [(name: String, action: Action)] {
        LeanToolTests.catalog.connectors.flatMap { manifest in
            manifest.entities.flatMap { entity in entity.actions.map { ("\(manifest.name)_\(entity.name)_\($0.name)", $0) } }
        }
    }

    /// OpenAI strict function calling: every object closed with all its properties required; optionals
    /// nullable; every schema typed; no keywords outside the strict subset.
    static func openAIStrictProblems(_ schema: JSONValue, at path: String = "") -> [String] {
        guard let object = schema.objectValue else { return ["\(path): not an object schema"] }
        var problems: [String] = []
        let allowed: Set<String> = ["type", "description", "enum", "properties", "required", "additionalProperties", "items", "anyOf"]
        for key in object.map(\.key) where !allowed.contains(key) { problems.append("\(path): keyword '\(key)'") }
        if let branches = object["anyOf"]?.arrayValue {
            for (index, branch) in branches.enumerated() { problems += openAIStrictProblems(branch, at: "\(path)/anyOf/\(index)") }
            return problems
        }
        let types: [String]
        switch object["type"] {
        case .string(let type)?: types = [type]
        case .array(let list)?:
            types = list.compactMap(\.stringValue)
            if types.count != 2 || !types.contains("null") { problems.append("\(path): type list \(types) other than [T, null]") }
        default:
            return problems + ["\(path): no type"]
        }
        if types.contains("object") {
            let names = object["properties"]?.objectValue?.map(\.key) ?? []
            if object["additionalProperties"] != false { problems.append("\(path): additionalProperties is not false") }
            if Set(object["required"]?.arrayValue?.compactMap(\.stringValue) ?? []) != Set(names) { problems.append("\(path): not every property is required") }
            for property in object["properties"]?.objectValue ?? [:] { problems += openAIStrictProblems(property.value, at: "\(path)/\(property.key)") }
        }
        if types.contains("array") {
            guard let items = object["items"] else { return problems + ["\(path): array without items"] }
            problems += openAIStrictProblems(items, at: "\(path)[]")
        }
        return problems
    }

    /// Gemini's OpenAPI 3.0 subset: one type per schema, string enums, no additionalProperties.
    static func geminiProblems(_ schema: JSONValue, at path: String = "") -> [String] {
        guard let object = schema.objectValue else { return ["\(path): not an object schema"] }
        var problems: [String] = []
        let allowed: Set<String> = ["type", "description", "enum", "properties", "required", "items", "anyOf", "nullable", "minimum", "maximum", "minItems", "maxItems", "minLength", "maxLength"]
        for key in object.map(\.key) where !allowed.contains(key) { problems.append("\(path): keyword '\(key)'") }
        if let branches = object["anyOf"]?.arrayValue {
            for (index, branch) in branches.enumerated() { problems += geminiProblems(branch, at: "\(path)/anyOf/\(index)") }
            return problems
        }
        guard let type = object["type"]?.stringValue, ["string", "number", "integer", "boolean", "array", "object"].contains(type) else {
            return problems + ["\(path): type must be one of Gemini's types, got \(object["type"]?.displayText ?? "none")"]
        }
        if let values = object["enum"]?.arrayValue, type != "string" || !values.allSatisfy({ $0.stringValue != nil }) {
            problems.append("\(path): enum of non-strings")
        }
        if type == "object" {
            if (object["properties"]?.objectValue ?? [:]).isEmpty, path != "" { problems.append("\(path): object without properties") }
            for property in object["properties"]?.objectValue ?? [:] { problems += geminiProblems(property.value, at: "\(path)/\(property.key)") }
        }
        if type == "array" {
            guard let items = object["items"] else { return problems + ["\(path): array without items"] }
            problems += geminiProblems(items, at: "\(path)[]")
        }
        return problems
    }

    @Test("every bundled action's tool schema and full schema follow OpenAI's strict rules")
    func openAIStrict() {
        for (name, action) in Self.actions {
            for schema in [ToolSchema.input(for: action), action.params.json] {
                let problems = Self.openAIStrictProblems(SchemaDialect.openAIStrict.convert(schema))
                #expect(problems.isEmpty, "\(name): \(problems)")
            }
        }
    }

    @Test("every bundled action's tool schema and full schema fit Gemini's OpenAPI subset")
    func gemini() {
        for (name, action) in Self.actions {
            for schema in [ToolSchema.input(for: action), action.params.json] {
                let problems = Self.geminiProblems(SchemaDialect.gemini.convert(schema))
                #expect(problems.isEmpty, "\(name): \(problems)")
            }
        }
    }

    @Test("a call in a dialect's form maps back: null means absent, JSON text becomes the object")
    func normalize() throws {
        let update = try #require(LeanToolTests.catalog.connector("jira")?.entity("issues")?.action("update"))
        let mapped = SchemaDialect.openAIStrict.normalize(
            ["issue": "DEMO-1", "field_values": #"{"summary": "New"}"#, "update": .null, "notify_users": .null, "fields": .null],
            declared: update.params.json
        )
        #expect(mapped == ["issue": "DEMO-1", "field_values": ["summary": "New"]])
        let comment = try #require(LeanToolTests.catalog.connector("jira")?.entity("comments")?.action("add"))
        // Markdown that is not a JSON object stays text where text is allowed.
        let markdown = SchemaDialect.gemini.normalize(["issue": "DEMO-1", "body": "Plain **text**"], declared: comment.params.json)
        #expect(markdown["body"] == "Plain **text**")
        #expect(SchemaDialect.mcp.normalize(["a": .null], declared: comment.params.json) == ["a": .null])
    }

    @Test("calls made in each dialect succeed against the sandbox", arguments: [SchemaDialect.openAIStrict, .gemini])
    func callsInDialect(dialect: SchemaDialect) async throws {
        let harness = try await ServeHarness.start(configuration: ServeConfiguration(schemaDialect: dialect))
        harness.send(request(1, "tools/list"))
        let tools = try #require(await harness.reply(id: 1)?["result"]?["tools"]?.arrayValue)
        let update = try #require(tools.first { $0["name"] == "jira_issues_update" })
        let properties = try #require(update["inputSchema"]?["properties"]?.objectValue)
        // Every property, as a strict client sends them: null for those it leaves out.
        var arguments = JSONObject(properties.map { ($0.key, JSONValue.null) })
        arguments["issue"] = "DEMO-3"
        arguments["field_values"] = #"{"summary": "Renamed through a dialect"}"#
        if dialect == .gemini { arguments = ["issue": "DEMO-3", "field_values": #"{"summary": "Renamed through a dialect"}"#] }
        harness.send(request(2, "tools/call", ["name": "jira_issues_update", "arguments": .object(arguments)]))
        let result = try #require(await harness.reply(id: 2)?["result"])
        #expect(result["isError"] == false, "\(result)")
        harness.send(request(3, "tools/call", ["name": "jira_issues_get", "arguments": ["issue": "DEMO-3", "fields": ["fields.summary"]]]))
        #expect(await harness.reply(id: 3)?["result"]?["structuredContent"]?["data"]?["fields"]?["summary"] == "Renamed through a dialect")
        await harness.stop()
    }
}
