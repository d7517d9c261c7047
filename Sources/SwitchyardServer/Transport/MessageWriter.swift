import Foundation
import Switchyard
import Synchronization

/// The single writer of protocol messages: each message is one line, written whole, never interleaved.
public final class MessageWriter: Sendable {
    private let fileDescriptor: Int32
    private let lock = Mutex<Bool>(true)

    public init(fileDescriptor: Int32 = STDOUT_FILENO) {
        self.fileDescriptor = fileDescriptor
    }

    /// Writes `message` as compact JSON plus a newline. Returns `false` once the other end has gone away.
    @discardableResult
    public func write(_ message: JSONValue) -> Bool {
        var bytes = message.serializedBytes()
        bytes.append(UInt8(ascii: "\n"))
        return lock.withLock { open in
            guard open else { return false }
            var offset = 0
            while offset < bytes.count {
                let written = bytes[offset...].withUnsafeBytes { Foundation.write(fileDescriptor, $0.baseAddress, $0.count) }
                if written < 0, errno == EINTR { continue }
                guard written > 0 else {
                    open = false
                    return false
                }
                offset += written
            }
            return true
        }
    }
}
