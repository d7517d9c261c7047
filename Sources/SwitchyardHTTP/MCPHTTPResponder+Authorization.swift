import Foundation
import HTTPTypes
import Hummingbird
import Switchyard
import SwitchyardServer

/// Who may use the endpoint: server API keys, and the challenges and resource metadata (RFC 9728) that tell a
/// client how to authenticate.
extension MCPHTTPResponder {
    /// `nil` when the request presents a server API key; else 401, or 429 once its address has failed too often.
    func checkAPIKey(_ request: Request, keys: APIKeys, address: String) -> Response? {
        if let wait = failures.retryAfter(for: address) {
            var response = refuse(429, .invalidRequest("too many requests with a wrong or missing API key from this address; try again later"))
            response.headers[.retryAfter] = String(max(1, wait.components.seconds))
            return response
        }
        var presented = request.headers[.switchyardAPIKey]
        if presented == nil, configuration.auth == .server, let authorization = request.headers[.authorization],
           authorization.lowercased().hasPrefix("bearer ") {
            presented = String(authorization.dropFirst(7)).trimmingCharacters(in: .whitespaces)
        }
        if let presented, keys.accepts(presented) { return nil }
        failures.recordFailure(from: address)
        var response = refuse(401, .invalidRequest(presented == nil
            ? "this server needs an API key: send it as X-Switchyard-Api-Key\(configuration.auth == .server ? " or Authorization: Bearer <key>" : "")"
            : "the API key is not valid"))
        response.headers[.wwwAuthenticate] = "Bearer realm=\"switchyard\""
        return response
    }

    static let resourceMetadataPath = "/.well-known/oauth-protected-resource"

    /// The endpoint's public URL, as the client reached it.
    private func resourceURL(_ request: Request) -> String {
        "\(configuration.tls == nil ? "http" : "https")://\(request.head.authority ?? "\(configuration.host):\(configuration.port)")\(configuration.path)"
    }

    /// Protected Resource Metadata (RFC 9728): what this endpoint is and who issues its tokens.
    func resourceMetadata(_ request: Request) -> JSONObject {
        var metadata: JSONObject = [
            "resource": .string(resourceURL(request)), "resource_name": "Switchyard",
            "bearer_methods_supported": ["header"],
        ]
        if !configuration.authorizationServers.isEmpty {
            metadata["authorization_servers"] = .array(configuration.authorizationServers.map(JSONValue.string))
        }
        return metadata
    }

    /// The `WWW-Authenticate` challenges of a 401: Bearer pointing at the resource metadata, and Basic.
    func challenges(_ request: Request) -> HTTPFields {
        let authority = request.head.authority ?? "\(configuration.host):\(configuration.port)"
        let metadata = "\(configuration.tls == nil ? "http" : "https")://\(authority)\(Self.resourceMetadataPath)\(configuration.path)"
        var fields = HTTPFields()
        fields.append(HTTPField(name: .wwwAuthenticate, value: "Bearer realm=\"switchyard\", resource_metadata=\"\(metadata)\""))
        fields.append(HTTPField(name: .wwwAuthenticate, value: "Basic realm=\"switchyard\""))
        return fields
    }
}
