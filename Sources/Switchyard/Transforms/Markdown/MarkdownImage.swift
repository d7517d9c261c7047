/// An image by address: `![alt](source "title")`.
///
/// ```swift
/// MarkdownImage(source: "https://example.com/a.png", alt: "chart")   // "![chart](https://example.com/a.png)"
/// ```
public struct MarkdownImage: Sendable, Hashable {
    public var source: String
    public var alt: String
    public var title: String?

    public init(source: String, alt: String, title: String? = nil) {
        self.source = source
        self.alt = alt
        self.title = title
    }
}
