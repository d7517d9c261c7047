import AtlassianSandbox
import Foundation
import Synchronization
import Testing
@testable import Switchyard

@Suite("Faults from the sandbox")
struct FaultTests {
    @Test("a 429 storm: every Retry-After is honoured to within 10%")
    func rateLimitStorm() async throws {
        try await withSandbox { harness in
            harness.server.faults.inject(SandboxFault(.status(429, headers: ["Retry-After": "1"]), method: "GET", pathPrefix: "/rest/api/3/myself", count: 2))
            let started = ContinuousClock.now
            let envelope = await harness.execute("jira", "users", "myself")
            let elapsed = started.duration(to: .now)
            #expect(envelope.isSuccess, "\(envelope.json)")
            #expect(envelope.result?.meta["attempts"] == 3)
            let waited = try #require(envelope.result?.meta["waited_ms"]?.intValue)
            #expect(waited >= 1800 && waited <= 2200)
            // Never earlier than asked; the upper bound is the wait above, since wall time also counts
            // whatever else the machine is running in parallel.
            #expect(elapsed >= .milliseconds(2000))
        }
    }

    @Test("a Retry-After longer than the deadline is not waited for")
    func retryAfterPastDeadline() async throws {
        try await withSandbox { harness in
            harness.server.faults.inject(SandboxFault(.status(429, headers: ["Retry-After": "30"]), method: "GET", pathPrefix: "/rest/api/3/myself", count: 1))
            let started = ContinuousClock.now
            let envelope = await harness.execute("jira", "users", "myself", ["timeout_ms": 2000])
            #expect(envelope.error?.kind == .rateLimited)
            #expect(envelope.error?.retryable == true)
            #expect(started.duration(to: .now) < .seconds(10), "it did not wait the 30 s")
        }
    }

    @Test("a slow response: the call's deadline holds")
    func deadlineHolds() async throws {
        try await withSandbox { harness in
            harness.server.faults.inject(SandboxFault(.delay(milliseconds: 5000), method: "GET", pathPrefix: "/rest/api/3/myself", count: 3))
            let started = ContinuousClock.now
            let envelope = await harness.execute("jira", "users", "myself", ["timeout_ms": 600])
            let elapsed = started.duration(to: .now)
            #expect(envelope.error?.kind == .timeout)
            #expect(elapsed < .seconds(2), "the 600 ms deadline held against a 5 s response")
        }
    }

    @Test("a broken response gives a clean error", arguments: [
        (SandboxFault.Kind.resetConnection, ExecutionError.Kind.network),
        (SandboxFault.Kind.truncatedBody, ExecutionError.Kind.network),
        (SandboxFault.Kind.invalidJSON, ExecutionError.Kind.upstream),
        (SandboxFault.Kind.hugeBody(bytes: 50 * 1024 * 1024), ExecutionError.Kind.upstream),
    ])
    func brokenResponses(fault: SandboxFault.Kind, kind: ExecutionError.Kind) async throws {
        try await withSandbox(retryPolicy: RetryPolicy(maximumAttempts: 1)) { harness in
            harness.server.faults.inject(SandboxFault(fault, method: "GET", pathPrefix: "/rest/api/3/myself", count: 1))
            let envelope = await harness.execute("jira", "users", "myself")
            let error = try #require(envelope.error, "\(envelope.json)")
            #expect(error.kind == kind)
            #expect(!error.message.isEmpty)
            #expect(envelope.json.serializedBytes().count < 4096)
        }
    }

    @Test("a connection reset on a GET is retried and succeeds")
    func resetIsRetriedForReads() async throws {
        try await withSandbox { harness in
            harness.server.faults.inject(SandboxFault(.resetConnection, method: "GET", pathPrefix: "/rest/api/3/myself", count: 1))
            let envelope = await harness.execute("jira", "users", "myself")
            #expect(envelope.isSuccess, "\(envelope.json)")
            #expect(envelope.result?.meta["attempts"] == 2)
        }
    }

    @Test("200 parallel reads with 20% injected 503s: none lost")
    func parallelReadsWithFaults() async throws {
        try await withSandbox { harness in
            harness.server.faults.inject(SandboxFault(.status(503), method: "GET", pathPrefix: "/rest/api/3/issue/", count: 40))
            let results = await withTaskGroup(of: (Int, Bool).self) { group in
                for index in 0..<200 {
                    group.addTask {
                        let key = "DEMO-\(index % 30 + 1)"
                        let envelope = await harness.execute("jira", "issues", "get", ["issue": .string(key), "fields": ["key"]])
                        return (index, envelope.result?.data["key"] == .string(key))
                    }
                }
                var collected: [Int: Bool] = [:]
                for await (index, ok) in group { collected[index] = ok }
                return collected
            }
            #expect(results.count == 200)
            #expect(results.values.allSatisfy { $0 })
        }
    }

    @Test("200 parallel creates with 20% injected 500s: none duplicated, every outcome reported")
    func parallelWritesWithFaults() async throws {
        try await withSandbox { harness in
            harness.server.clearRecordedRequests()
            harness.server.faults.inject(SandboxFault(.status(500), method: "POST", pathPrefix: "/rest/api/3/issue", count: 40))
            let outcomes = await withTaskGroup(of: String?.self) { group in
                for index in 0..<200 {
                    group.addTask {
                        let envelope = await harness.execute("jira", "issues", "create", ["project": "OPS", "issue_type": "Task", "summary": .string("parallel \(index)")])
                        return envelope.result?.data["key"]?.stringValue
                    }
                }
                var keys: [String?] = []
                for await key in group { keys.append(key) }
                return keys
            }
            #expect(outcomes.count == 200)
            let created = outcomes.compactMap { $0 }
            #expect(created.count == 160)
            #expect(Set(created).count == 160)
            #expect(harness.server.recordedRequests().filter { $0.method == "POST" }.count == 200)
        }
    }
}
