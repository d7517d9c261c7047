import NIOCore

/// A valid JSON document of an exact size, produced in pieces so a huge body is never held in memory:
/// `{"filler":"xxxx…"}`, or `{}` padded with spaces when fewer than 13 bytes are asked for.
///
/// ```swift
/// let body = FillerBody(size: 1_000_000)
/// var buffer = allocator.buffer(capacity: 65_536)
/// body.write(from: 0, count: 65_536, into: &buffer)
/// ```
struct FillerBody {
    let size: Int
    private let prefix: [UInt8]
    private let suffix: [UInt8]
    private let filler: UInt8

    init(size: Int) {
        self.size = max(size, 2)
        if size >= 13 {
            prefix = Array(#"{"filler":""#.utf8)
            suffix = Array(#""}"#.utf8)
            filler = UInt8(ascii: "x")
        } else {
            prefix = Array("{}".utf8)
            suffix = []
            filler = UInt8(ascii: " ")
        }
    }

    /// Writes bytes `offset ..< offset + count` of the document.
    func write(from offset: Int, count: Int, into buffer: inout ByteBuffer) {
        let end = min(offset + count, size)
        let fillerEnd = size - suffix.count
        var position = offset
        if position < prefix.count {
            let upTo = min(prefix.count, end)
            buffer.writeBytes(prefix[position..<upTo])
            position = upTo
        }
        if position < fillerEnd, position < end {
            let upTo = min(fillerEnd, end)
            buffer.writeRepeatingByte(filler, count: upTo - position)
            position = upTo
        }
        if position < end {
            buffer.writeBytes(suffix[(position - fillerEnd)..<(end - fillerEnd)])
        }
    }
}
