/// How actions are offered as MCP tools.
public enum ToolMode: String, Sendable, CaseIterable {
    /// One tool per action, named like `jira_issues_get`, with the action's param schema.
    case actions
    /// Three meta-tools — search actions, describe, execute — for agents that want a small context.
    case compact
}
