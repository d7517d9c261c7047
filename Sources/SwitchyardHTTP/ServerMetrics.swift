import CoreMetrics
import Metrics
import Prometheus
import Switchyard

/// The server's Prometheus metrics, kept through swift-metrics and served at `/metrics`.
///
/// The HTTP server counts requests by JSON-RPC method, errors by kind, and requests in flight, and times
/// each request. The runtime's own metrics (upstream latency, retries, token refreshes) go to the global
/// `MetricsSystem`; `switchyard serve --http` bootstraps it with the same registry, so one scrape has both.
///
/// ```swift
/// let metrics = ServerMetrics()
/// metrics.requestStarted()
/// metrics.requestFinished(method: "tools/call", errorKind: nil, duration: .milliseconds(3))
/// print(metrics.exposition())   // switchyard_requests_total{method="tools/call"} 1 …
/// ```
public final class ServerMetrics: Sendable {
    public let registry: PrometheusCollectorRegistry
    private let factory: PrometheusMetricsFactory
    private let inFlight: Meter

    /// Methods counted under their own name; any other is counted as `other`, so a client cannot grow the
    /// label set without bound.
    static let knownMethods: Set<String> = [
        "initialize", "ping", "server/discover", "tools/list", "tools/call", "logging/setLevel",
        "describe", "execute", "export", "search", "version", "batch", "notification",
    ]

    public init(registry: PrometheusCollectorRegistry = PrometheusCollectorRegistry()) {
        self.registry = registry
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.defaultDurationHistogramBuckets = [
            .microseconds(500), .milliseconds(1), .milliseconds(2), .milliseconds(5), .milliseconds(10), .milliseconds(25),
            .milliseconds(50), .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1), .seconds(2.5),
            .seconds(5), .seconds(10),
        ]
        self.factory = factory
        inFlight = Meter(label: "switchyard_requests_in_flight", factory: factory)
    }

    /// A factory over the same registry, for `MetricsSystem.bootstrap`.
    public var metricsFactory: any MetricsFactory { factory }

    func requestStarted() {
        inFlight.increment()
    }

    /// Counts a finished request; `errorKind` is the JSON-RPC error or the tool error's kind.
    func requestFinished(method: String, errorKind: String?, duration: Duration) {
        inFlight.decrement()
        let method = Self.knownMethods.contains(method) ? method : "other"
        Counter(label: "switchyard_requests_total", dimensions: [("method", method)], factory: factory).increment()
        Timer(label: "switchyard_request_duration_seconds", dimensions: [("method", method)], factory: factory).record(duration: duration)
        if let errorKind {
            Counter(label: "switchyard_errors_total", dimensions: [("kind", errorKind)], factory: factory).increment()
        }
    }

    /// Counts a request refused before it reached the protocol (origin, size, media type, session).
    func refused(status: Int) {
        Counter(label: "switchyard_http_refused_total", dimensions: [("status", String(status))], factory: factory).increment()
    }

    /// The Prometheus text exposition of every metric in the registry.
    public func exposition() -> [UInt8] {
        registry.emitToBuffer()
    }
}
