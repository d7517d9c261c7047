/// One item of a ``MarkdownList``: its blocks, and for a task list item whether it is checked.
///
/// ```swift
/// MarkdownListItem(checked: false, blocks: [.paragraph([.text("write tests")])])   // "- [ ] write tests"
/// ```
public struct MarkdownListItem: Sendable, Hashable {
    /// `nil` for an ordinary item; `true`/`false` for a checked/unchecked task.
    public var checked: Bool?
    public var blocks: [MarkdownBlock]

    public init(checked: Bool? = nil, blocks: [MarkdownBlock]) {
        self.checked = checked
        self.blocks = blocks
    }
}
