/// Where an export stands after a page: the query it runs, the page to fetch next, and the latest `updated`
/// time seen, for the next incremental run. It is what a state file holds, as JSON.
///
/// ```swift
/// let checkpoint = try ExportCheckpoint(json: JSONValue(parsing: stateText))
/// checkpoint.finished   // false: a re-run continues at checkpoint.cursor
/// ```
public struct ExportCheckpoint: Sendable, Equatable {
    public var connector: String
    public var entity: String
    /// The selectors the export was started with, in order: what a later run (a webhook sync) needs to
    /// build the same query again. Empty in checkpoints written before they were kept.
    public var selectors: [ExportRequest.Selector]
    /// The query the run sends, with its selectors and since clause filled in.
    public var query: String
    /// The `since` bound of the run, as put into the query (`yyyy-MM-dd HH:mm`, UTC).
    public var since: String?
    /// The next page, as an opaque cursor; `nil` when the run finished.
    public var cursor: String?
    public var pages: Int
    public var documents: Int
    /// The latest `updated` time of any exported record, over this and earlier runs (ISO 8601, UTC).
    public var highWater: String?
    /// The ids of the records the exported corpus holds, when the export tracks deletions; an incremental
    /// run reports those it no longer finds as tombstones. `nil` when not tracked, or not known yet.
    public var ids: [String]?
    /// Tombstones reported by this run (a resumed run counts on from its checkpoint).
    public var deleted: Int

    public var finished: Bool { cursor == nil }

    public init(
        connector: String, entity: String, selectors: [ExportRequest.Selector] = [], query: String, since: String?, cursor: String?,
        pages: Int, documents: Int, highWater: String?, ids: [String]? = nil, deleted: Int = 0
    ) {
        self.connector = connector
        self.entity = entity
        self.selectors = selectors
        self.query = query
        self.since = since
        self.cursor = cursor
        self.pages = pages
        self.documents = documents
        self.highWater = highWater
        self.ids = ids
        self.deleted = deleted
    }

    public var json: JSONValue {
        var object: JSONObject = [
            "connector": .string(connector), "entity": .string(entity),
            "selectors": .object(JSONObject(selectors.map { ($0.name, JSONValue.string($0.value)) })), "query": .string(query),
            "since": since.map(JSONValue.string) ?? .null, "cursor": cursor.map(JSONValue.string) ?? .null,
            "pages": .number(JSONNumber(pages)), "documents": .number(JSONNumber(documents)),
            "high_water": highWater.map(JSONValue.string) ?? .null,
        ]
        if deleted > 0 { object["deleted"] = .number(JSONNumber(deleted)) }
        if let ids { object["ids"] = .array(ids.map(JSONValue.string)) }
        return .object(object)
    }

    /// Reads the JSON form, naming the field that is missing or mistyped.
    public init(json: JSONValue) throws(ExecutionError) {
        func string(_ key: String, optional: Bool = false) throws(ExecutionError) -> String? {
            let value = json[key]
            if let text = value?.stringValue { return text }
            if optional, value == nil || value?.isNull == true { return nil }
            throw ExecutionError(kind: .validation, message: "export checkpoint field '\(key)' must be a string\(optional ? " or null" : ""), got \(value?.typeName ?? "nothing")")
        }
        func count(_ key: String) throws(ExecutionError) -> Int {
            guard let number = json[key]?.intValue, number >= 0 else {
                throw ExecutionError(kind: .validation, message: "export checkpoint field '\(key)' must be an integer ≥ 0")
            }
            return number
        }
        guard json.objectValue != nil else {
            throw ExecutionError(kind: .validation, message: "an export checkpoint must be a JSON object, got \(json.typeName)")
        }
        var selectors: [ExportRequest.Selector] = []
        if let value = json["selectors"] {
            guard let object = value.objectValue, object.allSatisfy({ $0.value.stringValue != nil }) else {
                throw ExecutionError(kind: .validation, message: "export checkpoint field 'selectors' must be an object of selector name → string, got \(value.typeName)")
            }
            selectors = object.map { ExportRequest.Selector(name: $0.key, value: $0.value.stringValue ?? "") }
        }
        var ids: [String]?
        if let value = json["ids"], !value.isNull {
            guard let items = value.arrayValue?.compactMap(\.stringValue), items.count == value.arrayValue?.count else {
                throw ExecutionError(kind: .validation, message: "export checkpoint field 'ids' must be an array of strings or null, got \(value.typeName)")
            }
            ids = items
        }
        self.init(
            connector: try string("connector") ?? "", entity: try string("entity") ?? "", selectors: selectors, query: try string("query") ?? "",
            since: try string("since", optional: true), cursor: try string("cursor", optional: true),
            pages: try count("pages"), documents: try count("documents"), highWater: try string("high_water", optional: true),
            ids: ids, deleted: json["deleted"] == nil ? 0 : try count("deleted")
        )
    }
}
