/// Where a runtime's non-secret config and secret credentials come from, kept apart.
///
/// ```swift
/// var settings = RuntimeSettings(environment: ProcessInfo.processInfo.environment)
/// settings.config = try SettingsFile.loadConfig(path: "switchyard.json")
/// settings.credentials = try SettingsFile.loadCredentials(path: "credentials.json")
/// ```
public struct RuntimeSettings: Sendable {
    /// The process environment (or a test's stand-in).
    public var environment: [String: String]
    /// Config values per connector, from `--config FILE`: `{"jira": {"subdomain": "acme"}}`.
    public var config: [String: JSONObject]
    /// Credentials per connector, from `--credentials FILE`: `{"jira": {"method": "api_token", "email": "…", "api_token": "…"}}`.
    public var credentials: [String: [String: String]]
    /// Credentials from the default store (`~/.config/switchyard/credentials.json`): used when neither the
    /// credentials file nor the environment has a value.
    public var storedCredentials: [String: [String: String]] = [:]
    /// Where rotated OAuth 2.0 tokens are written; `nil` keeps them in memory only.
    public var credentialStorePath: String?
    /// Fixed connections that replace config and credentials for some connectors (the sandbox uses this).
    public var overrides: [String: ConnectionOverride]
    /// Destructive actions run only with the `confirmation` token of their dry run.
    public var confirmDestructive = false
    /// Where server-held OAuth 2.0 tokens are shared with other replicas; `nil` keeps them in the local
    /// credential store.
    public var sharedTokens: (any SharedTokenStore)?
    /// Transport security settings for every connector, from the command line.
    public var transport = TransportOptions()

    public init(
        environment: [String: String] = [:],
        config: [String: JSONObject] = [:],
        credentials: [String: [String: String]] = [:],
        overrides: [String: ConnectionOverride] = [:]
    ) {
        self.environment = environment
        self.config = config
        self.credentials = credentials
        self.overrides = overrides
    }
}

/// A connection given outright rather than resolved from config: a base URL and a credential.
public struct ConnectionOverride: Sendable {
    public let baseURL: String
    public let credential: Credential

    public init(baseURL: String, credential: Credential) {
        self.baseURL = baseURL
        self.credential = credential
    }
}
