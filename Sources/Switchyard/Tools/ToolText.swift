/// The description a tool definition carries, which the model re-reads on every turn: the action's
/// one-line `summary` with the description's first example, or, for an action without a summary, the
/// description's prose with its first example (further examples go). `describe` keeps the full text.
///
/// ```swift
/// ToolText.condensed(#"List worklogs. Example: {"issue": "DEMO-7"}; since 1 Jan: {"issue": "DEMO-7", "started_after": 1767225600000}."#)
/// // List worklogs. Example: {"issue": "DEMO-7"}.
/// ToolText.description(for: action)   // summary "List an issue's worklogs." → List an issue's worklogs. Example: {"issue": "DEMO-7"}.
/// ```
public enum ToolText {
    public static func description(for action: Action) -> String {
        guard let summary = action.summary else { return condensed(action.description) }
        guard let json = firstExample(in: action.description)?.json else { return summary }
        return summary + " Example: " + json + "."
    }

    public static func condensed(_ description: String) -> String {
        guard let example = firstExample(in: description) else { return description }
        guard let json = example.json else { return example.prose }
        return example.prose + " Example: " + json + "."
    }

    /// The JSON after the first "Example:" (nil for `{}`, which says nothing the schema does not) and the
    /// prose before it; nil where the description has no example.
    private static func firstExample(in description: String) -> (prose: String, json: String?)? {
        let text = Array(description.unicodeScalars)
        guard let marker = find(Array("Example:".unicodeScalars), in: text) else { return nil }
        var index = marker + "Example:".unicodeScalars.count
        while index < text.count, text[index] == " " { index += 1 }
        guard index < text.count, text[index] == "{" || text[index] == "[", let end = endOfJSON(text, from: index) else { return nil }
        let example = String(String.UnicodeScalarView(text[index...end]))
        var prose = String(String.UnicodeScalarView(text[..<marker]))
        while prose.hasSuffix(" ") { prose.removeLast() }
        return (prose, example == "{}" ? nil : example)
    }

    private static func find(_ needle: [Unicode.Scalar], in text: [Unicode.Scalar]) -> Int? {
        guard needle.count <= text.count else { return nil }
        for start in 0...(text.count - needle.count) where text[start..<(start + needle.count)].elementsEqual(needle) {
            return start
        }
        return nil
    }

    /// The index of the bracket that closes the JSON value opening at `start`, strings respected.
    private static func endOfJSON(_ text: [Unicode.Scalar], from start: Int) -> Int? {
        var depth = 0
        var inString = false
        var escaped = false
        for index in start..<text.count {
            let scalar = text[index]
            if inString {
                if escaped { escaped = false } else if scalar == "\\" { escaped = true } else if scalar == "\"" { inString = false }
                continue
            }
            switch scalar {
            case "\"": inString = true
            case "{", "[": depth += 1
            case "}", "]":
                depth -= 1
                if depth == 0 { return index }
            default: break
            }
        }
        return nil
    }
}
