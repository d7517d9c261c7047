import Switchyard

/// What an import did with every operation: imported (with its action id) or skipped (with the reason),
/// plus the descriptions the description lacks and the lists it could not find pagination for.
///
/// ```swift
/// let result = try OpenAPIImporter().importSpec(file: "api.json")
/// print(result.report.text)              // one line per operation, then the gaps
/// result.report.json.serialized()        // the same as JSON
/// ```
public struct ImportReport: Sendable {
    /// One operation of the description and what became of it.
    public struct Entry: Sendable {
        public let method: String
        public let path: String
        public let operationID: String?
        /// `entity.action`, when the operation was imported.
        public let actionID: String?
        /// Why it was not, otherwise.
        public let skipReason: String?
        public let notes: [String]
    }

    public internal(set) var entries: [Entry] = []
    /// `entity.action` or `entity.action.param` whose description the OpenAPI document does not give.
    public internal(set) var missingDescriptions: [String] = []
    /// Read actions returning a list for which no pagination shape was recognised.
    public internal(set) var undetectedPagination: [String] = []
    /// Document-level notes: auth schemes left out, unresolved references, overrides applied.
    public internal(set) var notes: [String] = []

    public var imported: [Entry] { entries.filter { $0.actionID != nil } }
    public var skipped: [Entry] { entries.filter { $0.actionID == nil } }

    /// A readable report: a summary, the skipped operations with reasons, the gaps, then every operation.
    public var text: String {
        var lines = ["\(entries.count) operations: \(imported.count) imported, \(skipped.count) skipped"]
        if !skipped.isEmpty {
            lines.append("skipped:")
            lines += skipped.map { "  \($0.method) \($0.path)\($0.operationID.map { " (\($0))" } ?? ""): \($0.skipReason ?? "")" }
        }
        if !undetectedPagination.isEmpty {
            lines.append("lists without recognised pagination (state it in --overrides if they page): \(undetectedPagination.count)")
            lines += undetectedPagination.map { "  \($0)" }
        }
        if !missingDescriptions.isEmpty {
            lines.append("missing descriptions: \(missingDescriptions.count)")
            lines += missingDescriptions.map { "  \($0)" }
        }
        if !notes.isEmpty {
            lines.append("notes:")
            lines += notes.map { "  \($0)" }
        }
        lines.append("operations:")
        for entry in entries {
            let outcome = entry.actionID.map { "→ \($0)" } ?? "skipped: \(entry.skipReason ?? "")"
            let notes = entry.notes.isEmpty ? "" : " [\(entry.notes.joined(separator: "; "))]"
            lines.append("  \(entry.method) \(entry.path) \(outcome)\(notes)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The report as JSON: `summary`, `operations`, `missing_descriptions`, `undetected_pagination`, `notes`.
    public var json: JSONValue {
        let operations: [JSONValue] = entries.map { entry in
            var object: JSONObject = ["method": .string(entry.method), "path": .string(entry.path)]
            if let id = entry.operationID { object["operation_id"] = .string(id) }
            if let action = entry.actionID { object["action"] = .string(action) }
            if let reason = entry.skipReason { object["skipped"] = .string(reason) }
            if !entry.notes.isEmpty { object["notes"] = .array(entry.notes.map(JSONValue.string)) }
            return .object(object)
        }
        return [
            "summary": ["operations": .number(JSONNumber(entries.count)), "imported": .number(JSONNumber(imported.count)), "skipped": .number(JSONNumber(skipped.count))],
            "operations": .array(operations),
            "missing_descriptions": .array(missingDescriptions.map(JSONValue.string)),
            "undetected_pagination": .array(undetectedPagination.map(JSONValue.string)),
            "notes": .array(notes.map(JSONValue.string)),
        ]
    }
}
