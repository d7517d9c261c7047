import Switchyard

/// The params of the native `export` method, read into an ``ExportRequest``; a problem names the param.
///
/// ```json
/// {"jsonrpc": "2.0", "id": 1, "method": "export",
///  "params": {"connector": "confluence", "selectors": {"space_key": "ENG", "label": "runbook"},
///             "since": "2025-06-01", "checkpoint": null, "_meta": {"progressToken": "e1"}}}
/// ```
enum ExportParams {
    static let names = ["connector", "entity", "selectors", "since", "comments", "attachments", "deletions", "checkpoint"]

    static func request(from params: JSONObject) throws(JSONRPCError) -> ExportRequest {
        for member in params where member.key != "_meta" && !names.contains(member.key) {
            throw .invalidParams("export takes \(names.joined(separator: ", ")); unknown param '\(member.key)'")
        }
        guard let connector = params["connector"]?.stringValue else {
            throw .invalidParams("export needs 'connector', a string such as \"jira\"")
        }
        var request = ExportRequest(connector: connector)
        if let entity = params["entity"] {
            guard let name = entity.stringValue else { throw .invalidParams("export param 'entity' must be a string, got \(entity.typeName)") }
            request.entity = name
        }
        if let selectors = params["selectors"] {
            guard let object = selectors.objectValue else {
                throw .invalidParams("export param 'selectors' must be an object of selector name → string, e.g. {\"jql\": \"project = DEMO\"}")
            }
            for member in object {
                guard let value = member.value.stringValue else {
                    throw .invalidParams("export selector '\(member.key)' must be a string, got \(member.value.typeName)")
                }
                request.selectors.append((member.key, value))
            }
        }
        if let since = params["since"], !since.isNull {
            guard let text = since.stringValue, let date = ExportTimestamp.parseUserText(text) else {
                throw .invalidParams("export param 'since' must be a time such as \"2025-06-02\", \"2025-06-02 09:30\" (UTC) or ISO 8601")
            }
            request.since = date
        }
        for flag in ["comments", "attachments", "deletions"] {
            guard let value = params[flag] else { continue }
            guard let on = value.boolValue else { throw .invalidParams("export param '\(flag)' must be a boolean, got \(value.typeName)") }
            switch flag {
            case "comments": request.comments = on
            case "attachments": request.attachments = on
            default: request.tracksDeletions = on
            }
        }
        if let checkpoint = params["checkpoint"], !checkpoint.isNull {
            do {
                request.checkpoint = try ExportCheckpoint(json: checkpoint)
            } catch {
                throw .invalidParams("export param 'checkpoint': \(error.message)")
            }
        }
        return request
    }
}
