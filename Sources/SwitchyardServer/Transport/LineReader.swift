import Foundation

/// Reads newline-delimited messages from a file descriptor on a dedicated blocking thread.
///
/// A blocking read wakes the moment a line arrives, unlike a polling reader that sleeps between empty
/// reads. A line longer than ``maximumLineBytes`` is discarded as it streams in — it never sits in memory
/// whole — and reported as ``Line/oversized(_:)`` so the server can answer it with an error.
public struct LineReader: Sendable {
    /// What the reader delivers.
    public enum Line: Sendable {
        case message([UInt8])
        /// A line that was too long; its byte count so far.
        case oversized(Int)
    }

    public static let defaultMaximumLineBytes = 16 * 1024 * 1024

    public let fileDescriptor: Int32
    public let maximumLineBytes: Int

    public init(fileDescriptor: Int32 = STDIN_FILENO, maximumLineBytes: Int = LineReader.defaultMaximumLineBytes) {
        self.fileDescriptor = fileDescriptor
        self.maximumLineBytes = maximumLineBytes
    }

    /// The lines, ending at end of input.
    public func lines() -> AsyncStream<Line> {
        let (stream, continuation) = AsyncStream<Line>.makeStream()
        let descriptor = fileDescriptor
        let limit = maximumLineBytes
        let thread = Thread {
            LineReader.readLoop(descriptor: descriptor, limit: limit) { continuation.yield($0) }
            continuation.finish()
        }
        thread.name = "switchyard.stdin"
        thread.start()
        return stream
    }

    static func readLoop(descriptor: Int32, limit: Int, deliver: (Line) -> Void) {
        var pending: [UInt8] = []
        var discarding = 0
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { break }
            var start = 0
            for index in 0..<count where buffer[index] == UInt8(ascii: "\n") {
                if discarding > 0 {
                    deliver(.oversized(discarding + index - start))
                    discarding = 0
                } else {
                    pending.append(contentsOf: buffer[start..<index])
                    if pending.count > limit {
                        deliver(.oversized(pending.count))
                    } else {
                        deliver(.message(pending))
                    }
                    pending.removeAll(keepingCapacity: pending.count <= 1 << 20)
                }
                start = index + 1
            }
            if discarding > 0 {
                discarding += count - start
            } else {
                pending.append(contentsOf: buffer[start..<count])
                if pending.count > limit {
                    discarding = pending.count
                    pending = []
                }
            }
        }
        if discarding > 0 {
            deliver(.oversized(discarding))
        } else if !pending.isEmpty {
            deliver(.message(pending))
        }
    }
}
