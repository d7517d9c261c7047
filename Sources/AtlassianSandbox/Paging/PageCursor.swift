import Foundation

/// An opaque page token (Jira `nextPageToken`, Confluence `cursor`) that remembers an offset and the
/// query it belongs to, so a token replayed against a different query is refused.
///
/// ```swift
/// let token = PageCursor(offset: 25, scope: jql).token          // "c2J4OjI1OjlmM2Ey..."
/// PageCursor(token: token, scope: jql)?.offset                  // 25
/// PageCursor(token: token, scope: "other query")                // nil
/// ```
struct PageCursor: Sendable {
    let offset: Int
    let scope: String

    init(offset: Int, scope: String) {
        self.offset = offset
        self.scope = scope
    }

    /// Decodes a token; `nil` when it is malformed or was issued for another scope.
    init?(token: String, scope: String) {
        var base64 = token.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        guard let data = Data(base64Encoded: base64) else { return nil }
        let parts = String(decoding: data, as: UTF8.self).split(separator: ":")
        guard parts.count == 3, parts[0] == "sbx", let offset = Int(parts[1]), offset >= 0,
            parts[2] == Self.fingerprint(of: scope)
        else { return nil }
        self.init(offset: offset, scope: scope)
    }

    /// The URL-safe token text (base64url without padding).
    var token: String {
        Data("sbx:\(offset):\(Self.fingerprint(of: scope))".utf8).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// A stable FNV-1a hash, so tokens stay valid across runs with the same data.
    private static func fingerprint(of scope: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in scope.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return String(hash, radix: 16)
    }
}
