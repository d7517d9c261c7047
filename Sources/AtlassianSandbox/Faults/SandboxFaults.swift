/// The thread-safe schedule of faults a ``SandboxServer`` plays; reach it through ``SandboxServer/faults``.
///
/// Faults are consumed in the order they were injected: each request takes the first fault that matches it
/// and uses up one of its `count`.
///
/// ```swift
/// server.faults.inject(SandboxFault(.status(503, headers: ["Retry-After": "2"]), count: 1))
/// server.faults.pending   // the one fault, count 1
/// server.faults.clear()
/// ```
public final class SandboxFaults: Sendable {
    private let schedule = Locked<[SandboxFault]>([])

    init() {}

    /// Schedules `fault` after any already pending; a `count` below 1 schedules nothing.
    public func inject(_ fault: SandboxFault) {
        guard fault.count > 0 else { return }
        schedule.withLock { $0.append(fault) }
    }

    /// Removes every pending fault.
    public func clear() {
        schedule.withLock { $0.removeAll() }
    }

    /// The faults still waiting to be played, with their remaining counts.
    public var pending: [SandboxFault] {
        schedule.withLock { $0 }
    }

    /// Takes one use of the first pending fault that matches the request, if any.
    func take(method: String, path: String) -> SandboxFault.Kind? {
        schedule.withLock { faults in
            guard let index = faults.firstIndex(where: { $0.matches(method: method, path: path) }) else { return nil }
            let kind = faults[index].kind
            faults[index].count -= 1
            if faults[index].count == 0 { faults.remove(at: index) }
            return kind
        }
    }
}
