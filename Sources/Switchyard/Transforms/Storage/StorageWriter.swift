/// Writes a ``MarkdownDocument`` as Confluence storage format.
///
/// Fenced code becomes the `code` macro (with its language), mentions `<ac:link><ri:user …/></ac:link>`,
/// task lists `<ac:task-list>`, images `<ac:image><ri:url …/></ac:image>`, line breaks `<br />`; the
/// rest is plain XHTML. Text and attributes are escaped, and `]]>` inside code is split across CDATA
/// sections.
///
/// ```swift
/// StorageWriter.write(MarkdownDocument(markdown: "# Plan\n\n```swift\nlet x = 1\n```"))
/// // <h1>Plan</h1><ac:structured-macro ac:name="code"><ac:parameter ac:name="language">swift</ac:parameter>
/// // <ac:plain-text-body><![CDATA[let x = 1]]></ac:plain-text-body></ac:structured-macro>
/// ```
enum StorageWriter {
    static func write(_ document: MarkdownDocument) -> String {
        var output = ""
        blocks(document.blocks, into: &output)
        return output
    }

    /// Storage elements that may start a body; text starting with one of them is taken as storage already.
    private static let leadingElements: Set<String> = [
        "p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "table", "div", "blockquote", "pre", "hr", "br", "span",
        "strong", "em", "a", "code", "time", "section",
    ]

    /// Whether `text` is already storage markup: it starts with a storage element or an `ac:` element.
    static func looksLikeStorage(_ text: String) -> Bool {
        var tokenizer = StorageTokenizer(text.trimmingASCIIWhitespace())
        guard case .startTag(let name, _, _)? = tokenizer.next() else { return false }
        return leadingElements.contains(name) || name.hasPrefix("ac:")
    }

    private static func blocks(_ blocks: [MarkdownBlock], into output: inout String) {
        for block in blocks { self.block(block, into: &output) }
    }

    private static func block(_ block: MarkdownBlock, into output: inout String) {
        switch block {
        case .paragraph(let content):
            output += "<p>"
            inlines(content, into: &output)
            output += "</p>"
        case .heading(let level, let content):
            let tag = "h\(min(max(level, 1), 6))"
            output += "<\(tag)>"
            inlines(content, into: &output)
            output += "</\(tag)>"
        case .codeBlock(let language, let code):
            output += "<ac:structured-macro ac:name=\"code\">"
            if let language, !language.isEmpty {
                output += "<ac:parameter ac:name=\"language\">\(HTMLEntities.escape(language))</ac:parameter>"
            }
            output += "<ac:plain-text-body><![CDATA[" + code.replacingAll("]]>", with: "]]]]><![CDATA[>") + "]]></ac:plain-text-body>"
            output += "</ac:structured-macro>"
        case .blockQuote(let children):
            output += "<blockquote>"
            blocks(children, into: &output)
            output += "</blockquote>"
        case .list(let list):
            self.list(list, into: &output)
        case .table(let table):
            output += "<table><tbody>"
            for (index, row) in ([table.header] + table.rows).enumerated() {
                let tag = index == 0 ? "th" : "td"
                output += "<tr>"
                for cell in row {
                    output += "<\(tag)><p>"
                    inlines(cell, into: &output)
                    output += "</p></\(tag)>"
                }
                output += "</tr>"
            }
            output += "</tbody></table>"
        case .thematicBreak:
            output += "<hr />"
        }
    }

    private static func list(_ list: MarkdownList, into output: inout String) {
        guard !list.items.isEmpty else { return }
        if list.items.allSatisfy({ $0.checked != nil }) {
            output += "<ac:task-list>"
            for item in list.items {
                output += "<ac:task><ac:task-status>\(item.checked == true ? "complete" : "incomplete")</ac:task-status><ac:task-body>"
                itemContent(item.blocks, into: &output)
                output += "</ac:task-body></ac:task>"
            }
            output += "</ac:task-list>"
            return
        }
        let tag = list.ordered ? "ol" : "ul"
        output += list.ordered && list.start != 1 ? "<ol start=\"\(list.start)\">" : "<\(tag)>"
        for item in list.items {
            var blocks = item.blocks
            if let checked = item.checked {
                let box = MarkdownInline.text(checked ? "[x] " : "[ ] ")
                if case .paragraph(let content)? = blocks.first { blocks[0] = .paragraph([box] + content) } else { blocks.insert(.paragraph([box]), at: 0) }
            }
            output += "<li>"
            itemContent(blocks, into: &output)
            output += "</li>"
        }
        output += "</\(tag)>"
    }

    /// A list item's blocks; a leading paragraph is written inline, as Confluence's editor does.
    private static func itemContent(_ blocks: [MarkdownBlock], into output: inout String) {
        var rest = blocks[...]
        if case .paragraph(let content)? = rest.first, !rest.dropFirst().contains(where: { if case .paragraph = $0 { true } else { false } }) {
            inlines(content, into: &output)
            rest = rest.dropFirst()
        }
        self.blocks(Array(rest), into: &output)
    }

    private static func inlines(_ inlines: [MarkdownInline], into output: inout String) {
        for inline in inlines {
            switch inline {
            case .text(let text):
                output += HTMLEntities.escape(text)
            case .strong(let children):
                output += "<strong>"
                self.inlines(children, into: &output)
                output += "</strong>"
            case .emphasis(let children):
                output += "<em>"
                self.inlines(children, into: &output)
                output += "</em>"
            case .strikethrough(let children):
                output += "<s>"
                self.inlines(children, into: &output)
                output += "</s>"
            case .code(let code):
                output += "<code>" + HTMLEntities.escape(code) + "</code>"
            case .link(let link):
                output += "<a href=\"\(HTMLEntities.escape(link.destination, quotes: true))\""
                if let title = link.title { output += " title=\"\(HTMLEntities.escape(title, quotes: true))\"" }
                output += ">"
                self.inlines(link.content, into: &output)
                output += "</a>"
            case .image(let image):
                output += "<ac:image"
                if !image.alt.isEmpty { output += " ac:alt=\"\(HTMLEntities.escape(image.alt, quotes: true))\"" }
                output += "><ri:url ri:value=\"\(HTMLEntities.escape(image.source, quotes: true))\" /></ac:image>"
            case .mention(let mention):
                let attribute = switch mention.kind {
                case .accountId: "ri:account-id"
                case .username: "ri:username"
                case .userKey: "ri:userkey"
                }
                output += "<ac:link><ri:user \(attribute)=\"\(HTMLEntities.escape(mention.id, quotes: true))\" /></ac:link>"
            case .hardBreak, .softBreak:
                output += "<br />"
            }
        }
    }
}
