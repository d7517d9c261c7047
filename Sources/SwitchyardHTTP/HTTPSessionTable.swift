import Crypto
import SwitchyardServer
import Synchronization

/// The `Mcp-Session-Id`s handed out by `initialize`, each with its client's log level; the least recently
/// used is forgotten first once ``capacity`` is reached.
///
/// Session ids are 128 random bits in hex: they name a client's handshake state, never grant access.
///
/// ```swift
/// let sessions = HTTPSessionTable(capacity: 10_000)
/// let id = sessions.open()
/// sessions.logLevel(of: id)   // the session's ClientLogLevel, or nil once forgotten or closed
/// ```
final class HTTPSessionTable: Sendable {
    private struct Entries {
        var levels: [String: ClientLogLevel] = [:]
        var lastUse: [String: UInt64] = [:]
        var clock: UInt64 = 0
    }

    let capacity: Int
    private let entries = Mutex(Entries())

    init(capacity: Int) {
        self.capacity = max(1, capacity)
    }

    /// Starts a session and returns its id.
    func open() -> String {
        let id = SymmetricKey(size: .bits128).withUnsafeBytes { bytes in bytes.map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined() }
        entries.withLock { entries in
            if entries.levels.count >= capacity, let oldest = entries.lastUse.min(by: { $0.value < $1.value })?.key {
                entries.levels[oldest] = nil
                entries.lastUse[oldest] = nil
            }
            entries.clock += 1
            entries.levels[id] = ClientLogLevel()
            entries.lastUse[id] = entries.clock
        }
        return id
    }

    /// The session's log level, marking it used; `nil` for an id that is unknown, forgotten or closed.
    func logLevel(of id: String) -> ClientLogLevel? {
        entries.withLock { entries in
            guard let level = entries.levels[id] else { return nil }
            entries.clock += 1
            entries.lastUse[id] = entries.clock
            return level
        }
    }

    /// Ends a session (`DELETE`); returns whether it existed.
    func close(_ id: String) -> Bool {
        entries.withLock { entries in
            entries.lastUse[id] = nil
            return entries.levels.removeValue(forKey: id) != nil
        }
    }
}
