import Switchyard
import Synchronization

/// Where the notifications about a request go, and the log level its client asked for.
///
/// Over stdio there is one channel, the output stream, for the whole session. Over HTTP each POST has its
/// own: a server-sent-event stream when the client accepts one, and the log level of its `Mcp-Session-Id`.
///
/// ```swift
/// let channel = ClientChannel(logLevel: ClientLogLevel()) { notification in stream.yield(notification) }
/// let reply = await session.respond(to: body, channel: channel)
/// ```
public struct ClientChannel: Sendable {
    /// Sends one notification to the client; a channel that cannot carry any drops it.
    let send: @Sendable (JSONValue) -> Void
    /// What `logging/setLevel` set for this client.
    let logLevel: ClientLogLevel

    public init(logLevel: ClientLogLevel, send: @escaping @Sendable (JSONValue) -> Void) {
        self.send = send
        self.logLevel = logLevel
    }

    /// A channel that carries no notifications (an HTTP client that does not accept an event stream).
    public static func silent(logLevel: ClientLogLevel) -> ClientChannel {
        ClientChannel(logLevel: logLevel) { _ in }
    }
}

/// The level a client set with `logging/setLevel`; `nil` sends no log notifications.
public final class ClientLogLevel: Sendable {
    private let level = Mutex<LogLevel?>(nil)

    public init() {}

    var current: LogLevel? { level.withLock { $0 } }

    /// Whether the client asked for log notifications.
    public var isSet: Bool { current != nil }

    func set(_ newLevel: LogLevel) {
        level.withLock { $0 = newLevel }
    }
}
