/// Condenses an action's description for a tool definition, which the model re-reads on every turn: the
/// prose stays, the first example stays, further examples go (`describe` keeps the full text).
///
/// ```swift
/// ToolText.condensed(#"List worklogs. Example: {"issue": "DEMO-7"}; since 1 Jan: {"issue": "DEMO-7", "started_after": 1767225600000}."#)
/// // List worklogs. Example: {"issue": "DEMO-7"}.
/// ```
public enum ToolText {
    public static func condensed(_ description: String) -> String {
        let text = Array(description.unicodeScalars)
        guard let marker = find(Array("Example:".unicodeScalars), in: text) else { return description }
        var index = marker + "Example:".unicodeScalars.count
        while index < text.count, text[index] == " " { index += 1 }
        guard index < text.count, text[index] == "{" || text[index] == "[", let end = endOfJSON(text, from: index) else { return description }
        let example = String(String.UnicodeScalarView(text[index...end]))
        var prose = String(String.UnicodeScalarView(text[..<marker]))
        while prose.hasSuffix(" ") { prose.removeLast() }
        // An empty example says nothing the schema does not.
        if example == "{}" { return prose }
        return prose + " Example: " + example + "."
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
