/// The input schema a tool definition carries for an action: the params the manifest declares, plus the
/// control params the action honours in their shortest correct form, less the call-wide ones
/// (`timeout_ms`, `max_output_bytes`) that every tool takes and the server's instructions describe once.
///
/// A client that validates arguments against it accepts every call the runtime accepts, as the schema stays
/// open to params it does not list: the declared
/// params are the runtime's own schema less two constraints that tell a model nothing (`minLength: 1`, and
/// `additionalProperties: false`, as the runtime refuses an unknown param by name), and each lean control
/// form accepts every value the full one does (the runtime still checks bounds and says what to fix). The
/// meaning of the control params is told once, in the server's instructions and in `describe`, not on every tool.
///
/// ```swift
/// let action = try catalog.requireAction("get", of: issues, in: jira)
/// ToolSchema.input(for: action)
/// // {"type": "object", "properties": {"issue": {"type": "string", …}, "fields": {"type": ["array", "string"]}, …}, "required": ["issue"]}
/// ```
public enum ToolSchema {
    public static func input(for action: Action) -> JSONValue {
        guard case .object(var object) = loosened(action.declaredParams) else { return action.params.json }
        var properties = object["properties"]?.objectValue ?? JSONObject()
        for name in ControlParams.names(for: action) where !ControlParams.callWide.contains(name) {
            properties[name] = ControlParams.leanSchemas[name]
        }
        object["type"] = "object"
        object["properties"] = .object(properties)
        return .object(object)
    }

    /// `schema` without `minLength: 1` and `additionalProperties: false`, at every depth.
    private static func loosened(_ schema: JSONValue) -> JSONValue {
        switch schema {
        case .object(let object):
            var result = JSONObject()
            for member in object {
                switch member.key {
                case "minLength" where member.value == 1, "additionalProperties" where member.value == false:
                    continue
                case "properties":
                    // Property names are data: each property's schema is loosened, not the names.
                    result[member.key] = member.value.objectValue.map { .object(JSONObject($0.map { ($0.key, loosened($0.value)) })) } ?? member.value
                case "enum", "const", "default", "examples":
                    result[member.key] = member.value
                default:
                    result[member.key] = loosened(member.value)
                }
            }
            return .object(result)
        case .array(let elements):
            return .array(elements.map(loosened))
        default:
            return schema
        }
    }
}
