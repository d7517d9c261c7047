import Foundation

/// HTTP basic credentials (`username:password`), with their `Authorization` value encoded once rather
/// than on every request. The password is kept only inside that value.
public struct BasicLogin: Sendable {
    public let username: String
    /// `Basic base64(username:password)`.
    let authorization: String

    public init(username: String, password: String) {
        self.username = username
        authorization = "Basic " + Data("\(username):\(password)".utf8).base64EncodedString()
    }
}
