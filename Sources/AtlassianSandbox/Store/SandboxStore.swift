/// The lock-protected store behind every route; writes persist for the life of the server.
///
/// Reads take a copy-on-write snapshot so JSON rendering happens outside the lock.
///
/// ```swift
/// let issue = store.snapshot().jira.issue(idOrKey: "DEMO-1")
/// store.write { $0.jira.save(updatedIssue) }
/// ```
final class SandboxStore: Sendable {
    private let state: Locked<SandboxState>
    /// Generated DATA issues on top of the seed data, kept by a reset.
    private let bulkIssues: Int

    init(bulkIssues: Int = 0) {
        self.bulkIssues = bulkIssues
        state = Locked(SandboxState.seeded(bulkIssues: bulkIssues))
    }

    func snapshot() -> SandboxState {
        state.withLock { $0 }
    }

    func write<Result, Failure: Error>(_ body: (inout SandboxState) throws(Failure) -> Result) throws(Failure) -> Result {
        try state.withLock { (state: inout SandboxState) throws(Failure) -> Result in try body(&state) }
    }

    /// Puts the seed data back, dropping every write.
    func reset() {
        let fresh = SandboxState.seeded(bulkIssues: bulkIssues)
        state.withLock { $0 = fresh }
    }
}
