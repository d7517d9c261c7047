/// How much of a service's API the catalog holds.
///
/// - `curated`: the hand-written actions of the bundled manifests, what an agent sees first.
/// - `extended`: those plus the generated companion catalogues in `manifests/extended/` (every operation
///   of the vendor's OpenAPI description, imported by `scripts/generate-extended-catalogs.sh`). A generated
///   action that calls the same method and path as a curated one is left out, the rest join the connector
///   in a toolset of their own, `extended`, and search ranks them after curated actions.
///
/// ```swift
/// let catalog = ConnectorCatalog.load(directories: ["manifests"], level: .extended)
/// catalog.connector("jira")?.toolset(named: "extended")
/// ```
public enum CatalogLevel: String, Sendable, CaseIterable {
    case curated, extended

    /// The sub-directory of a manifest directory that holds its companion catalogues.
    public static let companionDirectory = "extended"
    /// The toolset that holds a connector's generated actions.
    public static let toolsetName = "extended"
}
