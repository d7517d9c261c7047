/// Everything Confluence-side the sandbox knows: spaces, pages, blog posts, and their labels, footer
/// comments and attachments; and the webhooks told of their changes.
///
/// ```swift
/// state.space(key: "DEMO")?.homepageId          // "98305"
/// state.children(of: "98305").map(\.title)      // ["Getting Started", "Architecture Overview", ...]
/// ```
struct ConfluenceState: Sendable {
    var spaces: [ConfluenceSpace]
    private(set) var contentByID: [String: ConfluenceContent] = [:]
    var nextContentID: Int
    /// Footer comments, in creation order; see `ConfluenceState+Extras.swift`.
    var comments: [ConfluenceComment] = []
    /// Attachment metadata.
    var attachments: [ConfluenceAttachment] = []
    /// Labels by content id.
    var labelsByContent: [String: [ConfluenceLabel]] = [:]
    /// Label ids by `prefix:name`, so a name keeps its id everywhere.
    var labelIDsByName: [String: String] = [:]
    var nextLabelID = 1_001
    /// The versions a page or blog post had before its current one, by content id, as saves replace them.
    private(set) var earlierVersions: [String: [ConfluenceContent.Version]] = [:]
    /// Webhooks registered through Data Center's REST API.
    var webhooks: [ConfluenceWebhook] = []
    var nextWebhookID = 1

    init(spaces: [ConfluenceSpace], content: [ConfluenceContent], nextContentID: Int) {
        self.spaces = spaces
        self.nextContentID = nextContentID
        for item in content { save(item) }
    }

    func space(id: String) -> ConfluenceSpace? {
        spaces.first { $0.id == id }
    }

    func space(key: String) -> ConfluenceSpace? {
        spaces.first { $0.key.lowercased() == key.lowercased() }
    }

    func content(id: String) -> ConfluenceContent? {
        contentByID[id]
    }

    /// All pages and blog posts, oldest id first.
    var allContent: [ConfluenceContent] {
        contentByID.values.sorted { (Int($0.id) ?? 0) < (Int($1.id) ?? 0) }
    }

    /// The current child pages of `pageId`, in position order.
    func children(of pageId: String) -> [ConfluenceContent] {
        contentByID.values.filter { $0.parentId == pageId && $0.kind == .page && $0.status == "current" }
            .sorted { ($0.position, Int($0.id) ?? 0) < ($1.position, Int($1.id) ?? 0) }
    }

    /// The ancestors of a page, the top-most first.
    func ancestors(of pageId: String) -> [ConfluenceContent] {
        var chain: [ConfluenceContent] = []
        var next = contentByID[pageId]?.parentId
        while let id = next, let parent = contentByID[id], !chain.contains(where: { $0.id == id }) {
            chain.insert(parent, at: 0)
            next = parent.parentId
        }
        return chain
    }

    /// Inserts or replaces a page or blog post, keeping the version it replaces in `earlierVersions`.
    mutating func save(_ content: ConfluenceContent) {
        if let old = contentByID[content.id], old.version.number < content.version.number {
            earlierVersions[content.id, default: []].append(old.version)
        }
        contentByID[content.id] = content
    }

    mutating func removeContent(id: String) {
        contentByID[id] = nil
    }

    mutating func makeContentID() -> String {
        defer { nextContentID += 1 }
        return String(nextContentID)
    }
}
