import Foundation

/// What to export: a connector's entity, the records chosen by its selectors, and how to continue from an
/// earlier run.
///
/// ```swift
/// let request = ExportRequest(connector: "confluence", selectors: [("space_key", "ENG"), ("label", "runbook")])
/// for try await document in try runtime.export(request).documents { print(document.serialized()) }
/// ```
public struct ExportRequest: Sendable {
    public var connector: String
    /// The entity to export; `nil` picks the connector's only entity with an `export` section.
    public var entity: String?
    /// Selector names of the entity's export section with their values, combined with AND.
    public var selectors: [(name: String, value: String)]
    /// Only records changed at or after this moment (minute precision, as JQL and CQL compare).
    public var since: Date?
    /// Fold each record's comments into its text.
    public var comments: Bool
    /// List each record's attachments.
    public var attachments: Bool
    /// Where an earlier run stopped: an unfinished one is continued, a finished one gives the high-water
    /// mark an incremental run starts from.
    public var checkpoint: ExportCheckpoint?
    /// Keep the exported ids in the checkpoint, so that a later incremental run reports the records deleted
    /// since as tombstones (when the export section has `deletions`). A checkpoint that already keeps ids
    /// goes on keeping them.
    public var tracksDeletions: Bool

    /// A selector and its value, as a checkpoint keeps it.
    public struct Selector: Sendable, Equatable {
        public let name: String
        public let value: String

        public init(name: String, value: String) {
            self.name = name
            self.value = value
        }
    }

    public init(
        connector: String, entity: String? = nil, selectors: [(name: String, value: String)] = [], since: Date? = nil,
        comments: Bool = false, attachments: Bool = false, checkpoint: ExportCheckpoint? = nil, tracksDeletions: Bool = false
    ) {
        self.connector = connector
        self.entity = entity
        self.selectors = selectors
        self.since = since
        self.comments = comments
        self.attachments = attachments
        self.checkpoint = checkpoint
        self.tracksDeletions = tracksDeletions
    }
}
