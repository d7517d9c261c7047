import Testing
@testable import Switchyard

@Suite("Markdown ↔ Jira wiki markup")
struct WikiConversionTests {
    private static func wiki(_ markdown: String) -> String {
        WikiWriter.write(MarkdownDocument(markdown: markdown))
    }

    private static func markdown(_ wiki: String) -> String {
        WikiReader.read(wiki).markdown
    }

    @Test("headings, emphasis, code, strike and links become wiki markup")
    func inlineMarkupBecomesWiki() {
        #expect(Self.wiki("## Plan\n\nA **bold**, *italic*, `x()`, ~~old~~ [docs](https://x.io) and <https://y.io>")
            == "h2. Plan\n\nA *bold*, _italic_, {{x()}}, -old- [docs|https://x.io] and [https://y.io]")
    }

    @Test("a mention written @[Name](accountId:…) becomes [~accountid:…]; a username mention [~name]")
    func mentionsBecomeWikiMentions() {
        #expect(Self.wiki("@[Mia](accountId:5b10ac8d82e05b22cc7d4ef5) and @[jsmith](username:jsmith)") == "[~accountid:5b10ac8d82e05b22cc7d4ef5] and [~jsmith]")
        #expect(Self.markdown("[~accountid:5b10ac8d82e05b22cc7d4ef5] and [~jsmith]")
            == "@[5b10ac8d82e05b22cc7d4ef5](accountId:5b10ac8d82e05b22cc7d4ef5) and @[jsmith](username:jsmith)\n")
    }

    @Test("nested bullet and ordered lists use repeated markers")
    func nestedListsUseRepeatedMarkers() {
        #expect(Self.wiki("1. one\n   - sub\n     1. deep\n2. two") == "# one\n#* sub\n#*# deep\n# two")
        #expect(Self.markdown("# one\n#* sub\n#*# deep\n# two\n* other") == "1. one\n   - sub\n     1. deep\n2. two\n\n- other\n")
    }

    @Test("code blocks use {code:language}, or {noformat} without a language")
    func codeBlocksUseCodeMacro() {
        #expect(Self.wiki("```swift\nlet x = 1\n```\n\n```\nplain\n```") == "{code:swift}\nlet x = 1\n{code}\n\n{noformat}\nplain\n{noformat}")
        #expect(Self.markdown("{code:title=A.swift|language=swift}\nlet x = 1\n{code}\n{noformat}*raw*{noformat}") == "```swift\nlet x = 1\n```\n\n```\n*raw*\n```\n")
    }

    @Test("quotes use bq. for one line and {quote} otherwise")
    func quotesUseBqOrQuoteMacro() {
        #expect(Self.wiki("> one line") == "bq. one line")
        #expect(Self.wiki("> first\n>\n> second") == "{quote}\nfirst\n\nsecond\n{quote}")
        #expect(Self.markdown("bq. quoted\n{quote}\nmulti\n\nline\n{quote}") == "> quoted\n\n> multi\n>\n> line\n")
    }

    @Test("tables use ||header|| and |cell| rows")
    func tablesUsePipes() {
        #expect(Self.wiki("| Key | Status |\n| --- | --- |\n| DEMO-1 |  |") == "||Key||Status||\n|DEMO-1| |")
        #expect(Self.markdown("||Key||Status||\n|[link|https://x.io]|{{a|b}}|") == "| Key | Status |\n| --- | --- |\n| [link](https://x.io) | `a\\|b` |\n")
    }

    @Test("rules, line breaks and images convert both ways")
    func rulesBreaksAndImages() {
        #expect(Self.wiki("a\\\nb\n\n---\n\n![chart](https://x.io/c.png)") == "a\\\\ b\n\n----\n\n!https://x.io/c.png|alt=chart!")
        #expect(Self.markdown("a\\\\b\n----\n!https://x.io/c.png! !screenshot.png|thumbnail!") == "a\\\nb\n\n---\n\n![](https://x.io/c.png) [attachment: screenshot.png]\n")
    }

    @Test("panels and info macros become quotes led by their label")
    func panelsBecomeLabelledQuotes() {
        #expect(Self.markdown("{info:title=Heads up}\nRead this.\n{info}\n{panel}\nboxed\n{panel}") == "> **Info:** Heads up\n>\n> Read this.\n\n> **Panel:** boxed\n")
    }

    @Test("the {*} brace form, colour tags and other effects keep their text")
    func braceFormsAndColours() {
        #expect(Self.markdown("in{*}word{*}bold, {color:red}red{color}, +under+ ^sup^ ~sub~") == "in**word**bold, red, under sup sub\n")
        #expect(Self.wiki("in**word**bold") == "in{*}word{*}bold")
    }

    @Test("plain text with wiki syntax characters is escaped", arguments: [
        ("2 * 3 * 4", "2 * 3 * 4"),
        ("*not bold*", "\\*not bold\\*"),
        ("- not a list", "\\- not a list"),
        ("[not a link]", "\\[not a link\\]"),
        ("{noformat}", "\\{noformat\\}"),
        ("C:\\path", "C:&#92;path"),
        ("well-known", "well-known"),
        ("(y) :)", "\\(y) \\:)"),
    ])
    func syntaxCharactersAreEscaped(text: String, expected: String) {
        let wiki = WikiWriter.write(MarkdownDocument(blocks: [.paragraph([.text(text)])]))
        #expect(wiki == expected)
        #expect(WikiReader.read(wiki).blocks == [.paragraph([.text(text)])])
    }

    @Test("a list item's extra paragraphs join it after a line break")
    func listItemBlocksJoinTheLine() {
        #expect(Self.wiki("- first\n\n  second\n\n  ```\n  code\n  ```\n- next") == "* first\\\\ second\\\\ {{code}}\n* next")
    }

    @Test("task list items keep their boxes")
    func taskItemsKeepBoxes() {
        let wiki = Self.wiki("- [ ] open\n- [x] done\n- [ ] literal text [ ] stays")
        #expect(wiki == "* \\[ \\] open\n* \\[x\\] done\n* \\[ \\] literal text \\[ \\] stays")
        #expect(Self.markdown(wiki) == "- [ ] open\n- [x] done\n- [ ] literal text [ ] stays\n")
    }
}
