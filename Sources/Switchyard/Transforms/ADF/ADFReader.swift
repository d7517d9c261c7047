/// Reads ADF (Atlassian Document Format) into a ``MarkdownDocument``.
///
/// Every node and mark Markdown can express maps across. Nothing else is dropped silently: panels become
/// `> **Info:** …` quotes, expands `> **Expand:** title`, status lozenges `[DONE]`, emoji their short
/// name, dates an ISO date, cards their URL as a link, media `[attachment: id]`, extensions
/// `[extension: key]`, unknown nodes their content or `[type]`. Marks without a Markdown form (underline,
/// colours, sub/superscript, annotations) keep their text. Nesting deeper than
/// ``MarkdownDocument/maximumDepth`` is flattened to plain text.
///
/// ```swift
/// let adf: JSONValue = ["type": "doc", "version": 1, "content": [
///     ["type": "panel", "attrs": ["panelType": "warning"], "content": [["type": "paragraph", "content": [["type": "text", "text": "Careful"]]]]],
/// ]]
/// ADFReader.read(adf).markdown   // "> **Warning:** Careful\n"
/// ```
struct ADFReader {
    static func read(_ root: JSONValue) -> MarkdownDocument {
        let reader = ADFReader()
        if root["type"]?.stringValue == "doc" {
            return MarkdownDocument(blocks: reader.blocks(root["content"]?.arrayValue ?? [], depth: 0))
        }
        return MarkdownDocument(blocks: reader.blocks([root], depth: 0))
    }

    private static let inlineTypes: Set<String> = [
        "text", "hardBreak", "mention", "emoji", "date", "status", "inlineCard", "placeholder", "mediaInline", "inlineExtension",
    ]

    // MARK: Blocks

    private func blocks(_ nodes: [JSONValue], depth: Int) -> [MarkdownBlock] {
        var output: [MarkdownBlock] = []
        var pendingInlines: [JSONValue] = []
        func flush() {
            guard !pendingInlines.isEmpty else { return }
            let content = InlineNormalizer.paragraph(inlines(pendingInlines, depth: depth))
            if !content.isEmpty { output.append(.paragraph(content)) }
            pendingInlines.removeAll()
        }
        for node in nodes {
            if let type = node["type"]?.stringValue, Self.inlineTypes.contains(type) {
                pendingInlines.append(node)
                continue
            }
            flush()
            output.append(contentsOf: block(node, depth: depth))
        }
        flush()
        return output
    }

    private func block(_ node: JSONValue, depth: Int) -> [MarkdownBlock] {
        guard depth < MarkdownDocument.maximumDepth else {
            let text = Self.plainText(node)
            return text.isEmpty ? [] : [.paragraph(InlineNormalizer.paragraph([.text(text)]))]
        }
        let type = node["type"]?.stringValue ?? ""
        let content = node["content"]?.arrayValue ?? []
        let attrs = node["attrs"]
        switch type {
        case "paragraph":
            let inlines = InlineNormalizer.paragraph(self.inlines(content, depth: depth))
            return inlines.isEmpty ? [] : [.paragraph(inlines)]
        case "heading":
            let level = min(max(attrs?["level"]?.intValue ?? 1, 1), 6)
            return [.heading(level: level, content: InlineNormalizer.heading(inlines(content, depth: depth)))]
        case "bulletList", "orderedList":
            let items = content.map { item in
                let children = item["type"]?.stringValue == "listItem" ? item["content"]?.arrayValue ?? [] : [item]
                return MarkdownListItem(blocks: blocks(children, depth: depth + 1))
            }
            guard !items.isEmpty else { return [] }
            let start = type == "orderedList" ? attrs?["order"]?.intValue ?? 1 : 1
            return [.list(MarkdownList(ordered: type == "orderedList", start: start, items: items))]
        case "taskList", "decisionList":
            return taskList(node, depth: depth)
        case "codeBlock":
            let code = content.map { $0["type"]?.stringValue == "hardBreak" ? "\n" : $0["text"]?.stringValue ?? "" }.joined()
            let language = attrs?["language"]?.stringValue
            return [.codeBlock(language: language?.isEmpty == true ? nil : language, code: code.normalizingLineEndings())]
        case "blockquote":
            return [.blockQuote(blocks(content, depth: depth + 1))]
        case "rule":
            return [.thematicBreak]
        case "panel":
            return [Callout.quote(label: Self.panelLabel(attrs?["panelType"]?.stringValue), title: nil, body: blocks(content, depth: depth + 1))]
        case "expand", "nestedExpand":
            return [Callout.quote(label: "Expand", title: attrs?["title"]?.stringValue, body: blocks(content, depth: depth + 1))]
        case "table":
            return table(content, depth: depth)
        case "mediaSingle", "mediaGroup", "media":
            let inlines = InlineNormalizer.paragraph(media(type == "media" ? [node] : content, depth: depth))
            return inlines.isEmpty ? [] : [.paragraph(inlines)]
        case "blockCard", "embedCard":
            return [.paragraph(card(attrs))]
        case "extension", "bodiedExtension":
            let placeholder = Callout.placeholder("extension", name: Self.extensionName(attrs))
            guard !content.isEmpty else { return [.paragraph([.text(placeholder)])] }
            return [Callout.placeholderQuote(placeholder, body: blocks(content, depth: depth + 1))]
        case "layoutSection", "layoutColumn", "doc":
            return blocks(content, depth: depth + 1)
        default:
            if !content.isEmpty { return blocks(content, depth: depth + 1) }
            let text = attrs?["text"]?.stringValue ?? "[\(type.isEmpty ? "unknown" : type)]"
            return [.paragraph([.text(text)])]
        }
    }

    /// Tasks keep their state; decisions become items starting `**Decision:**`. Nested task lists join
    /// the item before them.
    private func taskList(_ node: JSONValue, depth: Int) -> [MarkdownBlock] {
        let decisions = node["type"]?.stringValue == "decisionList"
        var items: [MarkdownListItem] = []
        for child in node["content"]?.arrayValue ?? [] {
            let type = child["type"]?.stringValue
            if type == "taskList" || type == "decisionList" {
                let nested = taskList(child, depth: depth + 1)
                if items.isEmpty {
                    items.append(MarkdownListItem(checked: decisions ? nil : false, blocks: nested))
                } else {
                    items[items.count - 1].blocks.append(contentsOf: nested)
                }
                continue
            }
            var content = inlines(child["content"]?.arrayValue ?? [], depth: depth)
            if decisions { content = [.strong([.text("Decision:")]), .text(" ")] + content }
            let paragraph = InlineNormalizer.paragraph(content)
            let checked: Bool? = decisions ? nil : child["attrs"]?["state"]?.stringValue == "DONE"
            items.append(MarkdownListItem(checked: checked, blocks: paragraph.isEmpty ? [] : [.paragraph(paragraph)]))
        }
        guard depth < MarkdownDocument.maximumDepth, !items.isEmpty else { return [] }
        return [.list(MarkdownList(ordered: false, items: items))]
    }

    private func table(_ rows: [JSONValue], depth: Int) -> [MarkdownBlock] {
        let cells: [[[MarkdownInline]]] = rows.map { row in
            (row["content"]?.arrayValue ?? []).map { cell in
                BlockFlattener.inlines(blocks(cell["content"]?.arrayValue ?? [], depth: depth + 1))
            }
        }
        guard let header = cells.first else { return [] }
        return [.table(MarkdownTable(header: header, rows: Array(cells.dropFirst())))]
    }

    private func media(_ nodes: [JSONValue], depth: Int) -> [MarkdownInline] {
        var output: [MarkdownInline] = []
        for node in nodes {
            let attrs = node["attrs"]
            switch node["type"]?.stringValue {
            case "media", "mediaInline":
                if !output.isEmpty { output.append(.text(" ")) }
                if attrs?["type"]?.stringValue == "external", let url = attrs?["url"]?.stringValue {
                    output.append(.image(MarkdownImage(source: url, alt: attrs?["alt"]?.stringValue ?? "")))
                } else {
                    let name = attrs?["alt"]?.stringValue ?? attrs?["id"]?.stringValue ?? "file"
                    output.append(.text("[attachment: \(name)]"))
                }
            case "caption":
                output.append(.text(" "))
                output.append(contentsOf: inlines(node["content"]?.arrayValue ?? [], depth: depth))
            default:
                output.append(contentsOf: BlockFlattener.inlines(block(node, depth: depth + 1)))
            }
        }
        return output
    }

    private func card(_ attrs: JSONValue?) -> [MarkdownInline] {
        guard let url = attrs?["url"]?.stringValue, !url.isEmpty else { return [.text("[card]")] }
        return [.link(MarkdownLink(destination: url, content: [.text(url)]))]
    }

    // MARK: Inlines

    private enum Mark: Hashable, Comparable {
        case link(href: String, title: String?)
        case strong, emphasis, strike

        private var rank: Int {
            switch self {
            case .link: 0
            case .strong: 1
            case .emphasis: 2
            case .strike: 3
            }
        }

        static func < (lhs: Mark, rhs: Mark) -> Bool { lhs.rank < rhs.rank }

        func wrap(_ children: [MarkdownInline]) -> MarkdownInline {
            switch self {
            case .link(let href, let title): .link(MarkdownLink(destination: href, title: title, content: children))
            case .strong: .strong(children)
            case .emphasis: .emphasis(children)
            case .strike: .strikethrough(children)
            }
        }
    }

    /// Turns ADF's flat runs of marked text into nested inlines: a mark stays open across the runs that
    /// share it (so `**a _b_**` nests rather than repeats), and a line break stays inside the marks that
    /// continue after it.
    private func inlines(_ nodes: [JSONValue], depth: Int) -> [MarkdownInline] {
        let runs = nodes.map { inline($0, depth: depth) }.filter { !$0.0.isEmpty }
        // How many runs each mark of each run continues for: longer-lasting marks open outside shorter ones.
        var reach = [[Mark: Int]](repeating: [:], count: runs.count)
        for index in runs.indices.reversed() {
            for mark in runs[index].1 { reach[index][mark] = 1 + (index + 1 < runs.count ? reach[index + 1][mark] ?? 0 : 0) }
        }
        var root: [MarkdownInline] = []
        var stack: [(mark: Mark, children: [MarkdownInline])] = []
        func close(to count: Int) {
            while stack.count > count {
                let frame = stack.removeLast()
                let node = frame.mark.wrap(frame.children)
                if stack.isEmpty { root.append(node) } else { stack[stack.count - 1].children.append(node) }
            }
        }
        for (index, (content, nodeMarks)) in runs.enumerated() {
            var marks = nodeMarks
            if content == [.hardBreak] {
                let following = runs[(index + 1)...].first { $0.0 != [.hardBreak] }?.1 ?? []
                marks = stack.map(\.mark).filter(following.contains)
            }
            var kept = 0
            while kept < stack.count, marks.contains(stack[kept].mark) { kept += 1 }
            close(to: kept)
            let opening = marks.filter { mark in !stack.contains { $0.mark == mark } }
            for mark in opening.sorted(by: { (reach[index][$0] ?? 0, $1) > (reach[index][$1] ?? 0, $0) }) { stack.append((mark, [])) }
            if stack.isEmpty { root.append(contentsOf: content) } else { stack[stack.count - 1].children.append(contentsOf: content) }
        }
        close(to: 0)
        return root
    }

    /// One inline node: its content and its Markdown-expressible marks in canonical order.
    private func inline(_ node: JSONValue, depth: Int) -> ([MarkdownInline], [Mark]) {
        let attrs = node["attrs"]
        switch node["type"]?.stringValue ?? "" {
        case "text":
            let text = node["text"]?.stringValue ?? ""
            guard !text.isEmpty else { return ([], []) }
            var marks: [Mark] = []
            var code = false
            for mark in node["marks"]?.arrayValue ?? [] {
                switch mark["type"]?.stringValue {
                case "strong": marks.append(.strong)
                case "em": marks.append(.emphasis)
                case "strike": marks.append(.strike)
                case "code": code = true
                case "link":
                    if let href = mark["attrs"]?["href"]?.stringValue { marks.append(.link(href: href, title: mark["attrs"]?["title"]?.stringValue)) }
                default: break
                }
            }
            if code { return ([.code(text)], marks.sorted()) }
            return (Self.splittingLines(text), marks.sorted())
        case "hardBreak":
            return ([.hardBreak], [])
        case "mention":
            guard let id = attrs?["id"]?.stringValue, !id.isEmpty else {
                return ([.text(attrs?["text"]?.stringValue ?? "@someone")], [])
            }
            var name = attrs?["text"]?.stringValue ?? ""
            if name.hasPrefix("@") { name.removeFirst() }
            return ([.mention(MarkdownMention(id: id, name: name))], [])
        case "emoji":
            return ([.text(attrs?["text"]?.stringValue ?? attrs?["shortName"]?.stringValue ?? "")], [])
        case "date":
            return ([.text(Self.isoDate(attrs?["timestamp"]))], [])
        case "status":
            let text = attrs?["text"]?.stringValue ?? ""
            return ([.text("[\(text.uppercased())]")], [])
        case "inlineCard":
            return (card(attrs), [])
        case "placeholder":
            return ([.text(attrs?["text"]?.stringValue ?? "")], [])
        case "mediaInline":
            return (media([node], depth: depth), [])
        case "inlineExtension":
            return ([.text(Callout.placeholder("extension", name: Self.extensionName(attrs)))], [])
        default:
            if depth < MarkdownDocument.maximumDepth, let content = node["content"]?.arrayValue, !content.isEmpty {
                return (inlines(content, depth: depth + 1), [])
            }
            let type = node["type"]?.stringValue ?? "unknown"
            return ([.text(attrs?["text"]?.stringValue ?? (depth < MarkdownDocument.maximumDepth ? "[\(type)]" : Self.plainText(node)))], [])
        }
    }

    private static func splittingLines(_ text: String) -> [MarkdownInline] {
        guard text.utf8.contains(where: { $0 == 0x0A || $0 == 0x0D }) else { return [.text(text)] }
        var output: [MarkdownInline] = []
        for line in text.normalizingLineEndings().split(separator: "\n", omittingEmptySubsequences: false) {
            if !output.isEmpty { output.append(.hardBreak) }
            if !line.isEmpty { output.append(.text(String(line))) }
        }
        return output
    }

    // MARK: Helpers

    private static func panelLabel(_ type: String?) -> String {
        switch type {
        case "info": "Info"
        case "note": "Note"
        case "tip": "Tip"
        case "warning": "Warning"
        case "error": "Error"
        case "success": "Success"
        default: "Panel"
        }
    }

    private static func extensionName(_ attrs: JSONValue?) -> String {
        attrs?["extensionKey"]?.stringValue ?? attrs?["extensionType"]?.stringValue ?? "unknown"
    }

    /// An ADF date (milliseconds since 1970, as a string) as `YYYY-MM-DD` in UTC.
    static func isoDate(_ timestamp: JSONValue?) -> String {
        let milliseconds: Int? = switch timestamp {
        case .string(let text)?: Int(text) ?? Double(text).flatMap { $0.isFinite && abs($0) < 1e17 ? Int($0) : nil }
        case .number(let number)?: number.intValue
        default: nil
        }
        guard let milliseconds, abs(milliseconds) < 100_000_000_000_000_000 else { return timestamp?.displayText ?? "[date]" }
        let days = Int((Double(milliseconds) / 86_400_000).rounded(.down))
        // Howard Hinnant's civil-from-days.
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        func pad(_ value: Int, _ width: Int) -> String {
            let digits = String(abs(value))
            return (value < 0 ? "-" : "") + String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    /// All text under a node, walked without recursion (for content nested too deeply to convert).
    static func plainText(_ node: JSONValue) -> String {
        var output = ""
        var stack: [JSONValue] = [node]
        while let current = stack.popLast() {
            if let text = current["text"]?.stringValue {
                if !output.isEmpty, !text.isEmpty { output += " " }
                output += text
            }
            if let content = current["content"]?.arrayValue { stack.append(contentsOf: content.reversed()) }
        }
        return output
    }
}
