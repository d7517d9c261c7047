/// Reads Confluence storage format (the XHTML of page bodies) into a ``MarkdownDocument``.
///
/// HTML structure maps directly (headings, paragraphs, emphasis, code, links, lists, tables, quotes,
/// rules, `<pre>`); the `code`/`noformat` macros become fenced code; user links become mentions; task
/// lists keep their state. Nothing without a Markdown form is dropped: info/note/tip/warning panels become
/// `> **Info:** …` quotes with their body, expands `> **Expand:** title`, the status macro `[DONE]`,
/// page and attachment links `[page: Title]`, and any other macro a placeholder naming it and its
/// parameters (`[macro: toc maxLevel=2]`), with its body quoted below when it has one. Whitespace collapses
/// as in HTML; entities are decoded.
///
/// ```swift
/// StorageReader.read(#"<p>Fish &amp; chips</p><ac:structured-macro ac:name="toc"/>"#).markdown
/// // "Fish & chips\n\n[macro: toc]\n"
/// ```
struct StorageReader {
    static func read(_ xhtml: String) -> MarkdownDocument {
        let reader = StorageReader(tree: StorageTree(xhtml))
        return MarkdownDocument(blocks: reader.blocks(inside: reader.tree.root, depth: 0))
    }

    private static let blockElements: Set<String> = [
        "p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "table", "thead", "tbody", "tfoot", "tr", "td", "th",
        "blockquote", "pre", "hr", "div", "section", "article", "header", "footer", "aside", "nav", "main", "figure",
        "figcaption", "dl", "dt", "dd", "address", "details", "summary", "center", "caption", "colgroup",
        "ac:task-list", "ac:task", "ac:task-body", "ac:layout", "ac:layout-section", "ac:layout-cell", "ac:rich-text-body",
        "ac:adf-extension", "ac:adf-fallback", "ac:adf-content",
    ]

    /// Macros that sit inside a line of text rather than on their own.
    private static let inlineMacros: Set<String> = ["status", "jira", "anchor", "mention"]

    private static let panelLabels: [String: String] = [
        "info": "Info", "note": "Note", "tip": "Tip", "warning": "Warning", "panel": "Panel", "success": "Success", "error": "Error",
    ]

    /// Macros that only group their body; the body is kept as it is.
    private static let transparentMacros: Set<String> = ["section", "column", "excerpt", "div", "details", "center", "span"]

    /// Macro parameters that only add noise to a placeholder.
    private static let noiseParameters: Set<String> = ["atlassian-macro-output-type", "serverid", "macroid", "schema-version"]

    private let tree: StorageTree
    /// Whether each node is block-level: a block element, a macro outside a line, or anything holding one.
    private let isBlock: [Bool]

    private init(tree: StorageTree) {
        self.tree = tree
        var isBlock = [Bool](repeating: false, count: tree.nodes.count)
        for index in tree.nodes.indices.reversed() {
            guard let name = tree.nodes[index].name else { continue }
            if Self.blockElements.contains(name) {
                isBlock[index] = true
            } else if name == "ac:structured-macro" || name == "ac:macro" {
                isBlock[index] = !Self.inlineMacros.contains(Self.macroName(tree.nodes[index]))
            } else if !name.hasPrefix("ri:"), name != "ac:link", name != "ac:image", name != "a" {
                isBlock[index] = tree.nodes[index].children.contains { isBlock[$0] }
            }
        }
        self.isBlock = isBlock
    }

    private func node(_ index: Int) -> StorageTree.Node { tree.nodes[index] }

    private func children(_ index: Int, named name: String) -> [Int] {
        node(index).children.filter { node($0).name == name }
    }

    // MARK: Blocks

    /// The children of a container as blocks: runs of inline content become paragraphs.
    private func blocks(inside index: Int, depth: Int) -> [MarkdownBlock] {
        var output: [MarkdownBlock] = []
        var run: [Int] = []
        func flush() {
            guard !run.isEmpty else { return }
            let content = Self.paragraph(run.flatMap { inlines(of: $0, depth: depth) })
            if !content.isEmpty { output.append(.paragraph(content)) }
            run.removeAll()
        }
        for child in node(index).children {
            if isBlock[child] {
                flush()
                output.append(contentsOf: blocks(of: child, depth: depth))
            } else {
                run.append(child)
            }
        }
        flush()
        return output
    }

    /// One block-level element as blocks.
    private func blocks(of index: Int, depth: Int) -> [MarkdownBlock] {
        guard depth < MarkdownDocument.maximumDepth else {
            let content = Self.paragraph([.text(plainText(index))])
            return content.isEmpty ? [] : [.paragraph(content)]
        }
        let name = node(index).name ?? ""
        switch name {
        case "h1", "h2", "h3", "h4", "h5", "h6":
            let level = Int(name.dropFirst()) ?? 1
            return [.heading(level: level, content: Self.collapsingSpaces(InlineNormalizer.heading(inlineChildren(index, depth: depth))))]
        case "ul", "ol":
            return list(index, depth: depth)
        case "ac:task-list":
            return taskList(index, depth: depth)
        case "table":
            return table(index, depth: depth)
        case "blockquote":
            return [.blockQuote(blocks(inside: index, depth: depth + 1))]
        case "pre":
            return [.codeBlock(language: nil, code: Self.trimmingNewlines(rawText(index)))]
        case "hr":
            return [.thematicBreak]
        case "ac:structured-macro", "ac:macro":
            return macro(index, depth: depth)
        case "ac:adf-extension":
            if let fallback = children(index, named: "ac:adf-fallback").first { return blocks(inside: fallback, depth: depth + 1) }
            return blocks(inside: index, depth: depth + 1)
        default:
            return blocks(inside: index, depth: depth + 1)
        }
    }

    private func list(_ index: Int, depth: Int) -> [MarkdownBlock] {
        var items: [MarkdownListItem] = []
        for child in node(index).children {
            switch node(child).kind {
            case .element("li"):
                items.append(MarkdownListItem(blocks: blocks(inside: child, depth: depth + 1)))
            case .element("ul"), .element("ol"):
                let nested = list(child, depth: depth + 1)
                if items.isEmpty { items.append(MarkdownListItem(blocks: nested)) } else { items[items.count - 1].blocks += nested }
            case .text(let text) where text.allSatisfy(\.isWhitespace):
                continue
            default:
                let content = isBlock[child] ? blocks(of: child, depth: depth + 1) : paragraphBlocks(inlines(of: child, depth: depth))
                if !content.isEmpty { items.append(MarkdownListItem(blocks: content)) }
            }
        }
        guard !items.isEmpty else { return [] }
        let ordered = node(index).name == "ol"
        let start = ordered ? node(index).attribute("start").flatMap { Int($0.trimmingASCIIWhitespace()) } ?? 1 : 1
        return [.list(MarkdownList(ordered: ordered, start: start, items: items))]
    }

    private func taskList(_ index: Int, depth: Int) -> [MarkdownBlock] {
        var items: [MarkdownListItem] = []
        for child in node(index).children {
            switch node(child).name {
            case "ac:task":
                let status = children(child, named: "ac:task-status").first.map(plainText)?.trimmingASCIIWhitespace()
                let body = children(child, named: "ac:task-body").first
                let content = body.map { blocks(inside: $0, depth: depth + 1) } ?? []
                items.append(MarkdownListItem(checked: status == "complete", blocks: content))
            case "ac:task-list":
                let nested = taskList(child, depth: depth + 1)
                if items.isEmpty { items.append(MarkdownListItem(checked: false, blocks: nested)) } else { items[items.count - 1].blocks += nested }
            default:
                continue
            }
        }
        return items.isEmpty ? [] : [.list(MarkdownList(ordered: false, items: items))]
    }

    private func table(_ index: Int, depth: Int) -> [MarkdownBlock] {
        var rows: [Int] = []
        for child in node(index).children {
            switch node(child).name {
            case "tr": rows.append(child)
            case "thead", "tbody", "tfoot": rows += children(child, named: "tr")
            default: continue
            }
        }
        let cells: [[[MarkdownInline]]] = rows.map { row in
            node(row).children.filter { ["td", "th"].contains(node($0).name) }.map { cell in
                BlockFlattener.inlines(blocks(inside: cell, depth: depth + 1))
            }
        }
        guard let header = cells.first else { return [] }
        return [.table(MarkdownTable(header: header, rows: Array(cells.dropFirst())))]
    }

    private func paragraphBlocks(_ inlines: [MarkdownInline]) -> [MarkdownBlock] {
        let content = Self.paragraph(inlines)
        return content.isEmpty ? [] : [.paragraph(content)]
    }

    // MARK: Macros

    private static func macroName(_ node: StorageTree.Node) -> String {
        (node.attribute("ac:name") ?? "unknown").lowercased()
    }

    private func parameters(_ index: Int) -> [(String, String)] {
        children(index, named: "ac:parameter").map { parameter in
            let name = node(parameter).attribute("ac:name") ?? ""
            return (name, plainText(parameter).trimmingASCIIWhitespace())
        }
    }

    private func macro(_ index: Int, depth: Int) -> [MarkdownBlock] {
        let name = Self.macroName(node(index))
        let parameters = parameters(index)
        func parameter(_ key: String) -> String? { parameters.first { $0.0.lowercased() == key }?.1 }
        let richBody = children(index, named: "ac:rich-text-body").first.map { blocks(inside: $0, depth: depth + 1) } ?? []
        let plainBody = children(index, named: "ac:plain-text-body").first.map(rawText)
        switch name {
        case "code", "noformat", "code-block":
            var output: [MarkdownBlock] = []
            if let title = parameter("title"), !title.isEmpty { output.append(.paragraph([.strong([.text(title)])])) }
            let language = parameter("language") ?? parameters.first { $0.0.isEmpty }?.1
            let code = plainBody ?? MarkdownInline.plainText(BlockFlattener.inlines(richBody))
            output.append(.codeBlock(language: language?.isEmpty == false ? language : nil, code: code.normalizingLineEndings()))
            return output
        case _ where Self.panelLabels[name] != nil:
            return [Callout.quote(label: Self.panelLabels[name]!, title: parameter("title"), body: richBody)]
        case "expand":
            return [Callout.quote(label: "Expand", title: parameter("title"), body: richBody)]
        case _ where Self.transparentMacros.contains(name):
            return richBody
        case _ where Self.inlineMacros.contains(name):
            return [.paragraph(inlineMacro(index, depth: depth))]
        default:
            let placeholder = macroPlaceholder(name, parameters)
            if !richBody.isEmpty { return [Callout.placeholderQuote(placeholder, body: richBody)] }
            if let plainBody, !plainBody.isEmpty {
                return [.paragraph([.text(placeholder)]), .codeBlock(language: nil, code: plainBody)]
            }
            return [.paragraph([.text(placeholder)])]
        }
    }

    private func macroPlaceholder(_ name: String, _ parameters: [(String, String)]) -> String {
        Callout.placeholder("macro", name: name, parameters: parameters.filter { !Self.noiseParameters.contains($0.0.lowercased()) })
    }

    private func inlineMacro(_ index: Int, depth: Int) -> [MarkdownInline] {
        let name = Self.macroName(node(index))
        let parameters = parameters(index)
        if name == "status" {
            let title = parameters.first { $0.0.lowercased() == "title" }?.1 ?? ""
            return [.text("[\(title.uppercased())]")]
        }
        var output: [MarkdownInline] = [.text(macroPlaceholder(name, parameters))]
        if let body = children(index, named: "ac:rich-text-body").first {
            output += [.text(" ")] + BlockFlattener.inlines(blocks(inside: body, depth: depth + 1))
        }
        return output
    }

    // MARK: Inlines

    private func inlineChildren(_ index: Int, depth: Int) -> [MarkdownInline] {
        node(index).children.flatMap { inlines(of: $0, depth: depth) }
    }

    private func inlines(of index: Int, depth: Int) -> [MarkdownInline] {
        let current = node(index)
        switch current.kind {
        case .text(let text):
            return [.text(Self.collapsingWhitespace(text))]
        case .cdata(let text):
            return [.text(text)]
        case .element(let name):
            guard depth < MarkdownDocument.maximumDepth else { return [.text(plainText(index))] }
            if isBlock[index], !["ac:structured-macro", "ac:macro"].contains(name) {
                return BlockFlattener.inlines(blocks(of: index, depth: depth + 1)) + [.hardBreak]
            }
            let inner = { inlineChildren(index, depth: depth + 1) }
            switch name {
            case "strong", "b":
                return [.strong(inner())]
            case "em", "i", "cite", "dfn", "var":
                return [.emphasis(inner())]
            case "s", "del", "strike":
                return [.strikethrough(inner())]
            case "code", "tt", "kbd", "samp":
                return [.code(Self.collapsingWhitespace(plainText(index)))]
            case "span":
                let style = current.attribute("style") ?? ""
                return style.contains("line-through") ? [.strikethrough(inner())] : inner()
            case "a":
                guard let href = current.attribute("href"), !href.isEmpty else { return inner() }
                return [.link(MarkdownLink(destination: href, title: current.attribute("title"), content: inner()))]
            case "br":
                return [.hardBreak]
            case "img":
                guard let source = current.attribute("src") else { return [] }
                return [.image(MarkdownImage(source: source, alt: current.attribute("alt") ?? ""))]
            case "time":
                return current.attribute("datetime").map { [.text($0)] } ?? inner()
            case "ac:link":
                return link(index, depth: depth)
            case "ac:image":
                return image(index)
            case "ac:emoticon":
                let fallback = current.attribute("ac:emoji-fallback")
                return [.text(fallback ?? ":\(current.attribute("ac:name") ?? "emoticon"):")]
            case "ac:structured-macro", "ac:macro":
                return inlineMacro(index, depth: depth)
            case "ac:parameter", "ac:plain-text-body", "ac:task-status":
                return []
            default:
                if name.hasPrefix("ri:") { return resource(current) }
                let content = inner()
                if content.isEmpty, name.hasPrefix("ac:") { return [.text("[\(name.dropFirst(3))]")] }
                return content
            }
        }
    }

    /// `<ac:link>`: a user mention, or a link to a page, attachment, space or URL.
    private func link(_ index: Int, depth: Int) -> [MarkdownInline] {
        var body: [MarkdownInline] = []
        if let plain = children(index, named: "ac:plain-text-link-body").first {
            body = [.text(plainText(plain))]
        } else if let rich = children(index, named: "ac:link-body").first {
            body = inlineChildren(rich, depth: depth + 1)
        }
        let bodyText = MarkdownInline.plainText(body).trimmingASCIIWhitespace()
        guard let target = node(index).children.first(where: { node($0).name?.hasPrefix("ri:") == true }).map(node) else {
            if let anchor = node(index).attribute("ac:anchor"), bodyText.isEmpty { return [.text("[anchor: \(anchor)]")] }
            return body
        }
        if target.name == "ri:user" {
            return resource(target, name: bodyText)
        }
        if target.name == "ri:url", let url = target.attribute("ri:value") {
            return [.link(MarkdownLink(destination: url, content: body.isEmpty ? [.text(url)] : body))]
        }
        let reference = resource(target)
        guard !bodyText.isEmpty, reference != [.text(bodyText)] else { return reference }
        return body + [.text(" ")] + reference
    }

    private func image(_ index: Int) -> [MarkdownInline] {
        let alt = node(index).attribute("ac:alt") ?? node(index).attribute("ac:title") ?? ""
        guard let target = node(index).children.first(where: { node($0).name?.hasPrefix("ri:") == true }).map(node) else {
            return [.text("[image]")]
        }
        if target.name == "ri:url", let url = target.attribute("ri:value") {
            return [.image(MarkdownImage(source: url, alt: alt))]
        }
        return resource(target)
    }

    /// A `ri:` resource identifier as a mention, link or `[page: Title]`-style placeholder.
    private func resource(_ node: StorageTree.Node, name: String = "") -> [MarkdownInline] {
        switch node.name {
        case "ri:user":
            if let id = node.attribute("ri:account-id"), !id.isEmpty { return [.mention(MarkdownMention(kind: .accountId, id: id, name: name))] }
            if let id = node.attribute("ri:username"), !id.isEmpty { return [.mention(MarkdownMention(kind: .username, id: id, name: name))] }
            if let id = node.attribute("ri:userkey"), !id.isEmpty { return [.mention(MarkdownMention(kind: .userKey, id: id, name: name))] }
            return [.text("[user]")]
        case "ri:page":
            return [.text("[page: \(node.attribute("ri:content-title") ?? "untitled")]")]
        case "ri:blog-post":
            return [.text("[blog post: \(node.attribute("ri:content-title") ?? "untitled")]")]
        case "ri:attachment":
            return [.text("[attachment: \(node.attribute("ri:filename") ?? "file")]")]
        case "ri:space":
            return [.text("[space: \(node.attribute("ri:space-key") ?? "")]")]
        case "ri:url":
            let url = node.attribute("ri:value") ?? ""
            return url.isEmpty ? [] : [.link(MarkdownLink(destination: url, content: [.text(url)]))]
        case "ri:content-entity":
            return [.text("[content: \(node.attribute("ri:content-id") ?? "")]")]
        default:
            return [.text("[\(node.name?.dropFirst(3) ?? "resource")]")]
        }
    }

    // MARK: Text

    /// All text under a node, without markup (for code, parameters, too-deep content).
    private func plainText(_ index: Int) -> String {
        var output = ""
        var stack = [index]
        while let current = stack.popLast() {
            switch node(current).kind {
            case .text(let text), .cdata(let text): output += text
            case .element("br"): output += "\n"
            case .element: stack.append(contentsOf: node(current).children.reversed())
            }
        }
        return output
    }

    /// Text as written, `<br>` as a newline (for `<pre>` and plain-text macro bodies).
    private func rawText(_ index: Int) -> String {
        plainText(index).normalizingLineEndings()
    }

    private static func paragraph(_ inlines: [MarkdownInline]) -> [MarkdownInline] {
        collapsingSpaces(InlineNormalizer.paragraph(inlines))
    }

    /// `<pre>` text without the newline that may follow the opening tag or precede the closing one.
    private static func trimmingNewlines(_ text: String) -> String {
        var bytes = ArraySlice(text.utf8)
        if bytes.first == 0x0A { bytes = bytes.dropFirst() }
        if bytes.last == 0x0A { bytes = bytes.dropLast() }
        return bytes.string
    }

    /// HTML whitespace: any run of spaces, tabs and newlines reads as one space.
    private static func collapsingWhitespace(_ text: String) -> String {
        guard text.utf8.contains(where: { ByteClass.isWhitespace($0) && $0 != 0x20 }) || text.contains("  ") else { return text }
        var output: [UInt8] = []
        output.reserveCapacity(text.utf8.count)
        var previousSpace = false
        for byte in text.utf8 {
            if ByteClass.isWhitespace(byte) {
                if !previousSpace { output.append(0x20) }
                previousSpace = true
            } else {
                output.append(byte)
                previousSpace = false
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// Collapses the double spaces that appear where text from separate elements meets.
    private static func collapsingSpaces(_ inlines: [MarkdownInline]) -> [MarkdownInline] {
        inlines.map(collapsingSpaces)
    }

    private static func collapsingSpaces(_ inline: MarkdownInline) -> MarkdownInline {
        switch inline {
        case .text(let text):
            return .text(collapsingWhitespace(text))
        case .emphasis(let children), .strong(let children), .strikethrough(let children):
            return inline.withChildren(collapsingSpaces(children))
        case .link(var link):
            link.content = collapsingSpaces(link.content)
            return .link(link)
        default:
            return inline
        }
    }
}
