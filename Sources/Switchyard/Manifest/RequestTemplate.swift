/// The templated HTTP call of an action: method, path, query, headers and body.
public struct RequestTemplate: Sendable {
    public let method: HTTPMethodName
    /// Path relative to the connector's base URL; each placeholder fills exactly one segment.
    public let path: Template
    public let query: [QueryTemplate]
    public let headers: [(name: String, value: Template)]
    public let body: BodyTemplate?
}

/// One query parameter of a request template.
public struct QueryTemplate: Sendable {
    /// How an array value is written.
    public enum ArrayStyle: String, Sendable {
        /// `labels=a&labels=b`
        case repeatKey = "repeat"
        /// `labels=a,b`
        case comma
    }

    public let name: String
    public let value: Template
    public let arrayStyle: ArrayStyle
}

/// The body of a request template.
public enum BodyTemplate: Sendable {
    /// A JSON body whose placeholders keep their JSON type.
    case json(JSONTemplate)
    /// An `application/x-www-form-urlencoded` body.
    case form([(name: String, value: Template)])
    /// A `multipart/form-data` body: text fields and files.
    case multipart([MultipartPartTemplate])
}

/// A JSON value with placeholders in it, parsed once at load.
public indirect enum JSONTemplate: Sendable {
    /// A value with no placeholder, sent as written.
    case literal(JSONValue)
    /// A string that is exactly `"{param}"` (or `"{param|transform}"`): replaced by the param's value with
    /// its JSON type.
    case param(String, transform: String?)
    /// A string with text around its placeholders: filled as text.
    case text(Template)
    case object([(key: String, value: JSONTemplate)])
    case array([JSONTemplate])
    /// `{"$each": "issues", "item": {…}}`: an array with one element per element of the array param, each
    /// filled from `item`, whose placeholders name the fields of that element (`{summary}`), as a bulk
    /// endpoint takes a list of records.
    case each(param: String, item: JSONTemplate)
    /// `{"fields": {"summary": "{summary}", "$merge": "field_values"}}`: the object template, then every member
    /// of the object param laid over it (the param's members win), as an API takes arbitrary extra fields
    /// next to the ones an action names.
    case merge(JSONTemplate, param: String)

    /// Every transform the template names.
    public var transforms: [String] {
        switch self {
        case .literal: []
        case .param(_, let transform): transform.map { [$0] } ?? []
        case .text(let template): template.transforms
        case .object(let members): members.flatMap { $0.value.transforms }
        case .array(let elements): elements.flatMap(\.transforms)
        case .each(_, let item): item.transforms
        case .merge(let base, _): base.transforms
        }
    }

    /// Every param name the template places; an `$each` places its array param, not its elements' fields.
    public var placeholders: [String] {
        switch self {
        case .literal: []
        case .param(let name, _): [name]
        case .text(let template): template.placeholders
        case .object(let members): members.flatMap { $0.value.placeholders }
        case .array(let elements): elements.flatMap(\.placeholders)
        case .each(let param, _): [param]
        case .merge(let base, let param): base.placeholders + [param]
        }
    }

    /// The object params the template's `$merge`s lay over their objects.
    public var mergedParams: [String] {
        switch self {
        case .literal, .param, .text: []
        case .object(let members): members.flatMap { $0.value.mergedParams }
        case .array(let elements): elements.flatMap(\.mergedParams)
        case .each(_, let item): item.mergedParams
        case .merge(let base, let param): base.mergedParams + [param]
        }
    }

    /// The `$each` parts of the template: each array param with the template of one of its elements.
    public var eachParts: [(param: String, item: JSONTemplate)] {
        switch self {
        case .literal, .param, .text: []
        case .object(let members): members.flatMap { $0.value.eachParts }
        case .array(let elements): elements.flatMap(\.eachParts)
        case .each(let param, let item): [(param, item)]
        case .merge(let base, _): base.eachParts
        }
    }
}
