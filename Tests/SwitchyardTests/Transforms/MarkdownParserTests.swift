import Testing
@testable import Switchyard

@Suite("Markdown parser")
struct MarkdownParserTests {
    private static func blocks(_ markdown: String) -> [MarkdownBlock] {
        MarkdownDocument(markdown: markdown).blocks
    }

    private static func inlines(_ markdown: String) -> [MarkdownInline] {
        guard case .paragraph(let content)? = blocks(markdown).first else { return [] }
        return content
    }

    private static func item(_ text: String, checked: Bool? = nil) -> MarkdownListItem {
        MarkdownListItem(checked: checked, blocks: [.paragraph([.text(text)])])
    }

    @Test("ATX headings of levels 1–6, with closing hashes removed; setext headings too")
    func headings() {
        #expect(Self.blocks("# One #\n###### Six\n####### seven\n\nTwo\n---\nOne\n===") == [
            .heading(level: 1, content: [.text("One")]), .heading(level: 6, content: [.text("Six")]),
            .paragraph([.text("####### seven")]), .heading(level: 2, content: [.text("Two")]), .heading(level: 1, content: [.text("One")]),
        ])
    }

    @Test("nested bullet lists and ordered lists keep their nesting and start number")
    func nestedLists() {
        let expected: [MarkdownBlock] = [.list(MarkdownList(ordered: true, start: 7, items: [
            MarkdownListItem(blocks: [.paragraph([.text("seven")]), .list(MarkdownList(ordered: false, items: [Self.item("sub")]))]),
            Self.item("eight"),
        ]))]
        #expect(Self.blocks("7. seven\n   - sub\n8. eight") == expected)
        #expect(Self.blocks("7) seven\n   * sub\n8) eight") == expected)
    }

    @Test("a different bullet character starts a new list")
    func bulletCharacterSeparatesLists() {
        #expect(Self.blocks("- a\n* b") == [
            .list(MarkdownList(ordered: false, items: [Self.item("a")])), .list(MarkdownList(ordered: false, items: [Self.item("b")])),
        ])
    }

    @Test("task list items carry their checkbox state")
    func taskItems() {
        #expect(Self.blocks("- [ ] open\n- [x] done\n- [X] also\n- [y] not a task") == [.list(MarkdownList(ordered: false, items: [
            Self.item("open", checked: false), Self.item("done", checked: true), Self.item("also", checked: true), Self.item("[y] not a task"),
        ]))])
    }

    @Test("fenced code keeps its language and content; an unclosed fence runs to the end")
    func fencedCode() {
        #expect(Self.blocks("```swift title\n  let x = 1\n\n```\n~~~\nraw ``` inside\n") == [
            .codeBlock(language: "swift", code: "  let x = 1\n"), .codeBlock(language: nil, code: "raw ``` inside"),
        ])
        #expect(Self.blocks("    indented code\n\n    more") == [.codeBlock(language: nil, code: "indented code\n\nmore")])
    }

    @Test("block quotes nest and take lazy continuation lines")
    func blockQuotes() {
        #expect(Self.blocks("> a\nlazy\n> > inner") == [.blockQuote([.paragraph([.text("a"), .softBreak, .text("lazy")]), .blockQuote([.paragraph([.text("inner")])])])])
    }

    @Test("a thematic break is not a list, and --- under a paragraph is a heading")
    func thematicBreaks() {
        #expect(Self.blocks("* * *\n\n___\n\n- - -") == [.thematicBreak, .thematicBreak, .thematicBreak])
    }

    @Test("a GFM table splits on unescaped pipes and pads short rows")
    func tables() {
        #expect(Self.blocks("| a | b |\n|:--|--:|\n| 1 \\| x | `c` |\n| only |") == [.table(MarkdownTable(
            header: [[.text("a")], [.text("b")]],
            rows: [[[.text("1 | x")], [.code("c")]], [[.text("only")], []]]
        ))])
        #expect(Self.blocks("a | b\n--- | ---\nc | d") == [.table(MarkdownTable(header: [[.text("a")], [.text("b")]], rows: [[[.text("c")], [.text("d")]]]))])
    }

    @Test("a table needs a delimiter row with the same number of cells")
    func tableNeedsMatchingDelimiterRow() {
        #expect(Self.blocks("| a | b |\n| --- |") == [.paragraph([.text("| a | b |"), .softBreak, .text("| --- |")])])
    }

    @Test("emphasis, strong, strikethrough and code spans follow CommonMark's rules")
    func emphasis() {
        #expect(Self.inlines("*a* _b_ **c** __d__ ~~e~~ `f` ***g***") == [
            .emphasis([.text("a")]), .text(" "), .emphasis([.text("b")]), .text(" "), .strong([.text("c")]), .text(" "),
            .strong([.text("d")]), .text(" "), .strikethrough([.text("e")]), .text(" "), .code("f"), .text(" "), .emphasis([.strong([.text("g")])]),
        ])
        #expect(Self.inlines("snake_case_name, 2 * 3, a ~ b, ~single~") == [.text("snake_case_name, 2 * 3, a ~ b, ~single~")])
        #expect(Self.inlines("foo**bar**baz") == [.text("foo"), .strong([.text("bar")]), .text("baz")])
    }

    @Test("code spans strip one surrounding space and keep backslashes")
    func codeSpans() {
        #expect(Self.inlines("`` a`b `` ` c\\d `") == [.code("a`b"), .text(" "), .code("c\\d")])
    }

    @Test("links keep titles and angle-bracket destinations; autolinks and bare URLs become links")
    func links() {
        #expect(Self.inlines("[a](https://x.io \"T\") [b](<u v>) <https://y.io> see https://z.io/p?q=1.") == [
            .link(MarkdownLink(destination: "https://x.io", title: "T", content: [.text("a")])), .text(" "),
            .link(MarkdownLink(destination: "u v", content: [.text("b")])), .text(" "),
            .link(MarkdownLink(destination: "https://y.io", content: [.text("https://y.io")])), .text(" see "),
            .link(MarkdownLink(destination: "https://z.io/p?q=1", content: [.text("https://z.io/p?q=1")])), .text("."),
        ])
    }

    @Test("a mention is written @[Display Name](accountId:…), or with username:/userkey: for Server")
    func mentions() {
        #expect(Self.inlines("@[Mia Krystof](accountId:5b10a2844c20165700ede21g) @[jsmith](username:jsmith) [key](userkey:JIRAUSER1)") == [
            .mention(MarkdownMention(kind: .accountId, id: "5b10a2844c20165700ede21g", name: "Mia Krystof")), .text(" "),
            .mention(MarkdownMention(kind: .username, id: "jsmith", name: "jsmith")), .text(" "),
            .mention(MarkdownMention(kind: .userKey, id: "JIRAUSER1", name: "key")),
        ])
        #expect(Self.inlines("mail @[x](https://x.io)") == [.text("mail @"), .link(MarkdownLink(destination: "https://x.io", content: [.text("x")]))])
    }

    @Test("hard breaks come from two trailing spaces, a backslash or <br>")
    func hardBreaks() {
        #expect(Self.inlines("a  \nb\\\nc<br>d\ne") == [.text("a"), .hardBreak, .text("b"), .hardBreak, .text("c"), .hardBreak, .text("d"), .softBreak, .text("e")])
    }

    @Test("backslash escapes and character references are resolved")
    func escapesAndEntities() {
        #expect(Self.inlines("\\*not\\* &amp; &copy; &#35; &#x41; \\q") == [.text("*not* & © # A \\q")])
    }

    @Test("images keep their alt text and source")
    func images() {
        #expect(Self.inlines("![a *b*](https://x.io/i.png \"t\")") == [.image(MarkdownImage(source: "https://x.io/i.png", alt: "a b", title: "t"))])
    }

    @Test("HTML formatting tags are read as formatting")
    func htmlFormattingTags() {
        #expect(Self.inlines("a<strong>(b)</strong>c <em>d</em> <del>e</del> <u>u</u>") == [
            .text("a"), .strong([.text("(b)")]), .text("c "), .emphasis([.text("d")]), .text(" "), .strikethrough([.text("e")]), .text(" <u>u</u>"),
        ])
    }

    @Test("quotes and lists nested past the depth limit are read as text")
    func nestingIsCapped() {
        let depth = MarkdownDocument.maximumDepth + 10
        var block = Self.blocks(String(repeating: ">", count: depth) + " deep").first
        var levels = 0
        while case .blockQuote(let children)? = block {
            levels += 1
            block = children.first
        }
        #expect(levels == MarkdownDocument.maximumDepth)
        guard case .paragraph(let content)? = block else {
            Issue.record("expected the innermost block to be a paragraph")
            return
        }
        #expect(MarkdownInline.plainText(content).hasSuffix("> deep"))
    }
}
