import AtlassianSandbox
import Foundation
import Switchyard
import SwitchyardState
import Testing
import Crypto

/// The PostgreSQL the tests share: `SWITCHYARD_TEST_POSTGRES` (`.ci/run` starts one with
/// `Tests/postgres/start.sh`).
enum TestDatabase {
    static let url = ProcessInfo.processInfo.environment["SWITCHYARD_TEST_POSTGRES"]
    static let skipReason: Comment = "SWITCHYARD_TEST_POSTGRES is not set: start PostgreSQL with eval \"$(Tests/postgres/start.sh .build/pg)\" to run the shared-state tests"
}

@Suite("Shared state in PostgreSQL (--state)", .enabled(if: TestDatabase.url != nil, TestDatabase.skipReason))
struct PostgresStateTests {
    @Test("three replicas on one expired OAuth 2.0 token refresh it exactly once between them")
    func oneRefreshAcrossReplicas() async throws {
        let url = try #require(TestDatabase.url)
        let harness = try await AuthHarness.start()
        let (access, refresh) = try await harness.grant()
        var states: [PostgresState] = []
        var replicas: [SwitchyardRuntime] = []
        for index in 0..<3 {
            let state = try await PostgresState.connect(url: url)
            try await state.migrate()
            states.append(state)
            // Each replica has its own credentials file, all holding the same expired token, as three pods
            // started from one Secret would.
            replicas.append(try harness.runtime(
                credentials: harness.oauth2Credentials(access: access, refresh: refresh, expiresAt: Date(timeIntervalSinceNow: -10)),
                storeName: "replica\(index).json", configure: { $0.sharedTokens = state }
            ))
        }
        let results = await withTaskGroup(of: Bool.self) { group in
            for round in 0..<20 {
                for replica in replicas {
                    group.addTask {
                        if round % 5 == 0 { try? await Task.sleep(for: .milliseconds(round)) }
                        return await replica.execute(ExecuteRequest(connector: "authkit", entity: "users", action: "myself")).isSuccess
                    }
                }
            }
            var all: [Bool] = []
            for await ok in group { all.append(ok) }
            return all
        }
        #expect(results.count == 60)
        #expect(results.allSatisfy { $0 }, "\(results.filter { !$0 }.count) calls failed")
        #expect(harness.server.oauth.refreshCount == 1)

        // The rotated token is shared: a fourth replica that starts later with the original (now burned)
        // refresh token uses the stored one and does not refresh again.
        let shared = states[0]
        let joined = try harness.runtime(
            credentials: harness.oauth2Credentials(access: access, refresh: refresh, expiresAt: Date(timeIntervalSinceNow: -10)),
            storeName: "late.json", configure: { $0.sharedTokens = shared }
        )
        #expect(await joined.execute(ExecuteRequest(connector: "authkit", entity: "users", action: "myself")).isSuccess)
        #expect(harness.server.oauth.refreshCount == 1)

        for runtime in replicas + [joined] { try? await runtime.shutdown() }
        for state in states { await state.close() }
        await harness.stop()
    }

    @Test("migrate is idempotent, the schema version is checked, and every replica gets the same confirmation key")
    func schemaAndKey() async throws {
        let url = try #require(TestDatabase.url)
        let first = try await PostgresState.connect(url: url)
        let second = try await PostgresState.connect(url: url)
        try await first.migrate()
        try await second.migrate()
        #expect(try await first.currentVersion() == PostgresState.schemaVersion)
        try await second.checkSchema()
        let keys = (try await first.confirmationKey(), try await second.confirmationKey())
        #expect(keys.0.withUnsafeBytes { Array($0) } == keys.1.withUnsafeBytes { Array($0) })
        #expect(keys.0.bitCount == 256)
        await first.close()
        await second.close()
    }

    @Test("an unreachable database is a clear error naming it, never its password")
    func unreachable() async throws {
        do {
            _ = try await PostgresState.connect(url: "postgres://switchyard:hunter2-secret@127.0.0.1:1/nowhere", timeout: .seconds(2))
            Issue.record("connected to nothing")
        } catch {
            #expect(error.description.contains("cannot reach PostgreSQL at 127.0.0.1:1/nowhere (--state)"))
            #expect(!error.description.contains("hunter2-secret"))
        }
        do {
            _ = try await PostgresState.connect(url: "mysql://x@y/z")
            Issue.record("accepted a mysql:// URL")
        } catch {
            #expect(error.description.hasPrefix("--state: expected postgres://"))
        }
    }
}
