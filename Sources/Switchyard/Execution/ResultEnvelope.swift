/// What every execute returns: `{ok: true, status, data, next?, truncated?, meta}` on success, or
/// `{ok: false, error: {kind, message, status?, details, retryable}}` on failure.
///
/// ```swift
/// let envelope = await runtime.execute(ExecuteRequest(connector: "jira", entity: "issues", action: "get", params: ["issue": "DEMO-1"]))
/// print(envelope.json.serialized())
/// ```
public enum ResultEnvelope: Sendable {
    case success(ExecutionResult)
    case failure(ExecutionError, meta: JSONObject)

    public var isSuccess: Bool {
        if case .success = self { return true }
        return false
    }

    public var error: ExecutionError? {
        if case .failure(let error, _) = self { return error }
        return nil
    }

    public var result: ExecutionResult? {
        if case .success(let result) = self { return result }
        return nil
    }

    public var json: JSONValue {
        switch self {
        case .success(let result):
            var object: JSONObject = ["ok": true]
            if let status = result.status { object["status"] = .number(JSONNumber(status)) }
            object["data"] = result.data
            if let next = result.next { object["next"] = .string(next) }
            if result.truncated { object["truncated"] = true }
            object["meta"] = .object(result.meta)
            return .object(object)
        case .failure(let error, let meta):
            var object: JSONObject = ["ok": false, "error": error.json]
            if !meta.isEmpty { object["meta"] = .object(meta) }
            return .object(object)
        }
    }
}

/// The successful outcome of an execute.
public struct ExecutionResult: Sendable {
    /// The HTTP status of the last response; `nil` for a dry run, which sends nothing.
    public var status: Int?
    public var data: JSONValue
    /// Pass back as `cursor` to continue; present when records remain beyond `limit` or the output budget.
    public var next: String?
    public var truncated: Bool
    public var meta: JSONObject
}
