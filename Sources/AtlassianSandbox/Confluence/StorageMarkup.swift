import Foundation

/// A forgiving reader of Confluence storage format (XHTML with `ac:` elements) into tags and text.
///
/// ```swift
/// StorageMarkup.tokens(in: "<p>Fish &amp; chips</p>")
/// // [.open("p", attributes: [:]), .text("Fish & chips"), .close("p")]
/// ```
enum StorageMarkup {
    enum Token: Equatable {
        case open(String, attributes: [String: String])
        case close(String)
        case text(String)
    }

    static func tokens(in markup: String) -> [Token] {
        var tokens: [Token] = []
        var rest = markup[...]
        while !rest.isEmpty {
            if rest.hasPrefix("<![CDATA["), let end = rest.range(of: "]]>") {
                tokens.append(.text(String(rest[rest.index(rest.startIndex, offsetBy: 9)..<end.lowerBound])))
                rest = rest[end.upperBound...]
            } else if rest.hasPrefix("<"), let end = rest.firstIndex(of: ">") {
                tokens.append(contentsOf: tag(rest[rest.index(after: rest.startIndex)..<end]))
                rest = rest[rest.index(after: end)...]
            } else {
                let end = rest.dropFirst().firstIndex(of: "<") ?? rest.endIndex
                tokens.append(.text(decodeEntities(rest[..<end])))
                rest = rest[end...]
            }
        }
        return tokens
    }

    /// The text of the markup with tags removed, block elements separated by spaces.
    static func plainText(of markup: String) -> String {
        var pieces: [String] = []
        for token in tokens(in: markup) {
            if case .text(let text) = token { pieces.append(text) }
        }
        return pieces.joined(separator: " ").split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    static func escape(_ text: String) -> String {
        var escaped = ""
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            default: escaped.append(character)
            }
        }
        return escaped
    }

    /// The tokens of one tag's inside, e.g. `p`, `/p`, `br/` or `ac:structured-macro ac:name="info"`.
    private static func tag(_ inside: Substring) -> [Token] {
        if inside.hasPrefix("/") { return [.close(inside.dropFirst().trimmingCharacters(in: .whitespaces))] }
        if inside.hasPrefix("!") || inside.hasPrefix("?") { return [] }
        let selfClosing = inside.hasSuffix("/")
        let body = selfClosing ? inside.dropLast() : inside
        let name = String(body.prefix { !$0.isWhitespace })
        let attributes = parseAttributes(body.dropFirst(name.count))
        return selfClosing ? [.open(name, attributes: attributes), .close(name)] : [.open(name, attributes: attributes)]
    }

    private static func parseAttributes(_ text: Substring) -> [String: String] {
        var attributes: [String: String] = [:]
        var rest = text
        while let equals = rest.firstIndex(of: "=") {
            let name = rest[..<equals].trimmingCharacters(in: .whitespaces)
            rest = rest[rest.index(after: equals)...].drop { $0.isWhitespace }
            guard let quote = rest.first, quote == "\"" || quote == "'" else { break }
            rest = rest.dropFirst()
            let end = rest.firstIndex(of: quote) ?? rest.endIndex
            attributes[name] = decodeEntities(rest[..<end])
            rest = end < rest.endIndex ? rest[rest.index(after: end)...] : rest[end...]
        }
        return attributes
    }

    private static func decodeEntities(_ text: Substring) -> String {
        guard text.contains("&") else { return String(text) }
        var decoded = String(text)
        for (entity, character) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&nbsp;", " "), ("&amp;", "&")] {
            decoded = decoded.replacingOccurrences(of: entity, with: character)
        }
        return decoded
    }
}
