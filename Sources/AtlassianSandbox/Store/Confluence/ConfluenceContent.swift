/// A Confluence page or blog post with its current version and body.
///
/// ```swift
/// page.kind              // .page
/// page.version.number    // 3
/// page.body.value        // "<h1>Checkout</h1><p>...</p>"
/// ```
struct ConfluenceContent: Sendable {
    enum Kind: String, Sendable {
        case page
        case blogpost
    }

    /// One version of the content; the sandbox keeps the latest body, and only the metadata of earlier ones.
    struct Version: Sendable {
        var number: Int
        var message: String
        var minorEdit: Bool
        var authorId: String
        var createdAt: Timestamp
    }

    let id: String
    let kind: Kind
    /// `current`, `draft`, `archived` or `trashed`.
    var status: String
    var title: String
    let spaceId: String
    var parentId: String?
    var position: Int
    let authorId: String
    var ownerId: String
    let createdAt: Timestamp
    var version: Version
    var body: ContentBody

    /// The web UI path Confluence links to, e.g. `/spaces/DEMO/pages/98305/Demo+Space+Home`.
    func webPath(spaceKey: String) -> String {
        let slug = title.split(separator: " ").joined(separator: "+")
        switch kind {
        case .page: return "/spaces/\(spaceKey)/pages/\(id)/\(slug)"
        case .blogpost: return "/spaces/\(spaceKey)/blog/\(createdAt.dateText.replacingOccurrences(of: "-", with: "/"))/\(id)/\(slug)"
        }
    }
}
