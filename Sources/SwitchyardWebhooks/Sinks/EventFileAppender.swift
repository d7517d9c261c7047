#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Appends each event as one JSON line to a file (`--append FILE`), created with mode 0600 when missing.
///
/// Every line is one `write(2)` to a file opened `O_APPEND`, so lines from two listeners never interleave.
///
/// ```swift
/// let appender = try EventFileAppender(path: "events.jsonl")
/// try await appender.append(event)
/// ```
public actor EventFileAppender {
    public nonisolated let path: String
    private let descriptor: Int32

    public init(path: String) throws(WebhookSinkError) {
        let descriptor = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw .cannotOpen(path: path, reason: String(cString: strerror(errno))) }
        self.path = path
        self.descriptor = descriptor
    }

    deinit { close(descriptor) }

    public func append(_ event: WebhookEvent) throws(WebhookSinkError) {
        let bytes = Array((event.line + "\n").utf8)
        var written = 0
        while written < bytes.count {
            let result = bytes[written...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            if result < 0 {
                if errno == EINTR { continue }
                throw .cannotWrite(path: path, reason: String(cString: strerror(errno)))
            }
            written += result
        }
    }
}

/// A sink that could not take an event, naming the option that configured it.
public enum WebhookSinkError: Error, Sendable, CustomStringConvertible, Equatable {
    /// `--append FILE` could not be opened.
    case cannotOpen(path: String, reason: String)
    /// `--append FILE` could not be written.
    case cannotWrite(path: String, reason: String)
    /// `--exec CMD` could not be started or failed.
    case commandFailed(command: String, reason: String)
    /// `--exec CMD` was still busy with earlier events and the queue was full, so this one was not handed on.
    case commandQueueFull(command: String, capacity: Int)

    public var description: String {
        switch self {
        case .cannotOpen(let path, let reason): "--append \(path): cannot open: \(reason)"
        case .cannotWrite(let path, let reason): "--append \(path): cannot write: \(reason)"
        case .commandFailed(let command, let reason): "--exec \(command): \(reason)"
        case .commandQueueFull(let command, let capacity):
            "--exec \(command): \(capacity) events already wait for the command; this one was dropped"
        }
    }
}
