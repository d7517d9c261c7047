/// Writes a ``MarkdownDocument`` as CommonMark + GFM text that ``MarkdownBlockParser`` reads back as the
/// same tree: ATX headings, fenced code, `-` bullets, `1.` numbers, `---` rules and pipe tables.
///
/// Blocks are separated by blank lines; items of a list whose items need no blank line inside are written
/// tight. Adjacent lists of the same kind alternate their markers (`-`/`*`, `.`/`)`) so they stay apart.
///
/// ```swift
/// MarkdownWriter.write(MarkdownDocument(blocks: [.heading(level: 2, content: [.text("Done")]), .thematicBreak]))
/// // "## Done\n\n---\n"
/// ```
enum MarkdownWriter {
    static func write(_ document: MarkdownDocument) -> String {
        let text = blocks(document.blocks, tight: false)
        return text.isEmpty ? "" : text + "\n"
    }

    private static func blocks(_ blocks: [MarkdownBlock], tight: Bool) -> String {
        var output = ""
        var previous: MarkdownBlock?
        var listVariant = 0
        for block in blocks {
            if case .list(let list) = block {
                if case .list(let prior)? = previous, prior.ordered == list.ordered { listVariant += 1 } else { listVariant = 0 }
            }
            let text = self.block(block, listVariant: listVariant)
            guard !text.isEmpty else { continue }
            if let previous { output += tight && !needsBlankLine(between: previous, and: block) ? "\n" : "\n\n" }
            output += text
            previous = block
        }
        return output
    }

    private static func block(_ block: MarkdownBlock, listVariant: Int) -> String {
        switch block {
        case .paragraph(let inlines):
            return MarkdownInlineWriter.render(inlines, style: .paragraph)
        case .heading(let level, let content):
            var text = MarkdownInlineWriter.render(content, style: .heading)
            if text.hasSuffix("#") { text.insert("\\", at: text.index(before: text.endIndex)) }
            let marker = String(repeating: "#", count: min(max(level, 1), 6))
            return text.isEmpty ? marker : marker + " " + text
        case .codeBlock(let language, let code):
            return codeBlock(language: language, code: code)
        case .blockQuote(let children):
            let inner = blocks(children, tight: false)
            guard !inner.isEmpty else { return ">" }
            return prefixingLines(inner, first: "> ", rest: "> ", blank: ">")
        case .list(let list):
            return self.list(list, variant: listVariant)
        case .table(let table):
            return self.table(table)
        case .thematicBreak:
            return "---"
        }
    }

    private static func codeBlock(language: String?, code: String) -> String {
        let code = code.normalizingLineEndings()
        var infoBytes: [UInt8] = []
        for byte in (language ?? "").utf8 {
            guard byte > 0x20 else { break }
            // The parser resolves escapes and character references in the info string.
            if byte == UInt8(ascii: "\\") || byte == UInt8(ascii: "&") { infoBytes.append(UInt8(ascii: "\\")) }
            infoBytes.append(byte)
        }
        var info = String(decoding: infoBytes, as: UTF8.self)
        // A backtick fence cannot carry an info string with backticks; a tilde fence can.
        let character: UInt8 = info.utf8.contains(UInt8(ascii: "`")) ? UInt8(ascii: "~") : UInt8(ascii: "`")
        var longest = 0
        var run = 0
        for byte in code.utf8 {
            run = byte == character ? run + 1 : 0
            longest = max(longest, run)
        }
        let fence = String(repeating: Character(Unicode.Scalar(character)), count: max(3, longest + 1))
        if info.utf8.first == character { info = " " + info }
        return code.isEmpty ? "\(fence)\(info)\n\(fence)" : "\(fence)\(info)\n\(code)\n\(fence)"
    }

    private static func list(_ list: MarkdownList, variant: Int) -> String {
        let loose = list.items.contains { item in
            zip(item.blocks, item.blocks.dropFirst()).contains { needsBlankLine(between: $0, and: $1) }
        }
        var number = min(max(list.start, 0), 999_999_999)
        var items: [String] = []
        for item in list.items {
            let marker: String
            if list.ordered {
                marker = "\(number)" + (variant % 2 == 0 ? "." : ")")
                number = min(number + 1, 999_999_999)
            } else {
                marker = variant % 2 == 0 ? "-" : "*"
            }
            var content = blocks(item.blocks, tight: !loose)
            if case .thematicBreak? = item.blocks.first, marker == "-" {
                content = "***" + content.dropFirst(3)
            }
            if let checked = item.checked {
                let box = checked ? "[x]" : "[ ]"
                if case .paragraph? = item.blocks.first {
                    content = box + " " + content
                } else {
                    content = content.isEmpty ? box : box + "\n" + content
                }
            }
            guard !content.isEmpty else {
                items.append(marker)
                continue
            }
            let indent = String(repeating: " ", count: marker.count + 1)
            let firstLine = marker + " " + content.prefix { $0 != "\n" }
            if MarkdownBlockParser.isThematicBreak(ArraySlice(firstLine.utf8)) {
                // `- - -` would read as a rule: start the item's content on the next line instead.
                items.append(marker + "\n" + prefixingLines(content, first: indent, rest: indent, blank: ""))
            } else {
                items.append(prefixingLines(content, first: marker + " ", rest: indent, blank: ""))
            }
        }
        return items.joined(separator: loose ? "\n\n" : "\n")
    }

    private static func table(_ table: MarkdownTable) -> String {
        func row(_ cells: [[MarkdownInline]]) -> String {
            "| " + cells.map { MarkdownInlineWriter.render($0, style: .cell) }.joined(separator: " | ") + " |"
        }
        var lines = [row(table.header)]
        lines.append("| " + Array(repeating: "---", count: table.columnCount).joined(separator: " | ") + " |")
        lines.append(contentsOf: table.rows.map(row))
        return lines.joined(separator: "\n")
    }

    /// Whether two blocks of a list item need a blank line between them to read back as two blocks.
    private static func needsBlankLine(between first: MarkdownBlock, and second: MarkdownBlock) -> Bool {
        switch (first, second) {
        case (.table, _), (.blockQuote, .blockQuote), (.paragraph, .thematicBreak):
            return true
        case (.paragraph, .paragraph), (.list, .paragraph), (.blockQuote, .paragraph),
             (.paragraph, .table), (.list, .table), (.blockQuote, .table):
            return true
        case (.paragraph, .list(let list)), (.blockQuote, .list(let list)):
            guard let item = list.items.first, case .paragraph? = item.blocks.first else { return true }
            return list.ordered && list.start != 1
        default:
            return false
        }
    }

    private static func prefixingLines(_ text: String, first: String, rest: String, blank: String) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(text.utf8.count + 16)
        var isFirst = true
        for line in Array(text.utf8).split(separator: 0x0A, omittingEmptySubsequences: false) {
            if !isFirst { output.append(0x0A) }
            if line.isEmpty {
                output.append(contentsOf: (isFirst ? first.trimmingASCIIWhitespace() : blank).utf8)
            } else {
                output.append(contentsOf: (isFirst ? first : rest).utf8)
                output.append(contentsOf: line)
            }
            isFirst = false
        }
        return String(decoding: output, as: UTF8.self)
    }
}
