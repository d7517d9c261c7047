import Switchyard

/// The three meta-tools of compact mode, and the keyword search over actions behind one of them.
enum CompactTools {
    static func definitions(connectors: [String]) -> [JSONValue] {
        let connectorSchema: JSONValue = [
            "type": "string", "enum": .array(connectors.map(JSONValue.string)), "description": "Connector name.",
        ]
        return [
            [
                "name": .string(ToolCatalog.searchToolName),
                "title": "Search actions",
                "description": "Find the actions that can do something, by keywords (e.g. \"jira create issue\", \"confluence page children\"). Returns each match with its connector, entity, action, description and params. Call this first, then switchyard_describe for the full param schema, then switchyard_execute.",
                "inputSchema": [
                    "type": "object",
                    "properties": [
                        "query": ["type": "string", "minLength": 1, "description": "Keywords describing what you want to do."],
                        "connector": connectorSchema,
                        "limit": ["type": "integer", "minimum": 1, "maximum": 50, "default": 10, "description": "Most matches to return."],
                    ],
                    "required": ["query"],
                    "additionalProperties": false,
                ],
                "annotations": ["title": "Search actions", "readOnlyHint": true, "destructiveHint": false, "idempotentHint": true, "openWorldHint": false],
            ],
            [
                "name": .string(ToolCatalog.describeToolName),
                "title": "Describe",
                "description": "Describe connectors, entities and actions. With connector, entity and action it returns the action's full param schema, safety and default fields.",
                "inputSchema": [
                    "type": "object",
                    "properties": [
                        "connector": connectorSchema,
                        "entity": ["type": "string", "description": "Entity name, e.g. issues."],
                        "action": ["type": "string", "description": "Action name, e.g. search."],
                    ],
                    "additionalProperties": false,
                ],
                "annotations": ["title": "Describe", "readOnlyHint": true, "destructiveHint": false, "idempotentHint": true, "openWorldHint": false],
            ],
            [
                "name": .string(ToolCatalog.executeToolName),
                "title": "Execute an action",
                "description": "Run one action with its params, e.g. {\"connector\": \"jira\", \"entity\": \"issues\", \"action\": \"get\", \"params\": {\"issue\": \"DEMO-1\"}}. Returns {ok, status, data, next?, meta} or {ok: false, error}. Params are validated first: an error names the param to fix.",
                "inputSchema": [
                    "type": "object",
                    "properties": [
                        "connector": connectorSchema,
                        "entity": ["type": "string", "description": "Entity name."],
                        "action": ["type": "string", "description": "Action name."],
                        "params": ["type": "object", "description": "The action's params, as switchyard_describe shows them.", "additionalProperties": true],
                    ],
                    "required": ["connector", "entity", "action"],
                    "additionalProperties": false,
                ],
                "annotations": ["title": "Execute an action", "readOnlyHint": false, "destructiveHint": true, "idempotentHint": false, "openWorldHint": true],
            ],
        ]
    }

    /// Actions ranked by how many query words their names and description contain.
    static func search(_ catalog: ConnectorCatalog, query: String, connector: String?, limit: Int) -> JSONValue {
        let words = query.lowercased().split { !$0.isLetter && !$0.isNumber }.map(String.init)
        var matches: [(score: Int, value: JSONValue)] = []
        for manifest in catalog.connectors where connector == nil || manifest.name == connector {
            for entity in manifest.entities {
                for action in entity.actions {
                    let names = "\(manifest.name) \(manifest.title) \(entity.name) \(action.name)".lowercased()
                    let text = action.description.lowercased()
                    let score = words.reduce(0) { total, word in
                        total + (names.contains(word) ? 3 : 0) + (text.contains(word) ? 1 : 0)
                    }
                    guard score > 0 else { continue }
                    let required = action.params.requiredProperties
                    let params = action.params.propertyNames.map { name in
                        required.contains(name) ? "\(name) (required)" : name
                    }
                    matches.append((score, [
                        "connector": .string(manifest.name), "entity": .string(entity.name), "action": .string(action.name),
                        "description": .string(action.description),
                        "read_only": .bool(action.safety.readOnly),
                        "params": .array(params.map(JSONValue.string)),
                    ]))
                }
            }
        }
        let ranked = matches.enumerated().sorted { ($0.element.score, -$0.offset) > ($1.element.score, -$1.offset) }
        return ["matches": .array(ranked.prefix(limit).map(\.element.value))]
    }
}
