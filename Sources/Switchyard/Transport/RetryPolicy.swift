import Foundation

/// When to try a request again, and how long to wait.
///
/// A 429 is always retried, after the server's `Retry-After`. A 502/503/504, a dropped connection or a
/// timeout is retried only when the action is idempotent, so a POST that may have reached the server is
/// never sent twice. Waits grow exponentially with full jitter up to ``maximumDelay``, and no wait may run
/// past the execute's ``deadline``.
public struct RetryPolicy: Sendable {
    public var maximumAttempts: Int
    public var baseDelay: Duration
    public var maximumDelay: Duration
    /// The total time one execute may take, retries and pages included.
    public var deadline: Duration
    /// The most time one HTTP attempt may take.
    public var attemptTimeout: Duration

    public init(
        maximumAttempts: Int = 4,
        baseDelay: Duration = .milliseconds(500),
        maximumDelay: Duration = .seconds(30),
        deadline: Duration = .seconds(60),
        attemptTimeout: Duration = .seconds(30)
    ) {
        self.maximumAttempts = maximumAttempts
        self.baseDelay = baseDelay
        self.maximumDelay = maximumDelay
        self.deadline = deadline
        self.attemptTimeout = attemptTimeout
    }

    /// Whether a failed attempt may be repeated.
    func shouldRetry(_ error: ExecutionError, idempotent: Bool, attempt: Int) -> Bool {
        guard attempt < maximumAttempts else { return false }
        switch error.kind {
        case .rateLimited: return true
        // A TLS failure or a cancellation is a network or timeout error that another attempt cannot fix.
        case .network, .timeout: return idempotent && error.retryable
        case .upstream: return idempotent && [502, 503, 504].contains(error.status ?? 0)
        default: return false
        }
    }

    /// The wait before attempt `attempt + 1`: the server's hint when it gave one, else exponential backoff with full jitter.
    func delay(after error: ExecutionError, attempt: Int) -> Duration {
        if let milliseconds = error.details["retry_after_ms"]?.intValue {
            return .milliseconds(max(0, milliseconds))
        }
        let exponential = baseDelay * Int(pow(2.0, Double(attempt - 1)))
        let capped = min(exponential, maximumDelay)
        return capped * Double.random(in: 0...1)
    }
}
