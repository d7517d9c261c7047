/// How actions are offered as MCP tools.
public enum ToolMode: String, Sendable, CaseIterable {
    /// One tool per action, named like `jira_issues_get`, with the action's param schema.
    case actions
    /// Three meta-tools — keyword search, describe, execute — for agents that want a small context.
    case compact
    /// Three tools — `search_actions` (ranked retrieval), `describe_action`, `execute_action` — whose cost
    /// stays the same few kilobytes whatever the size of the catalog.
    case search
}
