/// How an entity's records become exported documents, from the entity's `export` section: the action that
/// lists them page by page, an optional action that reads each one in full, the selectors a user combines
/// into the listing's query, and where each document field is found in a record.
///
/// ```json
/// "export": {
///   "description": "Issues as documents.",
///   "list": {"action": "search", "params": {"jql": "{query}"}, "page_size": 100},
///   "query": {"since": "updated >= \"{since}\""},
///   "selectors": {"jql": {"description": "A JQL query.", "clause": "{value}"}},
///   "document": {"id": "/key", "title": "/fields/summary", "url": "{base_url}/browse/{/key}",
///                "text": {"path": "/fields/description", "transform": "adf_to_markdown"},
///                "updated": "/fields/updated", "metadata": {"status": "/fields/status/name"}}
/// }
/// ```
public struct ExportSpec: Sendable {
    /// What the documents are, for people reading the manifest or `describe`.
    public let description: String
    /// The paginated, read-only action that lists the records; string params may use `{query}`.
    public let list: ExportCall
    /// Records asked for per page, instead of the listing action's page size.
    public let pageSize: Int?
    /// A read-only action run for each listed record, whose response becomes the record; its string params
    /// are templates over the listed record (`{/content/id}`).
    public let fetch: ExportCall?
    /// How selectors combine into `{query}`.
    public let query: ExportQuery
    /// The ways a user may choose records, by name (`jql`, `space_key`), in manifest order.
    public let selectors: [ExportSelector]
    public let document: DocumentMapping
    /// How deleted records are found; without it an export reports no tombstones.
    public let deletions: ExportDeletions?

    public func selector(_ name: String) -> ExportSelector? {
        selectors.first { $0.name == name }
    }
}

/// An action with the params an export passes to it; string values are ``RecordTemplate``s.
public struct ExportCall: Sendable {
    /// The action's entity: the exported one unless the section names another (`"entity": "search"`).
    public let entity: String
    public let action: String
    public let params: JSONObject
}

/// How the query of an export is put together: an optional fixed `base` clause, the clauses of the chosen
/// selectors and, for an incremental run, the `since` clause, joined with `join`.
public struct ExportQuery: Sendable {
    public let base: String?
    public let join: String
    /// A clause with `{since}`, filled with `yyyy-MM-dd HH:mm` (UTC); without it an export cannot be incremental.
    public let since: RecordTemplate?
}

/// How an incremental export finds the records deleted since the last run: it walks the listing once more
/// over the whole selection (no since clause), asking only for ids, and every id the previous run knew that
/// this walk no longer finds becomes a tombstone line. Records moved out of the selection count as deleted
/// from it, since the API cannot tell the two apart.
public struct ExportDeletions: Sendable {
    /// Where a listed record's id is: the value `document.id` gives the document built from it.
    public let id: RecordPath
    /// Set over the listing's params for the id walk (each replaces the listing's), e.g. only the key field.
    public let params: JSONObject
    /// Records asked for per page in the id walk, instead of the listing's.
    public let pageSize: Int?
}

/// One way to choose records, such as `space_key` → `space = "{value}"`.
public struct ExportSelector: Sendable {
    public let name: String
    public let description: String
    /// The clause, with `{value}` where the user's value goes.
    public let clause: RecordTemplate
}

/// Where each field of a document is found in a record (the fetched one when the export has a `fetch`).
public struct DocumentMapping: Sendable {
    public let id: RecordPath
    public let title: RecordPath
    /// A link a person can open; may use `{base_url}`, the connection's base URL.
    public let url: RecordTemplate
    public let text: TextField?
    public let created: RecordPath?
    public let updated: RecordPath?
    public let metadata: [(name: String, path: RecordPath)]
    public let comments: CommentMapping?
    public let attachments: AttachmentMapping?
}

/// A rich-text field and the named transform (``TextTransforms``) that turns it into Markdown.
public struct TextField: Sendable {
    public let path: RecordPath
    public let transform: String?
}

/// Where a record's comments are, folded into the document text when asked for. `params` are added to the
/// listing's params (arrays appended) so the comments are part of the records.
public struct CommentMapping: Sendable {
    public let params: JSONObject
    public let items: RecordPath
    public let author: RecordPath?
    public let created: RecordPath?
    public let body: TextField
}

/// Where a record's attachments are, listed in the document when asked for. `params` as for comments.
public struct AttachmentMapping: Sendable {
    public let params: JSONObject
    public let items: RecordPath
    public let name: RecordPath
    public let url: RecordPath?
}
