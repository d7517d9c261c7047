import Testing
@testable import Switchyard

@Suite("Markdown writer")
struct MarkdownWriterTests {
    private static func write(_ blocks: [MarkdownBlock]) -> String {
        MarkdownDocument(blocks: blocks).markdown
    }

    @Test("an empty document is empty text")
    func emptyDocument() {
        #expect(Self.write([]) == "")
    }

    @Test("plain text with Markdown syntax characters is escaped so it reads back the same", arguments: [
        "2 * 3 = 6 and a_b_c but _x_",
        "# not a heading",
        "1. not a list",
        "- not a bullet",
        "> not a quote",
        "[not](a link) and ![not](an image)",
        "[ ] not a task",
        "<b>not html</b> &amp; not an entity",
        "back\\slash `tick` ~~tilde~~ a|b",
        "@[not](accountId:a mention)",
        "===",
    ])
    func plainTextRoundTrips(text: String) {
        let blocks: [MarkdownBlock] = [.paragraph([.text(text)])]
        #expect(MarkdownDocument(markdown: Self.write(blocks)).blocks == blocks)
    }

    @Test("text needing no escapes is written as it is")
    func readableTextIsNotEscaped() {
        #expect(Self.write([.paragraph([.text("It's 5 o'clock (roughly) - a snake_case name, a ~ b, 100% done!")])])
            == "It's 5 o'clock (roughly) - a snake_case name, a \\~ b, 100% done!\n")
    }

    @Test("emphasis that * cannot express at a word boundary falls back to HTML tags")
    func emphasisFallsBackToHTML() {
        let blocks: [MarkdownBlock] = [.paragraph([.strong([.text("Note:")]), .text("text and x"), .emphasis([.text("(y)")]), .text("z")])]
        let markdown = Self.write(blocks)
        #expect(markdown == "<strong>Note:</strong>text and x<em>(y)</em>z\n")
        #expect(MarkdownDocument(markdown: markdown).blocks == blocks)
    }

    @Test("whitespace at the edges of emphasis moves outside the delimiters")
    func emphasisWhitespaceMovesOut() {
        #expect(Self.write([.paragraph(InlineNormalizer.paragraph([.text("a"), .strong([.text(" b ")]), .text("c")]))]) == "a **b** c\n")
    }

    @Test("adjacent lists of the same kind alternate their markers so they stay separate")
    func adjacentListsAlternateMarkers() {
        let bullet = MarkdownBlock.list(MarkdownList(ordered: false, items: [MarkdownListItem(blocks: [.paragraph([.text("a")])])]))
        let ordered = MarkdownBlock.list(MarkdownList(ordered: true, items: [MarkdownListItem(blocks: [.paragraph([.text("b")])])]))
        let blocks = [bullet, bullet, ordered, ordered]
        #expect(Self.write(blocks) == "- a\n\n* a\n\n1. b\n\n1) b\n")
        #expect(MarkdownDocument(markdown: Self.write(blocks)).blocks == blocks)
    }

    @Test("list items holding several paragraphs make the list loose")
    func looseListsGetBlankLines() {
        let list = MarkdownBlock.list(MarkdownList(ordered: false, items: [
            MarkdownListItem(blocks: [.paragraph([.text("a")]), .paragraph([.text("more")])]),
            MarkdownListItem(blocks: [.thematicBreak]),
        ]))
        #expect(Self.write([list]) == "- a\n\n  more\n\n- ***\n")
        #expect(MarkdownDocument(markdown: Self.write([list])).blocks == [list])
    }

    @Test("code spans and fences grow past the backticks they contain")
    func backticksInCode() {
        let blocks: [MarkdownBlock] = [.paragraph([.code("a ``b`` c"), .text(" "), .code("`x`")]), .codeBlock(language: "md", code: "```\ninner\n```")]
        #expect(Self.write(blocks) == "`a ``b`` c` `` `x` ``\n\n````md\n```\ninner\n```\n````\n")
        #expect(MarkdownDocument(markdown: Self.write(blocks)).blocks == blocks)
    }

    @Test("a table escapes pipes and writes hard breaks as <br>")
    func tableCells() {
        let table = MarkdownBlock.table(MarkdownTable(header: [[.text("a|b")], []], rows: [[[.text("x"), .hardBreak, .text("y")], [.code("c|d")]]]))
        #expect(Self.write([table]) == "| a\\|b |  |\n| --- | --- |\n| x<br>y | `c\\|d` |\n")
        #expect(MarkdownDocument(markdown: Self.write([table])).blocks == [table])
    }

    @Test("a mention is written @[Display Name](accountId:…), falling back to the id without a name")
    func mentionSyntax() {
        #expect(Self.write([.paragraph([.mention(MarkdownMention(id: "5b10", name: "Mia K")), .text(" "), .mention(MarkdownMention(kind: .username, id: "j smith"))])])
            == "@[Mia K](accountId:5b10) @[j smith](<username:j smith>)\n")
    }

    @Test("links use <…> autolinks when the text is the address, and <…> destinations when they contain spaces")
    func linkForms() {
        #expect(Self.write([.paragraph([
            .link(MarkdownLink(destination: "https://x.io", content: [.text("https://x.io")])), .text(" "),
            .link(MarkdownLink(destination: "a b(c", title: "say \"hi\"", content: [.text("t")])), .text("!"),
            .link(MarkdownLink(destination: "https://y.io", content: [.text("not an image")])),
        ])]) == "<https://x.io> [t](<a b(c> \"say \\\"hi\\\"\")\\![not an image](https://y.io)\n")
    }
}
