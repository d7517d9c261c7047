/// A string built from literal text, values of a record (`{/fields/summary}`, a ``RecordPath``) and named
/// variables (`{base_url}`, `{query}`), as export sections use for URLs, queries and fetch params.
///
/// ```swift
/// let url = try RecordTemplate(parsing: "{base_url}/browse/{/key}", variables: ["base_url"])
/// url.render(record: ["key": "DEMO-1"], variables: ["base_url": "https://acme.atlassian.net"])
/// // "https://acme.atlassian.net/browse/DEMO-1"
/// ```
public struct RecordTemplate: Sendable, Hashable {
    /// One piece of the template.
    public enum Segment: Sendable, Hashable {
        case literal(String)
        case path(RecordPath)
        case variable(String)
    }

    public let segments: [Segment]

    /// Parses `source`, allowing only the named `variables` besides record paths.
    public init(parsing source: String, variables: Set<String>) throws(TemplateSyntaxError) {
        var segments: [Segment] = []
        var rest = source[...]
        while let open = rest.firstIndex(of: "{") {
            if open > rest.startIndex { segments.append(.literal(String(rest[..<open]))) }
            guard let close = rest[open...].firstIndex(of: "}") else {
                throw TemplateSyntaxError("unclosed '{' in '\(source)'")
            }
            let inner = String(rest[rest.index(after: open)..<close])
            if inner.hasPrefix("/") {
                guard let path = RecordPath(inner) else { throw TemplateSyntaxError("'{\(inner)}' is not a JSON pointer") }
                segments.append(.path(path))
            } else if variables.contains(inner) {
                segments.append(.variable(inner))
            } else {
                let known = variables.isEmpty ? "only record paths such as {/id} are allowed here" : "expected a record path such as {/id} or one of \(variables.sorted().map { "{\($0)}" }.joined(separator: ", "))"
                throw TemplateSyntaxError("unknown placeholder {\(inner)}; \(known)")
            }
            rest = rest[rest.index(after: close)...]
        }
        if !rest.isEmpty { segments.append(.literal(String(rest))) }
        self.segments = segments
    }

    /// Whether the template uses the variable `name`.
    public func uses(_ name: String) -> Bool {
        segments.contains(.variable(name))
    }

    /// The filled string, or `nil` when a record path is missing or not a scalar.
    public func render(record: JSONValue = .null, variables: [String: String] = [:]) -> String? {
        var text = ""
        for segment in segments {
            switch segment {
            case .literal(let literal): text += literal
            case .variable(let name): text += variables[name] ?? ""
            case .path(let path):
                guard let value = path.value(in: record), value.stringValue != nil || value.numberValue != nil else { return nil }
                text += value.displayText
            }
        }
        return text
    }
}
