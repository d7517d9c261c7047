import Switchyard

/// One incoming JSON-RPC 2.0 message, classified by the rules of the spec.
enum JSONRPCMessage {
    /// A call that expects a reply; `id` is a string or number, echoed back exactly.
    case request(id: JSONValue, method: String, params: JSONValue?)
    /// A call without an id: it never gets a reply, not even an error.
    case notification(method: String, params: JSONValue?)
    /// A reply from the client to something the server sent; the server sends no requests, so it is ignored.
    case response
    /// Not a valid request; answered with this error and the id when one could be read (else `null`).
    case invalid(id: JSONValue, error: JSONRPCError)

    init(_ value: JSONValue) {
        guard let object = value.objectValue else {
            self = .invalid(id: .null, error: .invalidRequest("a request must be a JSON object, got \(value.typeName)"))
            return
        }
        let id = object["id"]
        let validID: JSONValue?
        switch id {
        case nil: validID = nil
        case .string?, .number?, .null?: validID = id
        case let other?:
            self = .invalid(id: .null, error: .invalidRequest("'id' must be a string or a number, got \(other.typeName)"))
            return
        }
        guard object["jsonrpc"] == "2.0" else {
            self = .invalid(id: validID ?? .null, error: .invalidRequest("'jsonrpc' must be exactly \"2.0\""))
            return
        }
        guard let methodValue = object["method"] else {
            if object["result"] != nil || object["error"] != nil {
                self = .response
            } else {
                self = .invalid(id: validID ?? .null, error: .invalidRequest("missing 'method'"))
            }
            return
        }
        guard let method = methodValue.stringValue else {
            self = .invalid(id: validID ?? .null, error: .invalidRequest("'method' must be a string, got \(methodValue.typeName)"))
            return
        }
        let params = object["params"]
        if let params, params.objectValue == nil, params.arrayValue == nil {
            self = .invalid(id: validID ?? .null, error: .invalidRequest("'params' must be an object or an array, got \(params.typeName)"))
            return
        }
        if let validID {
            self = .request(id: validID, method: method, params: params)
        } else {
            self = .notification(method: method, params: params)
        }
    }
}

/// Builds outgoing JSON-RPC messages.
public enum JSONRPCReply {
    public static func result(id: JSONValue, _ result: JSONValue) -> JSONValue {
        ["jsonrpc": "2.0", "id": id, "result": result]
    }

    public static func error(id: JSONValue, _ error: JSONRPCError) -> JSONValue {
        ["jsonrpc": "2.0", "id": id, "error": error.json]
    }

    public static func notification(_ method: String, params: JSONValue) -> JSONValue {
        ["jsonrpc": "2.0", "method": .string(method), "params": params]
    }
}
