import Switchyard

/// The JSON form of a fault used by the `/__sandbox/faults` control endpoint.
///
/// ```json
/// {"kind": "status", "status": 429, "headers": {"Retry-After": "1"}, "method": "GET",
///  "pathPrefix": "/rest/api/3/issue", "count": 2}
/// {"kind": "delay", "milliseconds": 250}
/// {"kind": "hugeBody", "bytes": 1048576}
/// ```
/// Other kinds: `resetConnection`, `truncatedBody`, `invalidJSON`. `count` defaults to 1.
extension SandboxFault {
    /// A description of what is wrong with a fault's JSON form.
    struct DecodingError: Error {
        let message: String
    }

    init(json: JSONValue) throws(DecodingError) {
        guard let object = json.objectValue else { throw DecodingError(message: "A fault must be a JSON object.") }
        guard let kindName = object["kind"]?.stringValue else {
            throw DecodingError(message: "A fault needs a string 'kind'.")
        }
        let kind = try Self.kind(named: kindName, in: object)
        let count = object["count"].flatMap(\.intValue) ?? 1
        guard count >= 1 else { throw DecodingError(message: "'count' must be at least 1.") }
        self.init(kind, method: object["method"]?.stringValue, pathPrefix: object["pathPrefix"]?.stringValue, count: count)
    }

    var json: JSONValue {
        var object: JSONObject = [:]
        switch kind {
        case .status(let status, let headers, let body):
            object["kind"] = "status"
            object["status"] = .number(JSONNumber(status))
            object["headers"] = .object(JSONObject(headers.sorted { $0.key < $1.key }.map { ($0.key, JSONValue.string($0.value)) }))
            object["body"] = body.map(JSONValue.string) ?? .null
        case .delay(let milliseconds):
            object["kind"] = "delay"
            object["milliseconds"] = .number(JSONNumber(milliseconds))
        case .resetConnection:
            object["kind"] = "resetConnection"
        case .truncatedBody:
            object["kind"] = "truncatedBody"
        case .invalidJSON:
            object["kind"] = "invalidJSON"
        case .hugeBody(let bytes):
            object["kind"] = "hugeBody"
            object["bytes"] = .number(JSONNumber(bytes))
        }
        object["method"] = method.map(JSONValue.string) ?? .null
        object["pathPrefix"] = pathPrefix.map(JSONValue.string) ?? .null
        object["count"] = .number(JSONNumber(count))
        return .object(object)
    }

    private static func kind(named name: String, in object: JSONObject) throws(DecodingError) -> Kind {
        switch name {
        case "status":
            guard let status = object["status"]?.intValue, (100...599).contains(status) else {
                throw DecodingError(message: "A 'status' fault needs an integer 'status' between 100 and 599.")
            }
            var headers: [String: String] = [:]
            for member in object["headers"]?.objectValue ?? [:] {
                guard let value = member.value.stringValue else {
                    throw DecodingError(message: "Header '\(member.key)' must have a string value.")
                }
                headers[member.key] = value
            }
            return .status(status, headers: headers, body: object["body"]?.stringValue)
        case "delay":
            guard let milliseconds = object["milliseconds"]?.intValue, (0...600_000).contains(milliseconds) else {
                throw DecodingError(message: "A 'delay' fault needs 'milliseconds' between 0 and 600000.")
            }
            return .delay(milliseconds: milliseconds)
        case "resetConnection":
            return .resetConnection
        case "truncatedBody":
            return .truncatedBody
        case "invalidJSON":
            return .invalidJSON
        case "hugeBody":
            guard let bytes = object["bytes"]?.intValue, bytes >= 2 else {
                throw DecodingError(message: "A 'hugeBody' fault needs an integer 'bytes' of at least 2.")
            }
            return .hugeBody(bytes: bytes)
        default:
            throw DecodingError(
                message: "Unknown fault kind '\(name)'. Use status, delay, resetConnection, truncatedBody, invalidJSON or hugeBody."
            )
        }
    }
}
