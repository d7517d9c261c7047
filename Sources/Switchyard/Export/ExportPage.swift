/// One page of an export: its documents, in order, and the checkpoint that continues after them.
///
/// ```swift
/// for try await page in try runtime.export(request) {
///     for document in page.documents { write(document) }
///     try stateFile.save(page.checkpoint)        // after the documents are safely written
/// }
/// ```
public struct ExportPage: Sendable {
    /// The documents as JSON objects: `id`, `source`, `url`, `title`, `text`, `metadata`, `created`, `updated`.
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

    public init(pages: Int, documents: Int, total: Int?) {
        self.pages = pages
        self.documents = documents
        self.total = total
    }

    public var json: JSONValue {
        var object: JSONObject = ["pages": .number(JSONNumber(pages)), "documents": .number(JSONNumber(documents))]
        if let total { object["total"] = .number(JSONNumber(total)) }
        return .object(object)
    }
}
