import Foundation
import Switchyard

/// The protocol parameters of an `Authorization: OAuth …` header (RFC 5849 §3.5.1), percent-decoded,
/// in the order they were sent, `realm` included.
///
/// ```swift
/// let header = OAuth1AuthorizationHeader(#"OAuth realm="x", oauth_consumer_key="sandbox-consumer", oauth_nonce="a%20b""#)
/// header?["oauth_nonce"]   // "a b"
/// ```
struct OAuth1AuthorizationHeader: Sendable {
    let parameters: [(String, String)]

    /// `nil` unless `value` uses the `OAuth` scheme.
    init?(_ value: String) {
        guard value.count >= 6, value.prefix(6).lowercased() == "oauth " else { return nil }
        var parameters: [(String, String)] = []
        var rest = value.dropFirst(6)[...]
        while let equals = rest.firstIndex(of: "=") {
            let name = rest[..<equals].trimmingCharacters(in: .whitespaces.union(CharacterSet(charactersIn: ",")))
            rest = rest[rest.index(after: equals)...]
            let raw: Substring
            if rest.first == "\"" {
                let valueStart = rest.index(after: rest.startIndex)
                let valueEnd = rest[valueStart...].firstIndex(of: "\"") ?? rest.endIndex
                raw = rest[valueStart..<valueEnd]
                rest = valueEnd == rest.endIndex ? rest[valueEnd...] : rest[rest.index(after: valueEnd)...]
            } else {
                let valueEnd = rest.firstIndex(of: ",") ?? rest.endIndex
                raw = rest[..<valueEnd]
                rest = rest[valueEnd...]
            }
            parameters.append((PercentEncoding.decode(name), PercentEncoding.decode(raw)))
        }
        self.parameters = parameters
    }

    /// The first value sent for `name`.
    subscript(name: String) -> String? {
        parameters.first { $0.0 == name }?.1
    }

    /// The `oauth_*` parameters, which join the signature base string; `realm` does not.
    var protocolParameters: [(String, String)] {
        parameters.filter { $0.0.hasPrefix("oauth_") }
    }
}
