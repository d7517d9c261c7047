/// A JSON pointer into a record in which a `*` token fans out over an array: `/fields/labels` is one value,
/// `/ancestors/*/title` the title of every ancestor.
///
/// ```swift
/// let path = RecordPath("/ancestors/*/title")!
/// path.value(in: ["ancestors": [["title": "Home"], ["title": "Ops"]]])   // ["Home", "Ops"]
/// ```
public struct RecordPath: Sendable, Hashable, CustomStringConvertible {
    public let pointer: JSONPointer

    /// Parses the escaped pointer form; `nil` when it does not start with `/` (the empty string is the record).
    public init?(_ text: String) {
        guard let pointer = JSONPointer(text) else { return nil }
        self.pointer = pointer
    }

    /// The value the path designates, an array when it fans out, or `nil` when a step is missing.
    public func value(in record: JSONValue) -> JSONValue? {
        Self.resolve(pointer.tokens[...], in: record)
    }

    private static func resolve(_ tokens: ArraySlice<String>, in value: JSONValue) -> JSONValue? {
        guard let token = tokens.first else { return value }
        if token == "*", let elements = value.arrayValue {
            return .array(elements.compactMap { resolve(tokens.dropFirst(), in: $0) })
        }
        switch value {
        case .object(let object):
            return object[token].flatMap { resolve(tokens.dropFirst(), in: $0) }
        case .array(let elements):
            guard let index = Int(token), elements.indices.contains(index) else { return nil }
            return resolve(tokens.dropFirst(), in: elements[index])
        default:
            return nil
        }
    }

    public var description: String { pointer.description }
}
