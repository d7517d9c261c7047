/// Confluence storage markup as a small element tree, built tolerantly from ``StorageTokenizer`` tokens.
///
/// Void elements (`br`, `hr`, `img` …) and self-closing tags have no children; an end tag closes the
/// nearest open element of that name (and anything open inside it); a stray end tag is ignored; whatever
/// is still open at the end is closed. Elements nested deeper than ``maximumDepth`` are left out of the
/// tree and their content joins their parent, so walking the tree recursively is always safe.
///
/// ```swift
/// let tree = StorageTree("<p>Hi <b>there</p>")
/// tree.nodes[tree.root].children.count   // 1 (the <p>, with "Hi " and an unclosed <b> closed for it)
/// ```
struct StorageTree {
    static let maximumDepth = 3 * MarkdownDocument.maximumDepth

    struct Node {
        enum Kind: Equatable {
            case element(String)
            case text(String)
            case cdata(String)
        }

        var kind: Kind
        var attributes: [StorageTokenizer.Attribute] = []
        var children: [Int] = []

        var name: String? {
            if case .element(let name) = kind { return name }
            return nil
        }

        func attribute(_ name: String) -> String? {
            attributes.first { $0.name == name }?.value
        }
    }

    private static let voidElements: Set<String> = [
        "br", "hr", "img", "col", "area", "base", "input", "meta", "link", "wbr", "param", "source", "track", "embed",
    ]

    private(set) var nodes: [Node] = [Node(kind: .element("#root"))]
    let root = 0

    init(_ xhtml: String) {
        var tokenizer = StorageTokenizer(xhtml)
        var open: [Int] = [root]
        var skipped: [String] = []
        while let token = tokenizer.next() {
            switch token {
            case .text(let text):
                append(Node(kind: .text(text)), to: open[open.count - 1])
            case .cdata(let text):
                append(Node(kind: .cdata(text)), to: open[open.count - 1])
            case .startTag(let name, let attributes, let selfClosing):
                let node = append(Node(kind: .element(name), attributes: attributes), to: open[open.count - 1])
                if selfClosing || Self.voidElements.contains(name) { continue }
                if open.count > Self.maximumDepth {
                    nodes.removeLast()
                    nodes[open[open.count - 1]].children.removeLast()
                    skipped.append(name)
                } else {
                    open.append(node)
                }
            case .endTag(let name):
                if skipped.last == name {
                    skipped.removeLast()
                } else if let position = open.lastIndex(where: { nodes[$0].name == name }), position > 0 {
                    open.removeSubrange(position...)
                }
            }
        }
    }

    @discardableResult
    private mutating func append(_ node: Node, to parent: Int) -> Int {
        nodes.append(node)
        let index = nodes.count - 1
        nodes[parent].children.append(index)
        return index
    }
}
