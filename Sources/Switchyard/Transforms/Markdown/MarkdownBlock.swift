/// A block of a ``MarkdownDocument``: what stacks vertically on the page.
///
/// ```swift
/// let block = MarkdownBlock.heading(level: 2, content: [.text("Status")])   // "## Status"
/// ```
public enum MarkdownBlock: Sendable, Hashable {
    case paragraph([MarkdownInline])
    /// `level` is 1 through 6.
    case heading(level: Int, content: [MarkdownInline])
    /// A fenced code block; `code` has no trailing newline.
    case codeBlock(language: String?, code: String)
    case blockQuote([MarkdownBlock])
    case list(MarkdownList)
    case table(MarkdownTable)
    case thematicBreak
}
