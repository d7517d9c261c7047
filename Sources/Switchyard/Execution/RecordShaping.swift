/// Turns a raw record into what the agent sees: rich-text fields converted by the response transforms,
/// then the field selection applied.
struct RecordShaping {
    let selection: FieldSelection
    let transforms: [(path: String, transform: String)]

    func apply(to record: JSONValue) -> JSONValue {
        var shaped = record
        for entry in transforms {
            guard let function = TextTransforms.function(named: entry.transform) else { continue }
            shaped = RecordShaping.transform(shaped, path: entry.path.split(separator: ".").map(String.init)[...], with: function)
        }
        return selection.apply(to: shaped)
    }

    /// Rewrites the values at a dot path, fanning out over arrays. A value the transform cannot convert
    /// is left as it was: the raw form is better than losing the field.
    private static func transform(_ value: JSONValue, path: ArraySlice<String>, with function: TextTransforms.Function) -> JSONValue {
        guard let head = path.first else {
            return (try? function(value)) ?? value
        }
        switch value {
        case .object(var object):
            guard let member = object[head] else { return value }
            object[head] = transform(member, path: path.dropFirst(), with: function)
            return .object(object)
        case .array(let elements):
            return .array(elements.map { transform($0, path: path, with: function) })
        default:
            return value
        }
    }
}
