import Crypto
import Foundation

/// Which OAuth 2.0 refresh token a connection starts from, when the user supplies one (environment or
/// `--credentials` file) and the runtime may already have rotated it.
///
/// Atlassian rotates refresh tokens: each refresh invalidates the token it used. A token supplied in an MCP
/// client's environment never changes, so the second process start would send a token that is already
/// gone. The store therefore records, beside each rotated token, a hash of the supplied token its chain
/// started from (`refresh_token_origin`, never the token) and when it was rotated. On the next start:
/// - the supplied token is the chain's origin (or the rotated token itself): the stored, newer token wins,
///   with its access token and expiry;
/// - the supplied token is another one (a new login, a pasted token): it wins and the chain restarts;
/// - nothing is supplied: the stored token is used, as before.
///
/// ```swift
/// let chain = RefreshTokenChain(supplied: env["JIRA_REFRESH_TOKEN"], suppliedFrom: "env JIRA_REFRESH_TOKEN", record: stored)
/// chain.refreshToken                                  // the token to refresh with
/// let (next, fields) = chain.advanced(by: grant)       // what to store after a refresh
/// ```
struct RefreshTokenChain: Sendable {
    /// Where the token in use came from, for `auth status`; never the token.
    enum Source: Sendable, Equatable, CustomStringConvertible {
        /// Supplied by the user, as named (`env JIRA_REFRESH_TOKEN`, `the credentials file`, `the store`).
        case supplied(String)
        /// Rotated by the runtime on this date (ISO 8601), from a token supplied as named.
        case rotated(on: String, from: String)

        var origin: String {
            switch self {
            case .supplied(let origin), .rotated(_, let origin): origin
            }
        }

        var description: String {
            switch self {
            case .supplied(let origin): "refresh token ****, supplied by \(origin)"
            case .rotated(let date, let origin): "refresh token ****, rotated on \(date) from the one supplied by \(origin)"
            }
        }
    }

    static let originField = "refresh_token_origin"
    static let rotatedAtField = "refresh_token_rotated_at"

    /// The token to refresh with, or `nil` when there is none.
    let refreshToken: String?
    /// The access token that belongs with it: the record's when the chain continues, else the supplied one.
    let accessToken: String?
    let expiresAt: Date?
    /// The hash of the token this chain started from, written beside every rotation.
    let origin: String?
    let source: Source?
    /// The day the token in use was rotated, when it was.
    let rotatedOn: String?

    private init(refreshToken: String?, accessToken: String?, expiresAt: Date?, origin: String?, rotatedOn: String?, source: Source?) {
        self.refreshToken = refreshToken
        self.accessToken = accessToken
        self.expiresAt = expiresAt
        self.origin = origin
        self.rotatedOn = rotatedOn
        self.source = source
    }

    /// - Parameters:
    ///   - supplied: the refresh token from the `--credentials` file or the environment, if any.
    ///   - suppliedAccessToken: the access token supplied the same way, if any.
    ///   - suppliedFrom: where `supplied` came from, in the user's words.
    ///   - record: the fields the token store holds for the connector (the `--credentials` file when it is
    ///     the store).
    init(supplied: String?, suppliedAccessToken: String?, suppliedFrom: String, record: [String: String]) {
        let stored = record["refresh_token"].flatMap { $0.isEmpty ? nil : $0 }
        let recordedOrigin = record[Self.originField]
        let recordExpiry = record["expires_at"].flatMap { ISO8601DateFormatter().date(from: $0) }
        if let stored, let recordedOrigin, supplied == nil || supplied == stored || supplied.map(Self.hash) == recordedOrigin {
            refreshToken = stored
            accessToken = record["access_token"] ?? suppliedAccessToken
            expiresAt = recordExpiry
            origin = recordedOrigin
            let from = supplied == nil ? "the store" : suppliedFrom
            rotatedOn = record[Self.rotatedAtField]
            source = rotatedOn.map { .rotated(on: $0, from: from) } ?? .supplied(from)
        } else if let supplied {
            refreshToken = supplied
            // A token the store holds for another chain says nothing about this one's expiry, so an access
            // token is trusted only when it was supplied with it.
            let sameChain = supplied == stored
            accessToken = suppliedAccessToken ?? (sameChain ? record["access_token"] : nil)
            expiresAt = sameChain || suppliedAccessToken != nil ? recordExpiry : nil
            origin = Self.hash(supplied)
            rotatedOn = nil
            source = .supplied(suppliedFrom)
        } else {
            refreshToken = stored
            accessToken = suppliedAccessToken ?? record["access_token"]
            expiresAt = recordExpiry
            origin = stored.map(Self.hash)
            rotatedOn = nil
            source = stored.map { _ in .supplied("the store") }
        }
    }

    /// The chain after a refresh that returned `grant`, and the fields to store for it (`nil` removes one).
    /// A grant without a new refresh token keeps the one used.
    func advanced(by grant: OAuth2Grant, now: Date = Date()) -> (chain: RefreshTokenChain, fields: [String: String?]) {
        let rotated = grant.refreshToken.flatMap { $0.isEmpty || $0 == refreshToken ? nil : $0 }
        let token = rotated ?? refreshToken
        let chainOrigin = origin ?? token.map(Self.hash)
        let date = rotated == nil ? rotatedOn : Self.day(now)
        let next = RefreshTokenChain(
            refreshToken: token, accessToken: grant.accessToken, expiresAt: grant.expiresAt, origin: chainOrigin, rotatedOn: date,
            source: date.map { .rotated(on: $0, from: source?.origin ?? "the store") } ?? source
        )
        let fields: [String: String?] = [
            "access_token": grant.accessToken,
            "expires_at": grant.expiresAt.map { ISO8601DateFormatter().string(from: $0) },
            "refresh_token": token,
            Self.originField: chainOrigin,
            Self.rotatedAtField: date,
        ]
        return (next, fields)
    }

    /// A hash that identifies a token without revealing it: `sha256:` and the first 16 bytes in hex.
    static func hash(_ token: String) -> String {
        "sha256:" + SHA256.hash(data: Data(token.utf8)).prefix(16).map { String(format: "%02x", $0) }.joined()
    }

    private static func day(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate]
        return formatter.string(from: date)
    }
}
