/// Every non-control request the server received, in arrival order, and, once ``keepsResponses`` is on,
/// the answer each got.
///
/// To keep long benchmark runs bounded, only the most recent ``capacity`` requests are kept, and responses
/// are kept only when asked for.
///
/// ```swift
/// let log = RequestLog()
/// let sequence = log.append(request)
/// log.all.count   // 1
/// log.keepsResponses = true
/// log.record(status: 200, contentType: "application/json", body: bytes, for: sequence)
/// log.exchanges.last?.response?.status   // 200 (for a request appended while it was on)
/// ```
final class RequestLog: Sendable {
    static let capacity = 100_000

    private struct Entries {
        var exchanges: [SandboxExchange] = []
        /// How many entries were dropped from the front; an entry's sequence number minus this is its index.
        var dropped = 0
        var keepsResponses = false
    }

    private let entries = Locked(Entries())

    /// Whether responses are recorded with their requests; off by default, as bodies can be large.
    var keepsResponses: Bool {
        get { entries.withLock { $0.keepsResponses } }
        set { entries.withLock { $0.keepsResponses = newValue } }
    }

    /// Records a request; the result identifies it for ``record(status:contentType:body:for:)``.
    @discardableResult
    func append(_ request: SandboxRequest) -> Int {
        entries.withLock { entries in
            if entries.exchanges.count >= Self.capacity + Self.capacity / 2 {
                let excess = entries.exchanges.count - Self.capacity
                entries.exchanges.removeFirst(excess)
                entries.dropped += excess
            }
            entries.exchanges.append(SandboxExchange(request: request, response: nil))
            return entries.dropped + entries.exchanges.count - 1
        }
    }

    /// Attaches the answer to the request `sequence` names, when responses are kept and it is still logged.
    func record(status: Int, contentType: String?, body: [UInt8], for sequence: Int) {
        entries.withLock { entries in
            let index = sequence - entries.dropped
            guard entries.keepsResponses, entries.exchanges.indices.contains(index) else { return }
            entries.exchanges[index].response = SandboxExchange.Response(status: status, contentType: contentType, body: body)
        }
    }

    var all: [SandboxRequest] {
        exchanges.map(\.request)
    }

    var exchanges: [SandboxExchange] {
        entries.withLock { entries in
            entries.exchanges.count > Self.capacity ? Array(entries.exchanges.suffix(Self.capacity)) : entries.exchanges
        }
    }

    func clear() {
        entries.withLock { entries in
            entries.dropped += entries.exchanges.count
            entries.exchanges.removeAll()
        }
    }
}
