import HTTPTypes
import Switchyard
import SwitchyardServer

/// The routing headers of the stateless MCP revision (2026-07-28): `MCP-Protocol-Version`, `Mcp-Method`
/// and `Mcp-Name` let a load balancer route a request without reading its body, so they must say what the
/// body says.
///
/// A request of that revision (its version in `params._meta`) must carry the version and method headers;
/// any request that carries one must match its body. `Mcp-Name` names the tool of `tools/call`.
///
/// ```swift
/// RoutingHeaders(request.headers).mismatch(with: message)   // "Mcp-Method header 'tools/list' does not match …"
/// ```
struct RoutingHeaders {
    let protocolVersion: String?
    let method: String?
    let name: String?

    init(_ headers: HTTPFields) {
        protocolVersion = headers[.mcpProtocolVersion]
        method = headers[.mcpMethod]
        name = headers[.mcpName]
    }

    /// What disagrees, or `nil`. A batch is checked only for headers that name no single message.
    func mismatch(with message: JSONValue) -> String? {
        guard message.objectValue != nil else {
            return method == nil && name == nil ? nil : "Mcp-Method and Mcp-Name name one message; a batch cannot carry them"
        }
        let bodyMethod = message["method"]?.stringValue
        let bodyVersion = message["params"]?["_meta"]?[MCPProtocol.protocolVersionKey]?.stringValue
        if let bodyVersion {
            guard let protocolVersion else {
                return "a \(bodyVersion) request must carry the MCP-Protocol-Version header"
            }
            guard protocolVersion == bodyVersion else {
                return "MCP-Protocol-Version header '\(protocolVersion)' does not match the request's _meta version '\(bodyVersion)'"
            }
            guard method != nil || bodyMethod == nil else {
                return "a \(bodyVersion) request must carry the Mcp-Method header"
            }
        }
        if let method, method != bodyMethod {
            return "Mcp-Method header '\(method)' does not match the body's method '\(bodyMethod ?? "none")'"
        }
        if let name, bodyMethod == "tools/call", let tool = message["params"]?["name"]?.stringValue, name != tool {
            return "Mcp-Name header '\(name)' does not match the tool called, '\(tool)'"
        }
        return nil
    }
}
