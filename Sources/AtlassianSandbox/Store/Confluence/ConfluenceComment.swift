/// A footer comment on a page or blog post. Comments share the content id space with pages.
///
/// ```swift
/// comment.containerId        // "98311"
/// comment.body.value         // "<p>Looks good to me.</p>"
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
}
