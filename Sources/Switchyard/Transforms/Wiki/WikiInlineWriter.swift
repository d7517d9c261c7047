/// Writes inline content as Jira wiki markup that ``WikiInlineParser`` (and Jira) reads back as the same
/// content; see ``WikiWriter`` for the escaping rules.
///
/// ```swift
/// WikiInlineWriter.render([.text("2 * 3 is "), .strong([.text("six")])], lineStart: true)   // "2 * 3 is *six*"
/// ```
struct WikiInlineWriter {
    static func render(_ inlines: [MarkdownInline], lineStart: Bool) -> String {
        var writer = WikiInlineWriter(lineStartEscapes: lineStart)
        writer.write(inlines, following: .whitespace)
        while let last = writer.output.last, ByteClass.isSpaceOrTab(last) { writer.output.removeLast() }
        return String(decoding: writer.output, as: UTF8.self)
    }

    private static let effects: [UInt8] = Array("*_-+^~".utf8)
    private static let emoticons = ["y)", "n)", "i)", "/)", "x)", "!)", "?)", "+)", "-)", "on)", "off)", "*)", "*r)", "*g)", "*b)", "*y)", "flag)", "flagoff)"]

    private let lineStartEscapes: Bool
    private var atLineStart: Bool
    private(set) var output: [UInt8] = []

    private init(lineStartEscapes: Bool) {
        self.lineStartEscapes = lineStartEscapes
        atLineStart = lineStartEscapes
    }

    private mutating func write(_ inlines: [MarkdownInline], following: ByteClass) {
        for (index, inline) in inlines.enumerated() {
            let nextClass = index + 1 < inlines.count ? Self.leadingClass(inlines[index + 1]) : following
            write(inline, nextClass: nextClass)
        }
    }

    private static func leadingClass(_ inline: MarkdownInline) -> ByteClass {
        switch inline {
        case .text(let text): ByteClass.of(text.utf8.first)
        case .softBreak: .whitespace
        default: .punctuation
        }
    }

    private mutating func write(_ inline: MarkdownInline, nextClass: ByteClass) {
        switch inline {
        case .text(let text):
            writeText(Array(text.utf8), nextClass: nextClass)
        case .emphasis(let children), .strong(let children), .strikethrough(let children):
            let effect: UInt8 = switch inline {
            case .strong: UInt8(ascii: "*")
            case .emphasis: UInt8(ascii: "_")
            default: UInt8(ascii: "-")
            }
            var inner = WikiInlineWriter(lineStartEscapes: false)
            inner.output = [effect]
            inner.write(children, following: .punctuation)
            let content = inner.output.dropFirst()
            guard let first = content.first, let last = content.last else { return }
            let opens = output.last.map { !ByteClass.isWordCharacter($0) } ?? true
            let closes = nextClass != .word
            let plain = opens && closes && !ByteClass.isWhitespace(first) && !ByteClass.isWhitespace(last)
                && !(effect == UInt8(ascii: "-") && (first == effect || last == effect))
            let delimiter = plain ? [effect] : [UInt8(ascii: "{"), effect, UInt8(ascii: "}")]
            output += delimiter + content + delimiter
        case .code(let code):
            guard !code.isEmpty else { return }
            var inner = WikiInlineWriter(lineStartEscapes: false)
            inner.output = Array("{{".utf8)
            inner.writeText(Array(code.replacingLineBreaks(with: " ").utf8), nextClass: .punctuation)
            output += inner.output + Array("}}".utf8)
        case .link(let link):
            output.append(UInt8(ascii: "["))
            let destination = Self.encodedAddress(link.destination)
            if link.title == nil, link.content == [.text(link.destination)], Self.isAddress(link.destination) {
                output += destination
            } else {
                var inner = WikiInlineWriter(lineStartEscapes: false)
                inner.output = [UInt8(ascii: "[")]
                inner.write(link.content.map { $0.isBreak ? .text(" ") : $0 }, following: .punctuation)
                output += inner.output.dropFirst() + [UInt8(ascii: "|")] + destination
                if let title = link.title { output += [UInt8(ascii: "|")] + Self.encodedAddress(title) }
            }
            output.append(UInt8(ascii: "]"))
        case .image(let image):
            output += [UInt8(ascii: "!")] + Self.encodedAddress(image.source)
            let alt = image.alt.unicodeScalars.filter { !"!|,\n\r".unicodeScalars.contains($0) }
            if !alt.isEmpty { output += Array("|alt=".utf8) + Array(String(alt).utf8) }
            output.append(UInt8(ascii: "!"))
        case .mention(let mention):
            let target = mention.kind == .accountId ? "accountid:" + mention.id : mention.id
            output += Array("[~".utf8) + Self.encodedAddress(target) + [UInt8(ascii: "]")]
        case .hardBreak:
            while let last = output.last, ByteClass.isSpaceOrTab(last) { output.removeLast() }
            output += Array("\\\\ ".utf8)
        case .softBreak:
            while let last = output.last, ByteClass.isSpaceOrTab(last) { output.removeLast() }
            if lineStartEscapes {
                output.append(0x0A)
                atLineStart = true
            } else {
                output += Array("\\\\ ".utf8)
            }
        }
        if !inline.isBreak { atLineStart = false }
    }

    // MARK: Text

    private mutating func writeText(_ text: [UInt8], nextClass: ByteClass) {
        var index = 0
        while index < text.count {
            let byte = text[index]
            if byte == 0x0A || byte == 0x0D {
                write(.hardBreak, nextClass: nextClass)
                index += 1
                continue
            }
            if atLineStart {
                if ByteClass.isSpaceOrTab(byte) {
                    index += 1
                    continue
                }
                atLineStart = false
                if escapeAtLineStart(text, index) {
                    output += [UInt8(ascii: "\\"), byte]
                    index += 1
                    continue
                }
            }
            let next: UInt8? = index + 1 < text.count ? text[index + 1] : nil
            switch byte {
            case UInt8(ascii: "\\"):
                output += Array("&#92;".utf8)
            case UInt8(ascii: "&"):
                if HTMLEntities.looksLikeReference(ArraySlice(text), at: index) { output.append(UInt8(ascii: "\\")) }
                output.append(byte)
            case UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "|"):
                output += [UInt8(ascii: "\\"), byte]
            case UInt8(ascii: "!"):
                let followedByText = next.map { !ByteClass.isWhitespace($0) } ?? (nextClass != .whitespace)
                if followedByText { output.append(UInt8(ascii: "\\")) }
                output.append(byte)
            case UInt8(ascii: "?"):
                if next == UInt8(ascii: "?") || output.last == UInt8(ascii: "?") { output.append(UInt8(ascii: "\\")) }
                output.append(byte)
            case UInt8(ascii: "("):
                if Self.emoticons.contains(where: { text[(index + 1)...].hasPrefixIgnoringCase($0) }) { output.append(UInt8(ascii: "\\")) }
                output.append(byte)
            case UInt8(ascii: ":"), UInt8(ascii: ";"):
                if let next, ")(PpD".utf8.contains(next) { output.append(UInt8(ascii: "\\")) }
                output.append(byte)
            case _ where Self.effects.contains(byte):
                if couldBeEffect(byte, next: next, nextClass: nextClass) { output.append(UInt8(ascii: "\\")) }
                output.append(byte)
            default:
                output.append(byte)
            }
            index += 1
        }
    }

    /// Whether an effect character here could open or close formatting, by ``WikiInlineParser``'s rules.
    private func couldBeEffect(_ byte: UInt8, next: UInt8?, nextClass: ByteClass) -> Bool {
        let previous = output.last
        // Next to the same character (`--`), escaping one changes what the reader sees beside the other.
        if previous == byte || next == byte { return true }
        let afterClass = next.map(ByteClass.of) ?? nextClass
        let opens = afterClass != .whitespace && (previous.map { !ByteClass.isWordCharacter($0) } ?? true)
            && !(byte == UInt8(ascii: "-") && next == byte)
        let closes = previous.map { !ByteClass.isWhitespace($0) } ?? false && afterClass != .word
            && !(byte == UInt8(ascii: "-") && previous == byte)
        return opens || closes
    }

    /// List markers, `h1.`, `bq.` and rules at the start of a line.
    private func escapeAtLineStart(_ text: [UInt8], _ index: Int) -> Bool {
        guard lineStartEscapes else { return false }
        let rest = text[index...]
        switch text[index] {
        case UInt8(ascii: "*"), UInt8(ascii: "#"), UInt8(ascii: "-"):
            return true
        case UInt8(ascii: "h"), UInt8(ascii: "H"):
            return rest.count >= 3 && (UInt8(ascii: "1")...UInt8(ascii: "6")).contains(rest[index + 1]) && rest[index + 2] == UInt8(ascii: ".")
        case UInt8(ascii: "b"), UInt8(ascii: "B"):
            return rest.hasPrefixIgnoringCase("bq.")
        default:
            return false
        }
    }

    // MARK: Addresses

    private static func isAddress(_ destination: String) -> Bool {
        destination.contains("://") || destination.lowercased().hasPrefix("mailto:") || destination.hasPrefix("#") || destination.hasPrefix("/")
    }

    /// An address or mention target with the characters wiki links cannot hold percent-encoded.
    private static func encodedAddress(_ address: String) -> [UInt8] {
        var output: [UInt8] = []
        for byte in address.utf8 {
            switch byte {
            case UInt8(ascii: "|"): output += Array("%7C".utf8)
            case UInt8(ascii: "]"): output += Array("%5D".utf8)
            case UInt8(ascii: "["): output += Array("%5B".utf8)
            case UInt8(ascii: "!"): output += Array("%21".utf8)
            case UInt8(ascii: " "): output += Array("%20".utf8)
            case 0x0A, 0x0D: continue
            default: output.append(byte)
            }
        }
        return output
    }
}
