/// Case-insensitive comparisons for HTTP header names and media types, which are ASCII.
///
/// They work on UTF-8 bytes: `lowercased()` allocates, and `contains(_:)` on a String goes through
/// Foundation, both too slow for code that runs on every response.
extension StringProtocol {
    /// Whether the two are equal ignoring ASCII case: `"content-type".equalsIgnoringASCIICase("Content-Type")`.
    func equalsIgnoringASCIICase(_ other: some StringProtocol) -> Bool {
        utf8.count == other.utf8.count && zip(utf8, other.utf8).allSatisfy { Self.lowered($0) == Self.lowered($1) }
    }

    /// Whether `needle` occurs in this text ignoring ASCII case: `"Application/JSON".containsIgnoringASCIICase("json")`.
    func containsIgnoringASCIICase(_ needle: some StringProtocol) -> Bool {
        let haystack = utf8.map(Self.lowered)
        let pattern = needle.utf8.map(Self.lowered)
        guard pattern.count <= haystack.count else { return false }
        guard !pattern.isEmpty else { return true }
        return (0...(haystack.count - pattern.count)).contains { start in
            haystack[start..<(start + pattern.count)].elementsEqual(pattern)
        }
    }

    private static func lowered(_ byte: UInt8) -> UInt8 {
        (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte | 0x20 : byte
    }
}
