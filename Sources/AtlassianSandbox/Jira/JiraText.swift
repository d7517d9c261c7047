import Foundation
import Switchyard

/// Rich-text values as the sandbox stores them: an ADF document (written through REST v3) or a wiki
/// markup string (written through REST v2 / Data Center), with crude conversions between the two so that
/// each API version reads what it expects.
///
/// ```swift
/// JiraText.wiki(ADF.doc([ADF.heading(2, "Steps"), ADF.bulletList(["Open", "Pay"])]))   // "h2. Steps\n\n* Open\n* Pay"
/// JiraText.adf("Hello *world*")   // {"type":"doc","version":1,"content":[{"type":"paragraph",...}]}
/// JiraText.plain(.string("h2. Steps"))   // "Steps"
/// ```
enum JiraText {
    /// The words of either form, for searching and change history.
    static func plain(_ value: JSONValue) -> String {
        if let text = value.stringValue { return ADF.plainText(of: adf(text)) }
        return ADF.plainText(of: value)
    }

    /// The value as an ADF document.
    static func adf(_ value: JSONValue) -> JSONValue {
        if let text = value.stringValue { return adf(text) }
        return value
    }

    /// The value as wiki markup.
    static func wiki(_ value: JSONValue) -> String {
        if let text = value.stringValue { return text }
        return blocks(value["content"]?.arrayValue ?? []).joined(separator: "\n\n")
    }

    // MARK: ADF → wiki

    private static func blocks(_ nodes: [JSONValue]) -> [String] {
        nodes.compactMap(block)
    }

    private static func block(_ node: JSONValue) -> String? {
        let content = node["content"]?.arrayValue ?? []
        switch node["type"]?.stringValue {
        case "paragraph":
            return inline(content)
        case "heading":
            return "h\(node["attrs"]?["level"]?.intValue ?? 1). \(inline(content))"
        case "bulletList", "orderedList":
            let marker = node["type"]?.stringValue == "bulletList" ? "*" : "#"
            return content.map { item in
                "\(marker) " + blocks(item["content"]?.arrayValue ?? []).joined(separator: " ")
            }.joined(separator: "\n")
        case "codeBlock":
            let language = node["attrs"]?["language"]?.stringValue ?? ""
            return "{code\(language.isEmpty ? "" : ":" + language)}\n\(inline(content))\n{code}"
        case "blockquote":
            return "{quote}\n" + blocks(content).joined(separator: "\n\n") + "\n{quote}"
        case "rule":
            return "----"
        case "panel":
            return "{panel}\n" + blocks(content).joined(separator: "\n\n") + "\n{panel}"
        default:
            let text = inline(content)
            return text.isEmpty ? nil : text
        }
    }

    private static func inline(_ nodes: [JSONValue]) -> String {
        nodes.map { node -> String in
            switch node["type"]?.stringValue {
            case "text":
                var text = node["text"]?.stringValue ?? ""
                for mark in node["marks"]?.arrayValue ?? [] {
                    switch mark["type"]?.stringValue {
                    case "strong": text = "*\(text)*"
                    case "em": text = "_\(text)_"
                    case "code": text = "{{\(text)}}"
                    case "strike": text = "-\(text)-"
                    case "link": text = "[\(text)|\(mark["attrs"]?["href"]?.stringValue ?? "")]"
                    default: break
                    }
                }
                return text
            case "hardBreak":
                return "\n"
            case "mention":
                return "[~accountid:\(node["attrs"]?["id"]?.stringValue ?? "")]"
            default:
                return inline(node["content"]?.arrayValue ?? [])
            }
        }.joined()
    }

    // MARK: wiki → ADF

    /// Paragraphs split on blank lines; `hN.` headings, `*`/`#` lists and `{code}` blocks are recognised,
    /// everything else is plain text (inline markup is kept as typed).
    static func adf(_ text: String) -> JSONValue {
        var result: [JSONValue] = []
        var paragraph: [String] = []
        var listItems: [String] = []
        var listMarker: Character?
        var code: [String]?
        var codeLanguage = ""

        func flushParagraph() {
            guard !paragraph.isEmpty else { return }
            var inlines: [JSONValue] = []
            for (index, line) in paragraph.enumerated() {
                if index > 0 { inlines.append(["type": "hardBreak"]) }
                if !line.isEmpty { inlines.append(ADF.text(line)) }
            }
            result.append(ADF.paragraph(inlines))
            paragraph = []
        }
        func flushList() {
            guard let marker = listMarker else { return }
            result.append(marker == "*" ? ADF.bulletList(listItems) : ADF.orderedList(listItems))
            listItems = []
            listMarker = nil
        }

        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = String(rawLine).trimmingTrailingCarriageReturn
            if var lines = code {
                if line.hasPrefix("{code") {
                    result.append(ADF.codeBlock(language: codeLanguage, lines.joined(separator: "\n")))
                    code = nil
                } else {
                    lines.append(line)
                    code = lines
                }
                continue
            }
            if line.hasPrefix("{code") {
                flushParagraph()
                flushList()
                codeLanguage = line.hasPrefix("{code:") ? String(line.dropFirst(6).prefix { $0 != "}" && $0 != "|" }) : ""
                code = []
                continue
            }
            if line.trimmingCharacters(in: .whitespaces).isEmpty {
                flushParagraph()
                flushList()
                continue
            }
            if line.count > 3, line.hasPrefix("h"), let level = Int(String(line.dropFirst().prefix(1))), (1...6).contains(level),
                line.dropFirst(2).hasPrefix(". ")
            {
                flushParagraph()
                flushList()
                result.append(ADF.heading(level, String(line.dropFirst(4))))
                continue
            }
            if let marker = line.first, marker == "*" || marker == "#", line.dropFirst().hasPrefix(" ") {
                flushParagraph()
                if listMarker != marker { flushList() }
                listMarker = marker
                listItems.append(String(line.dropFirst(2)))
                continue
            }
            flushList()
            paragraph.append(line)
        }
        if let code { result.append(ADF.codeBlock(language: codeLanguage, code.joined(separator: "\n"))) }
        flushParagraph()
        flushList()
        return ADF.doc(result)
    }
}

private extension String {
    var trimmingTrailingCarriageReturn: String {
        hasSuffix("\r") ? String(dropLast()) : self
    }
}
