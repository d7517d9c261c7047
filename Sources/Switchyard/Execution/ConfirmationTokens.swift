import Crypto
import Foundation

/// Confirmation tokens for destructive actions: an HMAC over the fully resolved request, with an expiry.
///
/// A dry run of a destructive action returns a token; the real call must carry it, and runs only if the
/// request it would send is exactly the one that was shown and the token has not expired. An agent can
/// thus show a human what it is about to do and act only on that.
///
/// ```swift
/// let tokens = ConfirmationTokens()
/// let token = tokens.issue(for: request)
/// try tokens.verify(token, for: request)   // throws when the request differs or the token expired
/// ```
public struct ConfirmationTokens: Sendable {
    /// How long a token stays valid.
    public static let lifetime: TimeInterval = 300

    private let key: SymmetricKey

    public init(key: SymmetricKey = SymmetricKey(size: .bits256)) {
        self.key = key
    }

    /// Tokens signed with the key from `SWITCHYARD_CONFIRMATION_KEY`, else one kept in
    /// `directory/confirmation.key` (created with mode 0600), so a dry run and its confirmed call may come
    /// from different processes.
    public static func persistent(environment: [String: String], directory: String) -> ConfirmationTokens {
        ConfirmationTokens(key: persistentKey(environment: environment, directory: directory))
    }

    private static func persistentKey(environment: [String: String], directory: String) -> SymmetricKey {
        if let text = environment["SWITCHYARD_CONFIRMATION_KEY"], !text.isEmpty {
            return SymmetricKey(data: SHA256.hash(data: Data(text.utf8)))
        }
        let path = (directory as NSString).appendingPathComponent("confirmation.key")
        if let data = FileManager.default.contents(atPath: path), data.count == 32 {
            return SymmetricKey(data: data)
        }
        let key = SymmetricKey(size: .bits256)
        let bytes = key.withUnsafeBytes { Data($0) }
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        // When the key cannot be stored, tokens still work within this process.
        _ = FileManager.default.createFile(atPath: path, contents: bytes, attributes: [.posixPermissions: 0o600])
        return key
    }

    func issue(for request: PreparedRequest, now: Date = Date()) -> (token: String, expires: Date) {
        let expires = now.addingTimeInterval(Self.lifetime)
        let expiry = Int(expires.timeIntervalSince1970)
        return ("v1.\(expiry).\(signature(for: request, expiry: expiry))", expires)
    }

    func verify(_ token: String, for request: PreparedRequest, now: Date = Date()) throws(ExecutionError) {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0] == "v1", let expiry = Int(parts[1]) else {
            throw ExecutionError(kind: .validation, message: "param 'confirmation' is not a token from a dry run of this action")
        }
        guard Double(expiry) >= now.timeIntervalSince1970 else {
            throw ExecutionError(kind: .validation, message: "the confirmation token has expired; run the call with dry_run: true again for a new one")
        }
        let expected = signature(for: request, expiry: expiry)
        guard constantTimeEqual(Array(expected.utf8), Array(parts[2].utf8)) else {
            throw ExecutionError(
                kind: .validation,
                message: "the confirmation token does not match this request: the params differ from the dry run; dry-run the exact call again"
            )
        }
    }

    private func signature(for request: PreparedRequest, expiry: Int) -> String {
        var message = Data("v1\n\(expiry)\n\(request.method.rawValue)\n\(request.url)\n".utf8)
        message.append(contentsOf: request.body?.fingerprintBytes ?? [])
        let code = HMAC<SHA256>.authenticationCode(for: message, using: key)
        return Data(code).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    private func constantTimeEqual(_ lhs: [UInt8], _ rhs: [UInt8]) -> Bool {
        guard lhs.count == rhs.count else { return false }
        return zip(lhs, rhs).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
