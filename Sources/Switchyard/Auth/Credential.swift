import Foundation

/// A resolved credential, ready to apply to requests. Its description never shows the secret.
public enum Credential: Sendable, CustomStringConvertible {
    case none
    case basic(username: String, password: String)
    case bearer(token: String)
    case apiKey(placement: AuthScheme.APIKeyPlacement, name: String, value: String)

    /// Adds the credential to a request.
    public func apply(to request: inout PreparedRequest) {
        switch self {
        case .none:
            break
        case .basic(let username, let password):
            let encoded = Data("\(username):\(password)".utf8).base64EncodedString()
            request.setHeader("Authorization", "Basic \(encoded)")
        case .bearer(let token):
            request.setHeader("Authorization", "Bearer \(token)")
        case .apiKey(.header, let name, let value):
            request.setHeader(name, value)
        case .apiKey(.query, let name, let value):
            request.query.append((name, value))
        }
    }

    public var description: String {
        switch self {
        case .none: "none"
        case .basic(let username, _): "basic (\(username), password ****)"
        case .bearer: "bearer ****"
        case .apiKey(let placement, let name, _): "api key in \(placement.rawValue) '\(name)' ****"
        }
    }
}
