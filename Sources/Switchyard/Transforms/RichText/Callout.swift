/// The Markdown form of content that has no Markdown equivalent but must stay visible: a block quote
/// whose first line names what it was (`> **Info:** …`, `> **Expand:** Details`, `> [macro: chart]`).
///
/// ```swift
/// Callout.quote(label: "Info", title: nil, body: [.paragraph([.text("Heads up")])])
/// // .blockQuote([.paragraph([.strong([.text("Info:")]), .text(" Heads up")])])   → "> **Info:** Heads up"
/// ```
enum Callout {
    /// A block quote whose first paragraph starts with the bold label (and the title, when there is one).
    static func quote(label: String, title: String?, body: [MarkdownBlock]) -> MarkdownBlock {
        var prefix: [MarkdownInline] = [.strong([.text(label + ":")])]
        if let title, !title.isEmpty {
            prefix.append(.text(" " + title))
            return .blockQuote([.paragraph(InlineNormalizer.paragraph(prefix))] + body)
        }
        if case .paragraph(let content)? = body.first {
            return .blockQuote([.paragraph(InlineNormalizer.paragraph(prefix + [.text(" ")] + content))] + body.dropFirst())
        }
        return .blockQuote([.paragraph(prefix)] + body)
    }

    /// A block quote led by a plain placeholder line such as `[macro: chart type=pie]`.
    static func placeholderQuote(_ placeholder: String, body: [MarkdownBlock]) -> MarkdownBlock {
        .blockQuote([.paragraph([.text(placeholder)])] + body)
    }

    /// `[macro: name key=value, key=value]`: an element that has no Markdown form, named with its settings.
    static func placeholder(_ kind: String, name: String, parameters: [(String, String)] = []) -> String {
        let settings = parameters.filter { !$0.1.isEmpty }.map { $0.0.isEmpty ? $0.1 : "\($0.0)=\($0.1)" }
        let detail = settings.isEmpty ? "" : " " + settings.joined(separator: ", ")
        return "[\(kind): \(name)\(detail)]"
    }
}
