import CoreMetrics
import Metrics

/// What the runtime counts about the services it calls, through the swift-metrics API. Every figure is a
/// no-op until the process bootstraps `MetricsSystem` (`switchyard serve --http` does, with Prometheus).
///
/// Labels are connector names and fixed words only, never URLs, params or credentials.
///
/// ```swift
/// RuntimeMetrics.upstreamExchange(connector: "jira", status: 200, duration: .milliseconds(42))
/// // switchyard_upstream_duration_seconds_bucket{connector="jira",status_class="2xx",le="0.05"} 1
/// ```
enum RuntimeMetrics {
    /// One HTTP exchange with a service, from sending the request to having the whole response.
    static func upstreamExchange(connector: String, status: Int?, duration: Duration) {
        let statusClass = status.map { "\($0 / 100)xx" } ?? "none"
        Timer(label: "switchyard_upstream_duration_seconds", dimensions: [("connector", connector), ("status_class", statusClass)])
            .record(duration: duration)
    }

    /// An attempt repeated after a failure the retry policy allows.
    static func retry(connector: String, kind: ExecutionError.Kind) {
        Counter(label: "switchyard_upstream_retries_total", dimensions: [("connector", connector), ("kind", kind.rawValue)]).increment()
    }

    /// An OAuth 2.0 access token refreshed with the refresh token (`outcome`: ok or failed).
    static func tokenRefresh(connector: String, succeeded: Bool) {
        Counter(label: "switchyard_token_refreshes_total", dimensions: [("connector", connector), ("outcome", succeeded ? "ok" : "failed")]).increment()
    }
}
