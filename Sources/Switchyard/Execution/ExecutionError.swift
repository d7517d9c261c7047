/// A failed execute, as the agent sees it: a kind to branch on, a message naming what was wrong, the
/// HTTP status when there was a response, structured details, and whether trying again may help.
public struct ExecutionError: Error, Sendable, CustomStringConvertible {
    /// The categories of failure an agent can act on.
    public enum Kind: String, Sendable, CaseIterable {
        /// The params (or the request) are wrong: fix them and call again.
        case validation
        case notFound = "not_found"
        /// Credentials are missing, wrong or expired.
        case auth
        /// Authenticated, but not allowed.
        case permission
        /// The remote state changed under the call (a stale version).
        case conflict
        case rateLimited = "rate_limited"
        /// The service failed or answered something unusable.
        case upstream
        /// The service could not be reached.
        case network
        case timeout
        /// Switchyard's own configuration is incomplete or wrong.
        case config
    }

    public let kind: Kind
    public let message: String
    public let status: Int?
    public let details: JSONValue
    public let retryable: Bool

    public init(kind: Kind, message: String, status: Int? = nil, details: JSONValue = .object(JSONObject()), retryable: Bool? = nil) {
        self.kind = kind
        self.message = message
        self.status = status
        self.details = details
        self.retryable = retryable ?? [.rateLimited, .network, .timeout].contains(kind)
    }

    public var description: String { "\(kind.rawValue): \(message)" }

    /// `{kind, message, status?, details, retryable}`
    public var json: JSONValue {
        var object: JSONObject = ["kind": .string(kind.rawValue), "message": .string(message)]
        if let status { object["status"] = .number(JSONNumber(status)) }
        object["details"] = details
        object["retryable"] = .bool(retryable)
        return .object(object)
    }
}
