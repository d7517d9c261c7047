/// Structural questions about inline content that the normalizer, readers and writers share.
///
/// ```swift
/// MarkdownInline.plainText([.strong([.text("Hi")]), .text(" "), .mention(MarkdownMention(id: "5b10", name: "Mia"))])   // "Hi @Mia"
/// ```
extension MarkdownInline {
    var isBreak: Bool {
        switch self {
        case .hardBreak, .softBreak: true
        default: false
        }
    }

    /// The children of emphasis, strong and strikethrough; `nil` for other inlines.
    var formattedChildren: [MarkdownInline]? {
        switch self {
        case .emphasis(let children), .strong(let children), .strikethrough(let children): children
        default: nil
        }
    }

    /// The same formatting around other children; other inlines are returned unchanged.
    func withChildren(_ children: [MarkdownInline]) -> MarkdownInline {
        switch self {
        case .emphasis: .emphasis(children)
        case .strong: .strong(children)
        case .strikethrough: .strikethrough(children)
        default: self
        }
    }

    func sameFormatting(as other: MarkdownInline) -> Bool {
        switch (self, other) {
        case (.emphasis, .emphasis), (.strong, .strong), (.strikethrough, .strikethrough): true
        default: false
        }
    }

    /// The text a reader would see, without any markup: alt text, mention names, flattened cells.
    static func plainText(_ inlines: [MarkdownInline]) -> String {
        var output = ""
        for inline in inlines {
            switch inline {
            case .text(let text), .code(let text): output += text
            case .emphasis(let children), .strong(let children), .strikethrough(let children): output += plainText(children)
            case .link(let link): output += plainText(link.content)
            case .image(let image): output += image.alt
            case .mention(let mention): output += "@" + (mention.name.isEmpty ? mention.id : mention.name)
            case .hardBreak, .softBreak: output += "\n"
            }
        }
        return output
    }
}
