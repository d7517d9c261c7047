import Switchyard

extension SandboxServer {
    /// The connectors this sandbox stands in for.
    public static let servedConnectors = ["jira", "jira-datacenter", "confluence", "confluence-datacenter"]

    /// Connections that point the bundled Atlassian connectors at this sandbox with its demo credentials.
    public var connectionOverrides: [String: ConnectionOverride] {
        let credential = Credential.basic(username: SandboxCredentials.email, password: SandboxCredentials.apiToken)
        var overrides: [String: ConnectionOverride] = [:]
        for name in Self.servedConnectors {
            overrides[name] = ConnectionOverride(baseURL: baseURL, credential: credential)
        }
        return overrides
    }
}
