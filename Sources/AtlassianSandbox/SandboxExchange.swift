/// One request the sandbox received and, when the server keeps responses, the answer it sent, so a test can
/// check what the fake API says as well as what a client asked.
///
/// ```swift
/// server.recordsResponses = true
/// // … requests …
/// let last = server.recordedExchanges().last!
/// last.request.path          // "/rest/api/3/issue/DEMO-1"
/// last.response?.status      // 200
/// last.response?.bodyText    // {"id":"10001","key":"DEMO-1",...}
/// ```
public struct SandboxExchange: Sendable {
    /// The answer as the route produced it (faults that cut a body off are not reflected).
    public struct Response: Sendable {
        public let status: Int
        public let contentType: String?
        public let body: [UInt8]

        public init(status: Int, contentType: String?, body: [UInt8]) {
            self.status = status
            self.contentType = contentType
            self.body = body
        }

        /// The body decoded as UTF-8.
        public var bodyText: String {
            String(decoding: body, as: UTF8.self)
        }
    }

    public let request: SandboxRequest
    /// `nil` when responses were not being kept, or while the request is still being answered.
    public internal(set) var response: Response?

    public init(request: SandboxRequest, response: Response?) {
        self.request = request
        self.response = response
    }
}
