import HTTPTypes
import Hummingbird
import HummingbirdCore
import NIOCore
import Switchyard

/// Answers every request to the listener: a rejection's status and reason, or 200 after the event was handed on.
///
/// It never throws, so no input reaches Hummingbird's generic 500.
struct WebhookResponder: HTTPResponder {
    let intake: WebhookIntake
    let onEvent: @Sendable (WebhookEvent) async -> Void
    let onRejection: @Sendable (WebhookRejection, RejectedDelivery) -> Void

    func respond(to request: Request, context: WebhookRequestContext) async throws -> Response {
        let path = request.uri.path
        let identifier = request.headers[.atlassianWebhookIdentifier]
        let delivery = RejectedDelivery(
            method: request.method.rawValue, path: path, remoteAddress: context.remoteAddress, identifier: identifier
        )
        if let rejection = intake.screen(method: request.method.rawValue, path: path, remoteAddress: context.remoteAddress) {
            return reject(rejection, delivery)
        }
        let limit = intake.configuration.maxBodyBytes
        if let declared = request.headers[.contentLength].flatMap(Int.init), declared > limit {
            return reject(.tooLarge(limit: limit), delivery)
        }
        var body: [UInt8] = []
        do {
            for try await buffer in request.body {
                guard body.count + buffer.readableBytes <= limit else { return reject(.tooLarge(limit: limit), delivery) }
                body.append(contentsOf: buffer.readableBytesView)
            }
        } catch {
            return reject(
                WebhookRejection(kind: .malformedJSON, status: 400, reason: "the body could not be read to its end"), delivery
            )
        }
        let headers = WebhookIntake.Headers(
            signature: request.headers[.hubSignature], identifier: identifier, eventKey: request.headers[.eventKey]
        )
        switch await intake.admit(body: body, headers: headers) {
        case .success(let event):
            await onEvent(event)
            return Self.response(status: 200, ["accepted": true])
        case .failure(let rejection):
            return reject(rejection, delivery)
        }
    }

    private func reject(_ rejection: WebhookRejection, _ delivery: RejectedDelivery) -> Response {
        onRejection(rejection, delivery)
        return Self.response(
            status: rejection.status, ["error": .string(rejection.kind.rawValue), "reason": .string(rejection.reason)]
        )
    }

    private static func response(status: Int, _ body: JSONObject) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "application/json"
        return Response(
            status: HTTPResponse.Status(code: status), headers: headers,
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: JSONValue.object(body).serializedBytes()))
        )
    }
}

/// What is logged about a refused delivery: never its body.
public struct RejectedDelivery: Sendable, Equatable, CustomStringConvertible {
    public let method: String
    public let path: String
    public let remoteAddress: String?
    public let identifier: String?

    public var description: String {
        var text = "\(method) \(path) from \(remoteAddress ?? "unknown")"
        if let identifier { text += " (delivery \(identifier))" }
        return text
    }
}

extension HTTPField.Name {
    static let hubSignature = HTTPField.Name("X-Hub-Signature")!
    static let atlassianWebhookIdentifier = HTTPField.Name("X-Atlassian-Webhook-Identifier")!
    static let eventKey = HTTPField.Name("X-Event-Key")!
}
