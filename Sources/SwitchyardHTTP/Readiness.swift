import ServiceLifecycle
import Synchronization

/// Whether the server should get traffic: `/readyz` answers 200 once the catalog has loaded and until a
/// graceful shutdown begins.
///
/// ```swift
/// let readiness = Readiness()
/// readiness.markLoaded()
/// readiness.state   // .ready
/// ```
final class Readiness: Sendable {
    enum State: Equatable {
        case loading, ready, draining
        case failed(String)
    }

    private let value = Mutex(State.loading)

    var state: State { value.withLock { $0 } }

    func markLoaded() {
        value.withLock { if $0 == .loading { $0 = .ready } }
    }

    func markFailed(_ reason: String) {
        value.withLock { $0 = .failed(reason) }
    }

    func markDraining() {
        value.withLock { $0 = .draining }
    }
}

/// A service that marks the server as draining when graceful shutdown begins. It runs after the HTTP
/// server in the service group, so it is told first and `/readyz` turns 503 while requests still finish.
struct DrainWatcher: Service {
    let readiness: Readiness

    func run() async throws {
        try? await gracefulShutdown()
        readiness.markDraining()
    }
}
