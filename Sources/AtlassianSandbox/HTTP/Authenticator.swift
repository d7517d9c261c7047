import Foundation
import NIOHTTP1

/// Checks a request's `Authorization` header against ``SandboxCredentials``.
///
/// ```swift
/// Authenticator().accountId(for: ["Authorization": "Bearer sandbox-pat"])   // "5b10a2844c20165700ede21g"
/// Authenticator().accountId(for: [:])                                        // nil
/// ```
struct Authenticator: Sendable {
    /// The `WWW-Authenticate` challenge sent with every 401.
    static let challenge = #"Basic realm="Atlassian Sandbox", Bearer realm="Atlassian Sandbox""#

    private let expectedBasic = "\(SandboxCredentials.email):\(SandboxCredentials.apiToken)"

    /// The authenticated account, or `nil` when the credentials are missing or wrong.
    func accountId(for headers: HTTPHeaders) -> String? {
        guard let authorization = headers.first(name: "Authorization") else { return nil }
        let parts = authorization.split(separator: " ", maxSplits: 1)
        guard parts.count == 2 else { return nil }
        let scheme = parts[0].lowercased()
        let token = parts[1].trimmingCharacters(in: .whitespaces)
        switch scheme {
        case "basic":
            guard let decoded = Data(base64Encoded: token), String(decoding: decoded, as: UTF8.self) == expectedBasic else {
                return nil
            }
            return SandboxCredentials.accountId
        case "bearer":
            return token == SandboxCredentials.personalAccessToken ? SandboxCredentials.accountId : nil
        default:
            return nil
        }
    }
}
