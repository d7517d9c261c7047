/// The delivery identifiers seen lately, so a replayed or retried delivery is refused instead of handled twice.
///
/// Memory stays bounded: an identifier is forgotten after `window`, and the oldest go first past `capacity`.
///
/// ```swift
/// let ledger = DeliveryLedger(window: .seconds(300), capacity: 10_000)
/// await ledger.record("d8f1…")   // true: first time
/// await ledger.record("d8f1…")   // false: a duplicate
/// ```
public actor DeliveryLedger {
    private let window: Duration
    private let capacity: Int
    private let clock = ContinuousClock()
    /// Identifier → when it was recorded.
    private var seen: [String: ContinuousClock.Instant] = [:]
    /// Identifiers in the order recorded, for forgetting the oldest; `head` is the first still meaningful.
    private var order: [String] = []
    private var head = 0

    public init(window: Duration, capacity: Int) {
        self.window = window
        self.capacity = max(1, capacity)
    }

    /// Remembers `identifier`; `false` when it was already remembered (a duplicate).
    public func record(_ identifier: String) -> Bool {
        let now = clock.now
        forget(before: now - window)
        guard seen[identifier] == nil else { return false }
        if seen.count >= capacity { forgetOldest() }
        seen[identifier] = now
        order.append(identifier)
        return true
    }

    /// How many identifiers are remembered.
    public var count: Int { seen.count }

    private func forget(before cutoff: ContinuousClock.Instant) {
        while head < order.count, let recorded = seen[order[head]], recorded < cutoff {
            seen[order[head]] = nil
            head += 1
        }
        compact()
    }

    private func forgetOldest() {
        guard head < order.count else { return }
        seen[order[head]] = nil
        head += 1
        compact()
    }

    /// Drops the forgotten prefix of `order` once it is half the array, so the array stays bounded too.
    private func compact() {
        if head > 0, head * 2 >= order.count {
            order.removeFirst(head)
            head = 0
        }
    }
}
