/// One connector, as its manifest file describes it: identity, configuration, auth schemes and entities.
///
/// Manifests are decoded and checked once, by ``ManifestDecoder``; afterwards every template is parsed and
/// every param schema compiled, so executing an action does no manifest work. A manifest decoded
/// ``ManifestDecoding/onFirstUse(report:)`` does that for its entities and toolsets when they are first read.
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
    public var entities: [Entity] { body.entities }
    /// Words a user may say → the words this manifest uses for them (`"ticket": ["issue"]`), for action search.
    public let synonyms: [String: [String]]
    /// Retry settings for every action of the connector (actions may override them).
    public let retry: RetrySettings
    /// Client-side limits on requests to the service.
    public let rateLimit: RateLimitSettings
    /// Where the connector's CA bundle, client certificate and TLS verification settings are read from.
    public let transport: TransportSpec
    /// Named groups of actions an agent can switch on (``Toolset``).
    public var toolsets: [Toolset] { body.toolsets }
    /// Which deployment of its product the connector speaks to, when it is one of several flavours.
    public let deployment: Deployment?
    /// How the connector can be kept to some projects or spaces.
    public let scope: ScopeSpec?
    /// Where the manifest was read from, for messages.
    public let source: String
    /// The entities and toolsets, decoded or still JSON.
    let body: ManifestBody

    init(
        name: String, title: String, version: String, description: String, documentation: String?, config: [ConfigVariable],
        baseURL: Template, auth: AuthSpec, headers: [(name: String, value: Template)], body: ManifestBody, synonyms: [String: [String]],
        retry: RetrySettings, rateLimit: RateLimitSettings, transport: TransportSpec, deployment: Deployment?, scope: ScopeSpec?, source: String
    ) {
        self.name = name
        self.title = title
        self.version = version
        self.description = description
        self.documentation = documentation
        self.config = config
        self.baseURL = baseURL
        self.auth = auth
        self.headers = headers
        self.body = body
        self.synonyms = synonyms
        self.retry = retry
        self.rateLimit = rateLimit
        self.transport = transport
        self.deployment = deployment
        self.scope = scope
        self.source = source
    }

    init(
        name: String, title: String, version: String, description: String, documentation: String?, config: [ConfigVariable],
        baseURL: Template, auth: AuthSpec, headers: [(name: String, value: Template)], entities: [Entity], synonyms: [String: [String]],
        retry: RetrySettings, rateLimit: RateLimitSettings, transport: TransportSpec, toolsets: [Toolset], deployment: Deployment?,
        scope: ScopeSpec?, source: String
    ) {
        self.init(
            name: name, title: title, version: version, description: description, documentation: documentation, config: config,
            baseURL: baseURL, auth: auth, headers: headers, body: ManifestBody(entities: entities, toolsets: toolsets), synonyms: synonyms,
            retry: retry, rateLimit: rateLimit, transport: transport, deployment: deployment, scope: scope, source: source
        )
    }

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
