/// Reads Jira wiki markup (Jira Server/Data Center text fields) into a ``MarkdownDocument``.
///
/// Blocks: `h1.`–`h6.` headings, `bq.` and `{quote}…{quote}` quotes, `{code:lang}…{code}` and
/// `{noformat}…{noformat}` code, `*`/`#`/`-` lists with nesting by repetition (`**`, `#*`), `||h||` and
/// `|c|` tables, `----` rules; `{panel}`, `{info}`, `{note}`, `{tip}` and `{warning}` become
/// `> **Info:** …` quotes. A list item starting `[ ]` or `[x]` is a task. Inline markup goes to
/// ``WikiInlineParser``.
///
/// ```swift
/// WikiReader.read("h2. Plan\n* one\n** nested\n{code:swift}let x = 1{code}").markdown
/// // "## Plan\n\n- one\n  - nested\n\n```swift\nlet x = 1\n```\n"
/// ```
struct WikiReader {
    static func read(_ wiki: String) -> MarkdownDocument {
        let reader = WikiReader(bytes: Array(wiki.normalizingLineEndings().utf8))
        return MarkdownDocument(blocks: reader.blocks(0..<reader.bytes.count, depth: 0))
    }

    private static let panels: [String: String] = ["panel": "Panel", "info": "Info", "note": "Note", "tip": "Tip", "warning": "Warning"]

    private let bytes: [UInt8]

    private func lineEnd(from start: Int, _ range: Range<Int>) -> Int {
        var end = start
        while end < range.upperBound, bytes[end] != 0x0A { end += 1 }
        return end
    }

    private func blocks(_ range: Range<Int>, depth: Int) -> [MarkdownBlock] {
        var output: [MarkdownBlock] = []
        var paragraph: [ArraySlice<UInt8>] = []
        func flush() {
            guard !paragraph.isEmpty else { return }
            var text: [UInt8] = []
            for (position, line) in paragraph.enumerated() {
                if position > 0 { text.append(0x0A) }
                text.append(contentsOf: line)
            }
            let content = WikiInlineParser.parse(ArraySlice(text))
            if !content.isEmpty { output.append(.paragraph(content)) }
            paragraph.removeAll()
        }
        var position = range.lowerBound
        while position < range.upperBound {
            let end = lineEnd(from: position, range)
            let line = bytes[position..<end].trimmingWhitespace()
            if line.isEmpty {
                flush()
                position = end + 1
                continue
            }
            if let (blocks, next) = macroBlock(line, range: range, depth: depth) {
                flush()
                output += blocks
                position = next
                continue
            }
            if let heading = Self.heading(line) {
                flush()
                output.append(heading)
            } else if line.hasPrefixIgnoringCase("bq. ") || line.elementsEqual("bq.".utf8) {
                flush()
                output.append(.blockQuote([.paragraph(WikiInlineParser.parse(line.dropFirst(3)))]))
            } else if line.count >= 4, line.allSatisfy({ $0 == UInt8(ascii: "-") }) {
                flush()
                output.append(.thematicBreak)
            } else if Self.listMarker(line) != nil {
                flush()
                let (lists, next) = list(from: position, range, depth: depth)
                output += lists
                position = next
                continue
            } else if line.first == UInt8(ascii: "|") {
                flush()
                let (table, next) = table(from: position, range)
                output.append(table)
                position = next
                continue
            } else {
                paragraph.append(line)
            }
            position = end + 1
        }
        flush()
        return output
    }

    // MARK: Macros

    /// `{code…}`, `{noformat}`, `{quote}` and the panels, starting a line: their blocks and where parsing
    /// resumes (right after the closing tag, which may leave text on the same line).
    private func macroBlock(_ line: ArraySlice<UInt8>, range: Range<Int>, depth: Int) -> ([MarkdownBlock], Int)? {
        guard line.first == UInt8(ascii: "{"), let tagEnd = line.firstIndex(of: UInt8(ascii: "}")) else { return nil }
        let tag = bytes[(line.startIndex + 1)..<tagEnd].string
        let name = String(tag.prefix { $0 != ":" }).lowercased()
        let parameters = tag.contains(":") ? String(tag.drop { $0 != ":" }.dropFirst()) : ""
        let isCode = name == "code" || name == "noformat"
        guard isCode || ((name == "quote" || Self.panels[name] != nil) && depth < MarkdownDocument.maximumDepth) else { return nil }
        let contentStart = tagEnd + 1
        let closing = Array("{\(name)}".utf8)
        var close = contentStart
        while close < range.upperBound, !(bytes[close] == UInt8(ascii: "{") && bytes[close..<range.upperBound].hasPrefixIgnoringCase(String(decoding: closing, as: UTF8.self))) {
            close += 1
        }
        let contentEnd = min(close, range.upperBound)
        let next = min(close + closing.count, range.upperBound)
        if isCode {
            var content = bytes[contentStart..<contentEnd]
            if content.first == 0x0A { content = content.dropFirst() }
            if content.last == 0x0A { content = content.dropLast() }
            return ([.codeBlock(language: name == "code" ? Self.language(parameters) : nil, code: content.string)], next)
        }
        let body = blocks(contentStart..<contentEnd, depth: depth + 1)
        if name == "quote" { return ([.blockQuote(body)], next) }
        let title = parameters.split(separator: "|").first { $0.lowercased().hasPrefix("title=") }.map { String($0.dropFirst(6)) }
        return ([Callout.quote(label: Self.panels[name]!, title: title, body: body)], next)
    }

    /// `{code:swift}`, `{code:title=A.swift|language=swift}` → `swift`.
    private static func language(_ parameters: String) -> String? {
        let settings = parameters.split(separator: "|").map(String.init)
        if let language = settings.first(where: { $0.lowercased().hasPrefix("language=") }) { return String(language.dropFirst(9)) }
        if let first = settings.first, !first.contains("=") { return first.trimmingASCIIWhitespace() }
        return nil
    }

    private static func heading(_ line: ArraySlice<UInt8>) -> MarkdownBlock? {
        guard line.count >= 3, ByteClass.lowercased(line[line.startIndex]) == UInt8(ascii: "h"),
              let level = Int(String(UnicodeScalar(line[line.startIndex + 1]))), (1...6).contains(level),
              line[line.startIndex + 2] == UInt8(ascii: "."),
              line.count == 3 || ByteClass.isSpaceOrTab(line[line.startIndex + 3])
        else { return nil }
        return .heading(level: level, content: InlineNormalizer.heading(WikiInlineParser.parse(line.dropFirst(3))))
    }

    // MARK: Lists

    /// The marker of a list line (`*`, `#`, `**`, `#*`, or a single `-`) and the item text after it; a line
    /// of markers alone is an empty item.
    private static func listMarker(_ line: ArraySlice<UInt8>) -> ([UInt8], ArraySlice<UInt8>)? {
        var index = line.startIndex
        while index < line.endIndex, line[index] == UInt8(ascii: "*") || line[index] == UInt8(ascii: "#") { index += 1 }
        if index == line.startIndex, line.first == UInt8(ascii: "-") { index += 1 }
        guard index > line.startIndex else { return nil }
        if index == line.endIndex {
            return line.first == UInt8(ascii: "-") || line.count > 3 ? nil : (Array(line), line[index...])
        }
        guard ByteClass.isSpaceOrTab(line[index]) else { return nil }
        return (Array(line[line.startIndex..<index]), line[index...].trimmingWhitespace())
    }

    private struct ListFrame {
        var ordered: Bool
        var items: [(text: [UInt8], checked: Bool?, nested: [MarkdownBlock])] = []

        func build() -> MarkdownBlock {
            .list(MarkdownList(ordered: ordered, items: items.map { item in
                let content = WikiInlineParser.parse(ArraySlice(item.text))
                return MarkdownListItem(checked: item.checked, blocks: (content.isEmpty ? [] : [.paragraph(content)]) + item.nested)
            }))
        }
    }

    /// Consecutive list lines (and their continuation lines) as nested lists.
    private func list(from start: Int, _ range: Range<Int>, depth: Int) -> ([MarkdownBlock], Int) {
        var output: [MarkdownBlock] = []
        var stack: [ListFrame] = []
        let maximumLevels = max(1, MarkdownDocument.maximumDepth - depth)
        func close(to count: Int) {
            while stack.count > count {
                let finished = stack.removeLast().build()
                if stack.isEmpty {
                    output.append(finished)
                } else if stack[stack.count - 1].items.isEmpty {
                    stack[stack.count - 1].items.append(([], nil, [finished]))
                } else {
                    stack[stack.count - 1].items[stack[stack.count - 1].items.count - 1].nested.append(finished)
                }
            }
        }
        var position = start
        while position < range.upperBound {
            let end = lineEnd(from: position, range)
            let line = bytes[position..<end].trimmingWhitespace()
            if line.isEmpty { break }
            if let (marker, content) = Self.listMarker(line) {
                let levels = marker.prefix(maximumLevels).map { $0 == UInt8(ascii: "#") }
                var keep = 0
                while keep < stack.count, keep < levels.count, stack[keep].ordered == levels[keep] { keep += 1 }
                close(to: keep)
                while stack.count < levels.count { stack.append(ListFrame(ordered: levels[stack.count])) }
                var text = content
                var checked: Bool?
                for (prefix, state) in [("[ ] ", false), ("\\[ \\] ", false), ("[x] ", true), ("\\[x\\] ", true), ("[X] ", true)]
                where text.hasPrefixIgnoringCase(prefix) {
                    checked = state
                    text = text.dropFirst(prefix.utf8.count)
                    break
                }
                stack[stack.count - 1].items.append((Array(text), checked, []))
            } else if Self.startsBlock(line) {
                break
            } else {
                var frame = stack[stack.count - 1]
                frame.items[frame.items.count - 1].text += [0x0A] + line
                stack[stack.count - 1] = frame
            }
            position = end + 1
        }
        close(to: 0)
        return (output, position)
    }

    private static func startsBlock(_ line: ArraySlice<UInt8>) -> Bool {
        line.first == UInt8(ascii: "|") || line.first == UInt8(ascii: "{") || heading(line) != nil
            || line.hasPrefixIgnoringCase("bq. ") || (line.count >= 4 && line.allSatisfy { $0 == UInt8(ascii: "-") })
    }

    // MARK: Tables

    private func table(from start: Int, _ range: Range<Int>) -> (MarkdownBlock, Int) {
        var rows: [[[MarkdownInline]]] = []
        var position = start
        while position < range.upperBound {
            let end = lineEnd(from: position, range)
            let line = bytes[position..<end].trimmingWhitespace()
            guard line.first == UInt8(ascii: "|") else { break }
            rows.append(Self.cells(line).map { InlineNormalizer.cell(WikiInlineParser.parse($0)) })
            position = end + 1
        }
        return (.table(MarkdownTable(header: rows.first ?? [], rows: Array(rows.dropFirst()))), position)
    }

    /// Splits `||a||b||` or `|a|b|` on unescaped pipes outside `[…]` links and `{{…}}` code.
    private static func cells(_ line: ArraySlice<UInt8>) -> [ArraySlice<UInt8>] {
        var cells: [ArraySlice<UInt8>] = []
        var index = line.startIndex
        while index < line.endIndex, line[index] == UInt8(ascii: "|") { index += 1 }
        var cellStart = index
        var brackets = 0
        var inCode = false
        while index < line.endIndex {
            let byte = line[index]
            if byte == UInt8(ascii: "\\") {
                index += 2
                continue
            }
            if byte == UInt8(ascii: "{"), index + 1 < line.endIndex, line[index + 1] == UInt8(ascii: "{") {
                inCode = true
                index += 2
                continue
            }
            if byte == UInt8(ascii: "}"), inCode, index + 1 < line.endIndex, line[index + 1] == UInt8(ascii: "}") {
                inCode = false
                index += 2
                continue
            }
            if !inCode, byte == UInt8(ascii: "[") { brackets += 1 }
            if !inCode, byte == UInt8(ascii: "]"), brackets > 0 { brackets -= 1 }
            if byte == UInt8(ascii: "|"), brackets == 0, !inCode {
                cells.append(line[cellStart..<index])
                while index < line.endIndex, line[index] == UInt8(ascii: "|") { index += 1 }
                cellStart = index
                continue
            }
            index += 1
        }
        if cellStart < line.endIndex { cells.append(line[cellStart..<min(index, line.endIndex)]) }
        return cells
    }
}
