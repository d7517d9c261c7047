import Foundation
import Switchyard
import SwitchyardWebhooks
import Testing

@Suite("Webhook event sinks")
struct EventSinkTests {
    private func event(_ key: String) throws -> WebhookEvent {
        let payload = try JSONValue(parsing: #"{"webhookEvent":"jira:issue_created","timestamp":1,"issue":{"key":"\#(key)"}}"#)
        return WebhookEvent(payload: payload, delivery: nil, eventKey: nil, includeRaw: false)
    }

    private func temporaryPath(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("switchyard-\(UUID().uuidString)-\(name)").path
    }

    @Test func appendWritesOneLinePerEventAfterWhatIsThere() async throws {
        let path = temporaryPath("events.jsonl")
        defer { try? FileManager.default.removeItem(atPath: path) }
        try "earlier\n".write(toFile: path, atomically: true, encoding: .utf8)
        let appender = try EventFileAppender(path: path)
        try await appender.append(event("DEMO-1"))
        try await appender.append(event("DEMO-2"))
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines[0] == "earlier")
        #expect(try JSONValue(parsing: String(lines[2]))["issue"]?.stringValue == "DEMO-2")
    }

    @Test func appendToAMissingDirectoryNamesTheFile() {
        #expect(throws: WebhookSinkError.self) { try EventFileAppender(path: "/nonexistent-dir/events.jsonl") }
    }

    @Test func execHandsEachEventLineToTheCommandInOrder() async throws {
        let path = temporaryPath("exec.jsonl")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let runner = EventCommandRunner(command: "cat >> '\(path)'") { failure in Issue.record("unexpected: \(failure)") }
        runner.submit(try event("DEMO-1"))
        runner.submit(try event("DEMO-2"))
        await runner.finish()
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
        #expect(lines.map { try? JSONValue(parsing: String($0))["issue"]?.stringValue } == ["DEMO-1", "DEMO-2"])
    }

    @Test func aFailingCommandIsReportedAndTheNextEventStillRuns() async throws {
        let failures = Failures()
        let runner = EventCommandRunner(command: "exit 3") { failure in failures.add(failure) }
        runner.submit(try event("DEMO-1"))
        runner.submit(try event("DEMO-2"))
        await runner.finish()
        #expect(failures.all == Array(repeating: .commandFailed(command: "exit 3", reason: "exited with status 3"), count: 2))
    }

    /// Failures a runner reported, from whatever thread it reported them on.
    private final class Failures: @unchecked Sendable {
        private let lock = NSLock()
        private var items: [WebhookSinkError] = []
        func add(_ failure: WebhookSinkError) { lock.withLock { items.append(failure) } }
        var all: [WebhookSinkError] { lock.withLock { items } }
    }
}
