/// The validation keywords of one schema object, compiled: bounds parsed, the pattern built, sub-schemas
/// compiled to ``SchemaNode``s. `nil` or empty means the keyword is absent.
struct SchemaKeywords: Sendable {
    /// One entry of `properties`, in declaration order.
    struct Property: Sendable {
        let name: String
        let schema: SchemaNode
    }

    /// What `additionalProperties` says about members not named in `properties`.
    enum AdditionalProperties: Sendable {
        case allowed
        case forbidden
        case validated(by: SchemaNode)
    }

    var types: [String] = []
    var properties: [Property] = []
    var required: [String] = []
    var additionalProperties = AdditionalProperties.allowed
    var enumValues: [JSONValue]?
    var constValue: JSONValue?
    var defaultValue: JSONValue?
    var description: String?

    var items: SchemaNode?
    var minItems: Int?
    var maxItems: Int?
    var uniqueItems = false

    var minimum: NumericBound?
    var exclusiveMinimum: NumericBound?
    var maximum: NumericBound?
    var exclusiveMaximum: NumericBound?

    var minLength: Int?
    var maxLength: Int?
    var pattern: CompiledPattern?
    var format: StringFormat?

    var allOf: [SchemaNode] = []
    var anyOf: [SchemaNode] = []
    var oneOf: [SchemaNode] = []
}
