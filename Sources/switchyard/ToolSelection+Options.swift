import Switchyard

extension ToolSelection {
    /// The selection from the command line, else `SWITCHYARD_TOOLSETS` (and `SWITCHYARD_TOOLS_INCLUDE`,
    /// `SWITCHYARD_TOOLS_EXCLUDE`), merged over each connector's `toolsets`, `tools_include` and
    /// `tools_exclude` keys in the `--config` file.
    static func resolve(
        toolsets: String?, include: [String], exclude: [String], environment: [String: String], configFile: String?
    ) throws(ExecutionError) -> ToolSelection {
        var selection = try ToolSelection(
            toolsets: toolsets ?? environment["SWITCHYARD_TOOLSETS"],
            include: include.isEmpty ? environment["SWITCHYARD_TOOLS_INCLUDE"].map { [$0] } ?? [] : include,
            exclude: exclude + (environment["SWITCHYARD_TOOLS_EXCLUDE"].map { [$0] } ?? [])
        )
        guard let configFile else { return selection }
        for (connector, settings) in try SettingsFile.loadConfig(path: configFile).sorted(by: { $0.key < $1.key }) {
            if selection.toolsets[connector] == nil, let names = try strings(settings["toolsets"], key: "toolsets", connector: connector) {
                selection.toolsets[connector] = names
            }
            selection.include += try strings(settings["tools_include"], key: "tools_include", connector: connector) ?? []
            selection.exclude += try strings(settings["tools_exclude"], key: "tools_exclude", connector: connector) ?? []
        }
        return selection
    }

    /// A config value given as an array of strings or one comma-separated string.
    private static func strings(_ value: JSONValue?, key: String, connector: String) throws(ExecutionError) -> [String]? {
        switch value {
        case nil: return nil
        case .string(let text)?: return patterns([text])
        case .array(let elements)? where elements.allSatisfy({ $0.stringValue != nil }): return patterns(elements.compactMap(\.stringValue))
        case let other?:
            throw ExecutionError(kind: .config, message: "config '\(connector).\(key)' must be an array of strings or a comma-separated string, got \(other.typeName)")
        }
    }
}
