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
        // Byte passes over the UTF-8, each touching only ASCII bytes, so the text stays valid UTF-8. Foundation's
        // regular expressions did the same in 60% of a Jira import's time.
        var bytes = Array(text.utf8)
        bytes = linksToText(bytes)
        bytes = tagsToSpaces(bytes)
        bytes = decodingEntities(bytes)
        bytes = withoutEmphasis(bytes)
        let result = String(decoding: collapsingWhitespace(bytes), as: UTF8.self)
        guard result.count > limit else { return result }
        let cut = result.prefix(limit - 1)
        let boundary = cut.lastIndex(of: " ").map { cut[..<$0] } ?? cut
        return boundary.trimmingCharacters(in: CharacterSet(charactersIn: " ,;:")) + "…"
    }

    /// `[text](url)` and `![alt](url)` → the text: the first `]` closes the text, and `(` must follow it;
    /// the first `)` closes the URL.
    private static func linksToText(_ bytes: [UInt8]) -> [UInt8] {
        guard bytes.contains(UInt8(ascii: "[")) else { return bytes }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let open = bytes[index] == UInt8(ascii: "!") && index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "[") ? index + 1 : index
            if bytes[open] == UInt8(ascii: "["),
               let close = bytes[(open + 1)...].firstIndex(of: UInt8(ascii: "]")),
               close + 1 < bytes.count, bytes[close + 1] == UInt8(ascii: "("),
               let end = bytes[(close + 2)...].firstIndex(of: UInt8(ascii: ")")) {
                output += bytes[(open + 1)..<close]
                index = end + 1
            } else {
                output.append(bytes[index])
                index += 1
            }
        }
        return output
    }

    /// An HTML tag (`<` to the first `>`, at most 400 characters between) → a space.
    private static func tagsToSpaces(_ bytes: [UInt8]) -> [UInt8] {
        guard bytes.contains(UInt8(ascii: "<")) else { return bytes }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "<"), let end = tagEnd(bytes, from: index + 1) {
                output.append(UInt8(ascii: " "))
                index = end + 1
            } else {
                output.append(bytes[index])
                index += 1
            }
        }
        return output
    }

    /// The first `>` after `start` with at most 400 characters (not bytes) before it.
    private static func tagEnd(_ bytes: [UInt8], from start: Int) -> Int? {
        var characters = 0
        var index = start
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: ">") { return index }
            if byte & 0xC0 != 0x80 {
                characters += 1
                if characters > 400 { return nil }
            }
            index += 1
        }
        return nil
    }

    private static let entities: [(name: [UInt8], character: UInt8)] = [
        ("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&nbsp;", " "), ("&amp;", "&"),
    ].map { (Array($0.0.utf8), $0.1.utf8.first ?? 0) }

    /// `&lt;` `&gt;` `&quot;` `&#39;` `&nbsp;` `&amp;` → their characters, in one pass (an `&amp;lt;` stays `&lt;`).
    private static func decodingEntities(_ bytes: [UInt8]) -> [UInt8] {
        guard bytes.contains(UInt8(ascii: "&")) else { return bytes }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = 0
        scanning: while index < bytes.count {
            if bytes[index] == UInt8(ascii: "&") {
                for entity in entities where bytes[index...].starts(with: entity.name) {
                    output.append(entity.character)
                    index += entity.name.count
                    continue scanning
                }
            }
            output.append(bytes[index])
            index += 1
        }
        return output
    }

    /// `**`, `__` and backticks removed.
    private static func withoutEmphasis(_ bytes: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "`") {
                index += 1
            } else if byte == UInt8(ascii: "*") || byte == UInt8(ascii: "_"), index + 1 < bytes.count, bytes[index + 1] == byte {
                index += 2
            } else {
                output.append(byte)
                index += 1
            }
        }
        return output
    }

    /// Runs of whitespace (Unicode's) → one space, none at the ends, and none before `.` `,` `;` `:`.
    private static func collapsingWhitespace(_ bytes: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var pendingSpace = false
        var index = 0
        while index < bytes.count {
            let length = whitespaceLength(bytes, at: index)
            if length > 0 {
                pendingSpace = !output.isEmpty
                index += length
                continue
            }
            let byte = bytes[index]
            if pendingSpace, byte != UInt8(ascii: "."), byte != UInt8(ascii: ","), byte != UInt8(ascii: ";"), byte != UInt8(ascii: ":") {
                output.append(UInt8(ascii: " "))
            }
            pendingSpace = false
            output.append(byte)
            index += 1
        }
        return output
    }

    /// The length in bytes of the whitespace character at `index`, or 0.
    private static func whitespaceLength(_ bytes: [UInt8], at index: Int) -> Int {
        let byte = bytes[index]
        if byte < 0x80 { return (0x09...0x0D).contains(byte) || byte == 0x20 ? 1 : 0 }
        guard byte >= 0xC0 else { return 0 }
        let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
        guard index + length <= bytes.count else { return 0 }
        var decoder = UTF8()
        var iterator = bytes[index..<(index + length)].makeIterator()
        guard case .scalarValue(let scalar) = decoder.decode(&iterator), scalar.properties.isWhitespace else { return 0 }
        return length
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
