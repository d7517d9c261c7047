/// Splits Markdown into blocks: CommonMark's headings, paragraphs, fenced and indented code, block quotes,
/// lists and thematic breaks, plus GFM tables and task list items. Inline content goes to
/// ``MarkdownInlineParser``.
///
/// Container blocks (quotes, list items) are parsed by stripping their markers and parsing the inner lines
/// again, at most ``MarkdownDocument/maximumDepth`` levels deep; deeper markers are read as text. Not
/// supported: HTML blocks and link reference definitions (both stay visible as text).
///
/// ```swift
/// MarkdownBlockParser.parse("# Title\n\n> quoted")
/// // [.heading(level: 1, content: [.text("Title")]), .blockQuote([.paragraph([.text("quoted")])])]
/// ```
struct MarkdownBlockParser {
    typealias Line = ArraySlice<UInt8>

    static func parse(_ markdown: String) -> [MarkdownBlock] {
        let bytes = Array(markdown.utf8)
        var lines: [Line] = []
        var start = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x0A || byte == 0x0D {
                lines.append(bytes[start..<index])
                if byte == 0x0D, index + 1 < bytes.count, bytes[index + 1] == 0x0A { index += 1 }
                start = index + 1
            }
            index += 1
        }
        if start < bytes.count { lines.append(bytes[start...]) }
        return MarkdownBlockParser().blocks(lines, depth: 0)
    }

    // MARK: Blocks

    private func blocks(_ lines: [Line], depth: Int) -> [MarkdownBlock] {
        var blocks: [MarkdownBlock] = []
        var index = 0
        let containers = depth < MarkdownDocument.maximumDepth
        while index < lines.count {
            let line = lines[index]
            if Self.isBlank(line) {
                index += 1
                continue
            }
            let indent = Self.indentation(line)
            if indent.columns >= 4 {
                blocks.append(indentedCode(lines, &index))
                continue
            }
            let content = line[(line.startIndex + indent.bytes)...]
            if let fence = Self.openingFence(content) {
                blocks.append(fencedCode(lines, &index, fence: fence, indent: indent.columns))
            } else if let heading = Self.atxHeading(content) {
                blocks.append(heading)
                index += 1
            } else if Self.isThematicBreak(content) {
                blocks.append(.thematicBreak)
                index += 1
            } else if containers, content.first == UInt8(ascii: ">") {
                blocks.append(blockQuote(lines, &index, depth: depth))
            } else if containers, let marker = Self.listMarker(line) {
                blocks.append(list(lines, &index, first: marker, depth: depth))
            } else if let table = table(lines, &index) {
                blocks.append(table)
            } else if let paragraph = paragraph(lines, &index, depth: depth) {
                blocks.append(paragraph)
            }
        }
        return blocks
    }

    /// A paragraph (or setext heading); `nil` when its text turns out empty (a lone `<br>`).
    private func paragraph(_ lines: [Line], _ index: inout Int, depth: Int) -> MarkdownBlock? {
        var text: [UInt8] = []
        var first = true
        let containers = depth < MarkdownDocument.maximumDepth
        while index < lines.count {
            let line = lines[index]
            if !first {
                if Self.isBlank(line) { break }
                let indent = Self.indentation(line)
                if indent.columns < 4 {
                    let content = line[(line.startIndex + indent.bytes)...].trimmingWhitespace()
                    if let level = Self.setextLevel(content) {
                        index += 1
                        return .heading(level: level, content: MarkdownInlineParser.parseHeading(text))
                    }
                    if Self.interruptsParagraph(line, containers: containers) || isTableStart(lines, index) { break }
                }
                text.append(0x0A)
            }
            text.append(contentsOf: line.trimmingLeadingSpaces())
            first = false
            index += 1
        }
        while let last = text.last, ByteClass.isSpaceOrTab(last) { text.removeLast() }
        let content = MarkdownInlineParser.parse(text)
        return content.isEmpty ? nil : .paragraph(content)
    }

    private func indentedCode(_ lines: [Line], _ index: inout Int) -> MarkdownBlock {
        var code: [Line] = []
        while index < lines.count {
            let line = lines[index]
            if Self.isBlank(line) {
                code.append(Self.removingIndentation(line, columns: 4))
            } else if Self.indentation(line).columns >= 4 {
                code.append(Self.removingIndentation(line, columns: 4))
            } else {
                break
            }
            index += 1
        }
        while let last = code.last, Self.isBlank(last) { code.removeLast() }
        return .codeBlock(language: nil, code: Self.joined(code))
    }

    private func fencedCode(_ lines: [Line], _ index: inout Int, fence: Fence, indent: Int) -> MarkdownBlock {
        index += 1
        var code: [Line] = []
        while index < lines.count {
            let line = lines[index]
            index += 1
            if Self.closesFence(line, fence) { break }
            code.append(Self.removingIndentation(line, columns: indent))
        }
        return .codeBlock(language: fence.language, code: Self.joined(code))
    }

    private func blockQuote(_ lines: [Line], _ index: inout Int, depth: Int) -> MarkdownBlock {
        var inner: [Line] = []
        var lazy = LazinessTracker()
        while index < lines.count {
            let line = lines[index]
            let indent = Self.indentation(line)
            let start = line.startIndex + indent.bytes
            if indent.columns < 4, start < line.endIndex, line[start] == UInt8(ascii: ">") {
                var rest = start + 1
                if rest < line.endIndex, ByteClass.isSpaceOrTab(line[rest]) { rest += 1 }
                inner.append(line[rest...])
            } else if !Self.isBlank(line), lazy.allowsContinuation, !Self.startsBlock(line) {
                inner.append(line)
            } else {
                break
            }
            lazy.observe(inner[inner.count - 1])
            index += 1
        }
        return .blockQuote(blocks(inner, depth: depth + 1))
    }

    private func list(_ lines: [Line], _ index: inout Int, first: ListMarker, depth: Int) -> MarkdownBlock {
        var items: [MarkdownListItem] = []
        while index < lines.count, let marker = Self.listMarker(lines[index]), marker.continues(first),
              !Self.isThematicBreak(lines[index].trimmingLeadingSpaces()) {
            var firstLine = marker.firstLine
            var checked: Bool?
            if let (state, rest) = Self.taskMarker(firstLine) {
                checked = state
                firstLine = rest
            }
            var itemLines: [Line] = [firstLine]
            var lazy = LazinessTracker()
            lazy.observe(firstLine)
            index += 1
            while index < lines.count {
                let line = lines[index]
                if Self.isBlank(line) {
                    if itemLines.count == 1, Self.isBlank(itemLines[0]) { break }
                    itemLines.append(line[line.endIndex...])
                    lazy.observe(line[line.endIndex...])
                } else if Self.indentation(line).columns >= marker.contentColumn {
                    itemLines.append(Self.removingIndentation(line, columns: marker.contentColumn))
                    lazy.observe(itemLines[itemLines.count - 1])
                } else if lazy.allowsContinuation, !Self.startsBlock(line) {
                    itemLines.append(line.trimmingLeadingSpaces())
                } else {
                    break
                }
                index += 1
            }
            while let last = itemLines.last, Self.isBlank(last) { itemLines.removeLast() }
            items.append(MarkdownListItem(checked: checked, blocks: blocks(itemLines, depth: depth + 1)))
        }
        return .list(MarkdownList(ordered: first.ordered, start: first.number, items: items))
    }

    private func isTableStart(_ lines: [Line], _ index: Int) -> Bool {
        guard index + 1 < lines.count, Self.indentation(lines[index]).columns < 4,
              Self.containsPipe(lines[index]), let columns = Self.delimiterRowColumns(lines[index + 1])
        else { return false }
        return Self.cells(lines[index]).count == columns
    }

    private func table(_ lines: [Line], _ index: inout Int) -> MarkdownBlock? {
        guard isTableStart(lines, index) else { return nil }
        let header = Self.cells(lines[index]).map(MarkdownInlineParser.parseCell)
        index += 2
        var rows: [[[MarkdownInline]]] = []
        while index < lines.count, !Self.isBlank(lines[index]), !Self.startsBlock(lines[index]) {
            rows.append(Self.cells(lines[index]).map(MarkdownInlineParser.parseCell))
            index += 1
        }
        return .table(MarkdownTable(header: header, rows: rows))
    }
}

// MARK: - Line analysis

extension MarkdownBlockParser {
    struct Fence {
        let character: UInt8
        let length: Int
        let language: String?
    }

    struct ListMarker {
        let ordered: Bool
        /// `-`, `+` or `*` for bullets; `.` or `)` for ordered lists.
        let character: UInt8
        let number: Int
        /// The column where item content starts; continuation lines are indented at least this far.
        let contentColumn: Int
        let firstLine: Line
        var isEmpty: Bool { MarkdownBlockParser.isBlank(firstLine) }

        func continues(_ first: ListMarker) -> Bool {
            ordered == first.ordered && character == first.character
        }
    }

    /// Whether a non-blank line may still be a lazy continuation of the paragraph that ends a container.
    struct LazinessTracker {
        private var openFence: Fence?
        private(set) var allowsContinuation = false

        mutating func observe(_ line: Line) {
            if let fence = openFence {
                if MarkdownBlockParser.closesFence(line, fence) { openFence = nil }
                allowsContinuation = false
                return
            }
            let indent = MarkdownBlockParser.indentation(line)
            let content = line[(line.startIndex + indent.bytes)...]
            if indent.columns < 4, let fence = MarkdownBlockParser.openingFence(content) {
                openFence = fence
                allowsContinuation = false
                return
            }
            allowsContinuation = !MarkdownBlockParser.isBlank(line) && indent.columns < 4
                && MarkdownBlockParser.atxHeading(content) == nil && !MarkdownBlockParser.isThematicBreak(content)
        }
    }

    static func isBlank(_ line: Line) -> Bool {
        line.allSatisfy(ByteClass.isSpaceOrTab)
    }

    /// Leading whitespace as columns (tabs stop every 4) and as bytes.
    static func indentation(_ line: Line) -> (columns: Int, bytes: Int) {
        var columns = 0
        var index = line.startIndex
        while index < line.endIndex {
            if line[index] == 0x20 {
                columns += 1
            } else if line[index] == 0x09 {
                columns += 4 - columns % 4
            } else {
                break
            }
            index += 1
        }
        return (columns, index - line.startIndex)
    }

    /// The line without up to `columns` columns of leading whitespace; a tab that straddles the cut leaves
    /// its remaining columns as spaces.
    static func removingIndentation(_ line: Line, columns: Int) -> Line {
        var column = 0
        var index = line.startIndex
        while index < line.endIndex, column < columns {
            if line[index] == 0x20 {
                column += 1
            } else if line[index] == 0x09 {
                let width = 4 - column % 4
                if column + width > columns {
                    return ArraySlice(Array(repeating: 0x20, count: column + width - columns) + line[(index + 1)...])
                }
                column += width
            } else {
                break
            }
            index += 1
        }
        return line[index...]
    }

    static func joined(_ lines: [Line]) -> String {
        var bytes: [UInt8] = []
        for (position, line) in lines.enumerated() {
            if position > 0 { bytes.append(0x0A) }
            bytes.append(contentsOf: line)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    static func openingFence(_ content: Line) -> Fence? {
        guard let character = content.first, character == UInt8(ascii: "`") || character == UInt8(ascii: "~") else { return nil }
        var index = content.startIndex
        while index < content.endIndex, content[index] == character { index += 1 }
        let length = index - content.startIndex
        guard length >= 3 else { return nil }
        let info = content[index...].trimmingWhitespace()
        if character == UInt8(ascii: "`"), info.contains(UInt8(ascii: "`")) { return nil }
        let word = info.prefix { !ByteClass.isWhitespace($0) }
        let language = word.isEmpty ? nil : resolvingEscapes(word)
        return Fence(character: character, length: length, language: language)
    }

    static func closesFence(_ line: Line, _ fence: Fence) -> Bool {
        let indent = indentation(line)
        guard indent.columns < 4 else { return false }
        var index = line.startIndex + indent.bytes
        let start = index
        while index < line.endIndex, line[index] == fence.character { index += 1 }
        return index - start >= fence.length && line[index...].allSatisfy(ByteClass.isSpaceOrTab)
    }

    static func atxHeading(_ content: Line) -> MarkdownBlock? {
        var index = content.startIndex
        while index < content.endIndex, content[index] == UInt8(ascii: "#") { index += 1 }
        let level = index - content.startIndex
        guard (1...6).contains(level), index == content.endIndex || ByteClass.isSpaceOrTab(content[index]) else { return nil }
        var text = content[index...].trimmingWhitespace()
        var end = text.endIndex
        while end > text.startIndex, text[end - 1] == UInt8(ascii: "#") { end -= 1 }
        if end == text.startIndex {
            text = text[end..<end]
        } else if end < text.endIndex, ByteClass.isSpaceOrTab(text[end - 1]) {
            text = text[..<end].trimmingWhitespace()
        }
        return .heading(level: level, content: MarkdownInlineParser.parseHeading(Array(text)))
    }

    static func isThematicBreak(_ content: Line) -> Bool {
        guard let character = content.first(where: { !ByteClass.isSpaceOrTab($0) }),
              character == UInt8(ascii: "-") || character == UInt8(ascii: "*") || character == UInt8(ascii: "_")
        else { return false }
        var count = 0
        for byte in content {
            if byte == character {
                count += 1
            } else if !ByteClass.isSpaceOrTab(byte) {
                return false
            }
        }
        return count >= 3
    }

    /// `1` for a `===` underline, `2` for `---`.
    static func setextLevel(_ content: Line) -> Int? {
        guard let character = content.first, character == UInt8(ascii: "=") || character == UInt8(ascii: "-") else { return nil }
        guard content.allSatisfy({ $0 == character }) else { return nil }
        return character == UInt8(ascii: "=") ? 1 : 2
    }

    static func listMarker(_ line: Line) -> ListMarker? {
        let indent = indentation(line)
        guard indent.columns < 4 else { return nil }
        var index = line.startIndex + indent.bytes
        guard index < line.endIndex else { return nil }
        let ordered: Bool
        let character: UInt8
        var number = 1
        if line[index] == UInt8(ascii: "-") || line[index] == UInt8(ascii: "+") || line[index] == UInt8(ascii: "*") {
            ordered = false
            character = line[index]
            index += 1
        } else {
            let digitsStart = index
            var value = 0
            while index < line.endIndex, ByteClass.isDigit(line[index]), index - digitsStart < 9 {
                value = value * 10 + Int(line[index] - 0x30)
                index += 1
            }
            guard index > digitsStart, index < line.endIndex,
                  line[index] == UInt8(ascii: ".") || line[index] == UInt8(ascii: ")")
            else { return nil }
            ordered = true
            character = line[index]
            number = value
            index += 1
        }
        let markerEnd = indent.columns + (index - line.startIndex - indent.bytes)
        guard index == line.endIndex || ByteClass.isSpaceOrTab(line[index]) else { return nil }
        let rest = line[index...]
        if isBlank(rest) {
            return ListMarker(ordered: ordered, character: character, number: number, contentColumn: markerEnd + 1, firstLine: rest[rest.endIndex...])
        }
        let spaces = indentation(rest)
        let padding = spaces.columns > 4 ? 1 : spaces.columns
        return ListMarker(
            ordered: ordered, character: character, number: number, contentColumn: markerEnd + padding,
            firstLine: removingIndentation(rest, columns: padding)
        )
    }

    /// A GFM task list marker (`[ ]`, `[x]`) at the start of an item: the state and the rest of the line.
    static func taskMarker(_ line: Line) -> (Bool, Line)? {
        guard line.count >= 3, line[line.startIndex] == UInt8(ascii: "["), line[line.startIndex + 2] == UInt8(ascii: "]") else { return nil }
        let mark = line[line.startIndex + 1]
        let checked: Bool
        switch mark {
        case 0x20: checked = false
        case UInt8(ascii: "x"), UInt8(ascii: "X"): checked = true
        default: return nil
        }
        let rest = line[(line.startIndex + 3)...]
        guard rest.isEmpty || ByteClass.isSpaceOrTab(rest[rest.startIndex]) else { return nil }
        return (checked, rest.trimmingLeadingSpaces())
    }

    /// Whether a line starts a block that ends a paragraph (CommonMark's interruption rules).
    static func interruptsParagraph(_ line: Line, containers: Bool) -> Bool {
        let indent = indentation(line)
        guard indent.columns < 4 else { return false }
        let content = line[(line.startIndex + indent.bytes)...]
        if openingFence(content) != nil || atxHeading(content) != nil || isThematicBreak(content) { return true }
        guard containers else { return false }
        if content.first == UInt8(ascii: ">") { return true }
        if let marker = listMarker(line), !marker.isEmpty, !marker.ordered || marker.number == 1 { return true }
        return false
    }

    /// Whether a line starts any block, so it cannot be a lazy continuation or a table row.
    static func startsBlock(_ line: Line) -> Bool {
        let indent = indentation(line)
        guard indent.columns < 4 else { return false }
        let content = line[(line.startIndex + indent.bytes)...]
        return openingFence(content) != nil || atxHeading(content) != nil || isThematicBreak(content)
            || content.first == UInt8(ascii: ">") || listMarker(line) != nil
    }

    // MARK: Tables

    static func containsPipe(_ line: Line) -> Bool {
        var index = line.startIndex
        while index < line.endIndex {
            if line[index] == UInt8(ascii: "\\") {
                index += 2
                continue
            }
            if line[index] == UInt8(ascii: "|") { return true }
            index += 1
        }
        return false
    }

    /// The column count of a delimiter row such as `| --- | :-: |`, or `nil` when the line is not one.
    static func delimiterRowColumns(_ line: Line) -> Int? {
        guard indentation(line).columns < 4, containsPipe(line) else { return nil }
        let cells = cells(line)
        for cell in cells {
            let bytes = ArraySlice(cell.utf8)
            var core = bytes
            if core.first == UInt8(ascii: ":") { core = core.dropFirst() }
            if core.last == UInt8(ascii: ":") { core = core.dropLast() }
            guard !core.isEmpty, core.allSatisfy({ $0 == UInt8(ascii: "-") }) else { return nil }
        }
        return cells.isEmpty ? nil : cells.count
    }

    /// The cells of a table row, split on unescaped pipes; `\|` becomes `|` (GFM), other escapes stay for
    /// the inline parser.
    static func cells(_ line: Line) -> [String] {
        var content = line.trimmingWhitespace()
        if content.first == UInt8(ascii: "|") { content = content.dropFirst() }
        if content.last == UInt8(ascii: "|"), content.count < 2 || content[content.endIndex - 2] != UInt8(ascii: "\\") {
            content = content.dropLast()
        }
        var cells: [String] = []
        var cell: [UInt8] = []
        var index = content.startIndex
        while index < content.endIndex {
            let byte = content[index]
            if byte == UInt8(ascii: "\\"), index + 1 < content.endIndex {
                if content[index + 1] != UInt8(ascii: "|") { cell.append(byte) }
                cell.append(content[index + 1])
                index += 2
                continue
            }
            if byte == UInt8(ascii: "|") {
                cells.append(ArraySlice(cell).trimmingWhitespace().string)
                cell.removeAll(keepingCapacity: true)
            } else {
                cell.append(byte)
            }
            index += 1
        }
        cells.append(ArraySlice(cell).trimmingWhitespace().string)
        return cells
    }

    /// Text with backslash escapes and character references resolved (an escaped `&` stays literal).
    static func resolvingEscapes(_ bytes: Line) -> String {
        guard bytes.contains(where: { $0 == UInt8(ascii: "\\") || $0 == UInt8(ascii: "&") }) else { return bytes.string }
        var output: [UInt8] = []
        var index = bytes.startIndex
        while index < bytes.endIndex {
            if bytes[index] == UInt8(ascii: "\\"), index + 1 < bytes.endIndex, ByteClass.isPunctuation(bytes[index + 1]) {
                output.append(bytes[index + 1])
                index += 2
            } else if bytes[index] == UInt8(ascii: "&"), let (decoded, length) = HTMLEntities.reference(in: bytes, at: index) {
                output.append(contentsOf: decoded.utf8)
                index += length
            } else {
                output.append(bytes[index])
                index += 1
            }
        }
        return String(decoding: output, as: UTF8.self)
    }
}
