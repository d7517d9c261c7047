/// One connector, as its manifest file describes it: identity, configuration, auth schemes and entities.
///
/// Manifests are decoded and checked once, by ``ManifestDecoder``; afterwards every template is parsed and
/// every param schema compiled, so executing an action does no manifest work.
///
/// ```swift
/// let manifest = try ManifestDecoder.decode(file: "manifests/jira.json")
/// manifest.entity("issues")?.action("get")?.request.path.placeholders   // ["issue"]
/// ```
public struct ConnectorManifest: Sendable {
    public let name: String
    public let title: String
    public let version: String
    public let description: String
    public let documentation: String?
    public let config: [ConfigVariable]
    /// The origin template, filled with config variables.
    public let baseURL: Template
    public let auth: AuthSpec
    /// Headers sent with every request.
    public let headers: [(name: String, value: Template)]
    public let entities: [Entity]
    /// Words a user may say → the words this manifest uses for them (`"ticket": ["issue"]`), for action search.
    public let synonyms: [String: [String]]
    /// Retry settings for every action of the connector (actions may override them).
    public let retry: RetrySettings
    /// Client-side limits on requests to the service.
    public let rateLimit: RateLimitSettings
    /// Where the connector's CA bundle, client certificate and TLS verification settings are read from.
    public let transport: TransportSpec
    /// Named groups of actions an agent can switch on (``Toolset``).
    public let toolsets: [Toolset]
    /// Which deployment of its product the connector speaks to, when it is one of several flavours.
    public let deployment: Deployment?
    /// How the connector can be kept to some projects or spaces.
    public let scope: ScopeSpec?
    /// Where the manifest was read from, for messages.
    public let source: String

    public func entity(_ name: String) -> Entity? {
        entities.first { $0.name == name }
    }

    public func configVariable(_ name: String) -> ConfigVariable? {
        config.first { $0.name == name }
    }
}

/// A kind of object the service holds (issues, pages, projects) and what can be done with it.
public struct Entity: Sendable {
    public let name: String
    public let description: String
    /// Extra words that find every action of the entity in a search, such as "ticket" or "bug".
    public let keywords: [String]
    public let actions: [Action]
    /// How the entity's records are exported as documents, when the manifest says.
    public let export: ExportSpec?
    /// Whether the entity came from a generated companion catalogue (``CatalogLevel/extended``) rather
    /// than the curated manifest: search ranks it after curated ones, and no declared toolset holds it.
    public var generated = false

    public func action(_ name: String) -> Action? {
        actions.first { $0.name == name }
    }
}

/// A non-secret setting of a connector, such as the site's subdomain.
public struct ConfigVariable: Sendable {
    public enum ValueType: String, Sendable {
        case string, integer, boolean
    }

    public let name: String
    public let type: ValueType
    public let description: String
    public let defaultValue: JSONValue?
    public let allowedValues: [JSONValue]?
    /// Environment variables the value is read from; the first one set wins.
    public let environment: [String]
}
