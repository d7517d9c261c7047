/// A request URL split the way RFC 5849 §3.4.1.2 needs it: the base string URI (lowercase scheme and
/// host, the port only when it is not the scheme's default, the path, no query or fragment) and the raw
/// query whose parameters join the signature.
///
/// ```swift
/// let url = OAuth1RequestURL("HTTP://Example.com:80/r%20v/X?id=123#top")
/// url.baseStringURI   // "http://example.com/r%20v/X"
/// url.rawQuery        // "id=123"
/// ```
struct OAuth1RequestURL: Sendable {
    /// The scheme, lowercased; empty when the URL has none.
    let scheme: String
    /// The host, lowercased, IPv6 literals keeping their brackets; empty when the URL has none.
    let host: String
    let port: Int?
    /// The still percent-encoded path, `/` when the URL has none.
    let path: String
    let rawQuery: Substring?

    init(_ url: String) {
        var rest = Substring(url)
        if let hash = rest.firstIndex(of: "#") { rest = rest[..<hash] }
        if let question = rest.firstIndex(of: "?") {
            rawQuery = rest[rest.index(after: question)...]
            rest = rest[..<question]
        } else {
            rawQuery = nil
        }
        guard let separator = rest.range(of: "://") else {
            scheme = ""
            host = ""
            port = nil
            path = rest.isEmpty ? "/" : String(rest)
            return
        }
        scheme = rest[..<separator.lowerBound].lowercased()
        rest = rest[separator.upperBound...]
        let pathStart = rest.firstIndex(of: "/") ?? rest.endIndex
        var authority = rest[..<pathStart]
        path = pathStart == rest.endIndex ? "/" : String(rest[pathStart...])
        if let at = authority.lastIndex(of: "@") { authority = authority[authority.index(after: at)...] }
        // A colon after the closing bracket of an IPv6 literal, or any colon otherwise, starts the port.
        let hostEnd = authority.lastIndex(of: "]") ?? authority.startIndex
        if let colon = authority[hostEnd...].lastIndex(of: ":") {
            host = authority[..<colon].lowercased()
            port = Int(authority[authority.index(after: colon)...])
        } else {
            host = authority.lowercased()
            port = nil
        }
    }

    /// Whether this is an absolute `http` or `https` URL with a host, the only kind a request can go to.
    var isAbsoluteHTTP: Bool {
        (scheme == "http" || scheme == "https") && !host.isEmpty
    }

    /// `scheme://host[:port]/path`, the second part of the signature base string before encoding.
    var baseStringURI: String {
        guard !scheme.isEmpty else { return path }
        let defaultPort = scheme == "https" ? 443 : scheme == "http" ? 80 : nil
        if let port, port != defaultPort {
            return "\(scheme)://\(host):\(port)\(path)"
        }
        return "\(scheme)://\(host)\(path)"
    }

    /// The query's name/value pairs, decoded as `application/x-www-form-urlencoded` (`+` is a space).
    var queryParameters: [(String, String)] {
        guard let rawQuery, !rawQuery.isEmpty else { return [] }
        return rawQuery.split(separator: "&", omittingEmptySubsequences: true).map { item in
            let parts = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = PercentEncoding.decode(parts[0], plusAsSpace: true)
            let value = parts.count > 1 ? PercentEncoding.decode(parts[1], plusAsSpace: true) : ""
            return (name, value)
        }
    }
}
