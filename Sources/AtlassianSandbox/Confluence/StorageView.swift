/// Renders storage format as the `view` representation: plain HTML, with Confluence macros turned
/// into the `div`s and `pre`s the web UI shows.
///
/// ```swift
/// StorageView.html(fromStorage: #"<ac:structured-macro ac:name="info"><ac:rich-text-body><p>Hi</p></ac:rich-text-body></ac:structured-macro>"#)
/// // <div class="confluence-information-macro confluence-information-macro-information"><div class="confluence-information-macro-body"><p>Hi</p></div></div>
/// ```
enum StorageView {
    private static let panelMacros: [String: String] = ["info": "information", "note": "note", "warning": "warning", "tip": "tip", "panel": "panel"]

    static func html(fromStorage markup: String) -> String {
        var output = ""
        var closers: [String] = []
        var hiddenDepth = 0
        for token in StorageMarkup.tokens(in: markup) {
            switch token {
            case .text(let text):
                if hiddenDepth == 0 { output += StorageMarkup.escape(text) }
            case .open(let name, let attributes):
                if hiddenDepth > 0 || name == "ac:parameter" {
                    hiddenDepth += 1
                    continue
                }
                let (opening, closing) = tags(for: name, attributes: attributes)
                output += opening
                closers.append(closing)
            case .close:
                if hiddenDepth > 0 {
                    hiddenDepth -= 1
                    continue
                }
                output += closers.popLast() ?? ""
            }
        }
        return output + closers.reversed().joined()
    }

    private static func tags(for name: String, attributes: [String: String]) -> (open: String, close: String) {
        switch name {
        case "ac:structured-macro":
            let macro = attributes["ac:name"] ?? ""
            if macro == "code" { return (#"<pre class="syntaxhighlighter-pre">"#, "</pre>") }
            if let kind = panelMacros[macro] {
                return (
                    #"<div class="confluence-information-macro confluence-information-macro-\#(kind)"><div class="confluence-information-macro-body">"#,
                    "</div></div>"
                )
            }
            return (#"<div class="conf-macro output-block" data-macro-name="\#(StorageMarkup.escape(macro))">"#, "</div>")
        case "ac:rich-text-body", "ac:plain-text-body", "ac:link", "ac:link-body", "ac:plain-text-link-body", "ac:image", "ac:emoticon", "ac:task-list", "ac:task", "ac:task-body":
            return ("", "")
        case "ri:user":
            let account = StorageMarkup.escape(attributes["ri:account-id"] ?? "")
            return (#"<a class="confluence-userlink user-mention" data-account-id="\#(account)" href="/wiki/people/\#(account)">@user</a>"#, "")
        case "ri:page":
            let title = StorageMarkup.escape(attributes["ri:content-title"] ?? "")
            return (#"<a href="/wiki/display/\#(title)">\#(title)</a>"#, "")
        case _ where name.hasPrefix("ac:") || name.hasPrefix("ri:"):
            return ("", "")
        default:
            let rendered = attributes.sorted { $0.key < $1.key }.map { " \($0.key)=\"\(StorageMarkup.escape($0.value))\"" }.joined()
            if ["br", "hr", "img"].contains(name) { return ("<\(name)\(rendered) />", "") }
            return ("<\(name)\(rendered)>", "</\(name)>")
        }
    }
}
