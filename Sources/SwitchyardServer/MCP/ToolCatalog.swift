import Switchyard

/// The MCP tools a server offers, built once from the connector catalog.
///
/// In ``ToolMode/actions`` every action is a tool named `connector_entity_action` (at most 64 characters of
/// `[A-Za-z0-9_-]`) whose `inputSchema` is the action's param schema and whose annotations come from its
/// safety metadata. In ``ToolMode/compact`` and ``ToolMode/search`` there are three meta-tools instead.
struct ToolCatalog: Sendable {
    /// What a tool name leads to.
    enum Target: Sendable {
        case action(connector: String, entity: String, action: String)
        case searchActions
        case describe
        case execute
        case findActions
        case describeAction
        case executeAction
    }

    static let searchToolName = "switchyard_search_actions"
    static let describeToolName = "switchyard_describe"
    static let executeToolName = "switchyard_execute"

    /// The `tools` array of `tools/list`, serialized once.
    let tools: JSONValue
    private let targets: [String: Target]

    init(catalog: ConnectorCatalog, mode: ToolMode, dialect: SchemaDialect = .mcp) {
        var definitions: [JSONValue] = []
        var targets: [String: Target] = [:]
        switch mode {
        case .actions:
            for manifest in catalog.connectors {
                for entity in manifest.entities {
                    for action in entity.actions {
                        let name = ToolCatalog.toolName(connector: manifest.name, entity: entity.name, action: action.name, taken: targets)
                        targets[name] = .action(connector: manifest.name, entity: entity.name, action: action.name)
                        definitions.append(ToolCatalog.definition(name: name, action: action, dialect: dialect))
                    }
                }
            }
        case .compact:
            let connectorNames = catalog.connectors.map(\.name)
            definitions = CompactTools.definitions(connectors: connectorNames)
            targets = [
                ToolCatalog.searchToolName: .searchActions,
                ToolCatalog.describeToolName: .describe,
                ToolCatalog.executeToolName: .execute,
            ]
        case .search:
            definitions = SearchTools.definitions(connectors: catalog.connectors.map(\.name))
            targets = [
                SearchTools.searchName: .findActions,
                SearchTools.describeName: .describeAction,
                SearchTools.executeName: .executeAction,
            ]
        }
        tools = .array(definitions)
        self.targets = targets
    }

    func target(named name: String) -> Target? {
        targets[name]
    }

    /// `connector_entity_action`, with other characters replaced by `_`; past 64 characters, a prefix
    /// and a short hash keep it unique.
    static func toolName(connector: String, entity: String, action: String, taken: [String: Target] = [:]) -> String {
        let raw = "\(connector)_\(entity)_\(action)"
        var name = String(raw.map { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") ? $0 : "_" })
        if name.count > 64 {
            name = String(name.prefix(55)) + "_" + stableHash(raw)
        }
        return name
    }

    /// Eight hex digits of FNV-1a: the same on every run, unlike `hashValue`.
    private static func stableHash(_ text: String) -> String {
        var hash: UInt32 = 2_166_136_261
        for byte in text.utf8 {
            hash = (hash ^ UInt32(byte)) &* 16_777_619
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 8 - hex.count) + hex
    }

    /// A lean definition: the condensed description, the lean input schema, and only the annotations that
    /// differ from MCP's defaults (not read-only, destructive, not idempotent, open world).
    private static func definition(name: String, action: Action, dialect: SchemaDialect) -> JSONValue {
        var annotations = JSONObject()
        if action.safety.readOnly {
            annotations["readOnlyHint"] = true
        } else {
            if !action.safety.destructive { annotations["destructiveHint"] = false }
            if action.safety.idempotent { annotations["idempotentHint"] = true }
        }
        var definition: JSONObject = [
            "name": .string(name),
            "description": .string(ToolText.description(for: action)),
            "inputSchema": dialect.convert(ToolSchema.input(for: action)),
        ]
        if !annotations.isEmpty { definition["annotations"] = .object(annotations) }
        return .object(definition)
    }
}
