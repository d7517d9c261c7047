import Switchyard

/// A JSON-RPC 2.0 error object: a code, a message, and optional data.
public struct JSONRPCError: Error, Sendable, Hashable {
    public let code: Int
    public let message: String
    public let data: JSONValue?

    public init(code: Int, message: String, data: JSONValue? = nil) {
        self.code = code
        self.message = message
        self.data = data
    }

    public static func parseError(_ message: String) -> JSONRPCError {
        JSONRPCError(code: -32700, message: "Parse error: \(message)")
    }

    public static func invalidRequest(_ message: String) -> JSONRPCError {
        JSONRPCError(code: -32600, message: "Invalid Request: \(message)")
    }

    public static func methodNotFound(_ method: String) -> JSONRPCError {
        JSONRPCError(code: -32601, message: "Method not found: \(method)", data: ["method": .string(method)])
    }

    public static func invalidParams(_ message: String, data: JSONValue? = nil) -> JSONRPCError {
        JSONRPCError(code: -32602, message: "Invalid params: \(message)", data: data)
    }

    public static func internalError(_ message: String) -> JSONRPCError {
        JSONRPCError(code: -32603, message: "Internal error: \(message)")
    }

    /// MCP's error for a protocol version the server does not speak.
    public static func unsupportedProtocolVersion(requested: String, supported: [String]) -> JSONRPCError {
        JSONRPCError(
            code: -32022,
            message: "Unsupported protocol version \(requested); this server speaks \(supported.joined(separator: ", "))",
            data: ["supported": .array(supported.map(JSONValue.string)), "requested": .string(requested)]
        )
    }

    /// MCP's error for HTTP routing headers (`Mcp-Method`, `Mcp-Name`, `MCP-Protocol-Version`) that
    /// disagree with the body.
    public static func headerMismatch(_ message: String) -> JSONRPCError {
        JSONRPCError(code: -32020, message: message)
    }

    /// A short name for an error code, for metrics labels.
    public static func kindName(code: Int) -> String {
        switch code {
        case -32700: "parse_error"
        case -32600: "invalid_request"
        case -32601: "method_not_found"
        case -32602: "invalid_params"
        case -32603: "internal_error"
        case -32020: "header_mismatch"
        case -32022: "unsupported_protocol_version"
        default: "server_error"
        }
    }

    var json: JSONValue {
        var object: JSONObject = ["code": .number(JSONNumber(code)), "message": .string(message)]
        if let data { object["data"] = data }
        return .object(object)
    }
}
