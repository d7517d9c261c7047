import Testing
@testable import Switchyard

@Suite("Markdown ↔ Confluence storage")
struct StorageConversionTests {
    private static func storage(_ markdown: String) -> String {
        StorageWriter.write(MarkdownDocument(markdown: markdown))
    }

    private static func markdown(_ storage: String) -> String {
        StorageReader.read(storage).markdown
    }

    @Test("a fenced code block becomes the code macro with its language in CDATA")
    func fencedCodeBecomesCodeMacro() {
        #expect(Self.storage("```swift\nlet x = 1\n```") == #"<ac:structured-macro ac:name="code"><ac:parameter ac:name="language">swift</ac:parameter><ac:plain-text-body><![CDATA[let x = 1]]></ac:plain-text-body></ac:structured-macro>"#)
    }

    @Test("]]> inside code is split across CDATA sections and reads back intact")
    func cdataTerminatorIsSplit() {
        let storage = Self.storage("```\na]]>b\n```")
        #expect(storage.contains("<![CDATA[a]]]]><![CDATA[>b]]>"))
        #expect(Self.markdown(storage) == "```\na]]>b\n```\n")
    }

    @Test("a mention written @[Name](accountId:…) becomes a user link, and reads back with the id")
    func mentionBecomesUserLink() {
        let storage = Self.storage("Ask @[Mia](accountId:5b10ac8d82e05b22cc7d4ef5)")
        #expect(storage == #"<p>Ask <ac:link><ri:user ri:account-id="5b10ac8d82e05b22cc7d4ef5" /></ac:link></p>"#)
        #expect(Self.markdown(storage) == "Ask @[5b10ac8d82e05b22cc7d4ef5](accountId:5b10ac8d82e05b22cc7d4ef5)\n")
        #expect(Self.storage("@[jsmith](username:jsmith)").contains(#"<ri:user ri:username="jsmith" />"#))
    }

    @Test("text and attributes are escaped")
    func textIsEscaped() {
        #expect(Self.storage(#"a < b & [c](https://x.io/?a=1&b="2")"#) == #"<p>a &lt; b &amp; <a href="https://x.io/?a=1&amp;b=&quot;2&quot;">c</a></p>"#)
    }

    @Test("headings, emphasis, links, breaks and rules read back as Markdown")
    func htmlElementsBecomeMarkdown() {
        let storage = #"<h2>Title</h2><p>A <b>bold</b>, <i>italic</i>, <del>gone</del>, <span style="text-decoration: line-through;">struck</span>, <code>x()</code> and <a href="https://x.io" title="X">link</a>.<br/>Next</p><hr/>"#
        #expect(Self.markdown(storage) == "## Title\n\nA **bold**, _italic_, ~~gone~~, ~~struck~~, `x()` and [link](https://x.io \"X\").\\\nNext\n\n---\n")
    }

    @Test("nested lists, ordered start and task lists read back as Markdown lists")
    func listsBecomeMarkdownLists() {
        let storage = #"<ol start="3"><li><p>three</p><ul><li>sub</li></ul></li><li>four</li></ol><ac:task-list><ac:task><ac:task-status>complete</ac:task-status><ac:task-body>done</ac:task-body></ac:task></ac:task-list>"#
        #expect(Self.markdown(storage) == "3. three\n   - sub\n4. four\n\n- [x] done\n")
    }

    @Test("a table with th and td cells reads back as a GFM table")
    func tableBecomesGFMTable() {
        let storage = "<table><colgroup><col/></colgroup><tbody><tr><th><p>Key</p></th><th>Status</th></tr><tr><td><p>DEMO-1</p><p>second</p></td><td>a|b</td></tr></tbody></table>"
        #expect(Self.markdown(storage) == "| Key | Status |\n| --- | --- |\n| DEMO-1<br>second | a\\|b |\n")
    }

    @Test("the code macro and <pre> read back as fenced code")
    func codeMacroBecomesFence() {
        let storage = #"<ac:structured-macro ac:name="code" ac:schema-version="1"><ac:parameter ac:name="language">swift</ac:parameter><ac:plain-text-body><![CDATA[if a < b {}]]></ac:plain-text-body></ac:structured-macro>"# + "<pre>line 1&lt;\nline 2</pre>"
        #expect(Self.markdown(storage) == "```swift\nif a < b {}\n```\n\n```\nline 1<\nline 2\n```\n")
    }

    @Test("an info macro becomes a quote led by **Info:** that keeps its body")
    func infoMacroKeepsBody() {
        let storage = #"<ac:structured-macro ac:name="info"><ac:rich-text-body><p>Read <strong>this</strong> first.</p><ul><li>point</li></ul></ac:rich-text-body></ac:structured-macro>"#
        #expect(Self.markdown(storage) == "> **Info:** Read **this** first.\n>\n> - point\n")
    }

    @Test("a warning macro with a title names it in the label line")
    func warningMacroKeepsTitle() {
        let storage = #"<ac:structured-macro ac:name="warning"><ac:parameter ac:name="title">Careful</ac:parameter><ac:rich-text-body><p>Hot.</p></ac:rich-text-body></ac:structured-macro>"#
        #expect(Self.markdown(storage) == "> **Warning:** Careful\n>\n> Hot.\n")
    }

    @Test("an unknown macro becomes a placeholder naming it and its parameters")
    func unknownMacroBecomesPlaceholder() {
        let storage = #"<ac:structured-macro ac:name="toc"><ac:parameter ac:name="maxLevel">2</ac:parameter></ac:structured-macro><p>Issue <ac:structured-macro ac:name="jira"><ac:parameter ac:name="key">DEMO-1</ac:parameter><ac:parameter ac:name="serverId">abc</ac:parameter></ac:structured-macro> is <ac:structured-macro ac:name="status"><ac:parameter ac:name="title">Done</ac:parameter></ac:structured-macro></p>"#
        #expect(Self.markdown(storage) == "[macro: toc maxLevel=2]\n\nIssue [macro: jira key=DEMO-1] is [DONE]\n")
    }

    @Test("an unknown macro with a body keeps the body, quoted under its placeholder")
    func unknownMacroKeepsBody() {
        let storage = #"<ac:structured-macro ac:name="chart"><ac:parameter ac:name="type">pie</ac:parameter><ac:rich-text-body><table><tr><td>a</td></tr></table></ac:rich-text-body></ac:structured-macro>"#
        #expect(Self.markdown(storage) == "> [macro: chart type=pie]\n>\n> | a |\n> | --- |\n")
    }

    @Test("page links, attachments, images and emoticons leave readable placeholders")
    func confluenceLinksBecomePlaceholders() {
        let storage = #"<p><ac:link><ri:page ri:content-title="Runbook" /></ac:link>, <ac:link><ri:page ri:content-title="Runbook" /><ac:plain-text-link-body><![CDATA[the runbook]]></ac:plain-text-link-body></ac:link>, <ac:image><ri:attachment ri:filename="a.png" /></ac:image>, <ac:image ac:alt="logo"><ri:url ri:value="https://x.io/l.png" /></ac:image> <ac:emoticon ac:name="smile" /></p>"#
        #expect(Self.markdown(storage) == "[page: Runbook], the runbook [page: Runbook], [attachment: a.png], ![logo](https://x.io/l.png) :smile:\n")
    }

    @Test("entities are decoded: &amp; &lt; &gt; &quot; &#39; &nbsp; and numeric references")
    func entitiesAreDecoded() {
        let markdown = Self.markdown("<p>&amp; &lt;b&gt; &quot;q&quot; it&#39;s a&nbsp;b &#x1F600; &#8212; &unknown;</p>")
        #expect(markdown == "& \\<b> \"q\" it's a\u{A0}b 😀 — \\&unknown;\n")
    }

    @Test("whitespace collapses as in HTML")
    func whitespaceCollapses() {
        #expect(Self.markdown("<p>\n  a \n\t <b> b </b>  c\n</p>\n\n<p> </p>") == "a **b** c\n")
    }

    @Test("malformed markup is read tolerantly", arguments: [
        ("<p>unclosed <b>bold", "unclosed **bold**\n"),
        ("</div>stray</span> end", "stray end\n"),
        ("a < b and c<d", "a < b and c\\<d\n"),
        ("<p>x<!-- comment --></p><!-- open", "x\n"),
        ("<![CDATA[raw <b>", "raw \\<b>\n"),
        ("<p title=\"unterminated>text", "\\<p title=\"unterminated>text\n"),
    ])
    func malformedMarkupIsTolerated(storage: String, expected: String) {
        #expect(Self.markdown(storage) == expected)
    }

    @Test("Markdown → storage → Markdown keeps a task list")
    func taskListRoundTrips() {
        #expect(Self.markdown(Self.storage("- [ ] open\n- [x] done")) == "- [ ] open\n- [x] done\n")
    }
}
