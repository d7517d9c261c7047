/// Puts inline content into the one canonical shape every reader produces and every writer expects.
///
/// Adjacent text is merged and empty text, code and formatting removed; formatting nested anywhere inside
/// the same formatting is unwrapped and adjacent runs of it merged; whitespace and line breaks at the edges of
/// emphasis, strong and strikethrough move outside (Markdown cannot express `** bold**`); empty link text
/// becomes the address. Block-level variants also trim the edges and drop breaks a format cannot express.
///
/// ```swift
/// InlineNormalizer.paragraph([.text(" a"), .strong([.text("b ")]), .text("c"), .hardBreak])
/// // [.text("a"), .strong([.text("b")]), .text(" c")]
/// ```
enum InlineNormalizer {
    /// Paragraph content: normalized, with whitespace trimmed at the edges and around line breaks, and no
    /// leading or trailing break.
    static func paragraph(_ inlines: [MarkdownInline]) -> [MarkdownInline] {
        trimEdges(normalize(inlines))
    }

    /// Heading content: like a paragraph, with line breaks turned into spaces.
    static func heading(_ inlines: [MarkdownInline]) -> [MarkdownInline] {
        paragraph(replacingBreaks(inlines))
    }

    /// Table cell content: like a paragraph, with soft breaks turned into spaces (hard breaks stay).
    static func cell(_ inlines: [MarkdownInline]) -> [MarkdownInline] {
        paragraph(replacingBreaks(inlines, keepingHardBreaks: true))
    }

    static func normalize(_ inlines: [MarkdownInline]) -> [MarkdownInline] {
        normalize(inlines, inside: [])
    }

    /// Formatting already applied by an enclosing node; the same formatting nested inside adds nothing
    /// (`**a _b **c**_**` is `**a _b c_**`), so it is unwrapped.
    private struct Formatting: OptionSet {
        let rawValue: Int
        static let emphasis = Formatting(rawValue: 1)
        static let strong = Formatting(rawValue: 2)
        static let strikethrough = Formatting(rawValue: 4)

        init(rawValue: Int) { self.rawValue = rawValue }

        init?(_ inline: MarkdownInline) {
            switch inline {
            case .emphasis: self = .emphasis
            case .strong: self = .strong
            case .strikethrough: self = .strikethrough
            default: return nil
            }
        }
    }

    private static func normalize(_ inlines: [MarkdownInline], inside: Formatting) -> [MarkdownInline] {
        var output: [MarkdownInline] = []
        output.reserveCapacity(inlines.count)
        for inline in inlines {
            switch inline {
            case .text(let text):
                append(.text(text), to: &output)
            case .code(let code):
                if !code.isEmpty { output.append(.code(code.replacingLineBreaks(with: " "))) }
            case .emphasis(let children), .strong(let children), .strikethrough(let children):
                let formatting = Formatting(inline) ?? []
                let normalized = normalize(children, inside: inside.union(formatting))
                if inside.contains(formatting) {
                    for child in normalized { appendMerging(child, to: &output) }
                    continue
                }
                let (leading, core, trailing) = splitEdges(normalized)
                for item in leading { append(item, to: &output) }
                if !core.isEmpty { appendFormatted(inline.withChildren(core), to: &output) }
                for item in trailing { append(item, to: &output) }
            case .link(var link):
                link.content = normalize(link.content, inside: inside)
                if link.content.isEmpty { link.content = [.text(link.destination)] }
                output.append(.link(link))
            case .hardBreak, .softBreak, .image, .mention:
                append(inline, to: &output)
            }
        }
        return trimAroundBreaks(output)
    }

    // MARK: Pieces

    /// Appends text (merging with a preceding text), a break (a soft break next to another break adds
    /// nothing: Markdown has no blank line inside a paragraph), or any other inline.
    private static func append(_ inline: MarkdownInline, to output: inout [MarkdownInline]) {
        if inline.isBreak, let last = output.last, last.isBreak, inline == .softBreak || last == .softBreak {
            output[output.count - 1] = .hardBreak == inline || .hardBreak == last ? .hardBreak : .softBreak
            return
        }
        guard case .text(let text) = inline else {
            output.append(inline)
            return
        }
        guard !text.isEmpty else { return }
        if case .text(var previous)? = output.last {
            output.removeLast()
            previous += text
            output.append(.text(previous))
        } else {
            output.append(inline)
        }
    }

    private static func appendMerging(_ inline: MarkdownInline, to output: inout [MarkdownInline]) {
        if inline.formattedChildren != nil { appendFormatted(inline, to: &output) } else { append(inline, to: &output) }
    }

    /// Appends formatting, merging `strong(a) strong(b)` into `strong(a b)`.
    private static func appendFormatted(_ node: MarkdownInline, to output: inout [MarkdownInline]) {
        if let last = output.last, last.sameFormatting(as: node), let previous = last.formattedChildren, let current = node.formattedChildren {
            var merged = previous
            for child in current { appendMerging(child, to: &merged) }
            output[output.count - 1] = node.withChildren(merged)
        } else {
            output.append(node)
        }
    }

    /// Splits normalized children into leading whitespace/breaks, the core, and trailing whitespace/breaks.
    private static func splitEdges(_ children: [MarkdownInline]) -> ([MarkdownInline], [MarkdownInline], [MarkdownInline]) {
        var core = children
        var leading: [MarkdownInline] = []
        while let first = core.first {
            if first.isBreak {
                leading.append(first)
                core.removeFirst()
            } else if case .text(let text) = first {
                let bytes = ArraySlice(text.utf8)
                var cut = bytes.startIndex
                while cut < bytes.endIndex, ByteClass.isWhitespace(bytes[cut]) { cut += 1 }
                if cut == bytes.startIndex { break }
                leading.append(.text(bytes[..<cut].string))
                if cut == bytes.endIndex { core.removeFirst() } else {
                    core[0] = .text(bytes[cut...].string)
                    break
                }
            } else {
                break
            }
        }
        var trailing: [MarkdownInline] = []
        while let last = core.last {
            if last.isBreak {
                trailing.insert(last, at: 0)
                core.removeLast()
            } else if case .text(let text) = last {
                let bytes = ArraySlice(text.utf8)
                var cut = bytes.endIndex
                while cut > bytes.startIndex, ByteClass.isWhitespace(bytes[cut - 1]) { cut -= 1 }
                if cut == bytes.endIndex { break }
                trailing.insert(.text(bytes[cut...].string), at: 0)
                if cut == bytes.startIndex { core.removeLast() } else {
                    core[core.count - 1] = .text(bytes[..<cut].string)
                    break
                }
            } else {
                break
            }
        }
        return (leading, core, trailing)
    }

    /// Removes spaces just before and just after line breaks.
    private static func trimAroundBreaks(_ inlines: [MarkdownInline]) -> [MarkdownInline] {
        guard inlines.contains(where: \.isBreak) else { return inlines }
        var output = inlines
        for index in output.indices where output[index].isBreak {
            if index > 0, case .text(let text) = output[index - 1] {
                output[index - 1] = .text(ArraySlice(text.utf8).trimmingTrailingSpaces().string)
            }
            if index + 1 < output.count, case .text(let text) = output[index + 1] {
                output[index + 1] = .text(ArraySlice(text.utf8).trimmingLeadingSpaces().string)
            }
        }
        return output.filter { if case .text(let text) = $0 { !text.isEmpty } else { true } }
    }

    private static func trimEdges(_ inlines: [MarkdownInline]) -> [MarkdownInline] {
        var output = inlines
        while let first = output.first {
            if first.isBreak {
                output.removeFirst()
            } else if case .text(let text) = first {
                let trimmed = ArraySlice(text.utf8).trimmingLeadingSpaces()
                if trimmed.isEmpty { output.removeFirst() } else {
                    output[0] = .text(trimmed.string)
                    break
                }
            } else {
                break
            }
        }
        while let last = output.last {
            if last.isBreak {
                output.removeLast()
            } else if case .text(let text) = last {
                let trimmed = ArraySlice(text.utf8).trimmingTrailingSpaces()
                if trimmed.isEmpty { output.removeLast() } else {
                    output[output.count - 1] = .text(trimmed.string)
                    break
                }
            } else {
                break
            }
        }
        return output
    }

    private static func replacingBreaks(_ inlines: [MarkdownInline], keepingHardBreaks: Bool = false) -> [MarkdownInline] {
        inlines.map { inline in
            switch inline {
            case .hardBreak where !keepingHardBreaks, .softBreak:
                return .text(" ")
            case .emphasis(let children), .strong(let children), .strikethrough(let children):
                return inline.withChildren(replacingBreaks(children, keepingHardBreaks: keepingHardBreaks))
            case .link(var link):
                link.content = replacingBreaks(link.content, keepingHardBreaks: keepingHardBreaks)
                return .link(link)
            default:
                return inline
            }
        }
    }
}
