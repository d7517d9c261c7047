/// One page of an export: its documents, in order, and the checkpoint that continues after them.
///
/// ```swift
/// for try await page in try runtime.export(request) {
///     for document in page.documents { write(document) }
///     try stateFile.save(page.checkpoint)        // after the documents are safely written
/// }
/// ```
public struct ExportPage: Sendable {
    /// The documents as JSON objects: `id`, `source`, `url`, `title`, `text`, `metadata`, `created`, `updated`;
    /// or, for a record deleted since the last run, a tombstone: `id`, `source` and `"deleted": true`.
    public let documents: [JSONValue]
    public let checkpoint: ExportCheckpoint
    public let progress: ExportProgress
}

/// How far an export has come, counted over resumed runs too.
public struct ExportProgress: Sendable, Hashable {
    public let pages: Int
    public let documents: Int
    /// How many records the query matches, when the API says.
    public let total: Int?
    /// Tombstones: records deleted since the last run.
    public let deleted: Int

    public init(pages: Int, documents: Int, total: Int?, deleted: Int = 0) {
        self.pages = pages
        self.documents = documents
        self.total = total
        self.deleted = deleted
    }

    public var json: JSONValue {
        var object: JSONObject = ["pages": .number(JSONNumber(pages)), "documents": .number(JSONNumber(documents))]
        if let total { object["total"] = .number(JSONNumber(total)) }
        if deleted > 0 { object["deleted"] = .number(JSONNumber(deleted)) }
        return .object(object)
    }
}
