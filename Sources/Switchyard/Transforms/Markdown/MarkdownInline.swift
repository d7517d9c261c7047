/// Inline content of a paragraph, heading or table cell.
///
/// ```swift
/// let inlines: [MarkdownInline] = [.text("Ask "), .mention(MarkdownMention(id: "5b10ac8d82e05b22cc7d4ef5", name: "Mia"))]
/// // "Ask @[Mia](accountId:5b10ac8d82e05b22cc7d4ef5)"
/// ```
public enum MarkdownInline: Sendable, Hashable {
    case text(String)
    case emphasis([MarkdownInline])
    case strong([MarkdownInline])
    case strikethrough([MarkdownInline])
    case code(String)
    case link(MarkdownLink)
    case image(MarkdownImage)
    case mention(MarkdownMention)
    /// A forced line break (`\` or two spaces at the end of a Markdown line).
    case hardBreak
    /// A plain newline inside a paragraph. Atlassian formats render it as a line break.
    case softBreak
}
