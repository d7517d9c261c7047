/// The requests being handled, bounded to a number in flight; the rest wait in arrival order.
///
/// Each request runs in its own task so `notifications/cancelled` can cancel exactly that one (its HTTP
/// request included), and ``drain()`` lets the server finish everything before it exits. The tasks prefer
/// ``EventLoopExecutor/shared`` once it runs, so a request and its HTTP I/O stay on one thread; the first
/// requests, while the event loops still start, run on the global executor.
actor InFlightRequests {
    private struct Pending {
        let token: Int
        let key: String?
        let operation: @Sendable () async -> Void
    }

    let limit: Int
    private var nextToken = 0
    private var running: [Int: Task<Void, Never>] = [:]
    private var queued: [Pending] = []
    private var tokensByKey: [String: Int] = [:]
    private var drainWaiters: [CheckedContinuation<Void, Never>] = []

    init(limit: Int) {
        self.limit = limit
    }

    /// Runs `operation` now if there is room, else when a slot frees. `key` names it for cancellation.
    func submit(key: String?, _ operation: @escaping @Sendable () async -> Void) {
        nextToken += 1
        let pending = Pending(token: nextToken, key: key, operation: operation)
        if let key { tokensByKey[key] = pending.token }
        if running.count < limit {
            start(pending)
        } else {
            queued.append(pending)
        }
    }

    /// Cancels the request with this key, whether it is running or still waiting.
    func cancel(key: String) {
        guard let token = tokensByKey.removeValue(forKey: key) else { return }
        if let task = running[token] {
            task.cancel()
        } else {
            queued.removeAll { $0.token == token }
            resumeDrainWaitersIfIdle()
        }
    }

    /// Returns once nothing is running or waiting.
    func drain() async {
        if running.isEmpty && queued.isEmpty { return }
        await withCheckedContinuation { drainWaiters.append($0) }
    }

    private func start(_ pending: Pending) {
        running[pending.token] = Task(executorPreference: EventLoopExecutor.sharedIfStarted) {
            await pending.operation()
            await self.finish(pending)
        }
    }

    private func finish(_ pending: Pending) {
        running[pending.token] = nil
        if let key = pending.key, tokensByKey[key] == pending.token { tokensByKey[key] = nil }
        if !queued.isEmpty, running.count < limit {
            start(queued.removeFirst())
        }
        resumeDrainWaitersIfIdle()
    }

    private func resumeDrainWaitersIfIdle() {
        guard running.isEmpty, queued.isEmpty else { return }
        let waiters = drainWaiters
        drainWaiters = []
        waiters.forEach { $0.resume() }
    }
}
