@testable import Switchyard

/// Shared inputs for the rich-text tests, and a way to compare documents by structure.
enum RichTextFixtures {
    /// One of everything the conversions must carry: headings, nested and ordered lists, a task list, code
    /// with a language, links, a table, a mention, bold/italic/code/strike, a quote, a rule.
    static let representative = """
        # Release plan

        Intro with **bold**, *italic*, `code`, ~~strike~~ and a [link](https://example.com/a?b=1&c=2). \
        Ask @[Mia Krystof](accountId:5b10a2844c20165700ede21g) about 2 * 3.

        ## Steps

        1. Build
        2. Test
           - unit
           - integration
             - nested deeper
        3. Ship

        - [ ] write notes
        - [x] tag release

        ```swift
        let answer = 42 // <tag> & "quotes"
        ```

        > Quoted **text**
        > on two lines

        ---

        | Key | Status |
        | --- | --- |
        | DEMO-1 | *Done* |
        | DEMO-2 | `open` |
        """

    /// Text full of characters that are syntax in Markdown, wiki markup or XHTML.
    static let specialCharacters = #"Literal *stars*, _under_scores_, [brackets](not a link), {braces}, a|pipe, back\slash, <tag> & &amp; entity, 100% -dash- +plus+ ^caret^ ~tilde~ !bang! #hash (y) :)"#

    /// The document with the differences the formats are documented to introduce smoothed out: mention
    /// display names (storage and wiki keep only the id), soft versus hard line breaks (ADF and storage
    /// render soft breaks as breaks).
    static func structure(_ document: MarkdownDocument) -> MarkdownDocument {
        MarkdownDocument(blocks: document.blocks.map(structure))
    }

    private static func structure(_ block: MarkdownBlock) -> MarkdownBlock {
        switch block {
        case .paragraph(let content):
            return .paragraph(InlineNormalizer.paragraph(content.map(structure)))
        case .heading(let level, let content):
            return .heading(level: level, content: content.map(structure))
        case .blockQuote(let children):
            return .blockQuote(children.map(structure))
        case .list(var list):
            list.items = list.items.map { MarkdownListItem(checked: $0.checked, blocks: $0.blocks.map(structure)) }
            return .list(list)
        case .table(let table):
            return .table(MarkdownTable(header: table.header.map { $0.map(structure) }, rows: table.rows.map { $0.map { $0.map(structure) } }))
        case .codeBlock, .thematicBreak:
            return block
        }
    }

    private static func structure(_ inline: MarkdownInline) -> MarkdownInline {
        switch inline {
        case .mention(let mention):
            return .mention(MarkdownMention(kind: mention.kind, id: mention.id))
        case .softBreak:
            return .hardBreak
        case .emphasis(let children), .strong(let children), .strikethrough(let children):
            return inline.withChildren(children.map(structure))
        case .link(var link):
            link.content = link.content.map(structure)
            return .link(link)
        default:
            return inline
        }
    }
}
