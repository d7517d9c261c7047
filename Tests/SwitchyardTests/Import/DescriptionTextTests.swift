import Foundation
import Testing
@testable import Switchyard
@testable import SwitchyardImport

/// `DescriptionText.condense` reads bytes; these check it against the regular expressions it replaced, on
/// hand-made edge cases and on every description and summary in Atlassian's published specs.
@Suite("Condensing OpenAPI prose")
struct DescriptionTextTests {
    /// The regular-expression version `condense` replaced, kept as the oracle.
    private static func reference(_ text: String, limit: Int) -> String {
        var result = text
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

    @Test(arguments: [
        "See [the docs](https://x.y) and ![a diagram](d.png).", "[unclosed link", "[text] (not a link)", "[a [b](u) c", "![x](",
        "a <b>bold</b> <br/>word", "<no end", "x < y and y > z", "<" + String(repeating: "é", count: 401) + ">", "<" + String(repeating: "é", count: 399) + ">",
        "&lt;tag&gt; &amp;lt; &quot;q&quot; it&#39;s&nbsp;here &amp", "***bold*** __under__ ___ `code`",
        "  lots \t of\n\n space\u{00A0}and\u{2003}em \r\n ", "a , b . c ; d : e", "end .", "héllo wörld ✓ — 日本語 <i>x</i>",
    ])
    func matchesTheRegularExpressions(text: String) {
        #expect(DescriptionText.condense(text, limit: 10_000) == Self.reference(text, limit: 10_000))
        #expect(DescriptionText.condense(text, limit: 12) == Self.reference(text, limit: 12))
    }

    @Test("every description and summary in the Atlassian specs condenses as the regular expressions did",
          .enabled(if: OpenAPISpecs.available, "needs ../shared/specs beside the repository"))
    func matchesOnTheSpecs() throws {
        var texts: [String] = []
        func collect(_ value: JSONValue) {
            switch value {
            case .object(let object):
                for member in object {
                    if member.key == "description" || member.key == "summary", let text = member.value.stringValue { texts.append(text) }
                    collect(member.value)
                }
            case .array(let elements):
                elements.forEach(collect)
            default:
                break
            }
        }
        for spec in OpenAPISpecs.all { collect(spec.document) }
        #expect(texts.count > 5_000)
        var differences: [String] = []
        for text in texts {
            for limit in [10_000, DescriptionText.actionLimit, DescriptionText.paramLimit] where DescriptionText.condense(text, limit: limit) != Self.reference(text, limit: limit) {
                differences.append("[\(limit)] \(text.prefix(120))")
            }
        }
        #expect(differences.isEmpty, "\(differences.count) differ, e.g. \(differences.prefix(3))")
    }
}
