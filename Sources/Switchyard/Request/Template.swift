/// A string with `{param}` placeholders, parsed once when a manifest loads.
///
/// `{{` and `}}` stand for literal braces. `{param|transform}` passes the value through a named
/// transform (``TextTransforms``) first, e.g. `{description|markdown_to_adf}`. A template that is exactly
/// one placeholder (`"{labels}"`) is *whole*: in a JSON body it is replaced by the param's value with its
/// JSON type.
///
/// ```swift
/// let path = try Template(parsing: "/rest/api/3/issue/{issue}/comment")
/// path.placeholders     // ["issue"]
/// ```
public struct Template: Sendable, Hashable, CustomStringConvertible {
    /// One piece of a template.
    public enum Part: Sendable, Hashable {
        case literal(String)
        /// A param, optionally passed through a named transform.
        case placeholder(String, transform: String?)
    }

    public let parts: [Part]
    /// The template as written in the manifest.
    public let source: String

    /// Parses `source`; throws a message naming the problem (an unclosed `{`, a stray `}`, an invalid name).
    public init(parsing source: String) throws(TemplateSyntaxError) {
        self.source = source
        var parts: [Part] = []
        var literal = ""
        var iterator = source.makeIterator()
        while let character = iterator.next() {
            switch character {
            case "{":
                var name = ""
                var closed = false
                while let next = iterator.next() {
                    if next == "}" {
                        closed = true
                        break
                    }
                    if next == "{", name.isEmpty {
                        break
                    }
                    name.append(next)
                }
                if name.isEmpty, !closed {
                    literal.append("{")
                    continue
                }
                guard closed else { throw TemplateSyntaxError("unclosed '{' in template \"\(source)\"") }
                let pieces = name.split(separator: "|", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
                guard pieces.allSatisfy(Template.isValidName) else {
                    throw TemplateSyntaxError("invalid placeholder '{\(name)}' in template \"\(source)\": write {param} or {param|transform}, with names of letters, digits and '_'")
                }
                if !literal.isEmpty {
                    parts.append(.literal(literal))
                    literal = ""
                }
                parts.append(.placeholder(pieces[0], transform: pieces.count > 1 ? pieces[1] : nil))
            case "}":
                guard iterator.next() == "}" else {
                    throw TemplateSyntaxError("stray '}' in template \"\(source)\"; write '}}' for a literal brace")
                }
                literal.append("}")
            default:
                literal.append(character)
            }
        }
        if !literal.isEmpty { parts.append(.literal(literal)) }
        self.parts = parts
    }

    /// The placeholder names, in order of appearance.
    public var placeholders: [String] {
        parts.compactMap {
            if case .placeholder(let name, _) = $0 { return name }
            return nil
        }
    }

    /// The transforms the template names, in order of appearance.
    public var transforms: [String] {
        parts.compactMap {
            if case .placeholder(_, let transform?) = $0 { return transform }
            return nil
        }
    }

    /// The param name (and transform) when the template is exactly one placeholder.
    public var wholePlaceholder: (name: String, transform: String?)? {
        if parts.count == 1, case .placeholder(let name, let transform) = parts[0] { return (name, transform) }
        return nil
    }

    public var description: String { source }

    /// Fills the template, rendering each value with `render`; returns `nil` when any placeholder has no
    /// value. `value` resolves a placeholder's name and transform.
    public func fill(
        _ value: (_ name: String, _ transform: String?) throws(ExecutionError) -> JSONValue?,
        render: (JSONValue) -> String
    ) throws(ExecutionError) -> String? {
        var result = ""
        for part in parts {
            switch part {
            case .literal(let text):
                result += text
            case .placeholder(let name, let transform):
                guard let resolved = try value(name, transform), !resolved.isNull else { return nil }
                result += render(resolved)
            }
        }
        return result
    }

    /// Fills a template that has no transforms (config and credential templates) from plain values.
    func fill(_ lookup: (String) -> JSONValue?) -> String? {
        try? fill({ name, _ in lookup(name) }, render: \.displayText)
    }

    static func isValidName(_ name: String) -> Bool {
        ManifestDecoder.isValidName(name)
    }
}

/// A template that cannot be parsed; the message quotes the template.
public struct TemplateSyntaxError: Error, Sendable, CustomStringConvertible {
    public let message: String

    init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
