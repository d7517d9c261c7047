/// The control params of one call, taken out of its params so only the action's own params reach the
/// request templates.
struct CallOptions {
    var selection: FieldSelection
    var rawText: Bool
    var limit: Int
    var cursor: String?
    var timeout: Duration?
    var maximumOutputBytes: Int
    var dryRun: Bool
    var confirmation: String?

    /// Removes the control params from `params` and reads them.
    static func extract(from params: inout JSONObject, action: Action) throws(ExecutionError) -> CallOptions {
        let names = ControlParams.names(for: action)
        var taken = JSONObject()
        for name in names {
            if let value = params[name] { taken[name] = value }
            params[name] = nil
        }
        return CallOptions(
            selection: try selection(taken[ControlParams.fields], defaults: action.response.defaultSelection),
            rawText: taken[ControlParams.textFormat] == "raw",
            limit: taken[ControlParams.limit]?.intValue ?? ControlParams.defaultLimit,
            cursor: taken[ControlParams.cursor]?.stringValue,
            timeout: taken[ControlParams.timeout]?.intValue.map { .milliseconds($0) },
            maximumOutputBytes: taken[ControlParams.maximumOutputBytes]?.intValue ?? ControlParams.defaultMaximumOutputBytes,
            dryRun: taken[ControlParams.dryRun]?.boolValue ?? false,
            confirmation: taken[ControlParams.confirmation]?.stringValue
        )
    }

    private static func selection(_ value: JSONValue?, defaults: FieldSelection) throws(ExecutionError) -> FieldSelection {
        switch value {
        case nil:
            return defaults
        case .string(let text)?:
            return FieldSelection(paths: text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty })
        case .array(let elements)?:
            return FieldSelection(paths: elements.compactMap(\.stringValue))
        default:
            throw ExecutionError(kind: .validation, message: "param 'fields' must be an array of dot paths or a comma-separated string")
        }
    }
}
