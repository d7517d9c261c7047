/// Which actions a server offers: toolsets per connector, then tool-name patterns to include and exclude.
///
/// ```swift
/// let selection = try ToolSelection(toolsets: "jira:default,confluence:all", include: ["jira_sprints_*"], exclude: ["*_delete"])
/// let catalog = try loaded.selecting(selection, defaultToolsets: true)
/// ```
///
/// - `toolsets`: `connector:toolset` items, comma-separated; a bare `toolset` applies to every connector
///   that has it. A connector not named keeps its `default` toolset when `defaultToolsets` is set (the
///   per-action tool mode), else all its actions.
/// - `include`: tool-name patterns (`jira_issues_*`) added to what the toolsets give; with no toolsets
///   named, only what they match is offered.
/// - `exclude`: tool-name patterns taken away, whatever else selected them.
///
/// A tool name is `connector_entity_action`; `*` matches any run of characters and `?` one.
public struct ToolSelection: Sendable, Hashable {
    /// Toolset names per connector; `""` holds bare names that apply to every connector.
    public var toolsets: [String: [String]]
    public var include: [String]
    public var exclude: [String]

    public init(toolsets: [String: [String]] = [:], include: [String] = [], exclude: [String] = []) {
        self.toolsets = toolsets
        self.include = include
        self.exclude = exclude
    }

    /// Parses the `--toolsets` syntax, `jira:default,confluence:all`.
    public init(toolsets list: String?, include: [String] = [], exclude: [String] = []) throws(ExecutionError) {
        var toolsets: [String: [String]] = [:]
        for item in (list ?? "").split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !item.isEmpty {
            let parts = item.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            let (connector, name) = parts.count == 2 ? (parts[0], parts[1]) : ("", parts[0])
            guard !name.isEmpty else {
                throw ExecutionError(kind: .config, message: "toolset item '\(item)' names no toolset; write connector:toolset, e.g. jira:default")
            }
            toolsets[connector, default: []].append(name)
        }
        self.init(toolsets: toolsets, include: Self.patterns(include), exclude: Self.patterns(exclude))
    }

    /// Splits comma-separated patterns given in one or more values.
    public static func patterns(_ values: [String]) -> [String] {
        values.flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// The raw tool name of an action, which patterns match.
    public static func toolName(connector: String, entity: String, action: String) -> String {
        "\(connector)_\(entity)_\(action)"
    }
}

extension ConnectorCatalog {
    /// The catalog with only the actions `selection` offers; what it leaves out is remembered, so a call
    /// to it says which filter blocked it and how to enable it.
    ///
    /// - Throws: a `config` error for an unknown connector or toolset (naming the known ones) and for a
    ///   pattern that matches no action.
    public func selecting(_ selection: ToolSelection, defaultToolsets: Bool) throws(ExecutionError) -> ConnectorCatalog {
        // Nothing named and every action offered: the catalog as it is, its actions not even decoded.
        if selection == ToolSelection(), !defaultToolsets { return self }
        try checkNames(in: selection)
        var selected = ConnectorCatalog(connectors: [], problems: problems)
        selected.hidden = hidden
        for manifest in connectors {
            let named = (selection.toolsets[manifest.name] ?? []) + (selection.toolsets[""] ?? []).filter { manifest.toolset(named: $0) != nil }
            var toolsets = named.compactMap(manifest.toolset(named:))
            let onlyIncluded = named.isEmpty && selection.toolsets.isEmpty && !selection.include.isEmpty
            if named.isEmpty, !onlyIncluded {
                toolsets = [manifest.toolset(named: defaultToolsets ? Toolset.defaultName : Toolset.allName)].compactMap { $0 }
            }
            let toolsetNames = toolsets.map(\.name).joined(separator: ", ")
            var entities: [Entity] = []
            for entity in manifest.entities {
                var actions: [Action] = []
                for action in entity.actions {
                    let name = ToolSelection.toolName(connector: manifest.name, entity: entity.name, action: action.name)
                    let key = "\(manifest.name)/\(entity.name)/\(action.name)"
                    let label = "action '\(manifest.name) \(entity.name) \(action.name)'"
                    if let pattern = selection.exclude.first(where: { Glob.matches($0, name) }) {
                        selected.hidden[key] = "\(label) is excluded by the tools-exclude pattern '\(pattern)'"
                        continue
                    }
                    let inToolset = toolsets.contains { $0.contains(entity: entity.name, action: action.name) }
                    guard inToolset || selection.include.contains(where: { Glob.matches($0, name) }) else {
                        let holders = manifest.toolsetNames.filter { $0 != Toolset.allName && manifest.toolset(named: $0)?.contains(entity: entity.name, action: action.name) == true }
                        let enable = (holders + [Toolset.allName]).map { "\(manifest.name):\($0)" }.joined(separator: " or ")
                        selected.hidden[key] = onlyIncluded
                            ? "\(label) matches no tools-include pattern (\(selection.include.joined(separator: ", ")))"
                            : "\(label) is not in the enabled toolsets of '\(manifest.name)' (\(toolsetNames)); enable it with --toolsets \(enable)"
                        continue
                    }
                    actions.append(action)
                }
                if !actions.isEmpty { entities.append(Entity(name: entity.name, description: entity.description, keywords: entity.keywords, actions: actions, export: entity.export, generated: entity.generated)) }
            }
            selected.connectors.append(manifest.replacingEntities(entities))
        }
        return selected
    }

    private func checkNames(in selection: ToolSelection) throws(ExecutionError) {
        for (connectorName, names) in selection.toolsets.sorted(by: { $0.key < $1.key }) {
            if connectorName.isEmpty {
                for name in names where !connectors.contains(where: { $0.toolset(named: name) != nil }) {
                    let known = Set(connectors.flatMap(\.toolsetNames)).sorted()
                    throw ExecutionError(
                        kind: .config, message: "no connector has a toolset '\(name)'; known toolsets: \(known.joined(separator: ", "))",
                        details: ["toolsets": .array(known.map(JSONValue.string))]
                    )
                }
                continue
            }
            guard let manifest = connector(connectorName) else {
                // A connector that exists but is switched off here (no credentials, --connectors) is no error.
                if hidden[connectorName] != nil { continue }
                let known = connectors.map(\.name)
                throw ExecutionError(
                    kind: .config, message: "toolsets name connector '\(connectorName)', which is not enabled; enabled connectors: \(known.joined(separator: ", "))",
                    details: ["connectors": .array(known.map(JSONValue.string))]
                )
            }
            for name in names where manifest.toolset(named: name) == nil {
                throw ExecutionError(
                    kind: .config, message: "connector '\(connectorName)' has no toolset '\(name)'; its toolsets: \(manifest.toolsetNames.joined(separator: ", "))",
                    details: ["toolsets": .array(manifest.toolsetNames.map(JSONValue.string))]
                )
            }
        }
        let names = connectors.flatMap { manifest in
            manifest.entities.flatMap { entity in entity.actions.map { ToolSelection.toolName(connector: manifest.name, entity: entity.name, action: $0.name) } }
        }
        for (option, patterns) in [("tools-include", selection.include), ("tools-exclude", selection.exclude)] {
            for pattern in patterns where !names.contains(where: { Glob.matches(pattern, $0) }) {
                let connectorPart = pattern.split(separator: "_").first.map(String.init) ?? ""
                if hidden[connectorPart] != nil { continue }
                let prefixes = connectors.map { "\($0.name)_*" }.joined(separator: ", ")
                throw ExecutionError(
                    kind: .config,
                    message: "\(option) pattern '\(pattern)' matches no tool; tool names are connector_entity_action, e.g. \(names.first ?? "jira_issues_get") (patterns such as \(prefixes))"
                )
            }
        }
    }
}
