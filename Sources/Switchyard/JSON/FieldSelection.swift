/// Keeps only the chosen dot paths of a record, preserving their nesting.
///
/// A path that meets an array applies to each element, so `fields.components.name` keeps the name of
/// every component. Paths that are missing are left out.
///
/// ```swift
/// let selection = FieldSelection(paths: ["key", "fields.status.name"])
/// selection.apply(to: issue)   // {"key": "DEMO-1", "fields": {"status": {"name": "To Do"}}}
/// ```
public struct FieldSelection: Sendable {
    private final class Node: Sendable {
        let children: [(key: String, node: Node)]
        let keepsAll: Bool

        init(children: [(key: String, node: Node)], keepsAll: Bool) {
            self.children = children
            self.keepsAll = keepsAll
        }
    }

    private let root: Node
    /// Whether the selection keeps everything (no paths, or `*`).
    public let keepsEverything: Bool

    public init(paths: [String]) {
        keepsEverything = paths.isEmpty || paths.contains("*")
        root = FieldSelection.tree(paths.map { $0.split(separator: ".").map(String.init) })
    }

    private static func tree(_ paths: [[String]]) -> Node {
        if paths.contains(where: \.isEmpty) { return Node(children: [], keepsAll: true) }
        var order: [String] = []
        var grouped: [String: [[String]]] = [:]
        for path in paths {
            let head = path[0]
            if grouped[head] == nil { order.append(head) }
            grouped[head, default: []].append(Array(path.dropFirst()))
        }
        return Node(children: order.map { ($0, tree(grouped[$0]!)) }, keepsAll: false)
    }

    public func apply(to value: JSONValue) -> JSONValue {
        keepsEverything ? value : FieldSelection.select(value, node: root) ?? .object(JSONObject())
    }

    private static func select(_ value: JSONValue, node: Node) -> JSONValue? {
        if node.keepsAll { return value }
        switch value {
        case .object(let object):
            var selected = JSONObject()
            for child in node.children {
                if let member = object[child.key], let kept = select(member, node: child.node) {
                    selected[child.key] = kept
                }
            }
            return selected.isEmpty ? nil : .object(selected)
        case .array(let elements):
            return .array(elements.compactMap { select($0, node: node) })
        default:
            return nil
        }
    }
}
