import AtlassianSandbox
import Testing
@testable import Switchyard

@Suite("Client-side rate limits")
struct RateLimitTests {
    @Test("a connector's requests-per-second bucket spaces out a burst")
    func tokenBucket() async throws {
        try await withSandbox { harness in
            let started = ContinuousClock.now
            await withTaskGroup(of: Void.self) { group in
                for index in 0..<8 {
                    group.addTask { _ = await harness.execute("throttled", "echo", "ping", ["n": .number(JSONNumber(index))]) }
                }
            }
            // 4 requests per second with a burst of 4: the last of 8 waits about a second.
            #expect(started.duration(to: .now) >= .milliseconds(900))
            #expect(harness.server.recordedRequests().count == 8)
        }
    }

    @Test("a connector's concurrency limit keeps at most that many requests in flight")
    func concurrencyLimit() async throws {
        try await withSandbox { harness in
            harness.server.faults.inject(SandboxFault(.delay(milliseconds: 300), method: "GET", pathPrefix: "/__sandbox/echo/ping", count: 4))
            let started = ContinuousClock.now
            await withTaskGroup(of: Void.self) { group in
                for _ in 0..<4 {
                    group.addTask { _ = await harness.execute("throttled", "echo", "ping") }
                }
            }
            // Two at a time, 300 ms each: two rounds.
            #expect(started.duration(to: .now) >= .milliseconds(580))
        }
    }
}
