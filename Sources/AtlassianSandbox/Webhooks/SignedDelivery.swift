import AsyncHTTPClient
import Crypto
import Foundation
import NIOCore

/// One webhook POST the way Atlassian's webhooks send it: a JSON body, an `X-Atlassian-Webhook-Identifier`,
/// and, when the webhook has a secret, `X-Hub-Signature: sha256=<HMAC-SHA256 of the body>`.
///
/// The POST goes out on a task of its own, so the API response that caused it never waits; a receiver that
/// is down or slow only loses its event, as with a real server that has run out of retries.
///
/// ```swift
/// SignedDelivery(url: webhook.url, secret: webhook.secret, body: payload.serializedBytes()).send()
/// ```
struct SignedDelivery: Sendable {
    let url: String
    let secret: String?
    let body: [UInt8]

    /// The `X-Hub-Signature` value for `body` under `secret`.
    static func signature(of body: [UInt8], secret: String) -> String {
        let code = HMAC<SHA256>.authenticationCode(for: body, using: SymmetricKey(data: Array(secret.utf8)))
        return "sha256=" + code.map { String(format: "%02x", $0) }.joined()
    }

    func send() {
        var request = HTTPClientRequest(url: url)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        request.headers.add(name: "X-Atlassian-Webhook-Identifier", value: UUID().uuidString.lowercased())
        if let secret { request.headers.add(name: "X-Hub-Signature", value: Self.signature(of: body, secret: secret)) }
        request.body = .bytes(body)
        Task.detached {
            let response = try? await HTTPClient.shared.execute(request, timeout: .seconds(10))
            _ = try? await response?.body.collect(upTo: 1 << 20)
        }
    }
}
