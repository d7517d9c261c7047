/// Which connectors and actions a runtime exposes: a subset of connectors, and optionally read-only
/// actions only. Hidden actions are neither described nor executable, and asking for one says why.
///
/// ```swift
/// let catalog = ConnectorCatalog.load(directories: ["manifests"])
///     .restricted(by: ExposurePolicy(connectors: ["jira"], readOnly: true))
/// ```
public struct ExposurePolicy: Sendable, Hashable {
    /// The connectors to expose; `nil` exposes all.
    public var connectors: Set<String>?
    /// Expose only actions whose manifest marks them read-only.
    public var readOnly: Bool
    /// Connectors that are read-only even when the rest are not.
    public var readOnlyConnectors: Set<String>

    public init(connectors: Set<String>? = nil, readOnly: Bool = false, readOnlyConnectors: Set<String> = []) {
        self.connectors = connectors
        self.readOnly = readOnly
        self.readOnlyConnectors = readOnlyConnectors
    }

    public static let everything = ExposurePolicy()
}

extension ConnectorCatalog {
    /// The catalog with only what `policy` exposes; what it hides is remembered so lookups can explain.
    public func restricted(by policy: ExposurePolicy) -> ConnectorCatalog {
        var restricted = ConnectorCatalog(connectors: [], problems: problems)
        restricted.hidden = hidden
        for manifest in connectors {
            if let allowed = policy.connectors, !allowed.contains(manifest.name) {
                restricted.hidden[manifest.name] = "connector '\(manifest.name)' is not enabled on this server (enabled: \(allowed.sorted().joined(separator: ", ")))"
                continue
            }
            guard policy.readOnly || policy.readOnlyConnectors.contains(manifest.name) else {
                restricted.connectors.append(manifest)
                continue
            }
            var entities: [Entity] = []
            for entity in manifest.entities {
                let actions = entity.actions.filter(\.safety.readOnly)
                for action in entity.actions where !action.safety.readOnly {
                    restricted.hidden["\(manifest.name)/\(entity.name)/\(action.name)"] =
                        "action '\(manifest.name) \(entity.name) \(action.name)' changes data and connector '\(manifest.name)' is read-only here"
                }
                if !actions.isEmpty {
                    entities.append(Entity(name: entity.name, description: entity.description, keywords: entity.keywords, actions: actions, export: entity.export, generated: entity.generated))
                }
            }
            restricted.connectors.append(manifest.replacingEntities(entities))
        }
        return restricted
    }
}

extension ConnectorManifest {
    func replacingEntities(_ entities: [Entity]) -> ConnectorManifest {
        ConnectorManifest(
            name: name, title: title, version: version, description: description, documentation: documentation,
            config: config, baseURL: baseURL, auth: auth, headers: headers, entities: entities, synonyms: synonyms,
            retry: retry, rateLimit: rateLimit, transport: transport, toolsets: toolsets, deployment: deployment, scope: scope, source: source
        )
    }
}
