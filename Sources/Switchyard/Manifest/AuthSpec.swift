/// The authentication schemes a connector accepts, in order of preference.
public struct AuthSpec: Sendable {
    /// Environment variables that name the scheme to use, such as `JIRA_AUTH_METHOD`.
    public let methodEnvironment: [String]
    public let schemes: [AuthScheme]

    public static let none = AuthSpec(methodEnvironment: [], schemes: [])

    public func scheme(_ id: String) -> AuthScheme? {
        schemes.first { $0.id == id }
    }
}

/// One way to authenticate: its credential fields and how they become a request credential.
public struct AuthScheme: Sendable {
    /// How the fields are applied to a request.
    public enum Kind: Sendable {
        case none
        case basic(username: Template, password: Template)
        case bearer(token: Template)
        case apiKey(placement: APIKeyPlacement, name: String, value: Template)

        public var name: String {
            switch self {
            case .none: "none"
            case .basic: "basic"
            case .bearer: "bearer"
            case .apiKey: "api_key"
            }
        }

        /// The templates that read credential fields.
        var templates: [Template] {
            switch self {
            case .none: []
            case .basic(let username, let password): [username, password]
            case .bearer(let token): [token]
            case .apiKey(_, _, let value): [value]
            }
        }
    }

    /// Where an API key goes.
    public enum APIKeyPlacement: String, Sendable {
        case header, query
    }

    public let id: String
    public let kind: Kind
    public let description: String
    public let fields: [CredentialField]
    /// Replaces the connector's base URL when this scheme is used.
    public let baseURL: Template?
}

/// One credential input of an auth scheme, such as an API token.
public struct CredentialField: Sendable {
    public let name: String
    public let description: String
    public let environment: [String]
    /// Secret fields are never printed, logged or described with their value.
    public let isSecret: Bool
}
