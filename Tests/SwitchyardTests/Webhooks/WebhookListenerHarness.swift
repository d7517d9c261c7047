import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import Switchyard
import SwitchyardWebhooks

/// A listener on a free loopback port that records what it accepted and what it refused.
struct WebhookListenerHarness {
    /// Everything the listener handed on or logged.
    actor Recorder {
        private(set) var events: [WebhookEvent] = []
        private(set) var rejections: [(WebhookRejection, RejectedDelivery)] = []

        func accept(_ event: WebhookEvent) { events.append(event) }
        func reject(_ rejection: WebhookRejection, _ delivery: RejectedDelivery) { rejections.append((rejection, delivery)) }

        /// The refusals so far, once there is at least one (or after five seconds without any).
        func firstRejections() async throws -> [(WebhookRejection, RejectedDelivery)] {
            for _ in 0..<100 where rejections.isEmpty {
                try await Task.sleep(for: .milliseconds(50))
            }
            return rejections
        }

        /// Waits up to `timeout` for `count` events.
        func events(count: Int, within timeout: Duration = .seconds(10)) async -> [WebhookEvent] {
            let deadline = ContinuousClock.now + timeout
            while events.count < count, ContinuousClock.now < deadline {
                try? await Task.sleep(for: .milliseconds(20))
            }
            return events
        }
    }

    struct Reply {
        let status: Int
        let body: String
    }

    static let secret = "webhook-test-secret-7f3a"

    let running: RunningWebhookListener
    let recorder: Recorder

    static func start(configure: (inout WebhookListenerConfiguration) -> Void = { _ in }) async throws -> WebhookListenerHarness {
        var configuration = WebhookListenerConfiguration(port: 0, path: "/hooks/jira", secret: secret)
        configure(&configuration)
        let recorder = Recorder()
        let listener = WebhookListener(
            configuration: configuration,
            onRejection: { rejection, delivery in Task { await recorder.reject(rejection, delivery) } },
            onEvent: { event in await recorder.accept(event) }
        )
        return WebhookListenerHarness(running: try await listener.start(), recorder: recorder)
    }

    /// POSTs `body` (or sends `method` to `path`), signed with `signWith` unless it is `nil`.
    func send(
        _ body: String, method: HTTPMethod = .POST, path: String? = nil, signWith secret: String? = Self.secret,
        signature: String? = nil, identifier: String? = nil
    ) async throws -> Reply {
        let url = "http://127.0.0.1:\(running.port)\(path ?? running.configuration.path)"
        var request = HTTPClientRequest(url: url)
        request.method = method
        request.headers.add(name: "Content-Type", value: "application/json")
        if let signature {
            request.headers.add(name: "X-Hub-Signature", value: signature)
        } else if let secret {
            request.headers.add(name: "X-Hub-Signature", value: WebhookSignature.header(for: Array(body.utf8), secret: secret))
        }
        if let identifier { request.headers.add(name: "X-Atlassian-Webhook-Identifier", value: identifier) }
        request.body = .bytes(Array(body.utf8))
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(10))
        let bytes = try await response.body.collect(upTo: 1 << 20)
        return Reply(status: Int(response.status.code), body: String(buffer: bytes))
    }

    /// A Jira issue event as Jira Cloud sends it, stamped now unless told otherwise.
    static func issueEvent(
        _ event: String = "jira:issue_updated", key: String = "DEMO-1", timestamp: Int64 = nowMilliseconds()
    ) -> String {
        """
        {"timestamp":\(timestamp),"webhookEvent":"\(event)","user":{"accountId":"5b10a","displayName":"Ada Lovelace"},\
        "issue":{"id":"10001","key":"\(key)","fields":{"summary":"Fix login"}},\
        "changelog":{"id":"1","items":[{"field":"status","fieldtype":"jira","from":"10000","fromString":"To Do","to":"10001","toString":"Done"}]}}
        """
    }

    static func nowMilliseconds() -> Int64 {
        Int64(Date().timeIntervalSince1970 * 1000)
    }
}

/// Runs `body` with a sandbox and a listener, stopping the listener whatever happens.
func withSandboxAndListener(_ body: (SandboxHarness, WebhookListenerHarness) async throws -> Void) async throws {
    let listener = try await WebhookListenerHarness.start()
    do {
        try await withSandbox { sandbox in try await body(sandbox, listener) }
    } catch {
        await listener.running.stop()
        throw error
    }
    await listener.running.stop()
}
