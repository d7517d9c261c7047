import Foundation
import NIOHTTP1
import Switchyard
import SwitchyardWebhooks
import Testing

@Suite("Webhook listener over loopback HTTP")
struct WebhookListenerTests {
    private func withListener(
        configure: (inout WebhookListenerConfiguration) -> Void = { _ in },
        _ body: (WebhookListenerHarness) async throws -> Void
    ) async throws {
        let harness = try await WebhookListenerHarness.start(configure: configure)
        do {
            try await body(harness)
        } catch {
            await harness.running.stop()
            throw error
        }
        await harness.running.stop()
    }

    @Test func aSignedDeliveryIsAcceptedAndNormalized() async throws {
        try await withListener { harness in
            let reply = try await harness.send(WebhookListenerHarness.issueEvent(), identifier: "delivery-1")
            #expect(reply.status == 200)
            let events = await harness.recorder.events(count: 1)
            #expect(events.count == 1)
            #expect(events.first?.event == "jira:issue_updated")
            #expect(events.first?.issue == "DEMO-1")
            #expect(events.first?.actor == "Ada Lovelace")
            #expect(events.first?.delivery == "delivery-1")
            #expect(events.first?.changelog == [WebhookEvent.Change(field: "status", from: "To Do", to: "Done")])
            #expect(events.first?.raw?.typeName == nil)
        }
    }

    @Test func anUnsignedDeliveryGets401() async throws {
        try await withListener { harness in
            let reply = try await harness.send(WebhookListenerHarness.issueEvent(), signWith: nil)
            #expect(reply.status == 401)
            #expect(reply.body.contains("unsigned"))
            #expect(await harness.recorder.events.isEmpty)
        }
    }

    @Test func aDeliverySignedWithAnotherSecretGets401() async throws {
        try await withListener { harness in
            let reply = try await harness.send(WebhookListenerHarness.issueEvent(), signWith: "not-the-secret")
            #expect(reply.status == 401)
            #expect(reply.body.contains("bad_signature"))
            #expect(await harness.recorder.events.isEmpty)
        }
    }

    @Test func aSignatureThatIsNotSHA256HexGets401() async throws {
        try await withListener { harness in
            let reply = try await harness.send(WebhookListenerHarness.issueEvent(), signature: "sha1=abcdef")
            #expect(reply.status == 401)
            #expect(reply.body.contains("sha256=<64 hex digits>"))
        }
    }

    @Test func aReplayedDeliveryIdentifierGets409() async throws {
        try await withListener { harness in
            let body = WebhookListenerHarness.issueEvent()
            #expect(try await harness.send(body, identifier: "same-id").status == 200)
            let replay = try await harness.send(body, identifier: "same-id")
            #expect(replay.status == 409)
            #expect(replay.body.contains("same-id"))
            #expect(await harness.recorder.events.count == 1)
        }
    }

    @Test func aRepeatedBodyWithoutIdentifierIsADuplicateByTimestampAndEvent() async throws {
        try await withListener { harness in
            let body = WebhookListenerHarness.issueEvent()
            let first = try await harness.send(body)
            let again = try await harness.send(body)
            let otherIssue = try await harness.send(WebhookListenerHarness.issueEvent(key: "DEMO-2"))
            #expect(first.status == 200)
            #expect(again.status == 409)
            #expect(otherIssue.status == 200)
        }
    }

    @Test func aDeliveryOlderThanMaxAgeGets400() async throws {
        try await withListener(configure: { $0.maxAge = .seconds(60) }) { harness in
            let old = WebhookListenerHarness.nowMilliseconds() - 120_000
            let reply = try await harness.send(WebhookListenerHarness.issueEvent(timestamp: old), identifier: "old-1")
            #expect(reply.status == 400)
            #expect(reply.body.contains("stale"))
            #expect(reply.body.contains("--max-age"))
            #expect(await harness.recorder.events.isEmpty)
        }
    }

    @Test func aDeliveryFromTheFarFutureGets400() async throws {
        try await withListener(configure: { $0.maxAge = .seconds(60) }) { harness in
            let ahead = WebhookListenerHarness.nowMilliseconds() + 600_000
            let reply = try await harness.send(WebhookListenerHarness.issueEvent(timestamp: ahead))
            #expect(reply.status == 400)
            #expect(reply.body.contains("in the future"))
        }
    }

    @Test func aBodyOverTheLimitGets413() async throws {
        try await withListener { harness in
            let padding = String(repeating: "x", count: (1 << 20) + 1)
            let reply = try await harness.send(#"{"webhookEvent":"jira:issue_updated","pad":"\#(padding)"}"#)
            #expect(reply.status == 413)
            #expect(await harness.recorder.events.isEmpty)
        }
    }

    @Test func aBodyJustUnderTheLimitIsAccepted() async throws {
        try await withListener { harness in
            let prefix = #"{"webhookEvent":"jira:issue_updated","pad":""#
            let padding = String(repeating: "x", count: (1 << 20) - prefix.utf8.count - 2)
            let reply = try await harness.send(prefix + padding + #""}"#)
            #expect(reply.status == 200)
        }
    }

    @Test func aBodyThatIsNotJSONGets400() async throws {
        try await withListener { harness in
            let reply = try await harness.send(#"{"webhookEvent": "#)
            #expect(reply.status == 400)
            #expect(reply.body.contains("malformed_json"))
        }
    }

    @Test func aJSONArrayGets400() async throws {
        try await withListener { harness in
            let reply = try await harness.send("[1,2]")
            #expect(reply.status == 400)
            #expect(reply.body.contains("array"))
        }
    }

    @Test func anotherPathGets404() async throws {
        try await withListener { harness in
            let reply = try await harness.send(WebhookListenerHarness.issueEvent(), path: "/elsewhere")
            #expect(reply.status == 404)
            #expect(reply.body.contains("/hooks/jira"))
        }
    }

    @Test func aGetGets405() async throws {
        try await withListener { harness in
            let reply = try await harness.send("", method: .GET)
            #expect(reply.status == 405)
        }
    }

    @Test func withoutASecretASourceOutsideAllowFromGets403() async throws {
        try await withListener(configure: {
            $0.secret = nil
            $0.allowedSources = [IPNetwork(cidr: "10.0.0.0/8")!]
        }) { harness in
            let reply = try await harness.send(WebhookListenerHarness.issueEvent(), signWith: nil)
            #expect(reply.status == 403)
            #expect(reply.body.contains("127.0.0.1"))
            #expect(await harness.recorder.events.isEmpty)
        }
    }

    @Test func withoutASecretLoopbackIsAllowedByDefault() async throws {
        try await withListener(configure: { $0.secret = nil }) { harness in
            let reply = try await harness.send(WebhookListenerHarness.issueEvent(), signWith: nil)
            #expect(reply.status == 200)
            #expect(await harness.recorder.events(count: 1).count == 1)
        }
    }

    @Test func rawCarriesTheWholeBodyWhenAskedFor() async throws {
        try await withListener(configure: { $0.includeRaw = true }) { harness in
            #expect(try await harness.send(WebhookListenerHarness.issueEvent()).status == 200)
            let event = try #require(await harness.recorder.events(count: 1).first)
            #expect(event.raw?["issue"]?["fields"]?["summary"]?.stringValue == "Fix login")
        }
    }

    @Test func rejectionsAreReportedWithoutBodyOrSecret() async throws {
        try await withListener { harness in
            let body = #"{"webhookEvent":"jira:issue_updated","marker":"BODY-MARKER-91"}"#
            _ = try await harness.send(body, signWith: "wrong", identifier: "logged-id")
            try await Task.sleep(for: .milliseconds(100))
            let rejections = await harness.recorder.rejections
            #expect(rejections.count == 1)
            let logged = rejections.map { "\($0.0) \($0.1)" }.joined()
            #expect(logged.contains("logged-id"))
            #expect(!logged.contains("BODY-MARKER-91"))
            #expect(!logged.contains(WebhookListenerHarness.secret))
        }
    }

    @Test func garbageInputNeverStopsTheListener() async throws {
        try await withListener { harness in
            var generator = SystemRandomNumberGenerator()
            for length in [0, 1, 17, 4096] {
                let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
                _ = try await harness.send(String(decoding: bytes, as: UTF8.self))
            }
            #expect(try await harness.send(WebhookListenerHarness.issueEvent()).status == 200)
        }
    }
}
