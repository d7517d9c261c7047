/// Writes inline content as Markdown that ``MarkdownInlineParser`` reads back as the same content.
///
/// Text is escaped only where a character could be read as syntax (`*` always, `_` unless inside a word,
/// `#`, `-`, `>` and `1.` only at the start of a line, …). Emphasis uses `_`, `*`, `**` or `~~` where
/// CommonMark's flanking rules let them open and close at that spot, and otherwise falls back to
/// `<em>`, `<strong>` or `<del>`.
///
/// ```swift
/// MarkdownInlineWriter.render([.text("2 * 3 = "), .strong([.text("6")])], style: .paragraph)   // "2 \\* 3 = **6**"
/// ```
struct MarkdownInlineWriter {
    /// Where the inlines go, which decides how breaks are written and which escapes apply.
    struct Style {
        /// Paragraph text: line-start escapes apply and breaks are `\` + newline.
        static let paragraph = Style(lineStartEscapes: true, breaks: .backslash)
        /// A heading line: breaks become spaces.
        static let heading = Style(lineStartEscapes: false, breaks: .space)
        /// A table cell: hard breaks become `<br>`, soft breaks spaces.
        static let cell = Style(lineStartEscapes: false, breaks: .html)

        enum Breaks { case backslash, space, html }

        var lineStartEscapes: Bool
        var breaks: Breaks
        /// Inside link text, where `[` and `]` are always escaped.
        var brackets = false
    }

    static func render(_ inlines: [MarkdownInline], style: Style) -> String {
        var writer = MarkdownInlineWriter(style: style, leading: .whitespace, atLineStart: true)
        writer.write(inlines, following: .whitespace)
        while let last = writer.output.last, ByteClass.isSpaceOrTab(last) { writer.output.removeLast() }
        return String(decoding: writer.output, as: UTF8.self)
    }

    private let style: Style
    /// The class of whatever precedes this writer's output (a delimiter, a line start).
    private let leading: ByteClass
    private var atLineStart: Bool
    private(set) var output: [UInt8] = []

    private init(style: Style, leading: ByteClass, atLineStart: Bool) {
        self.style = style
        self.leading = leading
        self.atLineStart = atLineStart
    }

    private mutating func write(_ inlines: [MarkdownInline], following: ByteClass) {
        for (index, inline) in inlines.enumerated() {
            let next = index + 1 < inlines.count ? inlines[index + 1] : nil
            let nextClass = next.map(Self.leadingClass) ?? following
            write(inline, nextClass: nextClass, nextIsFormatted: next?.formattedChildren != nil)
        }
    }

    private mutating func write(_ inline: MarkdownInline, nextClass: ByteClass, nextIsFormatted: Bool) {
        switch inline {
        case .text(let text):
            writeText(ArraySlice(text.utf8), nextClass: nextClass)
        case .emphasis(let children), .strong(let children), .strikethrough(let children):
            writeFormatted(inline, children: children, nextClass: nextClass, nextIsFormatted: nextIsFormatted)
        case .code(let code):
            writeCode(code)
        case .link(let link):
            writeLink(link)
        case .image(let image):
            append("![")
            writeBracketed(ArraySlice(image.alt.utf8))
            append("](")
            writeDestination(image.source, title: image.title)
        case .mention(let mention):
            append("@[")
            writeBracketed(ArraySlice((mention.name.isEmpty ? mention.id : mention.name).utf8))
            append("](")
            writeDestination(mention.destination, title: nil)
        case .hardBreak:
            writeBreak(hard: true)
        case .softBreak:
            writeBreak(hard: false)
        }
    }

    // MARK: Text

    private mutating func writeText(_ text: ArraySlice<UInt8>, nextClass: ByteClass) {
        var index = text.startIndex
        while index < text.endIndex {
            let byte = text[index]
            if byte == 0x0A || byte == 0x0D {
                writeBreak(hard: true)
                index += 1
                continue
            }
            if atLineStart, style.lineStartEscapes {
                if ByteClass.isSpaceOrTab(byte) {
                    index += 1
                    continue
                }
                atLineStart = false
                if escapeAtLineStart(text, index) {
                    output.append(UInt8(ascii: "\\"))
                    output.append(byte)
                    index += 1
                    continue
                }
            }
            atLineStart = false
            if needsEscape(text, index, nextClass: nextClass) { output.append(UInt8(ascii: "\\")) }
            output.append(byte)
            index += 1
        }
    }

    private func escapeAtLineStart(_ text: ArraySlice<UInt8>, _ index: Int) -> Bool {
        switch text[index] {
        case UInt8(ascii: "#"), UInt8(ascii: ">"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "="):
            return true
        case UInt8(ascii: "["):
            // A task box (`[ ]`, `[x]`) or something shaped like a link reference definition (`[a]: b`).
            let rest = text[(index + 1)...]
            if rest.count >= 2, [0x20, UInt8(ascii: "x"), UInt8(ascii: "X")].contains(rest[rest.startIndex]),
               rest[rest.startIndex + 1] == UInt8(ascii: "]") {
                return true
            }
            guard let close = rest.firstIndex(of: UInt8(ascii: "]")) else { return false }
            return close + 1 < text.endIndex && text[close + 1] == UInt8(ascii: ":")
        default:
            return false
        }
    }

    private func needsEscape(_ text: ArraySlice<UInt8>, _ index: Int, nextClass: ByteClass) -> Bool {
        let byte = text[index]
        let following: UInt8? = index + 1 < text.endIndex ? text[index + 1] : nil
        switch byte {
        case UInt8(ascii: "\\"), UInt8(ascii: "`"), UInt8(ascii: "*"), UInt8(ascii: "~"), UInt8(ascii: "|"):
            return true
        case UInt8(ascii: "_"):
            let before = output.last.map(ByteClass.isWordCharacter) ?? (leading == .word)
            let after = following.map(ByteClass.isWordCharacter) ?? (nextClass == .word)
            return !(before && after)
        case UInt8(ascii: "["):
            return style.brackets
        case UInt8(ascii: "]"):
            return style.brackets || following == UInt8(ascii: "(")
        case UInt8(ascii: "<"):
            guard let following else { return false }
            return ByteClass.isLetter(following) || following == UInt8(ascii: "/") || following == UInt8(ascii: "!") || following == UInt8(ascii: "?")
        case UInt8(ascii: "&"):
            return HTMLEntities.looksLikeReference(text, at: index)
        case UInt8(ascii: "."), UInt8(ascii: ")"):
            return style.lineStartEscapes && isOrderedMarker(text, endingAt: index)
        default:
            return false
        }
    }

    /// Whether `text[index]` (a `.` or `)`) follows only digits written since the start of the line.
    private func isOrderedMarker(_ text: ArraySlice<UInt8>, endingAt index: Int) -> Bool {
        var digits = 0
        var cursor = output.count - 1
        while cursor >= 0, ByteClass.isDigit(output[cursor]) {
            digits += 1
            cursor -= 1
        }
        guard digits > 0, digits <= 9 else { return false }
        return cursor < 0 ? leading == .whitespace : output[cursor] == 0x0A
    }

    private mutating func writeBreak(hard: Bool) {
        while let last = output.last, ByteClass.isSpaceOrTab(last) { output.removeLast() }
        switch style.breaks {
        case .backslash:
            if hard { output.append(UInt8(ascii: "\\")) }
            output.append(0x0A)
            atLineStart = true
        case .space:
            output.append(0x20)
        case .html:
            append(hard ? "<br>" : " ")
        }
    }

    // MARK: Formatting

    private mutating func writeFormatted(_ inline: MarkdownInline, children: [MarkdownInline], nextClass: ByteClass, nextIsFormatted: Bool) {
        var inner = MarkdownInlineWriter(style: style, leading: .punctuation, atLineStart: false)
        inner.write(children, following: .punctuation)
        guard !inner.output.isEmpty else { return }
        let previousByte = output.last
        let previous = previousByte.map(ByteClass.of) ?? leading
        let first = ByteClass.of(inner.output.first)
        let last = ByteClass.of(inner.output.last)
        let candidates: [String]
        let tag: String
        switch inline {
        case .emphasis:
            candidates = nextIsFormatted ? ["_"] : ["_", "*"]
            tag = "em"
        case .strong:
            candidates = ["**"]
            tag = "strong"
        default:
            candidates = ["~~"]
            tag = "del"
        }
        let delimiter = candidates.first { candidate in
            // A delimiter touching the same character would merge into a longer run.
            let character = candidate.utf8.first!
            guard previousByte != character, inner.output.first != character, inner.output.last != character else { return false }
            let leftOpen = Self.leftFlanking(before: previous, after: first)
            let rightOpen = Self.rightFlanking(before: previous, after: first)
            let leftClose = Self.leftFlanking(before: last, after: nextClass)
            let rightClose = Self.rightFlanking(before: last, after: nextClass)
            if character == UInt8(ascii: "_") {
                return leftOpen && (!rightOpen || previous == .punctuation) && rightClose && (!leftClose || nextClass == .punctuation)
            }
            return leftOpen && rightClose
        }
        append(delimiter ?? "<\(tag)>")
        output.append(contentsOf: inner.output)
        append(delimiter ?? "</\(tag)>")
        atLineStart = false
    }

    private static func leftFlanking(before: ByteClass, after: ByteClass) -> Bool {
        after != .whitespace && (after != .punctuation || before != .word)
    }

    private static func rightFlanking(before: ByteClass, after: ByteClass) -> Bool {
        before != .whitespace && (before != .punctuation || after != .word)
    }

    /// The class of the first character an inline is written with.
    private static func leadingClass(_ inline: MarkdownInline) -> ByteClass {
        switch inline {
        case .text(let text): ByteClass.of(text.utf8.first)
        case .softBreak: .whitespace
        default: .punctuation
        }
    }

    // MARK: Code, links

    private mutating func writeCode(_ code: String) {
        let bytes = Array(code.utf8)
        var runs = Set<Int>()
        var run = 0
        for byte in bytes {
            if byte == UInt8(ascii: "`") {
                run += 1
            } else {
                if run > 0 { runs.insert(run) }
                run = 0
            }
        }
        if run > 0 { runs.insert(run) }
        var length = 1
        while runs.contains(length) { length += 1 }
        let fence = String(repeating: "`", count: length)
        let pad = bytes.first == UInt8(ascii: "`") || bytes.last == UInt8(ascii: "`")
            || (bytes.first == 0x20 && bytes.last == 0x20 && bytes.contains { $0 != 0x20 })
        append(fence)
        if pad { output.append(0x20) }
        for byte in bytes {
            // Table rows are split on pipes before code spans are read (GFM), so a pipe in a cell needs `\|`.
            if byte == UInt8(ascii: "|"), style.breaks == .html { output.append(UInt8(ascii: "\\")) }
            output.append(byte)
        }
        if pad { output.append(0x20) }
        append(fence)
        atLineStart = false
    }

    private mutating func writeLink(_ link: MarkdownLink) {
        if output.last == UInt8(ascii: "!"), output.count < 2 || output[output.count - 2] != UInt8(ascii: "\\") {
            output.insert(UInt8(ascii: "\\"), at: output.count - 1)
        }
        if link.title == nil, link.content == [.text(link.destination)],
           MarkdownInlineParser.isAbsoluteURI(ArraySlice(link.destination.utf8)) {
            append("<" + link.destination + ">")
            atLineStart = false
            return
        }
        var inner = MarkdownInlineWriter(style: bracketStyle, leading: .punctuation, atLineStart: false)
        inner.write(link.content, following: .punctuation)
        output.append(UInt8(ascii: "["))
        output.append(contentsOf: inner.output)
        append("](")
        writeDestination(link.destination, title: link.title)
    }

    private var bracketStyle: Style {
        var bracketed = style
        bracketed.brackets = true
        return bracketed
    }

    /// Plain text inside `[…]` (image alt, mention name).
    private mutating func writeBracketed(_ text: ArraySlice<UInt8>) {
        var inner = MarkdownInlineWriter(style: bracketStyle, leading: .punctuation, atLineStart: false)
        inner.writeText(text, nextClass: .punctuation)
        output.append(contentsOf: inner.output)
    }

    /// Writes `destination "title")`, using the `<…>` form when the address has spaces or odd parentheses.
    private mutating func writeDestination(_ destination: String, title: String?) {
        let bytes = Array(destination.utf8).filter { $0 != 0x0A && $0 != 0x0D }
        var depth = 0
        var balanced = true
        for byte in bytes {
            if byte == UInt8(ascii: "(") { depth += 1 }
            if byte == UInt8(ascii: ")") {
                depth -= 1
                if depth < 0 { balanced = false }
            }
        }
        let angled = bytes.isEmpty || !balanced || depth != 0
            || bytes.contains { $0 <= 0x20 || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">") }
        if angled { output.append(UInt8(ascii: "<")) }
        for (index, byte) in bytes.enumerated() {
            let escape = byte == UInt8(ascii: "\\") || (angled && (byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">")))
                || (byte == UInt8(ascii: "&") && HTMLEntities.looksLikeReference(ArraySlice(bytes), at: index))
            if escape { output.append(UInt8(ascii: "\\")) }
            output.append(byte)
        }
        if angled { output.append(UInt8(ascii: ">")) }
        if let title {
            append(" \"")
            for byte in title.utf8 where byte != 0x0A && byte != 0x0D {
                if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") { output.append(UInt8(ascii: "\\")) }
                output.append(byte)
            }
            output.append(UInt8(ascii: "\""))
        }
        output.append(UInt8(ascii: ")"))
        atLineStart = false
    }

    private mutating func append(_ text: String) {
        output.append(contentsOf: text.utf8)
    }
}
