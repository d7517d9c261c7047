/// One call: which connector, entity and action, with what params.
///
/// The same shape is read from request files and JSON-RPC: `{"connector","entity","action","params"}`.
public struct ExecuteRequest: Sendable {
    public var connector: String
    public var entity: String
    public var action: String
    public var params: JSONValue

    public init(connector: String, entity: String, action: String, params: JSONValue = .object(JSONObject())) {
        self.connector = connector
        self.entity = entity
        self.action = action
        self.params = params
    }

    /// Reads `{"connector","entity","action","params"?}`, naming the field that is missing or mistyped.
    public init(json: JSONValue) throws(ExecutionError) {
        guard let object = json.objectValue else {
            throw ExecutionError(kind: .validation, message: "a request must be a JSON object with connector, entity, action and params; got \(json.typeName)")
        }
        func field(_ name: String) throws(ExecutionError) -> String {
            guard let value = object[name] else {
                throw ExecutionError(kind: .validation, message: "request is missing '\(name)'")
            }
            guard let text = value.stringValue else {
                throw ExecutionError(kind: .validation, message: "request field '\(name)' must be a string, got \(value.typeName)")
            }
            return text
        }
        let known: Set<String> = ["connector", "entity", "action", "params"]
        if let unknown = object.keys.first(where: { !known.contains($0) }) {
            throw ExecutionError(kind: .validation, message: "unknown request field '\(unknown)'; a request has connector, entity, action and params")
        }
        self.init(
            connector: try field("connector"), entity: try field("entity"), action: try field("action"),
            params: object["params"] ?? .object(JSONObject())
        )
    }
}
