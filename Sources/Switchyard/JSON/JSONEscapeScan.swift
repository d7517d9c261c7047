/// Finds the bytes a JSON string must escape (`"`, `\` and control characters) eight at a time.
///
/// Most text needs no escapes, so the writer and the byte counter skip whole 8-byte words that hold
/// none, with the bit tricks for "has a byte less than n" and "has a byte equal to n" (exact for any
/// byte values), and look at single bytes only inside a word that holds one.
enum JSONEscapeScan {
    /// Whether `byte` must be escaped inside a JSON string.
    @inline(__always)
    static func needsEscape(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\")
    }

    /// The index of the first byte at or after `start` that must be escaped, or `bytes.count`.
    static func firstEscape(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        guard let base = bytes.baseAddress else { return bytes.count }
        var index = start
        while index &+ 8 <= bytes.count {
            let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
            if wordNeedsEscape(word) { break }
            index &+= 8
        }
        while index < bytes.count, !needsEscape(bytes[index]) { index &+= 1 }
        return index
    }

    @inline(__always)
    private static func wordNeedsEscape(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let control = (word &- ones &* 0x20) & ~word & highs
        let quote = word ^ (ones &* UInt64(UInt8(ascii: "\"")))
        let backslash = word ^ (ones &* UInt64(UInt8(ascii: "\\")))
        let quoteFound = (quote &- ones) & ~quote & highs
        let backslashFound = (backslash &- ones) & ~backslash & highs
        return (control | quoteFound | backslashFound) != 0
    }
}
