/// Unguessable opaque values for codes, tokens, secrets and verifiers the sandbox hands out.
///
/// ```swift
/// RandomToken.make("sandbox-at-")   // "sandbox-at-3f9c0a…" (32 hex digits after the prefix)
/// ```
enum RandomToken {
    static func make(_ prefix: String) -> String {
        var generator = SystemRandomNumberGenerator()
        let words = [generator.next(), generator.next()] as [UInt64]
        return prefix + words.map { word in
            let hex = String(word, radix: 16)
            return String(repeating: "0", count: 16 - hex.count) + hex
        }.joined()
    }
}
