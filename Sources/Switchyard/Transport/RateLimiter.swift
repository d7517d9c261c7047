/// Client-side limits for one connector: at most a number of requests in flight, and optionally a
/// token bucket of requests per second. Fifty parallel agent calls then queue here instead of turning
/// into a storm of 429s.
actor RateLimiter {
    let settings: RateLimitSettings
    private var inFlight = 0
    private var waiting: [CheckedContinuation<Void, Never>] = []
    private var tokens: Double
    private var refilledAt = ContinuousClock.now

    init(settings: RateLimitSettings) {
        self.settings = settings
        tokens = settings.requestsPerSecond.map { max(1, $0) } ?? 0
    }

    /// Waits for a slot and, with a rate, for a token. Pair every call with ``release()``.
    func acquire() async {
        if inFlight >= settings.maximumConcurrent {
            await withCheckedContinuation { waiting.append($0) }
        } else {
            inFlight += 1
        }
        guard let rate = settings.requestsPerSecond else { return }
        while true {
            let now = ContinuousClock.now
            let elapsed = refilledAt.duration(to: now)
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            tokens = min(max(1, rate), tokens + seconds * rate)
            refilledAt = now
            if tokens >= 1 {
                tokens -= 1
                return
            }
            let wait = (1 - tokens) / rate
            try? await Task.sleep(for: .milliseconds(Int64((wait * 1000).rounded(.up))))
        }
    }

    /// Frees the slot for the next waiting request.
    func release() {
        if waiting.isEmpty {
            inFlight -= 1
        } else {
            waiting.removeFirst().resume()
        }
    }
}
