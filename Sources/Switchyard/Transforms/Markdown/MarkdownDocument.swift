/// A rich-text document as a small Markdown syntax tree: the meeting point of every rich-text conversion.
///
/// Each format has a reader that produces this tree and a writer that consumes it (Markdown, ADF,
/// Confluence storage, Jira wiki markup), so converting between two formats is one read and one write.
/// Readers normalize what they produce (adjacent text merged, empty formatting removed, whitespace moved out
/// of emphasis), so trees from different formats compare equal when they say the same thing.
///
/// ```swift
/// let document = MarkdownDocument(markdown: "# Plan\n\n- **ship** it")
/// document.blocks.count   // 2
/// document.markdown       // "# Plan\n\n- **ship** it\n"
/// ```
public struct MarkdownDocument: Sendable, Hashable {
    /// How deeply blocks (quotes, lists) or inlines (emphasis, links) may nest. Deeper input is flattened,
    /// never rejected, so no reader or writer recursion can exhaust the stack.
    public static let maximumDepth = 24

    public var blocks: [MarkdownBlock]

    public init(blocks: [MarkdownBlock] = []) {
        self.blocks = blocks
    }

    /// Parses CommonMark-style Markdown with GFM tables, strikethrough and task lists.
    public init(markdown: String) {
        self.init(blocks: MarkdownBlockParser.parse(markdown))
    }

    /// The document as Markdown text, ending with a newline unless empty.
    public var markdown: String {
        MarkdownWriter.write(self)
    }
}
