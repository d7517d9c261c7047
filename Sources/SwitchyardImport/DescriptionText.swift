import Foundation

/// Condenses OpenAPI prose for an LLM: Markdown links become their text, HTML tags and entities go,
/// whitespace collapses, and the text is cut at a word boundary within a length.
///
/// ```swift
/// DescriptionText.condense("Returns an <b>issue</b>. See [docs](https://x).", limit: 300)
/// // "Returns an issue. See docs."
/// ```
enum DescriptionText {
    /// The longest action description an import writes.
    static let actionLimit = 300
    /// The longest param (and nested property) description an import writes.
    static let paramLimit = 200

    static func condense(_ text: String, limit: Int) -> String {
        var result = text
        // [text](url) → text; ![alt](url) → alt
        result = result.replacingOccurrences(of: #"!?\[([^\]]*)\]\([^)]*\)"#, with: "$1", options: .regularExpression)
        result = result.replacingOccurrences(of: #"<[^>]{0,400}>"#, with: " ", options: .regularExpression)
        for (entity, character) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&nbsp;", " "), ("&amp;", "&")] {
            result = result.replacingOccurrences(of: entity, with: character)
        }
        result = result.replacingOccurrences(of: #"(\*\*|__|`)"#, with: "", options: .regularExpression)
        result = result.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        result = result.replacingOccurrences(of: #" ([.,;:])"#, with: "$1", options: .regularExpression)
        guard result.count > limit else { return result }
        let cut = result.prefix(limit - 1)
        let boundary = cut.lastIndex(of: " ").map { cut[..<$0] } ?? cut
        return boundary.trimmingCharacters(in: CharacterSet(charactersIn: " ,;:")) + "…"
    }

    /// `summary` and `description` joined, the description left out when it only repeats the summary.
    static func combined(summary: String?, description: String?, limit: Int) -> String? {
        let parts = [summary, description].compactMap { $0 }.map { condense($0, limit: 10_000) }.filter { !$0.isEmpty }
        guard let first = parts.first else { return nil }
        var text = first
        if parts.count > 1, !parts[1].hasPrefix(first.trimmingCharacters(in: CharacterSet(charactersIn: "."))) {
            text += first.hasSuffix(".") ? " " : ". "
            text += parts[1]
        } else if parts.count > 1 {
            text = parts[1]
        }
        return condense(text, limit: limit)
    }
}
