import Foundation
import Switchyard

/// Converts page bodies between storage format and ADF, so a page can be read in either `body-format`
/// whichever format it was written in. The conversion covers the common blocks (headings, paragraphs,
/// lists, code, info panels); anything else keeps its text as a paragraph.
///
/// ```swift
/// BodyConverter.adf(fromStorage: "<h1>Title</h1><p>Body</p>")
/// // {"type":"doc","version":1,"content":[{"type":"heading",...},{"type":"paragraph",...}]}
/// BodyConverter.value(of: ContentBody(.storage, "<p>Hi</p>"), as: .atlasDocFormat)   // the ADF as JSON text
/// ```
enum BodyConverter {
    /// The body's value in `representation`; ADF comes back as a JSON-encoded string, as v2 sends it,
    /// and `view` as rendered HTML.
    static func value(of body: ContentBody, as representation: ContentBody.Representation) -> String {
        switch (body.representation, representation) {
        case (.storage, .storage), (.atlasDocFormat, .atlasDocFormat), (.view, .view), (.view, .storage):
            return body.value
        case (.storage, .atlasDocFormat), (.view, .atlasDocFormat):
            return adf(fromStorage: body.value).serialized()
        case (.atlasDocFormat, .storage):
            return storage(fromADF: (try? JSONValue(parsing: body.value)) ?? .null)
        case (.storage, .view):
            return StorageView.html(fromStorage: body.value)
        case (.atlasDocFormat, .view):
            return StorageView.html(fromStorage: storage(fromADF: (try? JSONValue(parsing: body.value)) ?? .null))
        }
    }

    /// The words of a body, for search and excerpts.
    static func plainText(of body: ContentBody) -> String {
        switch body.representation {
        case .storage, .view: StorageMarkup.plainText(of: body.value)
        case .atlasDocFormat: ADF.plainText(of: (try? JSONValue(parsing: body.value)) ?? .null)
        }
    }

    static func adf(fromStorage markup: String) -> JSONValue {
        var builder = ADFBuilder()
        for token in StorageMarkup.tokens(in: markup) { builder.consume(token) }
        return ADF.doc(builder.finish())
    }

    static func storage(fromADF document: JSONValue) -> String {
        (document["content"]?.arrayValue ?? []).map(storageBlock).joined()
    }

    private static func storageBlock(_ node: JSONValue) -> String {
        let inline = inlineStorage(node["content"]?.arrayValue ?? [])
        switch node["type"]?.stringValue {
        case "heading":
            let level = min(max(node["attrs"]?["level"]?.intValue ?? 1, 1), 6)
            return "<h\(level)>\(inline)</h\(level)>"
        case "paragraph":
            return "<p>\(inline)</p>"
        case "bulletList", "orderedList":
            let tag = node["type"]?.stringValue == "bulletList" ? "ul" : "ol"
            let items = (node["content"]?.arrayValue ?? []).map { item in
                "<li>\((item["content"]?.arrayValue ?? []).map(storageBlock).joined())</li>"
            }
            return "<\(tag)>\(items.joined())</\(tag)>"
        case "codeBlock":
            let language = node["attrs"]?["language"]?.stringValue ?? ""
            return #"<ac:structured-macro ac:name="code"><ac:parameter ac:name="language">\#(language)</ac:parameter>"#
                + "<ac:plain-text-body><![CDATA[\(ADF.plainText(of: node))]]></ac:plain-text-body></ac:structured-macro>"
        case "panel":
            let type = node["attrs"]?["panelType"]?.stringValue ?? "info"
            let content = (node["content"]?.arrayValue ?? []).map(storageBlock).joined()
            return #"<ac:structured-macro ac:name="\#(type)"><ac:rich-text-body>\#(content)</ac:rich-text-body></ac:structured-macro>"#
        case "rule":
            return "<hr/>"
        default:
            let text = ADF.plainText(of: node)
            return text.isEmpty ? "" : "<p>\(StorageMarkup.escape(text))</p>"
        }
    }

    private static func inlineStorage(_ nodes: [JSONValue]) -> String {
        nodes.map { node in
            switch node["type"]?.stringValue {
            case "text":
                var html = StorageMarkup.escape(node["text"]?.stringValue ?? "")
                for mark in node["marks"]?.arrayValue ?? [] {
                    switch mark["type"]?.stringValue {
                    case "strong": html = "<strong>\(html)</strong>"
                    case "em": html = "<em>\(html)</em>"
                    case "code": html = "<code>\(html)</code>"
                    case "link": html = "<a href=\"\(StorageMarkup.escape(mark["attrs"]?["href"]?.stringValue ?? ""))\">\(html)</a>"
                    default: break
                    }
                }
                return html
            case "mention":
                return #"<ac:link><ri:user ri:account-id="\#(node["attrs"]?["id"]?.stringValue ?? "")" /></ac:link>"#
            case "hardBreak":
                return "<br/>"
            default:
                return StorageMarkup.escape(ADF.plainText(of: node))
            }
        }.joined()
    }
}

/// Builds ADF blocks from a stream of storage-format tokens.
private struct ADFBuilder {
    private enum TextBlock {
        case paragraph
        case heading(Int)
        case code
    }

    private var blocks: [JSONValue] = []
    private var panel: (type: String, blocks: [JSONValue])?
    private var list: (ordered: Bool, items: [String])?
    private var listItemText: String?
    private var textBlock = TextBlock.paragraph
    private var text = ""
    private var ignoredDepth = 0
    private var codeLanguage: String?

    mutating func consume(_ token: StorageMarkup.Token) {
        switch token {
        case .text(let fragment):
            guard ignoredDepth == 0 else {
                if codeLanguage != nil { codeLanguage! += fragment }
                return
            }
            if listItemText != nil { listItemText! += fragment } else { text += fragment }
        case .open(let name, let attributes):
            open(name, attributes: attributes)
        case .close(let name):
            close(name)
        }
    }

    mutating func finish() -> [JSONValue] {
        flushText()
        return blocks
    }

    private mutating func open(_ name: String, attributes: [String: String]) {
        switch name {
        case "h1", "h2", "h3", "h4", "h5", "h6":
            flushText()
            textBlock = .heading(Int(name.dropFirst()) ?? 1)
        case "p" where listItemText == nil:
            flushText()
            textBlock = .paragraph
        case "ul", "ol":
            flushText()
            list = (name == "ol", [])
        case "li":
            listItemText = ""
        case "ac:parameter":
            if attributes["ac:name"] == "language" { codeLanguage = "" }
            ignoredDepth += 1
        case "ac:structured-macro":
            flushText()
            if attributes["ac:name"] == "code" {
                textBlock = .code
            } else {
                panel = (attributes["ac:name"] ?? "info", [])
            }
        default:
            break
        }
    }

    private mutating func close(_ name: String) {
        switch name {
        case "h1", "h2", "h3", "h4", "h5", "h6", "p":
            if listItemText == nil { flushText() }
        case "li":
            if let item = listItemText?.trimmingWhitespace, !item.isEmpty { list?.items.append(item) }
            listItemText = nil
        case "ul", "ol":
            if let list, !list.items.isEmpty {
                emit(list.ordered ? ADF.orderedList(list.items) : ADF.bulletList(list.items))
            }
            list = nil
        case "ac:parameter":
            ignoredDepth = max(ignoredDepth - 1, 0)
        case "ac:structured-macro":
            flushText()
            if let panel {
                blocks.append(["type": "panel", "attrs": ["panelType": .string(panel.type)], "content": .array(panel.blocks)])
            }
            panel = nil
        default:
            break
        }
    }

    private mutating func flushText() {
        let raw = text
        text = ""
        defer { textBlock = .paragraph }
        if case .code = textBlock {
            let code = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            if !code.isEmpty { emit(ADF.codeBlock(language: codeLanguage ?? "", code)) }
            codeLanguage = nil
            return
        }
        let content = raw.trimmingWhitespace
        guard !content.isEmpty else { return }
        if case .heading(let level) = textBlock {
            emit(ADF.heading(level, content))
        } else {
            emit(ADF.paragraph(content))
        }
    }

    private mutating func emit(_ block: JSONValue) {
        if panel != nil { panel!.blocks.append(block) } else { blocks.append(block) }
    }
}

private extension String {
    var trimmingWhitespace: String {
        split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}
