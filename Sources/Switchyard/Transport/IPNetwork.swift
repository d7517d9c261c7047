#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// An IPv4 or IPv6 network in CIDR notation, as `NO_PROXY` may list them (curl 7.86 and later) and
/// `switchyard webhooks listen --allow-from` takes them.
///
/// ```swift
/// IPNetwork(cidr: "10.0.0.0/8")?.contains(address: "10.20.30.40")   // true
/// IPNetwork(cidr: "fd00::/8")?.contains(address: "fd12::1")          // true
/// ```
public struct IPNetwork: Sendable, Hashable {
    /// The network's address, 4 or 16 bytes.
    private let address: [UInt8]
    /// How many leading bits of an address must match.
    private let prefixLength: Int

    /// Parses `address/bits`; `nil` for anything else, including a prefix longer than the address.
    public init?(cidr: some StringProtocol) {
        let parts = cidr.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let address = Self.bytes(of: parts[0]), let bits = Int(parts[1]),
              (0...(address.count * 8)).contains(bits) else { return nil }
        self.address = address
        prefixLength = bits
    }

    /// Whether the IP address `text` lies in this network; host names never do.
    public func contains(address text: some StringProtocol) -> Bool {
        guard let candidate = Self.bytes(of: text), candidate.count == address.count else { return false }
        var remaining = prefixLength
        for (network, byte) in zip(address, candidate) where remaining > 0 {
            let mask: UInt8 = remaining >= 8 ? 0xFF : ~(0xFF >> UInt8(remaining))
            if network & mask != byte & mask { return false }
            remaining -= 8
        }
        return true
    }

    /// The bytes of an IPv4 or IPv6 address literal (brackets allowed), or `nil`.
    static func bytes(of text: some StringProtocol) -> [UInt8]? {
        var literal = String(text)
        if literal.hasPrefix("["), literal.hasSuffix("]") { literal = String(literal.dropFirst().dropLast()) }
        var v4 = in_addr()
        if inet_pton(AF_INET, literal, &v4) == 1 {
            return withUnsafeBytes(of: &v4) { Array($0) }
        }
        var v6 = in6_addr()
        if inet_pton(AF_INET6, literal, &v6) == 1 {
            return withUnsafeBytes(of: &v6) { Array($0) }
        }
        return nil
    }
}
