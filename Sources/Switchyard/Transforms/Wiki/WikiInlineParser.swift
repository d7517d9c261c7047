/// Parses inline Jira wiki markup (Jira Server/Data Center): `*strong*`, `_emphasis_`, `-strike-`,
/// `{{monospace}}`, `[text|url]`, `[url]`, `[~username]` and `[~accountid:…]` mentions, `!image.png!`,
/// `\\` line breaks and `\` escapes, plus the `{*}strong{*}` form that works inside words. `+underline+`,
/// `^sup^`, `~sub~` and `{color:red}…{color}` keep their text.
///
/// An effect opens after a non-word character and before a non-space, and closes at the first matching
/// character on the same line after a non-space and before a non-word character. Closing positions are
/// found once up front and looked up by binary search, so parsing stays fast on any input.
///
/// ```swift
/// WikiInlineParser.parse(ArraySlice("*Ship* it, [~accountid:5b10]".utf8))
/// // [.strong([.text("Ship")]), .text(" it, "), .mention(MarkdownMention(id: "5b10"))]
/// ```
struct WikiInlineParser {
    static func parse(_ text: ArraySlice<UInt8>) -> [MarkdownInline] {
        let parser = WikiInlineParser(bytes: Array(text))
        return InlineNormalizer.paragraph(parser.parse(0..<parser.bytes.count, depth: 0))
    }

    private static let effects: [UInt8] = Array("*_-+^~".utf8)

    private let bytes: [UInt8]
    private let escaped: [Bool]
    private let newlines: [Int]
    /// For each effect character, the positions where it could close an effect.
    private let closers: [UInt8: [Int]]
    /// For each effect character, the positions of its `{c}` brace form.
    private let braceForms: [UInt8: [Int]]
    private let openingBrackets: [Int]
    private let closingBrackets: [Int]
    private let closingBraces: [Int]
    private let exclamations: [Int]

    private init(bytes: [UInt8]) {
        self.bytes = bytes
        var escaped = [Bool](repeating: false, count: bytes.count)
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "\\"), index + 1 < bytes.count {
                if bytes[index + 1] != UInt8(ascii: "\\") { escaped[index + 1] = true }
                index += 2
            } else {
                index += 1
            }
        }
        self.escaped = escaped
        var newlines: [Int] = []
        var closers: [UInt8: [Int]] = [:]
        var braceForms: [UInt8: [Int]] = [:]
        var openingBrackets: [Int] = []
        var closingBrackets: [Int] = []
        var closingBraces: [Int] = []
        var exclamations: [Int] = []
        for (position, byte) in bytes.enumerated() {
            switch byte {
            case 0x0A:
                newlines.append(position)
            case UInt8(ascii: "[") where !escaped[position]:
                openingBrackets.append(position)
            case UInt8(ascii: "]") where !escaped[position]:
                closingBrackets.append(position)
            case UInt8(ascii: "!") where !escaped[position]:
                exclamations.append(position)
            case UInt8(ascii: "}") where !escaped[position] && position > 0 && bytes[position - 1] == UInt8(ascii: "}") && !escaped[position - 1]:
                closingBraces.append(position - 1)
            case UInt8(ascii: "{") where position + 2 < bytes.count && bytes[position + 2] == UInt8(ascii: "}")
                && Self.effects.contains(bytes[position + 1]) && !escaped[position]:
                braceForms[bytes[position + 1], default: []].append(position)
            default:
                break
            }
            if Self.effects.contains(byte), !escaped[position], Self.canClose(bytes, position) {
                closers[byte, default: []].append(position)
            }
        }
        self.newlines = newlines
        self.closers = closers
        self.braceForms = braceForms
        self.openingBrackets = openingBrackets
        self.closingBrackets = closingBrackets
        self.closingBraces = closingBraces
        self.exclamations = exclamations
    }

    static func canOpen(_ bytes: [UInt8], _ position: Int) -> Bool {
        let byte = bytes[position]
        let before: UInt8? = position > 0 ? bytes[position - 1] : nil
        let after: UInt8? = position + 1 < bytes.count ? bytes[position + 1] : nil
        guard let after, !ByteClass.isWhitespace(after) else { return false }
        if byte == UInt8(ascii: "-"), after == byte { return false }
        return before.map { !ByteClass.isWordCharacter($0) } ?? true
    }

    static func canClose(_ bytes: [UInt8], _ position: Int) -> Bool {
        let byte = bytes[position]
        let before: UInt8? = position > 0 ? bytes[position - 1] : nil
        let after: UInt8? = position + 1 < bytes.count ? bytes[position + 1] : nil
        guard let before, !ByteClass.isWhitespace(before) else { return false }
        if byte == UInt8(ascii: "-"), before == byte { return false }
        return after.map { !ByteClass.isWordCharacter($0) } ?? true
    }

    /// The first position in `positions` that is at least `start` and before both `end` and the line end.
    private func first(in positions: [Int]?, from start: Int, before end: Int) -> Int? {
        guard let positions else { return nil }
        var low = 0
        var high = positions.count
        while low < high {
            let middle = (low + high) / 2
            if positions[middle] < start { low = middle + 1 } else { high = middle }
        }
        guard low < positions.count else { return nil }
        let found = positions[low]
        return found < min(end, lineEnd(after: start)) ? found : nil
    }

    private func lineEnd(after start: Int) -> Int {
        var low = 0
        var high = newlines.count
        while low < high {
            let middle = (low + high) / 2
            if newlines[middle] < start { low = middle + 1 } else { high = middle }
        }
        return low < newlines.count ? newlines[low] : bytes.count
    }

    // MARK: Parsing

    private func parse(_ range: Range<Int>, depth: Int) -> [MarkdownInline] {
        var output: [MarkdownInline] = []
        var text: [UInt8] = []
        func flush() {
            if !text.isEmpty { output.append(.text(String(decoding: text, as: UTF8.self))) }
            text.removeAll()
        }
        func emit(_ inlines: [MarkdownInline]) {
            flush()
            output.append(contentsOf: inlines)
        }
        let formatting = depth < MarkdownDocument.maximumDepth
        var index = range.lowerBound
        while index < range.upperBound {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\\"):
                if index + 1 < range.upperBound, bytes[index + 1] == UInt8(ascii: "\\") {
                    emit([.hardBreak])
                    index += 2
                } else if index + 1 < range.upperBound, ByteClass.isPunctuation(bytes[index + 1]) {
                    text.append(bytes[index + 1])
                    index += 2
                } else {
                    text.append(byte)
                    index += 1
                }
                continue
            case 0x0A:
                while let last = text.last, ByteClass.isSpaceOrTab(last) { text.removeLast() }
                emit([.softBreak])
                index += 1
                while index < range.upperBound, ByteClass.isSpaceOrTab(bytes[index]) { index += 1 }
                continue
            case UInt8(ascii: "&"):
                if let (decoded, length) = Self.numericReference(bytes, at: index) {
                    text.append(contentsOf: decoded.utf8)
                    index += length
                    continue
                }
            case UInt8(ascii: "{"):
                if let (inlines, end) = brace(at: index, range: range, depth: depth, formatting: formatting) {
                    emit(inlines)
                    index = end
                    continue
                }
            case UInt8(ascii: "["):
                if let (inlines, end) = bracket(at: index, range: range, depth: depth) {
                    emit(inlines)
                    index = end
                    continue
                }
            case UInt8(ascii: "!"):
                if let (inlines, end) = image(at: index, range: range) {
                    emit(inlines)
                    index = end
                    continue
                }
            default:
                if formatting, Self.effects.contains(byte), Self.canOpen(bytes, index),
                   let closer = first(in: closers[byte], from: index + 2, before: range.upperBound) {
                    emit(Self.wrap(byte, parse((index + 1)..<closer, depth: depth + 1)))
                    index = closer + 1
                    continue
                }
            }
            text.append(byte)
            index += 1
        }
        flush()
        return output
    }

    private static func wrap(_ effect: UInt8, _ content: [MarkdownInline]) -> [MarkdownInline] {
        switch effect {
        case UInt8(ascii: "*"): [.strong(content)]
        case UInt8(ascii: "_"): [.emphasis(content)]
        case UInt8(ascii: "-"): [.strikethrough(content)]
        default: content
        }
    }

    /// `{{monospace}}`, `{*}strong{*}`-style effects, and `{color…}`/`{anchor…}` tags (dropped, text kept).
    private func brace(at index: Int, range: Range<Int>, depth: Int, formatting: Bool) -> ([MarkdownInline], Int)? {
        guard !escaped[index], index + 1 < range.upperBound else { return nil }
        if bytes[index + 1] == UInt8(ascii: "{") {
            guard let close = first(in: closingBraces, from: index + 2, before: range.upperBound) else { return nil }
            let content = Self.unescaped(bytes[(index + 2)..<close])
            return ([.code(content)], close + 2)
        }
        if formatting, index + 2 < range.upperBound, bytes[index + 2] == UInt8(ascii: "}"), Self.effects.contains(bytes[index + 1]) {
            let effect = bytes[index + 1]
            guard let close = first(in: braceForms[effect], from: index + 3, before: range.upperBound) else { return nil }
            return (Self.wrap(effect, parse((index + 3)..<close, depth: depth + 1)), close + 3)
        }
        let rest = bytes[(index + 1)..<range.upperBound]
        if rest.hasPrefixIgnoringCase("color") || rest.hasPrefixIgnoringCase("anchor") {
            var end = index + 1
            while end < range.upperBound, bytes[end] != UInt8(ascii: "}"), bytes[end] != 0x0A, end - index < 64 { end += 1 }
            guard end < range.upperBound, bytes[end] == UInt8(ascii: "}") else { return nil }
            return ([], end + 1)
        }
        return nil
    }

    /// `[text|url]`, `[url]`, `[~user]`, `[^attachment]`; anything else stays literal.
    private func bracket(at index: Int, range: Range<Int>, depth: Int) -> ([MarkdownInline], Int)? {
        guard !escaped[index], let close = first(in: closingBrackets, from: index + 1, before: range.upperBound) else { return nil }
        // Links do not nest: a `[` before the `]` means this one is text.
        if first(in: openingBrackets, from: index + 1, before: close) != nil { return nil }
        let content = bytes[(index + 1)..<close]
        guard !content.isEmpty else { return nil }
        if content.first == UInt8(ascii: "~") {
            let user = Self.unescaped(content.dropFirst())
            guard !user.isEmpty else { return nil }
            if user.lowercased().hasPrefix("accountid:") {
                return ([.mention(MarkdownMention(kind: .accountId, id: String(user.dropFirst("accountid:".count))))], close + 1)
            }
            return ([.mention(MarkdownMention(kind: .username, id: user))], close + 1)
        }
        var parts: [ArraySlice<UInt8>] = []
        var partStart = content.startIndex
        for position in content.indices where content[position] == UInt8(ascii: "|") && !escaped[position] {
            parts.append(content[partStart..<position])
            partStart = position + 1
        }
        parts.append(content[partStart...])
        if parts.count == 1 {
            let target = Self.unescaped(content)
            if target.hasPrefix("^") { return ([.text("[attachment: \(target.dropFirst())]")], close + 1) }
            guard Self.isAddress(target) else { return nil }
            return ([.link(MarkdownLink(destination: target, content: [.text(target)]))], close + 1)
        }
        let destination = Self.unescaped(parts[1]).trimmingASCIIWhitespace()
        let title = parts.count > 2 ? Self.unescaped(parts[2]) : nil
        let label = parse(parts[0].startIndex..<parts[0].endIndex, depth: depth + 1)
        return ([.link(MarkdownLink(destination: destination, title: title, content: label))], close + 1)
    }

    /// `!image.png!`, `!https://…/a.png|alt=Chart!`: an image by address, or an attachment placeholder.
    private func image(at index: Int, range: Range<Int>) -> ([MarkdownInline], Int)? {
        guard !escaped[index], index == range.lowerBound || !ByteClass.isWordCharacter(bytes[index - 1]),
              let close = first(in: exclamations, from: index + 1, before: range.upperBound), close > index + 1
        else { return nil }
        let content = bytes[(index + 1)..<close]
        guard content.count <= 2_048, let first = content.first, let last = content.last, !ByteClass.isWhitespace(first), !ByteClass.isWhitespace(last) else { return nil }
        let parts = content.split(separator: UInt8(ascii: "|"), maxSplits: 1, omittingEmptySubsequences: false)
        let target = Self.unescaped(parts[0])
        guard target.contains("."), !target.contains(" ") || target.contains("://") else { return nil }
        var alt = ""
        if parts.count > 1 {
            for setting in parts[1].split(separator: UInt8(ascii: ",")) where setting.trimmingWhitespace().hasPrefixIgnoringCase("alt=") {
                alt = Self.unescaped(setting.trimmingWhitespace().dropFirst(4))
            }
        }
        if target.contains("://") { return ([.image(MarkdownImage(source: target, alt: alt))], close + 1) }
        return ([.text("[attachment: \(target)]")], close + 1)
    }

    // MARK: Helpers

    private static func isAddress(_ target: String) -> Bool {
        target.contains("://") || target.lowercased().hasPrefix("mailto:") || target.hasPrefix("#") || target.hasPrefix("/")
    }

    /// Text with `\x` escapes and numeric references resolved.
    static func unescaped(_ bytes: ArraySlice<UInt8>) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\\"), index + 1 < bytes.endIndex, ByteClass.isPunctuation(bytes[index + 1]) {
                output.append(bytes[index + 1])
                index += 2
            } else if byte == UInt8(ascii: "&"), let (decoded, length) = numericReference(Array(bytes[index...].prefix(12)), at: 0) {
                output.append(contentsOf: decoded.utf8)
                index += length
            } else {
                output.append(byte)
                index += 1
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// `&#92;`-style references (the writer uses them for characters wiki markup cannot escape).
    static func numericReference(_ bytes: [UInt8], at index: Int) -> (String, Int)? {
        guard index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "#") else { return nil }
        return HTMLEntities.reference(in: bytes[...], at: index)
    }
}
