/// A footer or inline comment on a page or blog post. Comments share the content id space with pages.
///
/// ```swift
/// comment.containerId        // "98311"
/// comment.body.value         // "<p>Looks good to me.</p>"
/// comment.inline?.selection  // "payment provider" for an inline comment, nil for a footer one
/// ```
struct ConfluenceComment: Sendable {
    let id: String
    let containerId: String
    let containerKind: ConfluenceContent.Kind
    /// The comment this one replies to, for threaded replies.
    let parentCommentId: String?
    var status: String
    let authorId: String
    let createdAt: Timestamp
    var version: ConfluenceContent.Version
    var body: ContentBody
    /// The highlighted text an inline comment (or a reply to one) is anchored to; `nil` for footer comments.
    var inline: InlineAnchor? = nil

    /// Where an inline comment sits: the text it highlights and whether the discussion is resolved.
    struct InlineAnchor: Sendable {
        /// The marker id Confluence puts around the highlighted text in the page's storage format.
        let markerRef: String
        let selection: String
        /// `open`, `reopened`, `resolved` or `dangling`.
        var resolutionStatus: String
    }
}
