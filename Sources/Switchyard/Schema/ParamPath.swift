/// Where a violation is in the instance, written the way an agent names params: `fields.labels[2]`.
///
/// Member names that would be ambiguous in dot notation (empty, or holding `.`, `[`, `]`, `"` or `'`) are
/// written in brackets as JSON strings: `headers["X-Trace.Id"]`.
struct ParamPath: Sendable, Hashable, CustomStringConvertible {
    /// One step from a value into its child.
    enum Segment: Sendable, Hashable {
        case member(String)
        case element(Int)
    }

    /// The steps from the instance root, outermost first.
    var segments: [Segment]

    var isRoot: Bool { segments.isEmpty }

    /// The path of the object or array holding this value.
    var parent: ParamPath {
        ParamPath(segments: Array(segments.dropLast()))
    }

    func appending(_ segment: Segment) -> ParamPath {
        ParamPath(segments: segments + [segment])
    }

    var description: String {
        var text = ""
        for segment in segments {
            switch segment {
            case .member(let name) where ParamPath.needsBrackets(name):
                text += "[" + JSONValue.string(name).serialized() + "]"
            case .member(let name):
                text += text.isEmpty ? name : "." + name
            case .element(let index):
                text += "[\(index)]"
            }
        }
        return text
    }

    private static func needsBrackets(_ name: String) -> Bool {
        name.isEmpty || name.utf8.contains { ".[]\"'".utf8.contains($0) }
    }
}
