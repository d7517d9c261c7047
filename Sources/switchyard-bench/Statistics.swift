/// Median, minimum and maximum of repeated measurements.
struct Statistics {
    let median: Double
    let minimum: Double
    let maximum: Double
    let count: Int

    init(_ samples: [Double]) {
        let sorted = samples.sorted()
        count = sorted.count
        minimum = sorted.first ?? 0
        maximum = sorted.last ?? 0
        if sorted.isEmpty {
            median = 0
        } else if sorted.count % 2 == 1 {
            median = sorted[sorted.count / 2]
        } else {
            median = (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
        }
    }
}

extension Duration {
    /// The duration in milliseconds, as a fraction.
    var milliseconds: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) * 1000 + Double(attoseconds) / 1e15
    }
}

/// Times `body` and returns milliseconds.
func measure(_ body: () async throws -> Void) async rethrows -> Double {
    let started = ContinuousClock.now
    try await body()
    return started.duration(to: .now).milliseconds
}
