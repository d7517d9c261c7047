/// A misbehaviour the sandbox plays for the next `count` requests that match `method` and `pathPrefix`.
///
/// ```swift
/// // Two rate-limited answers for issue reads, then normal service.
/// server.faults.inject(SandboxFault(.status(429, headers: ["Retry-After": "1"]),
///                                   method: "GET", pathPrefix: "/rest/api/3/issue", count: 2))
/// // Answer the next search half a second late.
/// server.faults.inject(SandboxFault(.delay(milliseconds: 500), pathPrefix: "/rest/api/3/search"))
/// ```
public struct SandboxFault: Sendable, Hashable {
    /// What happens to a matching request.
    public enum Kind: Sendable, Hashable {
        /// Answer with this status and headers instead of the real response. A `nil` body becomes an error
        /// in the API's own format (Jira `errorMessages`, Confluence `errors`).
        case status(Int, headers: [String: String] = [:], body: String? = nil)
        /// Wait this long, then answer normally.
        case delay(milliseconds: Int)
        /// Send the real response's headers and part of its body, then abort the connection.
        case resetConnection
        /// Announce a `Content-Length` larger than the body actually sent, then close the connection.
        case truncatedBody
        /// Answer `200` with a JSON content type and a body that is not valid JSON.
        case invalidJSON
        /// Answer `200` with a valid JSON body of exactly `bytes` bytes, streamed in chunks.
        case hugeBody(bytes: Int)
    }

    public var kind: Kind
    /// The HTTP method to match (case-insensitive); `nil` matches any method.
    public var method: String?
    /// A prefix of the raw, percent-encoded request path; `nil` matches every path.
    public var pathPrefix: String?
    /// How many matching requests the fault applies to.
    public var count: Int

    public init(_ kind: Kind, method: String? = nil, pathPrefix: String? = nil, count: Int = 1) {
        self.kind = kind
        self.method = method
        self.pathPrefix = pathPrefix
        self.count = count
    }

    func matches(method requestMethod: String, path: String) -> Bool {
        if let method, method.uppercased() != requestMethod { return false }
        if let pathPrefix, !path.hasPrefix(pathPrefix) { return false }
        return true
    }
}
