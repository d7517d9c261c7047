extension SchemaDialect {
    /// `arguments` made in this dialect, mapped back to the form the runtime validates against `declared`
    /// (the action's own schema): a `null` for a param the schema does not require is dropped (absent), and
    /// a string where the schema wants an object is parsed as JSON text. Anything else is left for the
    /// runtime's validation to judge, so a wrong call still gets an error naming the param.
    public func normalize(_ arguments: JSONValue, declared: JSONValue) -> JSONValue {
        guard self != .mcp else { return arguments }
        return Self.normalizeValue(arguments, schema: declared)
    }

    private static func normalizeValue(_ value: JSONValue, schema: JSONValue) -> JSONValue {
        guard let object = schema.objectValue else { return value }
        switch value {
        case .object(let members):
            let properties = object["properties"]?.objectValue ?? JSONObject()
            let required = Set(object["required"]?.arrayValue?.compactMap(\.stringValue) ?? [])
            var result = JSONObject()
            for member in members {
                if member.value.isNull, !required.contains(member.key) { continue }
                let propertySchema = properties[member.key] ?? (object["additionalProperties"]?.objectValue.map(JSONValue.object) ?? .object(JSONObject()))
                result[member.key] = normalizeValue(member.value, schema: propertySchema)
            }
            return .object(result)
        case .array(let elements):
            guard let items = object["items"] else { return value }
            return .array(elements.map { normalizeValue($0, schema: items) })
        case .string(let text):
            guard wantsObject(object), !acceptsString(object) || looksLikeObject(text),
                  let parsed = try? JSONValue(parsing: text), parsed.objectValue != nil else { return value }
            return parsed
        default:
            return value
        }
    }

    /// Whether the schema (or one of its branches) takes an object.
    private static func wantsObject(_ object: JSONObject) -> Bool {
        if types(of: object).contains("object") { return true }
        let branches = (object["anyOf"]?.arrayValue ?? []) + (object["oneOf"]?.arrayValue ?? [])
        return branches.contains { $0.objectValue.map(wantsObject) ?? false }
    }

    private static func acceptsString(_ object: JSONObject) -> Bool {
        if types(of: object).contains("string") { return true }
        let branches = (object["anyOf"]?.arrayValue ?? []) + (object["oneOf"]?.arrayValue ?? [])
        return branches.contains { $0.objectValue.map(acceptsString) ?? false }
    }

    /// Text that is a JSON object, where plain text (Markdown) is also allowed.
    private static func looksLikeObject(_ text: String) -> Bool {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.hasPrefix("{") && trimmed.hasSuffix("}")
    }
}
