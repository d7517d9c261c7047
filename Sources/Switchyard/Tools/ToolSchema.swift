/// The input schema a tool definition carries for an action: the params the manifest declares, as
/// written, plus the control params the action honours in their shortest correct form, closed to
/// anything else.
///
/// A client that validates arguments against it accepts every call the runtime accepts: the declared
/// params are the runtime's own schema, and each lean control form accepts every value the full one does
/// (the runtime still checks bounds and says what to fix). The meaning of the control params is told once,
/// in the server's instructions and in `describe`, not on every tool.
///
/// ```swift
/// let action = try catalog.requireAction("get", of: issues, in: jira)
/// ToolSchema.input(for: action)
/// // {"type": "object", "properties": {"issue": {…}, "fields": {"type": ["array", "string"]}, …}, "required": ["issue"], "additionalProperties": false}
/// ```
public enum ToolSchema {
    public static func input(for action: Action) -> JSONValue {
        guard var object = action.declaredParams.objectValue else { return action.params.json }
        var properties = object["properties"]?.objectValue ?? JSONObject()
        for name in ControlParams.names(for: action) {
            properties[name] = ControlParams.leanSchemas[name]
        }
        object["type"] = "object"
        object["properties"] = .object(properties)
        if object["additionalProperties"] == nil { object["additionalProperties"] = false }
        return .object(object)
    }
}
