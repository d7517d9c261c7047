import Synchronization

/// Failed API-key attempts per client address: after `limit` failures within `window`, the address gets 429
/// until the window ends. At most `capacity` addresses are remembered (the oldest windows go first).
///
/// ```swift
/// let limiter = FailureLimiter(limit: 10, window: .seconds(60))
/// limiter.recordFailure(from: "10.0.0.7")
/// limiter.retryAfter(for: "10.0.0.7")   // nil until the limit is reached
/// ```
final class FailureLimiter: Sendable {
    private struct Entry {
        var failures: Int
        let windowStart: ContinuousClock.Instant
    }

    let limit: Int
    let window: Duration
    let capacity: Int
    private let entries = Mutex<[String: Entry]>([:])

    init(limit: Int = 10, window: Duration = .seconds(60), capacity: Int = 10_000) {
        self.limit = limit
        self.window = window
        self.capacity = capacity
    }

    /// How long the address must wait, when it has used up its failures.
    func retryAfter(for address: String, now: ContinuousClock.Instant = .now) -> Duration? {
        entries.withLock { entries in
            guard let entry = entries[address] else { return nil }
            let ends = entry.windowStart + window
            guard now < ends else {
                entries[address] = nil
                return nil
            }
            return entry.failures >= limit ? now.duration(to: ends) : nil
        }
    }

    func recordFailure(from address: String, now: ContinuousClock.Instant = .now) {
        entries.withLock { entries in
            if var entry = entries[address], now < entry.windowStart + window {
                entry.failures += 1
                entries[address] = entry
                return
            }
            if entries.count >= capacity {
                entries = entries.filter { now < $0.value.windowStart + window }
                if entries.count >= capacity, let oldest = entries.min(by: { $0.value.windowStart < $1.value.windowStart })?.key {
                    entries[oldest] = nil
                }
            }
            entries[address] = Entry(failures: 1, windowStart: now)
        }
    }
}
