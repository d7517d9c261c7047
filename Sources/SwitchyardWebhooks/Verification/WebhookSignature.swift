import Crypto

/// The `X-Hub-Signature` check Jira (Cloud and Data Center) and Confluence apply to a webhook registered with
/// a secret: `sha256=` and the lowercase hex HMAC-SHA256 of the raw body under that secret.
///
/// ```swift
/// let header = WebhookSignature.header(for: Array(#"{"webhookEvent":"jira:issue_created"}"#.utf8), secret: "s3cret")
/// WebhookSignature.verify(header: header, body: body, secret: "s3cret")   // .valid
/// ```
public enum WebhookSignature {
    /// What a signature header turned out to be.
    public enum Verdict: Sendable, Equatable {
        case valid
        /// No `X-Hub-Signature` header at all.
        case missing
        /// Not `sha256=` followed by 64 hex digits.
        case malformed
        /// Well formed, but not the body's HMAC under the secret.
        case mismatch
    }

    /// The header value a sender with `secret` puts on `body`.
    public static func header(for body: some Sequence<UInt8>, secret: String) -> String {
        "sha256=" + hex(digest(of: Array(body), secret: secret))
    }

    /// Checks `header` against the HMAC of `body`; the comparison takes the same time wherever the bytes differ.
    public static func verify(header: String?, body: [UInt8], secret: String) -> Verdict {
        guard let header else { return .missing }
        let prefix = "sha256="
        guard header.count == prefix.count + 64, header.lowercased().hasPrefix(prefix),
              let claimed = bytes(ofHex: header.dropFirst(prefix.count)) else { return .malformed }
        let expected = digest(of: body, secret: secret)
        var difference: UInt8 = 0
        for (left, right) in zip(claimed, expected) { difference |= left ^ right }
        return difference == 0 ? .valid : .mismatch
    }

    private static func digest(of body: [UInt8], secret: String) -> [UInt8] {
        Array(HMAC<SHA256>.authenticationCode(for: body, using: SymmetricKey(data: Array(secret.utf8))))
    }

    private static func hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef")
        return String(bytes.flatMap { [digits[Int($0 >> 4)], digits[Int($0 & 0x0F)]] })
    }

    private static func bytes(ofHex text: Substring) -> [UInt8]? {
        var result: [UInt8] = []
        result.reserveCapacity(32)
        var high: UInt8?
        for character in text.utf8 {
            let nibble: UInt8
            switch character {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): nibble = character - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): nibble = character - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): nibble = character - UInt8(ascii: "A") + 10
            default: return nil
            }
            if let first = high {
                result.append(first << 4 | nibble)
                high = nil
            } else {
                high = nibble
            }
        }
        return result.count == 32 ? result : nil
    }
}
