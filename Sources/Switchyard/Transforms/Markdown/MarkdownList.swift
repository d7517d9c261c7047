/// A bullet or ordered list; an item may carry a task checkbox (`- [ ] todo`, `- [x] done`).
///
/// Whether a list is "tight" or "loose" is not stored: writers derive it from the items' content.
///
/// ```swift
/// let list = MarkdownList(ordered: true, start: 3, items: [MarkdownListItem(blocks: [.paragraph([.text("third")])])])
/// // "3. third"
/// ```
public struct MarkdownList: Sendable, Hashable {
    public var ordered: Bool
    /// The number of the first item of an ordered list.
    public var start: Int
    public var items: [MarkdownListItem]

    public init(ordered: Bool, start: Int = 1, items: [MarkdownListItem]) {
        self.ordered = ordered
        self.start = start
        self.items = items
    }
}
