/// A webhook registered through Confluence Data Center's `/rest/api/webhooks`: where to POST which content
/// events, and the secret that signs them (never shown again once set).
///
/// ```swift
/// ConfluenceWebhook(id: 1, name: "to switchyard", url: "http://127.0.0.1:8787/webhook",
///                   events: ["page_created", "page_updated"], secret: "s3cret", active: true, created: .now())
/// ```
struct ConfluenceWebhook: Sendable, Equatable {
    /// The events Confluence Data Center offers; a webhook may name only these.
    static let knownEvents: Set<String> = [
        "page_created", "page_updated", "page_trashed", "page_restored", "page_removed", "page_moved",
        "blog_created", "blog_updated", "blog_trashed", "blog_restored", "blog_removed",
        "comment_created", "comment_updated", "comment_removed",
        "attachment_created", "attachment_updated", "attachment_removed",
        "label_added", "label_removed", "space_created", "space_updated", "space_removed",
    ]

    let id: Int
    var name: String
    var url: String
    var events: [String]
    var secret: String?
    var active: Bool
    let created: Timestamp
    var updated: Timestamp

    init(id: Int, name: String, url: String, events: [String], secret: String?, active: Bool, created: Timestamp) {
        self.id = id
        self.name = name
        self.url = url
        self.events = events
        self.secret = secret
        self.active = active
        self.created = created
        updated = created
    }
}
