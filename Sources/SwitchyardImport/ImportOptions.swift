/// What to import and how to name it: the choices of `switchyard import openapi`.
///
/// ```swift
/// var options = ImportOptions()
/// options.name = "jira"
/// options.include = ["Issues", "getProject", "/rest/api/3/search*"]
/// let result = try OpenAPIImporter(options: options).importSpec(file: "jira-platform-v3.json")
/// ```
public struct ImportOptions: Sendable {
    /// The connector name; by default derived from `info.title`.
    public var name: String?
    /// The base URL template; by default `servers[0].url`, with its variables as config variables.
    public var baseURL: String?
    /// Prepended to every operation's path, such as `/wiki/api/v2` when `baseURL` leaves out the path
    /// part of the spec's server URL: it starts with `/` and holds no `{`, `}`, `?` or `#`.
    public var pathPrefix: String = ""
    /// Only operations matching one of these (tag, operationId or path glob) are imported, when any is given.
    public var include: [String] = []
    /// Operations matching one of these (tag, operationId or path glob) are skipped.
    public var exclude: [String] = []
    /// Hand edits laid over the generated manifest.
    public var overrides: ManifestOverrides?

    public init() {}
}
