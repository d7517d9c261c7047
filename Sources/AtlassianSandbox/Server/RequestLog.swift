/// Every non-control request the server received, in arrival order.
///
/// To keep long benchmark runs bounded, only the most recent ``capacity`` requests are kept.
///
/// ```swift
/// let log = RequestLog()
/// log.append(request)
/// log.all.count   // 1
/// ```
final class RequestLog: Sendable {
    static let capacity = 100_000

    private let entries = Locked<[SandboxRequest]>([])

    func append(_ request: SandboxRequest) {
        entries.withLock { entries in
            if entries.count >= Self.capacity + Self.capacity / 2 {
                entries.removeFirst(entries.count - Self.capacity)
            }
            entries.append(request)
        }
    }

    var all: [SandboxRequest] {
        entries.withLock { entries in
            entries.count > Self.capacity ? Array(entries.suffix(Self.capacity)) : entries
        }
    }

    func clear() {
        entries.withLock { $0.removeAll() }
    }
}
