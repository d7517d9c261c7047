import Switchyard

/// The human-readable form of `describe`: an outline for the catalog, details for one action.
enum DescriptionText {
    enum Level {
        case catalog, connector, entity, action
    }

    static func render(_ description: JSONValue, level: Level) -> String {
        switch level {
        case .catalog:
            let connectors = description["connectors"]?.arrayValue ?? []
            guard !connectors.isEmpty else { return "No connectors loaded. Add manifests with --manifests DIR." }
            return connectors.map { connector in
                let entities = connector["entities"]?.arrayValue ?? []
                var lines = entities.filter { $0["generated"] != true }.map { entity in
                    let actions = entity["actions"]?.arrayValue?.compactMap { $0["name"]?.stringValue } ?? []
                    return "  \(text(entity["name"]))  \(actions.joined(separator: ", "))"
                }
                // Hundreds of generated actions would bury the curated ones: they are counted here, listed per connector.
                let generated = entities.filter { $0["generated"] == true }
                if let count = connector["action_counts"]?["generated"]?.intValue, count > 0 {
                    lines.append("  + \(count) generated actions in \(generated.count) entities (toolset extended): switchyard describe \(text(connector["name"]))")
                }
                return "\(text(connector["name"])) — \(text(connector["title"])) \(text(connector["version"]))\n" + lines.joined(separator: "\n")
            }.joined(separator: "\n\n") + off(description) + "\n\nMore: switchyard describe CONNECTOR [ENTITY [ACTION]] [--json]"
        case .connector:
            var lines = ["\(text(description["name"])) — \(text(description["title"])) \(text(description["version"]))", text(description["description"]), ""]
            let config = description["config"]?.arrayValue ?? []
            if !config.isEmpty {
                lines.append("Config:")
                lines += config.map { "  \(text($0["name"]))  \(text($0["description"]))  env: \(list($0["env"]))" }
                lines.append("")
            }
            if let transport = description["transport"]?.objectValue {
                lines.append("Transport (TLS; --ca-file, --client-cert, --client-key and --insecure apply to every connector):")
                lines += transport.map { "  \($0.key)  env: \(list($0.value["env"]))" }
                lines.append("")
            }
            let schemes = description["auth"]?["schemes"]?.arrayValue ?? []
            if !schemes.isEmpty {
                lines.append("Auth methods:")
                lines += schemes.map { scheme in
                    let fields = scheme["fields"]?.arrayValue?.map { "\(text($0["name"])) (\(list($0["env"])))" } ?? []
                    return "  \(text(scheme["id"])) [\(text(scheme["type"]))]  \(text(scheme["description"]))  needs: \(fields.joined(separator: ", "))"
                }
                lines.append("")
            }
            for entity in description["entities"]?.arrayValue ?? [] {
                lines.append(renderEntity(entity))
            }
            return lines.joined(separator: "\n")
        case .entity:
            return renderEntity(description)
        case .action:
            return renderAction(description)
        }
    }

    /// The connectors switched off for this site, with why.
    private static func off(_ description: JSONValue) -> String {
        let entries = description["off"]?.arrayValue ?? []
        guard !entries.isEmpty else { return "" }
        return "\n\nOff:\n" + entries.map { "  \(text($0["reason"]))" }.joined(separator: "\n")
    }

    private static func renderEntity(_ entity: JSONValue) -> String {
        var lines = ["\(text(entity["name"])): \(text(entity["description"]))"]
        for action in entity["actions"]?.arrayValue ?? [] {
            lines.append("  \(text(action["name"]))  \(text(action["method"])) \(text(action["path"]))  \(firstSentence(text(action["description"])))")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func renderAction(_ action: JSONValue) -> String {
        let safety = action["safety"]
        let flags = [("read-only", safety?["read_only"]), ("idempotent", safety?["idempotent"]), ("destructive", safety?["destructive"])]
            .filter { $0.1?.boolValue == true }.map(\.0)
        var lines = [
            "\(text(action["connector"])) \(text(action["entity"])) \(text(action["name"]))  —  \(text(action["method"])) \(text(action["path"]))",
            flags.isEmpty ? "writes" : flags.joined(separator: ", "),
        ]
        if let prefetch = action["prefetch"], let fills = prefetch["fills"]?.objectValue {
            let filled = fills.map { "\($0.key) (\($0.value.displayText))" }.joined(separator: ", ")
            lines.append("reads first, when the call leaves out \(filled): \(text(prefetch["method"])) \(text(prefetch["path"]))")
        }
        if let scopes = action["scopes"]?.arrayValue, !scopes.isEmpty {
            lines.append("OAuth 2.0 scopes: \(list(action["scopes"]))")
        }
        lines += ["", text(action["description"]), "", "Params:"]
        let schema = action["params"]
        let required = Set(schema?["required"]?.arrayValue?.compactMap(\.stringValue) ?? [])
        for property in schema?["properties"]?.objectValue ?? JSONObject() {
            let type = property.value["type"]?.displayText ?? (property.value["anyOf"] != nil ? "one of several" : "any")
            var line = "  \(property.key)\(required.contains(property.key) ? " (required)" : "")  \(type)"
            if let defaultValue = property.value["default"] { line += "  default \(defaultValue.serialized())" }
            if let allowed = property.value["enum"]?.arrayValue { line += "  one of \(allowed.map { $0.serialized() }.joined(separator: ", "))" }
            lines.append(line)
            if let description = property.value["description"]?.stringValue { lines.append("      \(description)") }
        }
        return lines.joined(separator: "\n")
    }

    private static func text(_ value: JSONValue?) -> String {
        value?.displayText ?? ""
    }

    private static func list(_ value: JSONValue?) -> String {
        value?.arrayValue?.map(\.displayText).joined(separator: ", ") ?? ""
    }

    private static func firstSentence(_ text: String) -> String {
        guard let end = text.firstIndex(where: { $0 == "." || $0 == "\n" }) else { return text }
        return String(text[...end])
    }
}
