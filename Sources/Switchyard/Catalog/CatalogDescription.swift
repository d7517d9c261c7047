/// What an agent can do, as JSON: connectors, their entities and actions, down to full param schemas.
///
/// Narrowing by connector, entity and action returns just that part. Nothing secret is ever included:
/// credential fields are listed by name and environment variable only.
///
/// ```swift
/// let all = try CatalogDescription.describe(catalog)                          // {"connectors": [...]}
/// let get = try CatalogDescription.describe(catalog, connector: "jira", entity: "issues", action: "get")
/// ```
public enum CatalogDescription {
    public static func describe(
        _ catalog: ConnectorCatalog, connector: String? = nil, entity: String? = nil, action: String? = nil, dialect: SchemaDialect = .mcp
    ) throws(ExecutionError) -> JSONValue {
        guard let connectorName = connector else {
            var root: JSONObject = ["connectors": .array(catalog.connectors.map { describe($0, dialect: dialect) })]
            let off = catalog.switchedOff
            if !off.isEmpty {
                root["off"] = .array(off.map { ["connector": .string($0.connector), "reason": .string($0.reason)] })
            }
            return .object(root)
        }
        let manifest = try catalog.requireConnector(connectorName)
        guard let entityName = entity else { return describe(manifest, dialect: dialect) }
        let entityModel = try catalog.requireEntity(entityName, of: manifest)
        guard let actionName = action else {
            var object = describe(entityModel, dialect: dialect).objectValue ?? JSONObject()
            object["connector"] = .string(manifest.name)
            return .object(object)
        }
        let actionModel = try catalog.requireAction(actionName, of: entityModel, in: manifest)
        var object = describe(actionModel, dialect: dialect).objectValue ?? JSONObject()
        object["connector"] = .string(manifest.name)
        object["entity"] = .string(entityModel.name)
        return .object(object)
    }

    public static func describe(_ manifest: ConnectorManifest, dialect: SchemaDialect = .mcp) -> JSONValue {
        var object: JSONObject = [
            "name": .string(manifest.name), "title": .string(manifest.title), "version": .string(manifest.version),
            "description": .string(manifest.description),
        ]
        if let documentation = manifest.documentation { object["documentation"] = .string(documentation) }
        object["base_url"] = .string(manifest.baseURL.source)
        object["config"] = .array(manifest.config.map { variable in
            var entry: JSONObject = [
                "name": .string(variable.name), "type": .string(variable.type.rawValue), "description": .string(variable.description),
                "env": .array(variable.environment.map(JSONValue.string)),
            ]
            if let value = variable.defaultValue { entry["default"] = value }
            return .object(entry)
        })
        let transport = TransportSpec.Setting.allCases.filter { !manifest.transport.environment(for: $0).isEmpty }
        if !transport.isEmpty {
            object["transport"] = .object(JSONObject(transport.map { setting in
                (setting.rawValue, ["env": .array(manifest.transport.environment(for: setting).map(JSONValue.string))])
            }))
        }
        object["auth"] = [
            "method_env": .array(manifest.auth.methodEnvironment.map(JSONValue.string)),
            "schemes": .array(manifest.auth.schemes.map { scheme in
                var entry: JSONObject = ["id": .string(scheme.id), "type": .string(scheme.kind.name), "description": .string(scheme.description)]
                entry["fields"] = .array(scheme.fields.map { field in
                    [
                        "name": .string(field.name), "description": .string(field.description),
                        "env": .array(field.environment.map(JSONValue.string)), "secret": .bool(field.isSecret),
                    ]
                })
                if let baseURL = scheme.baseURL { entry["base_url"] = .string(baseURL.source) }
                return .object(entry)
            }),
        ]
        object["entities"] = .array(manifest.entities.map { describe($0, dialect: dialect) })
        let generated = manifest.entities.filter(\.generated).reduce(0) { $0 + $1.actions.count }
        let all = manifest.entities.reduce(0) { $0 + $1.actions.count }
        object["action_counts"] = ["curated": .number(JSONNumber(all - generated)), "generated": .number(JSONNumber(generated))]
        return .object(object)
    }

    public static func describe(_ entity: Entity, dialect: SchemaDialect = .mcp) -> JSONValue {
        var object: JSONObject = [
            "name": .string(entity.name), "description": .string(entity.description),
            "actions": .array(entity.actions.map { describe($0, dialect: dialect) }),
        ]
        if entity.generated { object["generated"] = true }
        return .object(object)
    }

    public static func describe(_ action: Action, dialect: SchemaDialect = .mcp) -> JSONValue {
        var object: JSONObject = [
            "name": .string(action.name), "description": .string(action.description),
            "safety": [
                "read_only": .bool(action.safety.readOnly), "idempotent": .bool(action.safety.idempotent),
                "destructive": .bool(action.safety.destructive),
            ],
            "method": .string(action.request.method.rawValue), "path": .string(action.request.path.source),
            "paginated": .bool(action.isPaginated),
            "params": dialect.convert(action.params.json),
        ]
        if let prefetch = action.prefetch {
            object["prefetch"] = [
                "method": .string(prefetch.request.method.rawValue), "path": .string(prefetch.request.path.source),
                "fills": .object(JSONObject(prefetch.values.map { ($0.param, JSONValue.string($0.description)) })),
            ]
        }
        if !action.response.fields.isEmpty {
            object["default_fields"] = .array(action.response.fields.map(JSONValue.string))
        }
        if !action.scopes.isEmpty {
            object["scopes"] = .array(action.scopes.map(JSONValue.string))
        }
        return .object(object)
    }
}
