/// The scheme, host and port of a URL: requests and followed links must stay on the configured origin.
///
/// ```swift
/// URLOrigin("https://acme.atlassian.net/wiki/api/v2/pages?cursor=x")?.description   // "https://acme.atlassian.net"
/// ```
public struct URLOrigin: Sendable, Hashable, CustomStringConvertible {
    public let scheme: String
    public let host: String
    public let port: Int

    /// Parses an absolute `http`/`https` URL; `nil` for anything else.
    public init?(_ url: String) {
        // Byte-wise: this runs on every request, and Character iteration costs tens of microseconds.
        let bytes = Array(url.utf8)
        guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")), colon + 2 < bytes.count,
              bytes[colon + 1] == UInt8(ascii: "/"), bytes[colon + 2] == UInt8(ascii: "/") else { return nil }
        let scheme = String(decoding: bytes[..<colon], as: UTF8.self).lowercased()
        guard scheme == "http" || scheme == "https" else { return nil }
        let authorityStart = colon + 3
        let authorityEnd = bytes[authorityStart...].firstIndex { $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") } ?? bytes.endIndex
        let authority = bytes[authorityStart..<authorityEnd]
        guard !authority.isEmpty, !authority.contains(UInt8(ascii: "@")) else { return nil }
        var hostBytes = authority
        var port = scheme == "https" ? 443 : 80
        if let portColon = authority.lastIndex(of: UInt8(ascii: ":")), authority.last != UInt8(ascii: "]") {
            let digits = authority[(portColon + 1)...]
            guard !digits.isEmpty, digits.count <= 5, digits.allSatisfy({ (0x30...0x39).contains($0) }),
                  let parsed = Int(String(decoding: digits, as: UTF8.self)), (1...65535).contains(parsed) else { return nil }
            port = parsed
            hostBytes = authority[..<portColon]
        }
        let host = String(decoding: hostBytes, as: UTF8.self)
        guard !host.isEmpty, Self.isHost(hostBytes, text: host) else { return nil }
        self.scheme = scheme
        self.host = host.lowercased()
        self.port = port
    }

    /// Letters, digits and `-.[]:_`; non-ASCII hosts (IDN) are checked by Character.
    private static func isHost(_ bytes: ArraySlice<UInt8>, text: String) -> Bool {
        guard bytes.allSatisfy({ $0 < 0x80 }) else {
            return text.allSatisfy { $0.isLetter || $0.isNumber || "-.[]:_".contains($0) }
        }
        return bytes.allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"): true
            case UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: ":"), UInt8(ascii: "_"): true
            default: false
            }
        }
    }

    public var description: String {
        let defaultPort = scheme == "https" ? 443 : 80
        return port == defaultPort ? "\(scheme)://\(host)" : "\(scheme)://\(host):\(port)"
    }

    /// Resolves `link` and returns it only when it stays on this origin.
    ///
    /// An absolute link is taken as is; a link starting with `/` is appended to `base` when given (Confluence
    /// v1 links are relative to `_links.base`, which ends in `/wiki`), or to this origin.
    public func resolveSameOrigin(_ link: String, relativeTo base: String?) -> String? {
        let absolute: String
        if link.hasPrefix("http://") || link.hasPrefix("https://") {
            absolute = link
        } else if link.hasPrefix("/"), !link.hasPrefix("//") {
            var prefix = base ?? description
            while prefix.hasSuffix("/") { prefix.removeLast() }
            absolute = prefix + link
        } else {
            return nil
        }
        guard URLOrigin(absolute) == self else { return nil }
        return absolute
    }
}
