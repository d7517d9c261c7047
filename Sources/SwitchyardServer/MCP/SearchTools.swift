import Switchyard

/// The three tools of search mode: find an action, read its params, run it. They cost the agent's
/// context the same few kilobytes whatever the size of the catalog behind them.
///
/// ```swift
/// let tools = SearchTools.definitions(connectors: ["jira", "confluence"])
/// ```
enum SearchTools {
    static let searchName = "search_actions"
    static let describeName = "describe_action"
    static let executeName = "execute_action"

    static func definitions(connectors: [String]) -> [JSONValue] {
        let id: JSONValue = ["type": "string", "description": "An action id from search_actions, connector/entity/action, e.g. jira/issues/get."]
        return [
            [
                "name": .string(searchName),
                "description": .string("Find the actions of \(connectors.joined(separator: ", ")) that do a task. Describe the task in plain words (e.g. \"move DEMO-5 to done\", \"pages labelled runbook\"). Returns the best matches: id, one-line summary, required params. Then call describe_action for an action's params, and execute_action to run it."),
                "inputSchema": [
                    "type": "object",
                    "properties": [
                        "query": ["type": "string", "description": "The task, in plain words."],
                        "connector": ["type": "string", "enum": .array(connectors.map(JSONValue.string)), "description": "Only this connector."],
                        "limit": ["type": "integer", "minimum": 1, "maximum": 20, "description": "Most matches to return (default 5)."],
                    ],
                    "required": ["query"],
                    "additionalProperties": false,
                ],
                "annotations": ["readOnlyHint": true, "openWorldHint": false],
            ],
            [
                "name": .string(describeName),
                "description": "The full param schema of one action, with its safety and the control params it takes (fields, limit, cursor…).",
                "inputSchema": ["type": "object", "properties": ["id": id], "required": ["id"], "additionalProperties": false],
                "annotations": ["readOnlyHint": true, "openWorldHint": false],
            ],
            [
                "name": .string(executeName),
                "description": "Run one action with its params, e.g. {\"id\": \"jira/issues/get\", \"params\": {\"issue\": \"DEMO-1\"}}. Returns {ok, status, data, next?, meta} or {ok: false, error} naming what to fix.",
                "inputSchema": [
                    "type": "object",
                    "properties": ["id": id, "params": ["type": "object", "description": "The action's params, as describe_action shows them."]],
                    "required": ["id"],
                    "additionalProperties": false,
                ],
            ],
        ]
    }
}
