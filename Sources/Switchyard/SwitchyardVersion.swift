/// The version of Switchyard: what `switchyard --version`, the `version` JSON-RPC method and the MCP
/// `serverInfo` report.
///
/// ```swift
/// print(SwitchyardVersion.current)   // 0.2.0
/// ```
public enum SwitchyardVersion {
    public static let current = "0.2.0"
}
