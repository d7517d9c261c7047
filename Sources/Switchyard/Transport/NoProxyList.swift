/// The hosts `NO_PROXY` sends direct, matched as curl does.
///
/// A comma (or space) separated list: `*` matches every host; a name matches itself and its subdomains,
/// with or without a leading dot (`.corp.example` and `corp.example` both match `jira.corp.example`); an IP
/// address matches only itself, and a CIDR range (`10.0.0.0/8`, `fd00::/8`) the addresses in it;
/// `host:port` matches that port only. Matching ignores case, and loopback is not special: list
/// `localhost,127.0.0.1` to keep it off the proxy.
///
/// ```swift
/// let list = NoProxyList("localhost, .corp.example, 10.0.0.7:8443, 192.168.0.0/16")
/// list.matches(host: "jira.corp.example", port: 443)   // true
/// list.matches(host: "192.168.4.2", port: 80)          // true
/// ```
public struct NoProxyList: Sendable, Hashable {
    private struct Entry: Sendable, Hashable {
        let host: String
        let port: Int?
    }

    private let matchesAll: Bool
    private let entries: [Entry]
    private let networks: [IPNetwork]

    public init(_ text: String) {
        var matchesAll = false
        var entries: [Entry] = []
        var networks: [IPNetwork] = []
        for piece in text.split(whereSeparator: { $0 == "," || $0 == " " || $0 == "\t" }) {
            let item = piece.lowercased()
            if item == "*" {
                matchesAll = true
                continue
            }
            if item.contains("/") {
                if let network = IPNetwork(cidr: item) { networks.append(network) }
                continue
            }
            var host = Substring(item)
            var port: Int?
            // `host:port` or `[v6]:port`; a bare IPv6 address has more than one colon and no port.
            if let colon = host.lastIndex(of: ":"), host.hasPrefix("[") ? host[..<colon].hasSuffix("]") : host.filter({ $0 == ":" }).count == 1,
               let parsed = Int(host[host.index(after: colon)...]) {
                port = parsed
                host = host[..<colon]
            }
            host = Self.unbracketed(host)
            while host.hasPrefix(".") { host = host.dropFirst() }
            if !host.isEmpty { entries.append(Entry(host: String(host), port: port)) }
        }
        self.matchesAll = matchesAll
        self.entries = entries
        self.networks = networks
    }

    /// Whether a request to `host:port` goes direct.
    public func matches(host: String, port: Int) -> Bool {
        if matchesAll { return true }
        let host = Self.unbracketed(Substring(host.lowercased()))
        let isAddress = host.contains(":") || host.allSatisfy { $0.isNumber || $0 == "." }
        if isAddress, networks.contains(where: { $0.contains(address: host) }) { return true }
        return entries.contains { entry in
            if let entryPort = entry.port, entryPort != port { return false }
            if host == entry.host { return true }
            return !isAddress && host.hasSuffix(entry.host) && host.dropLast(entry.host.count).hasSuffix(".")
        }
    }

    private static func unbracketed(_ host: Substring) -> Substring {
        host.hasPrefix("[") && host.hasSuffix("]") ? host.dropFirst().dropLast() : host
    }
}
