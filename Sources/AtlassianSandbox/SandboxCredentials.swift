import Foundation

/// The credentials the sandbox accepts; every API path needs one of them.
///
/// Basic auth uses the Jira Cloud form `email:api_token`; Bearer uses the personal access token.
/// Both act as the demo user, "Demo User".
///
/// ```swift
/// request.headers.add(name: "Authorization", value: SandboxCredentials.basicAuthorization)
/// request.headers.add(name: "Authorization", value: "Bearer \(SandboxCredentials.personalAccessToken)")
/// ```
public enum SandboxCredentials {
    public static let email = "demo@example.com"
    public static let apiToken = "sandbox-api-token"
    public static let personalAccessToken = "sandbox-pat"
    /// The account id of the demo user the credentials belong to.
    public static let accountId = "5b10a2844c20165700ede21g"

    /// A ready `Authorization` header value: `Basic base64(email:apiToken)`.
    public static var basicAuthorization: String {
        "Basic " + Data("\(email):\(apiToken)".utf8).base64EncodedString()
    }

    /// A ready `Authorization` header value: `Bearer personalAccessToken`.
    public static var bearerAuthorization: String {
        "Bearer \(personalAccessToken)"
    }
}
