import Switchyard

/// What one request may see and call, narrower than the server offers: chosen per HTTP request by headers
/// (`X-Switchyard-Toolsets`, `X-Switchyard-Tools-Include`, `X-Switchyard-Tools-Exclude`,
/// `X-Switchyard-Read-Only`), as GitHub's MCP server does. It only ever narrows: it selects from the
/// server's own catalog, so nothing the server hides comes back.
///
/// It travels as a task-local value around ``ServerSession/respond(to:channel:)``; `tools/list`, calls,
/// `execute` and search all see the narrowed catalog, and a call outside it is refused with the reason.
///
/// ```swift
/// let narrowing = RequestNarrowing(toolsets: "jira:issues", exclude: ["*_delete"], readOnly: true)
/// let reply = await RequestNarrowing.$current.withValue(narrowing) { await session.respond(to: body, channel: channel) }
/// ```
public struct RequestNarrowing: Sendable, Hashable {
    /// `connector:toolset` items, as `--toolsets` takes them; only the connectors they name stay.
    public var toolsets: String?
    /// Only tools matching one of these patterns.
    public var include: [String]
    /// No tools matching these patterns.
    public var exclude: [String]
    /// Only read-only actions.
    public var readOnly: Bool

    public init(toolsets: String? = nil, include: [String] = [], exclude: [String] = [], readOnly: Bool = false) {
        self.toolsets = toolsets
        self.include = include
        self.exclude = exclude
        self.readOnly = readOnly
    }

    /// Whether it narrows anything at all.
    public var isEmpty: Bool { toolsets == nil && include.isEmpty && exclude.isEmpty && !readOnly }

    /// The narrowing of the current request, if it has one.
    @TaskLocal public static var current: RequestNarrowing?

    /// `catalog` narrowed; a toolset or pattern that names nothing it offers is an error naming the known ones.
    func apply(to catalog: ConnectorCatalog) throws(ExecutionError) -> ConnectorCatalog {
        var narrowed = catalog
        if readOnly { narrowed = narrowed.restricted(by: ExposurePolicy(readOnly: true)) }
        if toolsets != nil || !include.isEmpty || !exclude.isEmpty {
            let selection = try ToolSelection(toolsets: toolsets, include: include, exclude: exclude)
            narrowed = try narrowed.selecting(selection, defaultToolsets: false)
            if toolsets != nil {
                // Naming toolsets means only those: a connector none of them belongs to is left out.
                let bare = selection.toolsets[""] ?? []
                let named = Set(narrowed.connectors.map(\.name).filter { name in
                    selection.toolsets[name] != nil || bare.contains { narrowed.connector(name)?.toolset(named: $0) != nil }
                })
                narrowed = narrowed.restricted(by: ExposurePolicy(connectors: named))
            }
        }
        return narrowed
    }
}
