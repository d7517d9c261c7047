/// Why an instance failed one keyword, with the facts a message needs.
///
/// Reasons are cheap to make and turned into text only when a violation is reported, after the full path of
/// the offending value is known.
enum ViolationReason {
    case typeMismatch(expected: [String], actual: JSONValue)
    case missingRequired(expectedTypes: [String])
    case unknownParam(suggestion: String?, accepted: [String])
    case notInEnum(allowed: [JSONValue], actual: JSONValue)
    case constMismatch(expected: JSONValue, actual: JSONValue)
    case tooFewItems(minimum: Int, actual: Int)
    case tooManyItems(maximum: Int, actual: Int)
    case duplicateItems(firstIndex: Int, repeatIndex: Int)
    case belowMinimum(JSONNumber, exclusive: Bool, actual: JSONNumber)
    case aboveMaximum(JSONNumber, exclusive: Bool, actual: JSONNumber)
    case tooShort(minimum: Int, actual: Int)
    case tooLong(maximum: Int, actual: Int)
    case patternMismatch(pattern: String, actual: String)
    case formatMismatch(StringFormat, actual: String)
    case noShapeMatched(shapes: [String], actual: JSONValue, exactlyOne: Bool)
    case severalShapesMatched(shapes: [String], first: Int, second: Int)
    case forbidden(actual: JSONValue)
    case nestedTooDeeply(limit: Int)

    /// How many accepted names or enum values a message lists before "and N more".
    static let listLimit = 15

    var keyword: String {
        switch self {
        case .typeMismatch: "type"
        case .missingRequired: "required"
        case .unknownParam: "additionalProperties"
        case .notInEnum: "enum"
        case .constMismatch: "const"
        case .tooFewItems: "minItems"
        case .tooManyItems: "maxItems"
        case .duplicateItems: "uniqueItems"
        case .belowMinimum(_, let exclusive, _): exclusive ? "exclusiveMinimum" : "minimum"
        case .aboveMaximum(_, let exclusive, _): exclusive ? "exclusiveMaximum" : "maximum"
        case .tooShort: "minLength"
        case .tooLong: "maxLength"
        case .patternMismatch: "pattern"
        case .formatMismatch: "format"
        case .noShapeMatched(_, _, let exactlyOne): exactlyOne ? "oneOf" : "anyOf"
        case .severalShapesMatched: "oneOf"
        case .forbidden: "false"
        case .nestedTooDeeply: "depth"
        }
    }

    /// What would have been accepted at `path`, in a few words; `nil` when the message says it better.
    func expected(at path: ParamPath) -> String? {
        switch self {
        case .typeMismatch(let expected, _): expected.joined(separator: " or ")
        case .missingRequired(let types): types.isEmpty ? nil : types.joined(separator: " or ")
        case .unknownParam(let suggestion?, _): path.parent.appending(.member(suggestion)).description
        case .unknownParam(nil, let accepted): accepted.isEmpty ? nil : "one of " + Self.list(accepted)
        case .notInEnum(let allowed, _): "one of " + Self.list(allowed.map { $0.stringValue ?? $0.abbreviatedJSON() })
        case .constMismatch(let expected, _): expected.abbreviatedJSON()
        case .tooFewItems(let minimum, _): "at least " + Self.count(minimum, "item")
        case .tooManyItems(let maximum, _): "at most " + Self.count(maximum, "item")
        case .duplicateItems: "unique items"
        case .belowMinimum(let limit, let exclusive, _): (exclusive ? "> " : ">= ") + limit.text
        case .aboveMaximum(let limit, let exclusive, _): (exclusive ? "< " : "<= ") + limit.text
        case .tooShort(let minimum, _): "at least " + Self.count(minimum, "character")
        case .tooLong(let maximum, _): "at most " + Self.count(maximum, "character")
        case .patternMismatch(let pattern, _): "a string matching " + pattern
        case .formatMismatch(let format, _): format.expectation
        case .noShapeMatched(let shapes, _, _), .severalShapesMatched(let shapes, _, _): shapes.joined(separator: ", or ")
        case .forbidden, .nestedTooDeeply: nil
        }
    }

    /// A full sentence naming the value at `path`; the root is called `rootName` ("params").
    func message(at path: ParamPath, rootName: String) -> String {
        let subject = path.isRoot ? rootName : "param '\(path)'"
        switch self {
        case .typeMismatch(let expected, let actual):
            return "\(subject) must be \(expected.map(Self.withArticle).joined(separator: " or ")), got \(actual.typeAndAbbreviatedJSON)"
        case .missingRequired:
            return "missing required \(subject)"
        case .unknownParam(let suggestion?, _):
            return "unknown \(subject); did you mean '\(path.parent.appending(.member(suggestion)))'?"
        case .unknownParam(nil, let accepted):
            let place = path.parent.isRoot ? "" : " in '\(path.parent)'"
            guard !accepted.isEmpty else { return "unknown \(subject); no params are accepted\(place)" }
            return "unknown \(subject); accepted params\(place): \(Self.list(accepted))"
        case .notInEnum(let allowed, let actual):
            return "\(subject) must be one of \(Self.list(allowed.map { $0.abbreviatedJSON() })); got \(actual.abbreviatedJSON())"
        case .constMismatch(let expected, let actual):
            return "\(subject) must be \(expected.abbreviatedJSON()); got \(actual.abbreviatedJSON())"
        case .tooFewItems(let minimum, let actual):
            return "\(subject) must have at least \(Self.count(minimum, "item")), got \(actual)"
        case .tooManyItems(let maximum, let actual):
            return "\(subject) must have at most \(Self.count(maximum, "item")), got \(actual)"
        case .duplicateItems(let firstIndex, let repeatIndex):
            return "\(subject) must not contain duplicates; item [\(repeatIndex)] repeats item [\(firstIndex)]"
        case .belowMinimum(let limit, let exclusive, let actual):
            return "\(subject) must be \(exclusive ? ">" : ">=") \(limit.text), got \(actual.text)"
        case .aboveMaximum(let limit, let exclusive, let actual):
            return "\(subject) must be \(exclusive ? "<" : "<=") \(limit.text), got \(actual.text)"
        case .tooShort(let minimum, let actual):
            return "\(subject) must be at least \(Self.count(minimum, "character")) long, got \(actual)"
        case .tooLong(let maximum, let actual):
            return "\(subject) must be at most \(Self.count(maximum, "character")) long, got \(actual)"
        case .patternMismatch(let pattern, let actual):
            return "\(subject) must match the pattern \(pattern), got \(JSONValue.string(actual).abbreviatedJSON())"
        case .formatMismatch(let format, let actual):
            return "\(subject) must be \(format.expectation), got \(JSONValue.string(actual).abbreviatedJSON())"
        case .noShapeMatched(let shapes, let actual, let exactlyOne):
            let quantity = exactlyOne ? "exactly one" : "at least one"
            return "\(subject) must match \(quantity) of the allowed shapes: \(shapes.joined(separator: ", or ")); got \(actual.typeAndAbbreviatedJSON)"
        case .severalShapesMatched(let shapes, let first, let second):
            return "\(subject) must match exactly one of the allowed shapes; it matches both \(shapes[first]) and \(shapes[second])"
        case .forbidden(let actual):
            return "\(subject) must not be present; got \(actual.typeAndAbbreviatedJSON)"
        case .nestedTooDeeply(let limit):
            return "\(subject) must not be nested more than \(limit) levels deep"
        }
    }

    private static func withArticle(_ typeName: String) -> String {
        switch typeName {
        case "null": "null"
        case "integer", "object", "array": "an " + typeName
        default: "a " + typeName
        }
    }

    private static func count(_ number: Int, _ noun: String) -> String {
        number == 1 ? "1 \(noun)" : "\(number) \(noun)s"
    }

    /// `a, b, c`, or the first ``listLimit`` items followed by "and N more".
    private static func list(_ items: [String]) -> String {
        guard items.count > listLimit else { return items.joined(separator: ", ") }
        return items.prefix(listLimit).joined(separator: ", ") + " and \(items.count - listLimit) more"
    }
}
