/// A named group of a connector's actions that an agent can switch on as a whole: `default` for the
/// everyday jobs, others such as `agile`, `comments` or `admin`. `all` is every action and needs no
/// declaration; a connector without a `default` toolset exposes all its actions by default.
///
/// ```json
/// "toolsets": {
///   "default": {"description": "Find, read, create and update issues.", "actions": ["issues.get", "issues.search", "comments.add"]},
///   "agile": {"description": "Boards and sprints.", "actions": ["boards.*", "sprints.*"]}
/// }
/// ```
///
/// Each pattern is `entity.action`, where `*` matches any run of characters and `?` one character.
public struct Toolset: Sendable, Hashable {
    /// The toolset every connector has without declaring it: every action.
    public static let allName = "all"
    /// The toolset served when none is chosen.
    public static let defaultName = "default"

    public let name: String
    public let description: String
    /// `entity.action` glob patterns, each matching at least one action of the connector.
    public let patterns: [String]

    public init(name: String, description: String, patterns: [String]) {
        self.name = name
        self.description = description
        self.patterns = patterns
    }

    /// Whether the toolset holds `action` of `entity`.
    public func contains(entity: String, action: String) -> Bool {
        let id = "\(entity).\(action)"
        return patterns.contains { Glob.matches($0, id) }
    }
}

extension ConnectorManifest {
    /// The toolset called `name`: a declared one, `all`, or an implied `default` of every action when the
    /// manifest declares none.
    public func toolset(named name: String) -> Toolset? {
        if let declared = toolsets.first(where: { $0.name == name }) { return declared }
        if name == Toolset.allName || name == Toolset.defaultName {
            return Toolset(name: name, description: "Every action.", patterns: ["*"])
        }
        return nil
    }

    /// Every toolset name the connector answers to, `all` included.
    public var toolsetNames: [String] {
        var names = toolsets.map(\.name)
        if !names.contains(Toolset.defaultName) { names.insert(Toolset.defaultName, at: 0) }
        return names + [Toolset.allName]
    }
}
