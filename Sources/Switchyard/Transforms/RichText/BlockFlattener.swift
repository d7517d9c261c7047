/// Flattens blocks into inline content, for places that only hold inlines (a Markdown table cell, a task
/// item, a wiki list item): paragraphs are joined by line breaks, list items get `•` or their number,
/// code lines become code spans, headings become strong text.
///
/// ```swift
/// BlockFlattener.inlines([.paragraph([.text("a")]), .list(MarkdownList(ordered: false, items: [MarkdownListItem(blocks: [.paragraph([.text("b")])])]))])
/// // [.text("a"), .hardBreak, .text("• b")]
/// ```
enum BlockFlattener {
    static func inlines(_ blocks: [MarkdownBlock]) -> [MarkdownInline] {
        var output: [MarkdownInline] = []
        for block in blocks {
            let part = inlines(block)
            guard !part.isEmpty else { continue }
            if !output.isEmpty { output.append(.hardBreak) }
            output.append(contentsOf: part)
        }
        return InlineNormalizer.cell(output)
    }

    private static func inlines(_ block: MarkdownBlock) -> [MarkdownInline] {
        switch block {
        case .paragraph(let content):
            return content
        case .heading(_, let content):
            return [.strong(content)]
        case .codeBlock(_, let code):
            var output: [MarkdownInline] = []
            for line in code.normalizingLineEndings().split(separator: "\n", omittingEmptySubsequences: false) {
                if !output.isEmpty { output.append(.hardBreak) }
                if !line.isEmpty { output.append(.code(String(line))) }
            }
            return output
        case .blockQuote(let children):
            return inlines(children)
        case .list(let list):
            var output: [MarkdownInline] = []
            for (position, item) in list.items.enumerated() {
                if !output.isEmpty { output.append(.hardBreak) }
                let marker = switch item.checked {
                case true?: "[x] "
                case false?: "[ ] "
                case nil: list.ordered ? "\(list.start + position). " : "• "
                }
                output.append(.text(marker))
                output.append(contentsOf: inlines(item.blocks))
            }
            return output
        case .table(let table):
            var output: [MarkdownInline] = []
            for row in [table.header] + table.rows {
                if !output.isEmpty { output.append(.hardBreak) }
                for (position, cell) in row.enumerated() {
                    if position > 0 { output.append(.text(" | ")) }
                    output.append(contentsOf: cell)
                }
            }
            return output
        case .thematicBreak:
            return [.text("---")]
        }
    }
}
