/// Name lookups that fail with a message listing what is available, and a suggestion for a likely typo.
extension ConnectorCatalog {
    public func requireConnector(_ name: String) throws(ExecutionError) -> ConnectorManifest {
        guard let manifest = connector(name) else {
            if let reason = hidden[name] { throw ExecutionError(kind: .permission, message: reason) }
            throw Self.unknown("connector", name, available: connectors.map(\.name))
        }
        return manifest
    }

    public func requireEntity(_ name: String, of manifest: ConnectorManifest) throws(ExecutionError) -> Entity {
        guard let entity = manifest.entity(name) else {
            if let reason = hidden.first(where: { $0.key.hasPrefix("\(manifest.name)/\(name)/") })?.value {
                throw ExecutionError(kind: .permission, message: reason)
            }
            throw Self.unknown("entity", name, of: "connector '\(manifest.name)'", available: manifest.entities.map(\.name))
        }
        return entity
    }

    public func requireAction(_ name: String, of entity: Entity, in manifest: ConnectorManifest) throws(ExecutionError) -> Action {
        guard let action = entity.action(name) else {
            if let reason = hidden["\(manifest.name)/\(entity.name)/\(name)"] { throw ExecutionError(kind: .permission, message: reason) }
            throw Self.unknown("action", name, of: "entity '\(manifest.name) \(entity.name)'", available: entity.actions.map(\.name))
        }
        return action
    }

    /// The manifest and action a request names.
    public func resolve(_ request: ExecuteRequest) throws(ExecutionError) -> (ConnectorManifest, Action) {
        let manifest = try requireConnector(request.connector)
        let entity = try requireEntity(request.entity, of: manifest)
        return (manifest, try requireAction(request.action, of: entity, in: manifest))
    }

    private static func unknown(_ what: String, _ name: String, of owner: String? = nil, available: [String]) -> ExecutionError {
        var message = "unknown \(what) '\(name)'"
        if let owner { message += " in \(owner)" }
        if let suggestion = EditDistance.closestMatch(to: name, among: available) {
            message += "; did you mean '\(suggestion)'?"
        }
        message += ". Available: \(available.isEmpty ? "none" : available.joined(separator: ", "))"
        return ExecutionError(kind: .validation, message: message, details: ["available": .array(available.map(JSONValue.string))])
    }
}
