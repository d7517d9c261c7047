/// Byte-level helpers for the rich-text parsers, which read UTF-8 text as `ArraySlice<UInt8>`.
///
/// ```swift
/// ArraySlice("  hi \n".utf8).trimmingWhitespace().string   // "hi"
/// ```
extension ArraySlice<UInt8> {
    /// The slice without leading and trailing ASCII whitespace.
    func trimmingWhitespace() -> ArraySlice<UInt8> {
        var start = startIndex
        var end = endIndex
        while start < end, ByteClass.isWhitespace(self[start]) { start += 1 }
        while end > start, ByteClass.isWhitespace(self[end - 1]) { end -= 1 }
        return self[start..<end]
    }

    /// Whether the slice begins with `prefix`, ignoring ASCII case.
    func hasPrefixIgnoringCase(_ prefix: String) -> Bool {
        var index = startIndex
        for byte in prefix.utf8 {
            guard index < endIndex, ByteClass.lowercased(self[index]) == ByteClass.lowercased(byte) else { return false }
            index += 1
        }
        return true
    }

    /// The bytes as a string (invalid UTF-8 becomes U+FFFD).
    var string: String { String(decoding: self, as: UTF8.self) }

    /// The slice without leading ASCII whitespace.
    func trimmingLeadingSpaces() -> ArraySlice<UInt8> {
        var start = startIndex
        while start < endIndex, ByteClass.isWhitespace(self[start]) { start += 1 }
        return self[start...]
    }

    /// The slice without trailing ASCII whitespace.
    func trimmingTrailingSpaces() -> ArraySlice<UInt8> {
        var end = endIndex
        while end > startIndex, ByteClass.isWhitespace(self[end - 1]) { end -= 1 }
        return self[..<end]
    }
}
