/// Writes a ``MarkdownDocument`` as Jira wiki markup (Jira Server/Data Center, and Cloud's v2 API).
///
/// Text is escaped with `\` wherever a character could start markup (`*` that could open or close bold,
/// `[`, `{`, `|`, `-` or `#` at a line start, emoticons such as `(y)`); a backslash itself is written
/// `&#92;`, since `\\` means a line break. Emphasis inside a word uses the `{*}…{*}` form. Wiki list items
/// hold one line, so an item's extra blocks join it after `\\` breaks; ordered lists always start at 1.
///
/// ```swift
/// WikiWriter.write(MarkdownDocument(markdown: "## Plan\n\n- **ship** it\n- [docs](https://x.io)"))
/// // "h2. Plan\n\n* *ship* it\n* [docs|https://x.io]"
/// ```
enum WikiWriter {
    static func write(_ document: MarkdownDocument) -> String {
        blocks(document.blocks)
    }

    private static func blocks(_ blocks: [MarkdownBlock], insideQuote: Bool = false) -> String {
        var parts: [String] = []
        for block in blocks {
            let text = self.block(block, insideQuote: insideQuote)
            if !text.isEmpty { parts.append(text) }
        }
        return parts.joined(separator: "\n\n")
    }

    private static func block(_ block: MarkdownBlock, insideQuote: Bool) -> String {
        switch block {
        case .paragraph(let content):
            return WikiInlineWriter.render(content, lineStart: true)
        case .heading(let level, let content):
            return "h\(min(max(level, 1), 6)). " + WikiInlineWriter.render(InlineNormalizer.heading(content), lineStart: false)
        case .codeBlock(let language, let code):
            let code = code.normalizingLineEndings()
            let language = language.map { String($0.unicodeScalars.filter { $0.properties.isAlphabetic || "0123456789+#._-".unicodeScalars.contains($0) }) } ?? ""
            if language.isEmpty || code.contains("{code}") {
                let fence = code.contains("{noformat}") ? "{code}" : "{noformat}"
                return "\(fence)\n\(code)\n\(fence)"
            }
            return "{code:\(language)}\n\(code)\n{code}"
        case .blockQuote(let children):
            if insideQuote { return blocks(children, insideQuote: true) }
            if children.count == 1, case .paragraph(let content) = children[0], !content.contains(where: \.isBreak) {
                return "bq. " + WikiInlineWriter.render(content, lineStart: false)
            }
            return "{quote}\n" + blocks(children, insideQuote: true) + "\n{quote}"
        case .list(let list):
            var lines: [String] = []
            self.list(list, prefix: "", into: &lines)
            return lines.joined(separator: "\n")
        case .table(let table):
            var lines = ["||" + table.header.map(cell).joined(separator: "||") + "||"]
            for row in table.rows { lines.append("|" + row.map(cell).joined(separator: "|") + "|") }
            return lines.joined(separator: "\n")
        case .thematicBreak:
            return "----"
        }
    }

    private static func cell(_ content: [MarkdownInline]) -> String {
        let text = WikiInlineWriter.render(content, lineStart: false)
        return text.isEmpty ? " " : text
    }

    private static func list(_ list: MarkdownList, prefix: String, into lines: inout [String]) {
        let marker = prefix + (list.ordered ? "#" : "*")
        for item in list.items {
            var content: [MarkdownInline] = []
            var nested: [MarkdownList] = []
            for block in item.blocks {
                if case .list(let inner) = block {
                    nested.append(inner)
                    continue
                }
                if !content.isEmpty { content.append(.hardBreak) }
                if case .paragraph(let paragraph) = block { content += paragraph } else { content += BlockFlattener.inlines([block]) }
            }
            var line = marker + " "
            if let checked = item.checked { line += checked ? "\\[x\\] " : "\\[ \\] " }
            var text = WikiInlineWriter.render(content.map { $0 == .softBreak ? .hardBreak : $0 }, lineStart: false)
            if item.checked == nil, ["\\[ \\]", "\\[x\\]", "\\[X\\]"].contains(where: text.hasPrefix) {
                // Literal text that would read back as a task box.
                text = "&#91;" + text.dropFirst(2)
            }
            line += text
            lines.append(line.trimmingASCIIWhitespace() == marker ? marker + " " : line)
            for inner in nested { self.list(inner, prefix: marker, into: &lines) }
        }
    }
}
