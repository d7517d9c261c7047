/// A manifest's own retry and rate-limit settings: per connector, with per-action retry overrides.
///
/// ```json
/// "retry": {"max_attempts": 3, "base_delay_ms": 250, "max_delay_ms": 10000, "attempt_timeout_ms": 20000},
/// "rate_limit": {"max_concurrent": 8, "requests_per_second": 10}
/// ```
public struct RetrySettings: Sendable, Hashable {
    public var maximumAttempts: Int?
    public var baseDelay: Duration?
    public var maximumDelay: Duration?
    public var attemptTimeout: Duration?

    public static let none = RetrySettings()

    /// The policy for one action: the runtime's, then the connector's settings, then the action's on top.
    static func policy(base: RetryPolicy, connector: RetrySettings, action: RetrySettings) -> RetryPolicy {
        action.applied(to: connector.applied(to: base))
    }

    /// The policy with these settings laid over it.
    func applied(to policy: RetryPolicy) -> RetryPolicy {
        var result = policy
        if let maximumAttempts { result.maximumAttempts = maximumAttempts }
        if let baseDelay { result.baseDelay = baseDelay }
        if let maximumDelay { result.maximumDelay = maximumDelay }
        if let attemptTimeout { result.attemptTimeout = attemptTimeout }
        return result
    }

    static func decode(_ json: JSONValue, at pointer: JSONPointer, problems: inout ProblemList) -> RetrySettings {
        guard var reader = ObjectReader(json, at: pointer, what: "'retry'", problems: &problems) else { return .none }
        var settings = RetrySettings()
        settings.maximumAttempts = reader.integer("max_attempts", minimum: 1, problems: &problems)
        settings.baseDelay = reader.integer("base_delay_ms", minimum: 0, problems: &problems).map { .milliseconds($0) }
        settings.maximumDelay = reader.integer("max_delay_ms", minimum: 0, problems: &problems).map { .milliseconds($0) }
        settings.attemptTimeout = reader.integer("attempt_timeout_ms", minimum: 1, problems: &problems).map { .milliseconds($0) }
        reader.reportUnknownFields(&problems)
        return settings
    }
}

/// Client-side limits that keep a burst of agent calls from turning into a 429 storm.
public struct RateLimitSettings: Sendable, Hashable {
    /// Requests in flight to the connector at once.
    public var maximumConcurrent: Int
    /// A token bucket: sustained requests per second (bursts up to the same number), or no limit.
    public var requestsPerSecond: Double?

    public static let defaultMaximumConcurrent = 16

    public init(maximumConcurrent: Int = RateLimitSettings.defaultMaximumConcurrent, requestsPerSecond: Double? = nil) {
        self.maximumConcurrent = maximumConcurrent
        self.requestsPerSecond = requestsPerSecond
    }

    static func decode(_ json: JSONValue, at pointer: JSONPointer, problems: inout ProblemList) -> RateLimitSettings {
        guard var reader = ObjectReader(json, at: pointer, what: "'rate_limit'", problems: &problems) else { return RateLimitSettings() }
        let concurrent = reader.integer("max_concurrent", minimum: 1, problems: &problems) ?? defaultMaximumConcurrent
        var perSecond: Double?
        if let value = reader.value("requests_per_second") {
            if let number = value.doubleValue, number > 0 {
                perSecond = number
            } else {
                problems.add(pointer.appending("requests_per_second"), "'requests_per_second' must be a number > 0")
            }
        }
        reader.reportUnknownFields(&problems)
        return RateLimitSettings(maximumConcurrent: concurrent, requestsPerSecond: perSecond)
    }
}
