import Foundation

/// Switches on exactly one flavour per configured site: of the connectors of one product (``Deployment``)
/// that are all configured, the ones whose site is of another kind are switched off, with the reason.
///
/// A site's kind comes from the first of the manifest's `deployment.env` variables set to `cloud` or
/// `datacenter`, else from its host: `*.atlassian.net` is Cloud, `jira.example.com` Data Center.
///
/// ```swift
/// let off = DeploymentDetection.flavoursToSwitchOff(
///     [(jira, "https://jira.example.com"), (jiraDataCenter, "https://jira.example.com")], environment: env)
/// // ["jira": "connector 'jira' is off: https://jira.example.com is a Data Center site …"]
/// ```
public enum DeploymentDetection {
    public static func flavoursToSwitchOff(
        _ configured: [(manifest: ConnectorManifest, baseURL: String)], environment: [String: String]
    ) -> [String: String] {
        var byProduct: [String: [(manifest: ConnectorManifest, baseURL: String, deployment: Deployment)]] = [:]
        for candidate in configured {
            guard let deployment = candidate.manifest.deployment else { continue }
            byProduct[deployment.product, default: []].append((candidate.manifest, candidate.baseURL, deployment))
        }
        var off: [String: String] = [:]
        for (_, flavours) in byProduct where Set(flavours.map(\.deployment.kind)).count > 1 {
            var verdicts: [(name: String, matches: Bool, reason: String)] = []
            for flavour in flavours {
                let (kind, why) = siteKind(flavour.baseURL, deployment: flavour.deployment, environment: environment)
                let site = kind == .cloud ? "a Cloud site" : "a Data Center site"
                let override = flavour.deployment.environment.first.map { " (set \($0)=\(flavour.deployment.kind.rawValue) to override)" } ?? ""
                let others = flavours.filter { $0.deployment.kind != flavour.deployment.kind }.map { "'\($0.manifest.name)'" }.joined(separator: ", ")
                verdicts.append((
                    flavour.manifest.name, kind == flavour.deployment.kind,
                    "connector '\(flavour.manifest.name)' is off: \(why) is \(site), served by \(others)\(override)"
                ))
            }
            // When no flavour fits (or all do, for two different sites), keep them all rather than guess.
            guard verdicts.contains(where: \.matches), !verdicts.allSatisfy(\.matches) else { continue }
            for verdict in verdicts where !verdict.matches { off[verdict.name] = verdict.reason }
        }
        return off
    }

    /// The kind of the site at `baseURL`, and what said so, in the user's words.
    static func siteKind(_ baseURL: String, deployment: Deployment, environment: [String: String]) -> (Deployment.Kind, String) {
        for variable in deployment.environment {
            if let value = environment[variable]?.lowercased(), let kind = Deployment.Kind(rawValue: value) ?? (value == "server" ? .datacenter : nil) {
                return (kind, "\(variable)=\(value) says the site")
            }
        }
        // URLOrigin reads the host byte-wise; URLComponents would load ICU's IDNA tables at start-up.
        let host = URLOrigin(baseURL)?.host ?? baseURL
        return (deployment.kind(ofHost: host), baseURL)
    }
}

extension ConnectorCatalog {
    /// The catalog without `connectors`, each remembered with the reason it is off.
    public func switchingOff(_ connectors: [String: String]) -> ConnectorCatalog {
        guard !connectors.isEmpty else { return self }
        var catalog = self
        catalog.connectors.removeAll { connectors[$0.name] != nil }
        for (name, reason) in connectors { catalog.hidden[name] = reason }
        return catalog
    }

    /// Connectors that exist but are off here, with the reason, for `describe`.
    public var switchedOff: [(connector: String, reason: String)] {
        hidden.filter { !$0.key.contains("/") }.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }
}

extension SwitchyardRuntime {
    /// `catalog` with the flavours of each configured site that do not fit it switched off. Connectors given
    /// a fixed connection (the sandbox) or whose connection does not resolve are left as they are.
    public func choosingFlavours(of catalog: ConnectorCatalog) -> ConnectorCatalog {
        let configured = catalog.connectors.compactMap { manifest -> (manifest: ConnectorManifest, baseURL: String)? in
            guard manifest.deployment != nil, settings.overrides[manifest.name] == nil,
                  let connection = try? connection(for: manifest) else { return nil }
            return (manifest, connection.baseURL)
        }
        return catalog.switchingOff(DeploymentDetection.flavoursToSwitchOff(configured, environment: settings.environment))
    }
}
