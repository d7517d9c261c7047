/// Why a delivery was refused: the HTTP status it got and a reason a sender's admin can act on.
///
/// A rejection never carries the body or the secret, so it can be logged and answered as it is.
///
/// ```swift
/// let rejection = WebhookRejection.badSignature
/// rejection.status   // 401
/// rejection.reason   // "X-Hub-Signature does not match the body under the configured secret"
/// ```
public struct WebhookRejection: Error, Sendable, Equatable, CustomStringConvertible {
    /// The categories a delivery can be refused for.
    public enum Kind: String, Sendable, CaseIterable {
        case notFound = "not_found"
        case methodNotAllowed = "method_not_allowed"
        case sourceNotAllowed = "source_not_allowed"
        case tooLarge = "too_large"
        case unsigned
        case badSignature = "bad_signature"
        case malformedJSON = "malformed_json"
        case stale
        case duplicate
    }

    public let kind: Kind
    public let status: Int
    public let reason: String

    public init(kind: Kind, status: Int, reason: String) {
        self.kind = kind
        self.status = status
        self.reason = reason
    }

    public var description: String { "\(status) \(kind.rawValue): \(reason)" }

    static func notFound(path: String) -> WebhookRejection {
        WebhookRejection(kind: .notFound, status: 404, reason: "no webhook listener at this path; deliveries go to \(path)")
    }

    static let methodNotAllowed = WebhookRejection(
        kind: .methodNotAllowed, status: 405, reason: "webhook deliveries are POST requests"
    )

    static func sourceNotAllowed(_ address: String?) -> WebhookRejection {
        WebhookRejection(
            kind: .sourceNotAllowed, status: 403,
            reason: "source \(address ?? "unknown") is not in --allow-from, and without a secret only those may deliver"
        )
    }

    static func tooLarge(limit: Int) -> WebhookRejection {
        WebhookRejection(kind: .tooLarge, status: 413, reason: "body is larger than the \(limit)-byte limit")
    }

    static let unsigned = WebhookRejection(
        kind: .unsigned, status: 401, reason: "X-Hub-Signature header is missing; the listener has a secret"
    )

    static let malformedSignature = WebhookRejection(
        kind: .badSignature, status: 401, reason: "X-Hub-Signature is not sha256=<64 hex digits>"
    )

    static let badSignature = WebhookRejection(
        kind: .badSignature, status: 401, reason: "X-Hub-Signature does not match the body under the configured secret"
    )

    static func malformedJSON(_ detail: String) -> WebhookRejection {
        WebhookRejection(kind: .malformedJSON, status: 400, reason: "body is not a JSON object: \(detail)")
    }

    static func stale(timestamp: Int64, ageSeconds: Int64, maxAgeSeconds: Int64) -> WebhookRejection {
        let relation = ageSeconds >= 0 ? "\(ageSeconds) s old" : "\(-ageSeconds) s in the future"
        return WebhookRejection(
            kind: .stale, status: 400,
            reason: "timestamp \(timestamp) is \(relation); deliveries more than \(maxAgeSeconds) s off are refused (--max-age)"
        )
    }

    static func duplicate(_ identifier: String) -> WebhookRejection {
        WebhookRejection(kind: .duplicate, status: 409, reason: "delivery \(identifier) was already received")
    }
}
