import Testing
@testable import Switchyard

@Suite("Markdown ↔ ADF")
struct ADFConversionTests {
    private static func adf(_ markdown: String) -> JSONValue {
        ADFWriter.write(MarkdownDocument(markdown: markdown))
    }

    private static func markdown(_ content: JSONValue) -> String {
        ADFReader.read(["type": "doc", "version": 1, "content": content]).markdown
    }

    private static func paragraph(_ content: JSONValue) -> JSONValue {
        ["type": "paragraph", "content": content]
    }

    @Test("empty Markdown becomes an empty ADF document")
    func emptyInputIsEmptyDocument() {
        #expect(Self.adf("") == ["type": "doc", "version": 1, "content": []])
        #expect(Self.adf("  \n\n ") == ["type": "doc", "version": 1, "content": []])
    }

    @Test("a mention written @[Display Name](accountId:…) becomes an ADF mention node")
    func mentionBecomesMentionNode() {
        let document = Self.adf("Ping @[Mia Krystof](accountId:5b10a2844c20165700ede21g)")
        #expect(document["content"]?[0]?["content"]?[1] == ["type": "mention", "attrs": ["id": "5b10a2844c20165700ede21g", "text": "@Mia Krystof"]])
    }

    @Test("an ADF mention reads back as @[Display Name](accountId:…)")
    func mentionNodeBecomesMarkdownMention() {
        let markdown = Self.markdown([Self.paragraph([["type": "mention", "attrs": ["id": "5b10ac8d82e05b22cc7d4ef5", "text": "@Mia"]]])])
        #expect(markdown == "@[Mia](accountId:5b10ac8d82e05b22cc7d4ef5)\n")
    }

    @Test("bold, italic, strike and links become marks on non-empty text nodes")
    func inlineFormattingBecomesMarks() {
        let content = Self.adf("a **b *c*** [d](https://x.io)")["content"]?[0]?["content"]
        #expect(content == [
            ["type": "text", "text": "a "],
            ["type": "text", "text": "b ", "marks": [["type": "strong"]]],
            ["type": "text", "text": "c", "marks": [["type": "strong"], ["type": "em"]]],
            ["type": "text", "text": " "],
            ["type": "text", "text": "d", "marks": [["type": "link", "attrs": ["href": "https://x.io"]]]],
        ])
    }

    @Test("code keeps only a link mark besides code")
    func codeMarkDropsOtherMarks() {
        let content = Self.adf("**`x`** [`y`](https://x.io)")["content"]?[0]?["content"]
        #expect(content?[0] == ["type": "text", "text": "x", "marks": [["type": "code"]]])
        #expect(content?[2] == ["type": "text", "text": "y", "marks": [["type": "code"], ["type": "link", "attrs": ["href": "https://x.io"]]]])
    }

    @Test("line breaks become hardBreak nodes")
    func breaksBecomeHardBreaks() {
        let content = Self.adf("one\\\ntwo\nthree")["content"]?[0]?["content"]
        #expect(content == [
            ["type": "text", "text": "one"], ["type": "hardBreak"], ["type": "text", "text": "two"], ["type": "hardBreak"], ["type": "text", "text": "three"],
        ])
    }

    @Test("a fenced code block keeps its language and unmarked text")
    func codeBlockKeepsLanguage() {
        #expect(Self.adf("```swift\nlet x = 1\n```")["content"]?[0] == ["type": "codeBlock", "attrs": ["language": "swift"], "content": [["type": "text", "text": "let x = 1"]]])
        #expect(Self.adf("```\n```")["content"]?[0] == ["type": "codeBlock"])
    }

    @Test("an ordered list keeps its start number as attrs.order")
    func orderedListKeepsStart() {
        let list = Self.adf("3. three\n4. four")["content"]?[0]
        #expect(list?["type"] == "orderedList")
        #expect(list?["attrs"] == ["order": 3])
        #expect(list?["content"]?.arrayValue?.count == 2)
    }

    @Test("a list item that starts with a nested list gets an empty first paragraph")
    func listItemStartsWithParagraph() {
        let item = Self.adf("- - nested")["content"]?[0]?["content"]?[0]
        #expect(item?["content"]?[0] == ["type": "paragraph", "content": []])
        #expect(item?["content"]?[1]?["type"] == "bulletList")
    }

    @Test("a heading, table and nested quote inside a quote are rewritten into content a blockquote can hold")
    func quoteContentIsRewritten() {
        let quote = Self.adf("> # Title\n> > inner\n>\n> | a | b |\n> | - | - |\n> | 1 | 2 |")["content"]?[0]
        #expect(quote?["type"] == "blockquote")
        let types = quote?["content"]?.arrayValue?.compactMap { $0["type"]?.stringValue }
        #expect(types == ["paragraph", "paragraph", "paragraph", "paragraph"])
        #expect(quote?["content"]?[0]?["content"]?[0] == ["type": "text", "text": "Title", "marks": [["type": "strong"]]])
    }

    @Test("a task list becomes taskList/taskItem with states")
    func taskListBecomesTaskItems() {
        let list = Self.adf("- [ ] open\n- [x] closed")["content"]?[0]
        #expect(list?["type"] == "taskList")
        #expect(list?["content"]?[0]?["attrs"]?["state"] == "TODO")
        #expect(list?["content"]?[1]?["attrs"]?["state"] == "DONE")
        #expect(list?["content"]?[1]?["content"] == [["type": "text", "text": "closed"]])
    }

    @Test("a table becomes tableHeader and tableCell nodes, each holding a paragraph")
    func tableBecomesRowsOfCells() {
        let table = Self.adf("| Key | Status |\n| --- | --- |\n| DEMO-1 |  |")["content"]?[0]
        #expect(table?["content"]?[0]?["content"]?[0] == ["type": "tableHeader", "content": [Self.paragraph([["type": "text", "text": "Key"]])]])
        #expect(table?["content"]?[1]?["content"]?[1] == ["type": "tableCell", "content": [Self.paragraph([])]])
    }

    @Test("an image on its own becomes an external mediaSingle")
    func imageBecomesMediaSingle() {
        #expect(Self.adf("![chart](https://x.io/c.png)")["content"]?[0] == [
            "type": "mediaSingle", "attrs": ["layout": "center"],
            "content": [["type": "media", "attrs": ["type": "external", "url": "https://x.io/c.png", "alt": "chart"]]],
        ])
    }

    @Test("a panel reads back as a block quote led by **Info:**")
    func panelBecomesLabelledQuote() {
        let markdown = Self.markdown([["type": "panel", "attrs": ["panelType": "info"], "content": [Self.paragraph([["type": "text", "text": "Heads up"]])]]])
        #expect(markdown == "> **Info:** Heads up\n")
    }

    @Test("status, emoji, date and inline card read back as readable text")
    func inlineNodesBecomeText() {
        let markdown = Self.markdown([Self.paragraph([
            ["type": "status", "attrs": ["text": "In progress", "color": "blue"]], ["type": "text", "text": " "],
            ["type": "emoji", "attrs": ["shortName": ":smile:"]], ["type": "text", "text": " "],
            ["type": "date", "attrs": ["timestamp": "1709164800000"]], ["type": "text", "text": " "],
            ["type": "inlineCard", "attrs": ["url": "https://x.atlassian.net/browse/DEMO-1"]],
        ])])
        #expect(markdown == "[IN PROGRESS] :smile: 2024-02-29 <https://x.atlassian.net/browse/DEMO-1>\n")
    }

    @Test("media, expand, decisions and unknown nodes are never dropped")
    func otherNodesLeaveVisibleText() {
        let markdown = Self.markdown([
            ["type": "mediaSingle", "attrs": ["layout": "center"], "content": [["type": "media", "attrs": ["type": "file", "id": "abc-123", "collection": "c"]]]],
            ["type": "expand", "attrs": ["title": "Details"], "content": [Self.paragraph([["type": "text", "text": "hidden"]])]],
            ["type": "decisionList", "attrs": ["localId": "d"], "content": [["type": "decisionItem", "attrs": ["localId": "i", "state": "DECIDED"], "content": [["type": "text", "text": "Ship it"]]]]],
            ["type": "futureNode", "attrs": ["foo": 1]],
        ])
        #expect(markdown.contains("[attachment: abc-123]"))
        #expect(markdown.contains("> **Expand:** Details\n>\n> hidden"))
        #expect(markdown.contains("- **Decision:** Ship it"))
        #expect(markdown.contains("[futureNode]"))
    }

    @Test("underline, colour and sub/superscript marks keep their text")
    func unsupportedMarksKeepText() {
        let markdown = Self.markdown([Self.paragraph([
            ["type": "text", "text": "under", "marks": [["type": "underline"]]],
            ["type": "text", "text": "red", "marks": [["type": "textColor", "attrs": ["color": "#ff0000"]], ["type": "strong"]]],
            ["type": "text", "text": "2", "marks": [["type": "subsup", "attrs": ["type": "sup"]]]],
        ])])
        #expect(markdown == "under**red**2\n")
    }

    @Test("marks shared by neighbouring text nodes nest instead of repeating")
    func sharedMarksNest() {
        let markdown = Self.markdown([Self.paragraph([
            ["type": "text", "text": "bold ", "marks": [["type": "strong"]]],
            ["type": "text", "text": "both", "marks": [["type": "em"], ["type": "strong"]]],
            ["type": "text", "text": " bold", "marks": [["type": "strong"]]],
        ])])
        #expect(markdown == "**bold _both_ bold**\n")
    }

    @Test("a non-doc root node and ADF with junk members still convert")
    func tolerantOfOddShapes() {
        #expect(ADFReader.read(Self.paragraph([["type": "text", "text": "hi"]])).markdown == "hi\n")
        #expect(ADFReader.read(["type": "doc", "content": [1, "x", ["type": "text"]]]).markdown == "[unknown]\n\n[unknown]\n")
    }

    @Test("ADF nested thousands of levels deep converts without exhausting the stack")
    func deepNestingIsFlattened() {
        var node: JSONValue = Self.paragraph([["type": "text", "text": "bottom"]])
        for _ in 0..<5_000 { node = ["type": "blockquote", "content": [node]] }
        let markdown = ADFReader.read(["type": "doc", "version": 1, "content": [node]]).markdown
        #expect(markdown.hasSuffix("bottom\n"))
    }
}
