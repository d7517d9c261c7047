import Switchyard

/// Builders for Atlassian Document Format nodes, and plain-text extraction for searching.
///
/// ```swift
/// let body = ADF.doc([
///     ADF.heading(2, "Steps"),
///     ADF.bulletList(["Open the cart", "Press Pay"]),
///     ADF.paragraph([ADF.text("See "), ADF.link("the runbook", href: "https://example.com")]),
/// ])
/// ADF.plainText(of: body)   // "Steps Open the cart Press Pay See the runbook"
/// ```
enum ADF {
    static func doc(_ blocks: [JSONValue]) -> JSONValue {
        ["type": "doc", "version": 1, "content": .array(blocks)]
    }

    static func paragraph(_ text: String) -> JSONValue {
        paragraph([self.text(text)])
    }

    static func paragraph(_ inlines: [JSONValue]) -> JSONValue {
        ["type": "paragraph", "content": .array(inlines)]
    }

    static func heading(_ level: Int, _ text: String) -> JSONValue {
        ["type": "heading", "attrs": ["level": .number(JSONNumber(level))], "content": [self.text(text)]]
    }

    static func bulletList(_ items: [String]) -> JSONValue {
        ["type": "bulletList", "content": .array(items.map { ["type": "listItem", "content": [paragraph($0)]] })]
    }

    static func orderedList(_ items: [String]) -> JSONValue {
        [
            "type": "orderedList", "attrs": ["order": 1],
            "content": .array(items.map { ["type": "listItem", "content": [paragraph($0)]] }),
        ]
    }

    static func codeBlock(language: String, _ code: String) -> JSONValue {
        ["type": "codeBlock", "attrs": ["language": .string(language)], "content": [text(code)]]
    }

    static func text(_ text: String) -> JSONValue {
        ["type": "text", "text": .string(text)]
    }

    static func strong(_ text: String) -> JSONValue {
        ["type": "text", "text": .string(text), "marks": [["type": "strong"]]]
    }

    static func code(_ text: String) -> JSONValue {
        ["type": "text", "text": .string(text), "marks": [["type": "code"]]]
    }

    static func link(_ text: String, href: String) -> JSONValue {
        ["type": "text", "text": .string(text), "marks": [["type": "link", "attrs": ["href": .string(href)]]]]
    }

    static func mention(_ user: JiraUser) -> JSONValue {
        ["type": "mention", "attrs": ["id": .string(user.accountId), "text": .string("@\(user.displayName)"), "accessLevel": ""]]
    }

    /// Whether `value` is an ADF document root: an object with `type` `doc`, `version` 1 and a `content` array.
    static func isDocument(_ value: JSONValue) -> Bool {
        value["type"]?.stringValue == "doc" && value["version"]?.intValue == 1 && value["content"]?.arrayValue != nil
    }

    /// The words of a document (text nodes and mention names) joined by spaces.
    static func plainText(of node: JSONValue) -> String {
        var words: [String] = []
        collectText(node, into: &words)
        return words.joined(separator: " ")
    }

    private static func collectText(_ node: JSONValue, into words: inout [String]) {
        if let text = node["text"]?.stringValue, node["type"]?.stringValue == "text" {
            words.append(text)
        } else if node["type"]?.stringValue == "mention", let name = node["attrs"]?["text"]?.stringValue {
            words.append(name)
        }
        for child in node["content"]?.arrayValue ?? [] {
            collectText(child, into: &words)
        }
    }
}
