import Switchyard

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The checks a delivery passes before it becomes a ``WebhookEvent``, in the order a sender's mistakes are
/// cheapest to find: path, method, source, size, signature, JSON, age, duplicate.
///
/// The HTTP listener feeds it; a test (or another transport) can call it directly.
///
/// ```swift
/// let intake = WebhookIntake(configuration: WebhookListenerConfiguration(secret: "s3cret"))
/// let verdict = await intake.admit(body: body, headers: .init(signature: signatureHeader))
/// ```
public struct WebhookIntake: Sendable {
    public let configuration: WebhookListenerConfiguration
    private let ledger: DeliveryLedger
    /// Milliseconds since 1970, now; injectable so tests can hold the clock still.
    private let now: @Sendable () -> Int64

    /// The request headers the checks read.
    public struct Headers: Sendable {
        /// `X-Hub-Signature`.
        public var signature: String?
        /// `X-Atlassian-Webhook-Identifier`.
        public var identifier: String?
        /// `X-Event-Key`, which some Confluence and Data Center senders use instead of a body field.
        public var eventKey: String?

        public init(signature: String? = nil, identifier: String? = nil, eventKey: String? = nil) {
            self.signature = signature
            self.identifier = identifier
            self.eventKey = eventKey
        }
    }

    public init(
        configuration: WebhookListenerConfiguration,
        now: @escaping @Sendable () -> Int64 = { Int64(Date().timeIntervalSince1970 * 1000) }
    ) {
        self.configuration = configuration
        ledger = DeliveryLedger(window: configuration.maxAge, capacity: configuration.ledgerCapacity)
        self.now = now
    }

    /// The refusal for a request line and peer, before any body is read; `nil` when it may go on.
    public func screen(method: String, path: String, remoteAddress: String?) -> WebhookRejection? {
        guard path == configuration.path else { return .notFound(path: configuration.path) }
        guard method == "POST" else { return .methodNotAllowed }
        if configuration.secret == nil {
            guard let remoteAddress, configuration.allowedSources.contains(where: { $0.contains(address: remoteAddress) }) else {
                return .sourceNotAllowed(remoteAddress)
            }
        }
        return nil
    }

    /// Checks a whole body that passed ``screen(method:path:remoteAddress:)`` and turns it into an event.
    public func admit(body: [UInt8], headers: Headers) async -> Result<WebhookEvent, WebhookRejection> {
        guard body.count <= configuration.maxBodyBytes else { return .failure(.tooLarge(limit: configuration.maxBodyBytes)) }
        if let secret = configuration.secret {
            switch WebhookSignature.verify(header: headers.signature, body: body, secret: secret) {
            case .valid: break
            case .missing: return .failure(.unsigned)
            case .malformed: return .failure(.malformedSignature)
            case .mismatch: return .failure(.badSignature)
            }
        }
        let payload: JSONValue
        do {
            payload = try JSONValue(parsing: body)
        } catch {
            return .failure(.malformedJSON(error.description))
        }
        guard payload.objectValue != nil else { return .failure(.malformedJSON("the top level is \(payload.typeName)")) }
        let event = WebhookEvent(
            payload: payload, delivery: headers.identifier, eventKey: headers.eventKey, includeRaw: configuration.includeRaw
        )
        if let timestamp = event.timestamp {
            let ageSeconds = (now() - timestamp) / 1000
            let maxAgeSeconds = configuration.maxAge.components.seconds
            if abs(ageSeconds) > maxAgeSeconds {
                return .failure(.stale(timestamp: timestamp, ageSeconds: ageSeconds, maxAgeSeconds: maxAgeSeconds))
            }
        }
        if let key = Self.deduplicationKey(of: event, headers: headers), await !ledger.record(key) {
            return .failure(.duplicate(headers.identifier ?? key))
        }
        return .success(event)
    }

    /// The identifier header, else the event, its subject and timestamp together; `nil` when the body has no
    /// timestamp to tell two deliveries of one event kind apart.
    private static func deduplicationKey(of event: WebhookEvent, headers: Headers) -> String? {
        if let identifier = headers.identifier, !identifier.isEmpty { return "id:" + identifier }
        guard let timestamp = event.timestamp else { return nil }
        let subject = event.issue ?? event.page?.id ?? ""
        return "body:\(event.event ?? "")|\(subject)|\(timestamp)"
    }
}
