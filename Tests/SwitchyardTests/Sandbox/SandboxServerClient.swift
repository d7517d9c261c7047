import AsyncHTTPClient
import AtlassianSandbox
import NIOCore
import NIOHTTP1
import Switchyard

/// Makes real loopback HTTP calls to a sandbox, authenticated as the demo user unless told otherwise.
struct SandboxServerClient {
    /// A response read in full, with the body parsed as JSON on demand.
    struct Response {
        let status: Int
        let headers: HTTPHeaders
        let body: [UInt8]

        var json: JSONValue {
            get throws { try JSONValue(parsing: body) }
        }

        var text: String { String(decoding: body, as: UTF8.self) }

        func header(_ name: String) -> String? { headers.first(name: name) }
    }

    let server: SandboxServer

    func send(
        _ method: HTTPMethod,
        _ target: String,
        json: JSONValue? = nil,
        body: String? = nil,
        headers: [(String, String)] = [],
        authorization: String? = SandboxCredentials.basicAuthorization
    ) async throws -> Response {
        let url = target.hasPrefix("http") ? target : server.baseURL + target
        var request = HTTPClientRequest(url: url)
        request.method = method
        if let authorization { request.headers.add(name: "Authorization", value: authorization) }
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        if let json {
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(json.serializedBytes())
        } else if let body {
            request.body = .bytes(Array(body.utf8))
        }
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(10))
        let bytes = try await response.body.collect(upTo: 64 * 1_024 * 1_024)
        return Response(status: Int(response.status.code), headers: response.headers, body: Array(buffer: bytes))
    }

    func get(_ target: String, authorization: String? = SandboxCredentials.basicAuthorization) async throws -> Response {
        try await send(.GET, target, authorization: authorization)
    }

    /// Percent-encodes a query value, keeping only RFC 3986 unreserved characters.
    static func encode(_ value: String) -> String {
        var encoded = ""
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
                encoded.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                encoded += "%" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return encoded
    }
}

/// Runs `body` against a fresh sandbox server and always shuts it down afterwards.
func withSandboxServer(_ body: (SandboxServer, SandboxServerClient) async throws -> Void) async throws {
    let server = try await SandboxServer.start()
    do {
        try await body(server, SandboxServerClient(server: server))
    } catch {
        try await server.shutdown()
        throw error
    }
    try await server.shutdown()
}
