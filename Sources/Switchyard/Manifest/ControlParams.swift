/// The params Switchyard adds to actions, on top of what the manifest declares. Manifests may not declare
/// these names.
///
/// | param | added to | meaning |
/// |---|---|---|
/// | `fields` | every action | dot paths to keep in each record |
/// | `limit`, `cursor` | paginated actions | records in all; where to continue |
/// | `text_format` | actions with response transforms | `markdown` or `raw` |
/// | `timeout_ms` | every action | the whole call's deadline |
/// | `max_output_bytes` | every action | the output budget |
/// | `dry_run` | actions that change data | return the resolved request without sending it |
/// | `confirmation` | destructive actions | the token from a dry run, when confirmation is required |
public enum ControlParams {
    public static let fields = "fields"
    public static let limit = "limit"
    public static let cursor = "cursor"
    public static let textFormat = "text_format"
    public static let timeout = "timeout_ms"
    public static let maximumOutputBytes = "max_output_bytes"
    public static let dryRun = "dry_run"
    public static let confirmation = "confirmation"

    /// Records returned when the caller gives no `limit`.
    public static let defaultLimit = 50
    /// The most records one execute may gather (the output budget usually stops it sooner).
    public static let maximumLimit = 10_000
    /// The output budget when the caller gives none: about 16k tokens.
    public static let defaultMaximumOutputBytes = 64 * 1024
    /// The longest deadline a caller may ask for.
    public static let maximumTimeoutMilliseconds = 600_000

    /// Control params about the call rather than the action: every action takes them the same way, so a tool
    /// definition leaves them to the server's instructions instead of repeating them on every tool.
    public static let callWide: Set<String> = [timeout, maximumOutputBytes]

    /// Names a manifest may not use for its own params.
    public static let reserved: Set<String> = [fields, limit, cursor, textFormat, timeout, maximumOutputBytes, dryRun, confirmation]

    /// The control params an action takes, in the order they are listed.
    static func names(for action: (paginated: Bool, transformsText: Bool, safety: ActionSafety)) -> [String] {
        var names = [fields]
        if action.paginated { names += [limit, cursor] }
        if action.transformsText { names.append(textFormat) }
        names += [timeout, maximumOutputBytes]
        if !action.safety.readOnly { names.append(dryRun) }
        if action.safety.destructive { names.append(confirmation) }
        return names
    }

    /// The control params of `action`, in the order they are listed.
    public static func names(for action: Action) -> [String] {
        names(for: (action.isPaginated, action.transformsText, action.safety))
    }

    /// Each control param in its shortest correct form, without prose, for tool definitions: the server's
    /// instructions describe them once. Every value the full form accepts, this form accepts too. The
    /// ``callWide`` ones have none: tool definitions do not list them.
    public static let leanSchemas: [String: JSONValue] = [
        fields: ["type": ["array", "string"]],
        limit: ["type": "integer"],
        cursor: ["type": "string"],
        textFormat: ["enum": ["markdown", "raw"]],
        dryRun: ["type": "boolean"],
        confirmation: ["type": "string"],
    ]

    /// One line per control param, for a server's instructions and for `describe`: what each means.
    public static let guide: [(name: String, meaning: String)] = [
        (fields, "dot paths to keep in each record, e.g. [\"key\", \"fields.summary\"]; [\"*\"] for all (default: a compact set)"),
        (limit, "records to return in all, across pages (default \(defaultLimit)); when more remain the result has 'next'"),
        (cursor, "'next' from an earlier result, to continue a list"),
        (textFormat, "rich text as 'markdown' (default) or 'raw' as stored (ADF, storage format)"),
        (timeout, "deadline for the whole call in ms, retries included (default 60000)"),
        (maximumOutputBytes, "output budget in bytes (default \(defaultMaximumOutputBytes)); past it the result is cut and says how to get the rest"),
        (dryRun, "on actions that change data: return the request (secrets masked) without sending it"),
        (confirmation, "on destructive actions, when the server requires it: the token from the call's dry run"),
    ]

    static let schemas: [String: JSONValue] = [
        fields: [
            "description": "Fields to return, as dot paths (e.g. [\"key\", \"fields.summary\"]); [\"*\"] for all. Default: a compact set.",
            "anyOf": [
                ["type": "array", "items": ["type": "string", "minLength": 1]],
                ["type": "string", "minLength": 1],
            ],
        ],
        limit: [
            "type": "integer", "minimum": 1, "maximum": .number(JSONNumber(maximumLimit)), "default": .number(JSONNumber(defaultLimit)),
            "description": "Records to return in all; more pages are fetched as needed. If more remain, the result has 'next'.",
        ],
        cursor: ["type": "string", "minLength": 1, "description": "'next' from an earlier result, to continue."],
        textFormat: [
            "type": "string", "enum": ["markdown", "raw"], "default": "markdown",
            "description": "Rich text as 'markdown' (default) or 'raw' as stored (ADF, storage format).",
        ],
        timeout: [
            "type": "integer", "minimum": 1, "maximum": .number(JSONNumber(maximumTimeoutMilliseconds)),
            "description": "Deadline for the whole call in ms, retries included (default 60000).",
        ],
        maximumOutputBytes: [
            "type": "integer", "minimum": 1024,
            "description": "Output budget in bytes (default 65536); past it the result is truncated and says how to get the rest.",
        ],
        dryRun: ["type": "boolean", "description": "Return the resolved request (secrets masked) without sending it."],
        confirmation: ["type": "string", "minLength": 1, "description": "The confirmation token from this call's dry run, when the server requires confirmation."],
    ]

    /// The declared schema plus the control params, closed to unknown params unless it says otherwise.
    static func effectiveSchema(declared: JSONValue, paginated: Bool, transformsText: Bool, safety: ActionSafety) -> JSONValue {
        guard var object = declared.objectValue else { return declared }
        var properties = object["properties"]?.objectValue ?? JSONObject()
        for name in names(for: (paginated, transformsText, safety)) {
            properties[name] = schemas[name]
        }
        object["type"] = "object"
        object["properties"] = .object(properties)
        if object["additionalProperties"] == nil {
            object["additionalProperties"] = false
        }
        return .object(object)
    }
}
