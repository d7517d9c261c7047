import Switchyard

/// Model Context Protocol versions and the `_meta` keys of the stateless revision.
public enum MCPProtocol {
    /// The stateless revision: no handshake, the version travels in every request's `_meta`.
    public static let modernVersions = ["2026-07-28"]
    /// Versions negotiated with `initialize`, newest first.
    public static let handshakeVersions = ["2025-11-25", "2025-06-18", "2025-03-26"]

    public static let protocolVersionKey = "io.modelcontextprotocol/protocolVersion"
    static let clientCapabilitiesKey = "io.modelcontextprotocol/clientCapabilities"
    public static let logLevelKey = "io.modelcontextprotocol/logLevel"
    static let serverInfoKey = "io.modelcontextprotocol/serverInfo"

    static let serverName = "switchyard"

    static var serverInfo: JSONValue {
        ["name": .string(serverName), "version": .string(SwitchyardVersion.current)]
    }

    /// What every tool shares, said once instead of on every tool: the envelope, and the control params.
    static let instructions: String = {
        let controls = ControlParams.guide.map { "- \($0.name): \($0.meaning)" }.joined(separator: "\n")
        let callWide = ControlParams.guide.map(\.name).filter(ControlParams.callWide.contains).joined(separator: " and ")
        return """
            Switchyard exposes Jira, Confluence and other REST services as tools. Each tool validates its params \
            before calling the service and returns a JSON envelope: {ok, status, data, next?, meta} or \
            {ok: false, error: {kind, message, details, retryable}}; an error names the param to fix.
            Besides its own params, a tool takes these control params: \(callWide) on every tool, though no \
            schema lists them; the others where its schema lists them.
            \(controls)
            """
    }()

    /// The version an `initialize` request gets: the one it asked for when supported, else the newest.
    static func negotiateHandshake(requested: String?) -> String {
        if let requested, handshakeVersions.contains(requested) { return requested }
        return handshakeVersions[0]
    }
}
