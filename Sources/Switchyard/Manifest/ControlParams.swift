/// The params Switchyard adds to every action: `fields` for field selection, and `limit` and `cursor` for
/// paginated actions. Manifests may not declare these names, nor the ones reserved for later use.
public enum ControlParams {
    public static let fields = "fields"
    public static let limit = "limit"
    public static let cursor = "cursor"
    public static let textFormat = "text_format"

    /// Records returned when the caller gives no `limit`.
    public static let defaultLimit = 50
    /// The most records one execute may gather.
    public static let maximumLimit = 1000

    /// Names a manifest may not use for its own params.
    public static let reserved: Set<String> = [fields, limit, cursor, textFormat, "dry_run", "timeout_ms", "max_output_bytes", "confirmation"]

    /// The names added to an action's params.
    public static func names(paginated: Bool, transformsText: Bool) -> [String] {
        (paginated ? [fields, limit, cursor] : [fields]) + (transformsText ? [textFormat] : [])
    }

    static let fieldsSchema: JSONValue = [
        "description": "Fields to return, as dot paths (e.g. [\"key\", \"fields.summary\"]); [\"*\"] for all. Default: a compact set.",
        "anyOf": [
            ["type": "array", "items": ["type": "string", "minLength": 1]],
            ["type": "string", "minLength": 1],
        ],
    ]

    static let limitSchema: JSONValue = [
        "type": "integer",
        "minimum": 1,
        "maximum": .number(JSONNumber(maximumLimit)),
        "default": .number(JSONNumber(defaultLimit)),
        "description": "Records to return in all; more pages are fetched as needed. If more remain, the result has 'next'.",
    ]

    static let cursorSchema: JSONValue = [
        "type": "string",
        "minLength": 1,
        "description": "'next' from an earlier result, to continue.",
    ]

    static let textFormatSchema: JSONValue = [
        "type": "string",
        "enum": ["markdown", "raw"],
        "default": "markdown",
        "description": "How rich-text fields come back: 'markdown' (default) or 'raw' as the service stores them (ADF, storage format).",
    ]

    /// The declared schema plus the control params, closed to unknown params unless it says otherwise.
    static func effectiveSchema(declared: JSONValue, paginated: Bool, transformsText: Bool) -> JSONValue {
        guard var object = declared.objectValue else { return declared }
        var properties = object["properties"]?.objectValue ?? JSONObject()
        properties[fields] = fieldsSchema
        if paginated {
            properties[limit] = limitSchema
            properties[cursor] = cursorSchema
        }
        if transformsText {
            properties[textFormat] = textFormatSchema
        }
        object["type"] = "object"
        object["properties"] = .object(properties)
        if object["additionalProperties"] == nil {
            object["additionalProperties"] = false
        }
        return .object(object)
    }
}
