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
        guard let schemeEnd = url.range(of: "://") else { return nil }
        let scheme = url[..<schemeEnd.lowerBound].lowercased()
        guard scheme == "http" || scheme == "https" else { return nil }
        let rest = url[schemeEnd.upperBound...]
        let authority = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        guard !authority.isEmpty, !authority.contains("@") else { return nil }
        var host = String(authority)
        var port = scheme == "https" ? 443 : 80
        if let colon = authority.lastIndex(of: ":"), !authority.hasSuffix("]") {
            guard let parsed = Int(authority[authority.index(after: colon)...]), (1...65535).contains(parsed) else { return nil }
            port = parsed
            host = String(authority[..<colon])
        }
        guard !host.isEmpty, host.allSatisfy({ $0.isLetter || $0.isNumber || "-.[]:_".contains($0) }) else { return nil }
        self.scheme = scheme
        self.host = host.lowercased()
        self.port = port
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
