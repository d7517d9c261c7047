/// The authentication schemes a connector accepts, in order of preference.
public struct AuthSpec: Sendable {
    /// Environment variables that name the scheme to use, such as `JIRA_AUTH_METHOD`.
    public let methodEnvironment: [String]
    public let schemes: [AuthScheme]
    /// A cheap read-only action (`entity.action`, e.g. `users.myself`) that proves credentials work.
    public let check: (entity: String, action: String)?

    public static let none = AuthSpec(methodEnvironment: [], schemes: [], check: nil)

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
        /// `name=value; name2=value2`, or a JSON object of names to values.
        case cookie(cookies: Template)
        case oauth2(OAuth2Spec)
        case oauth1(OAuth1Spec)

        public var name: String {
            switch self {
            case .none: "none"
            case .basic: "basic"
            case .bearer: "bearer"
            case .apiKey: "api_key"
            case .cookie: "cookie"
            case .oauth2: "oauth2"
            case .oauth1: "oauth1"
            }
        }

        /// The templates that read credential fields.
        var templates: [Template] {
            switch self {
            case .none: []
            case .basic(let username, let password): [username, password]
            case .bearer(let token): [token]
            case .apiKey(_, _, let value): [value]
            case .cookie(let cookies): [cookies]
            case .oauth2(let spec): [spec.clientID, spec.clientSecret, spec.accessToken, spec.refreshToken].compactMap { $0 }
            case .oauth1(let spec): [spec.consumerKey, spec.privateKey, spec.token]
            }
        }

        /// Templates over config variables (endpoints), not credential fields.
        var configTemplates: [Template] {
            switch self {
            case .oauth2(let spec): [spec.tokenURL, spec.authorizeURL, spec.resourcesURL].compactMap { $0 }
            case .oauth1(let spec): [spec.requestTokenURL, spec.authorizeURL, spec.accessTokenURL]
            default: []
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

/// An OAuth 2.0 (authorization code) scheme: credential templates, and endpoints over config variables so
/// each can be overridden (Data Center serves OAuth at `{base}/rest/oauth2/latest/`; tests use loopback).
public struct OAuth2Spec: Sendable {
    public let clientID: Template?
    public let clientSecret: Template?
    public let accessToken: Template?
    public let refreshToken: Template?
    public let tokenURL: Template
    public let authorizeURL: Template?
    public let resourcesURL: Template?
    /// The `audience` the authorize URL carries (Atlassian: `api.atlassian.com`).
    public let audience: String?
    public let scopes: [String]
}

/// An OAuth 1.0a RSA-SHA1 scheme (Jira/Confluence Server and Data Center application links).
public struct OAuth1Spec: Sendable {
    public let consumerKey: Template
    /// PEM text, or a path to a PEM file.
    public let privateKey: Template
    public let token: Template
    public let requestTokenURL: Template
    public let authorizeURL: Template
    public let accessTokenURL: Template
}
