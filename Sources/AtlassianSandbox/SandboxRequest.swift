/// One request the sandbox received, kept exactly as it arrived so tests can check how a client encoded it.
///
/// ```swift
/// let last = server.recordedRequests().last!
/// last.uri                        // "/rest/api/3/issue/..%2F..%2Fadmin?fields=summary"
/// last.path                       // "/rest/api/3/issue/..%2F..%2Fadmin"
/// last.header("authorization")    // "Basic ZGVtb0BleGFtcGxlLmNvbTpzYW5kYm94LWFwaS10b2tlbg=="
/// ```
public struct SandboxRequest: Sendable {
    public let method: String
    /// The raw request target, exactly as received.
    public let uri: String
    /// The raw path part of ``uri``, still percent-encoded.
    public let path: String
    /// The raw query part of ``uri`` after `?`, still percent-encoded.
    public let query: String?
    /// Headers in the order received, names as the client wrote them.
    public let headers: [SandboxHeader]
    public let body: [UInt8]

    public init(method: String, uri: String, headers: [SandboxHeader], body: [UInt8]) {
        self.method = method
        self.uri = uri
        let target = uri.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        self.path = target.first.map(String.init) ?? ""
        self.query = target.count > 1 ? String(target[1]) : nil
        self.headers = headers
        self.body = body
    }

    /// The first value of a header, compared case-insensitively.
    public func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }

    /// The body decoded as UTF-8.
    public var bodyText: String {
        String(decoding: body, as: UTF8.self)
    }
}
