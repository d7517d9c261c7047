/// Writes a ``MarkdownDocument`` as ADF (Atlassian Document Format, Jira Cloud and Confluence Cloud) that
/// validates against the ADF schema.
///
/// ADF is stricter than Markdown about what may nest where, so content a container cannot hold is
/// rewritten into something it can, without losing text: a heading inside a quote or list item becomes a
/// bold paragraph, a nested quote is unwrapped, a table outside the top level becomes one paragraph per
/// row, a task list inside a quote becomes a bullet list with `[ ]`/`[x]` prefixes. Code keeps only a
/// link mark besides `code`; soft line breaks become `hardBreak` (Jira renders them as breaks anyway); a
/// paragraph holding only an image becomes an external `mediaSingle`.
///
/// ```swift
/// ADFWriter.write(MarkdownDocument(markdown: "Hi **there**"))
/// // {"type":"doc","version":1,"content":[{"type":"paragraph","content":[{"type":"text","text":"Hi "},
/// //   {"type":"text","text":"there","marks":[{"type":"strong"}]}]}]}
/// ```
struct ADFWriter {
    static func write(_ document: MarkdownDocument) -> JSONValue {
        var writer = ADFWriter()
        return ["type": "doc", "version": 1, "content": .array(writer.blocks(document.blocks, in: .document))]
    }

    /// Where blocks go; each container of the ADF schema allows different children. (Table cells hold
    /// only a paragraph of inline content, as Markdown tables do.)
    private enum Container {
        case document, quote, listItem

        /// Headings, tables, nested quotes and rules are allowed only at the top level.
        var allowsAnyBlock: Bool { self == .document }
        var allowsTaskLists: Bool { self != .quote }
    }

    private var nextLocalId = 0

    private mutating func blocks(_ blocks: [MarkdownBlock], in container: Container) -> [JSONValue] {
        var output: [JSONValue] = []
        for block in blocks {
            output.append(contentsOf: self.block(block, in: container))
        }
        return output
    }

    private mutating func block(_ block: MarkdownBlock, in container: Container) -> [JSONValue] {
        switch block {
        case .paragraph(let content):
            if content.count == 1, case .image(let image) = content[0] { return [mediaSingle(image)] }
            return [paragraph(content)]
        case .heading(let level, let content):
            guard container.allowsAnyBlock else { return [paragraph([.strong(content)])] }
            return [["type": "heading", "attrs": ["level": .number(JSONNumber(min(max(level, 1), 6)))], "content": .array(inlines(content))]]
        case .codeBlock(let language, let code):
            var node: JSONObject = ["type": "codeBlock"]
            if let language, !language.isEmpty { node["attrs"] = ["language": .string(language)] }
            if !code.isEmpty { node["content"] = [["type": "text", "text": .string(code)]] }
            return [.object(node)]
        case .blockQuote(let children):
            guard container.allowsAnyBlock else { return blocks(children, in: container) }
            let content = blocks(children, in: .quote)
            return [["type": "blockquote", "content": .array(content.isEmpty ? [paragraph([])] : content)]]
        case .list(let list):
            return self.list(list, in: container)
        case .table(let table):
            guard container.allowsAnyBlock else {
                return ([table.header] + table.rows).map { row in
                    paragraph(Array(row.enumerated().map { position, cell in position == 0 ? cell : [.text(" | ")] + cell }.joined()))
                }
            }
            return [self.table(table)]
        case .thematicBreak:
            return container.allowsAnyBlock ? [["type": "rule"]] : [paragraph([.text("---")])]
        }
    }

    private mutating func paragraph(_ content: [MarkdownInline]) -> JSONValue {
        ["type": "paragraph", "content": .array(inlines(content))]
    }

    private func mediaSingle(_ image: MarkdownImage) -> JSONValue {
        var attrs: JSONObject = ["type": "external", "url": .string(image.source)]
        if !image.alt.isEmpty { attrs["alt"] = .string(image.alt) }
        return ["type": "mediaSingle", "attrs": ["layout": "center"], "content": [["type": "media", "attrs": .object(attrs)]]]
    }

    // MARK: Lists and tables

    private mutating func list(_ list: MarkdownList, in container: Container) -> [JSONValue] {
        guard !list.items.isEmpty else { return [] }
        if container.allowsTaskLists, let taskList = taskList(list) { return [taskList] }
        var items: [JSONValue] = []
        for item in list.items {
            var itemBlocks = item.blocks
            if let checked = item.checked {
                let box: MarkdownInline = .text(checked ? "[x] " : "[ ] ")
                if case .paragraph(let content)? = itemBlocks.first {
                    itemBlocks[0] = .paragraph([box] + content)
                } else {
                    itemBlocks.insert(.paragraph([box]), at: 0)
                }
            }
            var content = blocks(itemBlocks, in: .listItem)
            if let first = content.first?["type"]?.stringValue, ["paragraph", "codeBlock", "mediaSingle"].contains(first) {} else {
                content.insert(paragraph([]), at: 0)
            }
            items.append(["type": "listItem", "content": .array(content)])
        }
        var node: JSONObject = ["type": list.ordered ? "orderedList" : "bulletList"]
        if list.ordered, list.start != 1 { node["attrs"] = ["order": .number(JSONNumber(max(list.start, 0)))] }
        node["content"] = .array(items)
        return [.object(node)]
    }

    /// A `taskList` when every item is a task holding one paragraph and, optionally, nested task lists.
    private mutating func taskList(_ list: MarkdownList) -> JSONValue? {
        guard Self.isTaskList(list) else { return nil }
        var content: [JSONValue] = []
        for item in list.items {
            var inlineContent: [MarkdownInline] = []
            if case .paragraph(let paragraph)? = item.blocks.first { inlineContent = paragraph }
            content.append([
                "type": "taskItem",
                "attrs": ["localId": .string(localId("task")), "state": item.checked == true ? "DONE" : "TODO"],
                "content": .array(inlines(inlineContent)),
            ])
            for case .list(let nested) in item.blocks {
                if let nestedList = taskList(nested) { content.append(nestedList) }
            }
        }
        return ["type": "taskList", "attrs": ["localId": .string(localId("tasks"))], "content": .array(content)]
    }

    private static func isTaskList(_ list: MarkdownList) -> Bool {
        !list.items.isEmpty && list.items.allSatisfy { item in
            guard item.checked != nil else { return false }
            return item.blocks.enumerated().allSatisfy { position, block in
                switch block {
                case .paragraph: position == 0
                case .list(let nested): position > 0 && isTaskList(nested)
                default: false
                }
            }
        }
    }

    private mutating func localId(_ prefix: String) -> String {
        nextLocalId += 1
        return "\(prefix)-\(nextLocalId)"
    }

    private mutating func table(_ table: MarkdownTable) -> JSONValue {
        var rows: [JSONValue] = []
        for (index, row) in ([table.header] + table.rows).enumerated() {
            let cellType: JSONValue = index == 0 ? "tableHeader" : "tableCell"
            let cells: [JSONValue] = row.map { cell in
                ["type": cellType, "content": [paragraph(cell)]]
            }
            rows.append(["type": "tableRow", "content": .array(cells)])
        }
        return ["type": "table", "content": .array(rows)]
    }

    // MARK: Inlines

    private enum Mark: Equatable {
        case strong, emphasis, strike
        case link(href: String, title: String?)

        var json: JSONValue {
            switch self {
            case .strong: ["type": "strong"]
            case .emphasis: ["type": "em"]
            case .strike: ["type": "strike"]
            case .link(let href, let title):
                title.map { ["type": "link", "attrs": ["href": .string(href), "title": .string($0)]] }
                    ?? ["type": "link", "attrs": ["href": .string(href)]]
            }
        }
    }

    private func inlines(_ content: [MarkdownInline]) -> [JSONValue] {
        var output: [JSONValue] = []
        append(content, marks: [], to: &output)
        return output
    }

    private func append(_ content: [MarkdownInline], marks: [Mark], to output: inout [JSONValue]) {
        for inline in content {
            switch inline {
            case .text(let text):
                appendText(text, marks: marks, to: &output)
            case .strong(let children):
                append(children, marks: adding(.strong, to: marks), to: &output)
            case .emphasis(let children):
                append(children, marks: adding(.emphasis, to: marks), to: &output)
            case .strikethrough(let children):
                append(children, marks: adding(.strike, to: marks), to: &output)
            case .code(let code):
                guard !code.isEmpty else { continue }
                var json: [JSONValue] = [["type": "code"]]
                if let link = marks.first(where: { if case .link = $0 { true } else { false } }) { json.append(link.json) }
                output.append(["type": "text", "text": .string(code), "marks": .array(json)])
            case .link(let link):
                let linkMark = Mark.link(href: link.destination, title: link.title)
                append(link.content, marks: marks.filter { if case .link = $0 { false } else { true } } + [linkMark], to: &output)
            case .image(let image):
                appendText(image.alt.isEmpty ? image.source : image.alt, marks: marks + [.link(href: image.source, title: image.title)], to: &output)
            case .mention(let mention):
                var attrs: JSONObject = ["id": .string(mention.id)]
                if !mention.name.isEmpty { attrs["text"] = .string("@" + mention.name) }
                output.append(["type": "mention", "attrs": .object(attrs)])
            case .hardBreak, .softBreak:
                output.append(["type": "hardBreak"])
            }
        }
    }

    private func adding(_ mark: Mark, to marks: [Mark]) -> [Mark] {
        marks.contains(mark) ? marks : marks + [mark]
    }

    private func appendText(_ text: String, marks: [Mark], to output: inout [JSONValue]) {
        guard !text.isEmpty else { return }
        var node: JSONObject = ["type": "text", "text": .string(text)]
        if !marks.isEmpty { node["marks"] = .array(marks.map(\.json)) }
        output.append(.object(node))
    }
}
