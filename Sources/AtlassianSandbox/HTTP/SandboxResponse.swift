import NIOHTTP1
import Switchyard

/// A complete response a route produces; the server adds `Content-Length` and connection headers.
///
/// ```swift
/// return .json(["key": "DEMO-1"], status: .created)
/// ```
struct SandboxResponse: Sendable {
    var status: HTTPResponseStatus
    var headers: HTTPHeaders
    var body: [UInt8]

    static let jsonContentType = "application/json;charset=UTF-8"

    init(status: HTTPResponseStatus, headers: HTTPHeaders = [:], body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    static func json(_ value: JSONValue, status: HTTPResponseStatus = .ok, headers: HTTPHeaders = [:]) -> SandboxResponse {
        var headers = headers
        headers.replaceOrAdd(name: "Content-Type", value: jsonContentType)
        return SandboxResponse(status: status, headers: headers, body: value.serializedBytes())
    }

    static func text(_ text: String, contentType: String, status: HTTPResponseStatus) -> SandboxResponse {
        SandboxResponse(status: status, headers: ["Content-Type": contentType], body: Array(text.utf8))
    }

    static let noContent = SandboxResponse(status: .noContent)
}
