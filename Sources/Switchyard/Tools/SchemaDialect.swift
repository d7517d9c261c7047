/// The JSON Schema dialects agent frameworks accept for tool params, and the mapping between them.
///
/// - `mcp`: standard JSON Schema, as the runtime validates it.
/// - `openai-strict`: OpenAI's strict function calling. Every object lists all its properties in `required`
///   and sets `additionalProperties: false`, so an optional param becomes nullable and `null` means absent;
///   no `oneOf`, `allOf`, type lists or string and number constraints.
/// - `gemini`: Gemini's OpenAPI 3.0 subset. One `type` per schema, `nullable`, string-only `enum`, no
///   `additionalProperties`, `const`, `oneOf` or `allOf`.
///
/// An object with free-form members (such as Jira's `field_values`) cannot be said in either strict
/// dialect; it becomes a string holding the object as JSON text. ``normalize(_:declared:)`` maps a call
/// back before validation: a `null` that stands for an absent param is dropped, JSON text is parsed.
/// Constraints a dialect cannot carry are dropped, never tightened: the runtime still checks them and
/// names the param to fix.
///
/// ```swift
/// let schema = SchemaDialect.openAIStrict.convert(ToolSchema.input(for: action))
/// let params = SchemaDialect.openAIStrict.normalize(["issue": "DEMO-1", "fields": nil], declared: action.params.json)
/// // ["issue": "DEMO-1"]
/// ```
public enum SchemaDialect: String, Sendable, CaseIterable {
    case mcp
    case openAIStrict = "openai-strict"
    case gemini

    /// `schema` (a tool's input schema) in this dialect.
    public func convert(_ schema: JSONValue) -> JSONValue {
        guard self != .mcp else { return schema }
        return convertNode(schema, nullable: false)
    }

    /// What this dialect keeps of a schema, besides the structure it rebuilds.
    private var keptKeywords: Set<String> {
        switch self {
        case .mcp: []
        case .openAIStrict: ["description", "enum"]
        case .gemini: ["description", "enum", "minimum", "maximum", "minItems", "maxItems", "minLength", "maxLength"]
        }
    }

    private func convertNode(_ schema: JSONValue, nullable: Bool) -> JSONValue {
        guard var object = schema.objectValue else { return nullableString(description: nil, nullable: nullable) }
        if let branches = (object["allOf"]?.arrayValue).map(Self.merged) {
            object = branches
        }
        if let const = object["const"] {
            object["enum"] = [const]
            object["const"] = nil
        }
        let description = object["description"]?.stringValue
        var branches = object["anyOf"]?.arrayValue ?? object["oneOf"]?.arrayValue
        let types = Self.types(of: object)
        // Branches beside a schema's own type only add constraints ("give field_values or update"),
        // which neither strict dialect can say: the runtime still checks them.
        if branches != nil, !types.isEmpty {
            branches = nil
        }
        if branches == nil, types.count > 1 {
            let split = types.map { type -> JSONValue in
                var branch = object
                branch["type"] = .string(type)
                branch["description"] = nil
                return .object(branch)
            }
            return anyOf(split, description: description, nullable: nullable)
        }
        if let branches {
            return anyOf(branches, description: description, nullable: nullable)
        }
        let type = types.first
        if type == "object", Self.isFreeForm(object) {
            return nullableString(description: Self.jsonTextNote(description), nullable: nullable)
        }
        var converted = JSONObject()
        if let type { converted["type"] = .string(type) }
        for keyword in keptKeywords.sorted() where object[keyword] != nil {
            converted[keyword] = object[keyword]
        }
        if self == .gemini, let values = converted["enum"]?.arrayValue, !values.allSatisfy({ $0.stringValue != nil }) {
            converted["enum"] = nil
            converted["description"] = .string([description, "One of: \(values.map(\.displayText).joined(separator: ", "))."].compactMap { $0 }.joined(separator: " "))
        }
        if type == "array" {
            converted["items"] = convertNode(object["items"] ?? ["type": "string"], nullable: false)
        }
        if type == "object" {
            let properties = object["properties"]?.objectValue ?? JSONObject()
            let required = Set(object["required"]?.arrayValue?.compactMap(\.stringValue) ?? [])
            var convertedProperties = JSONObject()
            for property in properties {
                let optional = !required.contains(property.key)
                convertedProperties[property.key] = convertNode(property.value, nullable: self == .openAIStrict && optional)
            }
            converted["properties"] = .object(convertedProperties)
            switch self {
            case .openAIStrict:
                converted["required"] = .array(properties.map { .string($0.key) })
                converted["additionalProperties"] = false
            case .gemini, .mcp:
                let kept = properties.map(\.key).filter(required.contains)
                if !kept.isEmpty { converted["required"] = .array(kept.map(JSONValue.string)) }
            }
        }
        if type == nil, converted["enum"] == nil {
            // A schema that accepts anything: the closest either dialect can say is text.
            return nullableString(description: description, nullable: nullable)
        }
        return makeNullable(.object(converted), nullable: nullable)
    }

    private func anyOf(_ branches: [JSONValue], description: String?, nullable: Bool) -> JSONValue {
        var converted: [JSONValue] = []
        for branch in branches {
            let next = convertNode(branch, nullable: false)
            if !converted.contains(next) { converted.append(next) }
        }
        // Branches that became the same (Markdown text, or an ADF object as JSON text) collapse into one.
        let strings = converted.filter { $0["type"] == "string" && $0["enum"] == nil }
        if strings.count > 1 {
            let notes = strings.compactMap { $0["description"]?.stringValue }
            converted.removeAll { $0["type"] == "string" && $0["enum"] == nil }
            var merged: JSONObject = ["type": "string"]
            if !notes.isEmpty { merged["description"] = .string(notes.joined(separator: "; or ")) }
            converted.insert(.object(merged), at: 0)
        }
        var result: JSONValue
        if converted.count == 1, case .object(var only) = converted[0] {
            if let description { only["description"] = .string([description, only["description"]?.stringValue].compactMap { $0 }.joined(separator: " ")) }
            result = .object(only)
        } else {
            var object: JSONObject = ["anyOf": .array(converted)]
            if let description { object["description"] = .string(description) }
            result = .object(object)
        }
        return makeNullable(result, nullable: nullable)
    }

    private func nullableString(description: String?, nullable: Bool) -> JSONValue {
        var object: JSONObject = ["type": "string"]
        if let description { object["description"] = .string(description) }
        return makeNullable(.object(object), nullable: nullable)
    }

    /// In `openai-strict`, an optional param takes `null` for "absent"; in `gemini` it may simply be left out.
    private func makeNullable(_ schema: JSONValue, nullable: Bool) -> JSONValue {
        guard nullable, self == .openAIStrict, case .object(var object) = schema else { return schema }
        if var branches = object["anyOf"]?.arrayValue {
            branches.append(["type": "null"])
            object["anyOf"] = .array(branches)
        } else if let type = object["type"]?.stringValue {
            object["type"] = [.string(type), "null"]
            if var values = object["enum"]?.arrayValue {
                values.append(.null)
                object["enum"] = .array(values)
            }
        }
        return .object(object)
    }

    static func types(of object: JSONObject) -> [String] {
        switch object["type"] {
        case .string(let type)?: [type]
        case .array(let types)?: types.compactMap(\.stringValue).filter { $0 != "null" }
        default:
            if object["properties"] != nil { ["object"] }
            // An enum says its type through its values.
            else if let values = object["enum"]?.arrayValue, let first = values.first(where: { !$0.isNull }),
                    values.allSatisfy({ $0.isNull || $0.typeName == first.typeName }) { [first.typeName] }
            else { [] }
        }
    }

    /// An object whose members are not all named: only JSON text can carry it in a strict dialect.
    static func isFreeForm(_ object: JSONObject) -> Bool {
        let properties = object["properties"]?.objectValue ?? JSONObject()
        return properties.isEmpty || (object["additionalProperties"] != nil && object["additionalProperties"] != false)
    }

    private static func jsonTextNote(_ description: String?) -> String {
        [description, "Give it as JSON text, e.g. \"{\\\"key\\\": \\\"value\\\"}\"."].compactMap { $0 }.joined(separator: " ")
    }

    /// `allOf` branches folded into one schema: properties and `required` joined, other keywords kept from
    /// the first branch that has them.
    private static func merged(_ branches: [JSONValue]) -> JSONObject {
        var result = JSONObject()
        var properties = JSONObject()
        var required: [JSONValue] = []
        for branch in branches.compactMap(\.objectValue) {
            for member in branch {
                switch member.key {
                case "properties": for property in member.value.objectValue ?? [:] { properties[property.key] = property.value }
                case "required": required += member.value.arrayValue ?? []
                default: if result[member.key] == nil { result[member.key] = member.value }
                }
            }
        }
        if !properties.isEmpty { result["properties"] = .object(properties) }
        if !required.isEmpty { result["required"] = .array(required) }
        return result
    }
}
