/// A hyperlink: `[content](destination "title")`, or `<https://example.com>` when the text is the address.
///
/// ```swift
/// MarkdownLink(destination: "https://example.com", content: [.text("docs")])   // "[docs](https://example.com)"
/// ```
public struct MarkdownLink: Sendable, Hashable {
    public var destination: String
    public var title: String?
    public var content: [MarkdownInline]

    public init(destination: String, title: String? = nil, content: [MarkdownInline]) {
        self.destination = destination
        self.title = title
        self.content = content
    }
}
