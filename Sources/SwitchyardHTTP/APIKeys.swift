import Crypto
import Foundation

/// Server API keys (`--api-keys FILE`): a request to the MCP endpoint or `/metrics` must present one before
/// anything else is looked at, in `X-Switchyard-Api-Key` (or, with `--auth server`, as
/// `Authorization: Bearer <key>`).
///
/// The file holds SHA-256 digests, never keys: one per line, `sha256:<64 hex digits>`, optionally after a
/// name (`ci-bot sha256:…`); `#` starts a comment. Make a line with
/// `printf %s "$KEY" | sha256sum | sed 's/ .*//; s/^/sha256:/'`. A presented key is hashed and compared with
/// every digest in constant time.
///
/// ```swift
/// let keys = try APIKeys(contentsOf: "/etc/switchyard/api-keys")
/// keys.accepts("k3y-from-the-request")   // true or false, in the same time either way
/// ```
public struct APIKeys: Sendable {
    private let digests: [[UInt8]]

    public init(contentsOf path: String) throws(HTTPServeError) {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .apiKeys(path: path, problem: "the file cannot be read")
        }
        try self.init(text: String(decoding: data, as: UTF8.self), path: path)
    }

    init(text: String, path: String) throws(HTTPServeError) {
        var digests: [[UInt8]] = []
        for (number, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first?.trimmingCharacters(in: .whitespaces) ?? ""
            guard !line.isEmpty else { continue }
            let field = line.split(separator: " ").last.map(String.init) ?? ""
            guard field.hasPrefix("sha256:"), let digest = Self.bytes(hex: String(field.dropFirst(7))), digest.count == 32 else {
                throw .apiKeys(path: path, problem: "line \(number + 1) is not '[name] sha256:<64 hex digits>'")
            }
            digests.append(digest)
        }
        guard !digests.isEmpty else { throw .apiKeys(path: path, problem: "it holds no keys") }
        self.digests = digests
    }

    /// Whether `key` is one of the keys, compared with every digest without stopping early.
    public func accepts(_ key: String) -> Bool {
        let presented = Array(SHA256.hash(data: Data(key.utf8)))
        var matched: UInt8 = 0
        for digest in digests {
            var difference: UInt8 = 0
            for index in 0..<32 { difference |= digest[index] ^ presented[index] }
            matched |= difference == 0 ? 1 : 0
        }
        return matched == 1
    }

    private static func bytes(hex: String) -> [UInt8]? {
        let characters = Array(hex.utf8)
        guard characters.count % 2 == 0 else { return nil }
        var bytes: [UInt8] = []
        for index in stride(from: 0, to: characters.count, by: 2) {
            guard let byte = UInt8(String(decoding: characters[index...index + 1], as: UTF8.self), radix: 16) else { return nil }
            bytes.append(byte)
        }
        return bytes
    }
}
