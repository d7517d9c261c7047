/// A compiled JSON Schema (a 2020-12 subset) for the params of one action.
///
/// Compile once when a manifest loads; validate on every call. Compiling checks the schema itself and throws a
/// ``SchemaDefinitionError`` listing every problem; validating returns ``SchemaViolation``s whose messages name
/// the offending param, so an agent can correct its call.
///
/// ```swift
/// let schema = try JSONSchema([
///     "type": "object",
///     "properties": [
///         "jql": ["type": "string", "minLength": 1],
///         "maxResults": ["type": "integer", "minimum": 1, "maximum": 100, "default": 50],
///     ],
///     "required": ["jql"],
///     "additionalProperties": false,
/// ])
/// schema.validate(["jqll": "project = DEMO"]).map(\.message)
/// // ["missing required param 'jql'", "unknown param 'jqll'; did you mean 'jql'?"]
/// schema.applyingDefaults(to: ["jql": "project = DEMO"])
/// // ["jql": "project = DEMO", "maxResults": 50]
/// ```
///
/// Supported keywords: `type`, `properties`, `required`, `additionalProperties`, `enum`, `const`, `default`,
/// `title`, `description`, `examples`, `items` (one schema), `minItems`, `maxItems`, `uniqueItems`, `minimum`,
/// `maximum`, `exclusiveMinimum`, `exclusiveMaximum`, `minLength`, `maxLength` (counted in Unicode scalars),
/// `pattern` (searched, not anchored), `format` (`date`, `date-time`, `uri` and `email` are asserted; others
/// ignored), `allOf`, `anyOf`, `oneOf`. The annotations `$comment`, `deprecated`, `readOnly`, `writeOnly` and
/// `x-…` keys are ignored; any other keyword, such as `$ref`, is a definition error.
///
/// `JSONSchema` is a cheap-to-copy handle on an immutable, `Sendable` tree.
public struct JSONSchema: Sendable {
    let root: SchemaNode

    /// Compiles `schema`, an object or a boolean.
    ///
    /// - Parameter base: where `schema` sits in its document, prefixed to every problem's pointer
    ///   (for example `/entities/issues/actions/search/params`).
    /// - Throws: ``SchemaDefinitionError`` with every problem found, each with its pointer.
    public init(_ schema: JSONValue, at base: JSONPointer = .root) throws(SchemaDefinitionError) {
        var compiler = SchemaCompiler()
        let root = compiler.compile(schema, at: base)
        guard compiler.problems.isEmpty else { throw SchemaDefinitionError(problems: compiler.problems) }
        self.root = root
    }

    init(root: SchemaNode) {
        self.root = root
    }

    /// The schema as written, for describe output.
    public var json: JSONValue { root.json }

    /// Every way `instance` breaks the schema, in a deterministic order; empty when it is valid.
    ///
    /// Instances nested more than 64 levels below the root are reported rather than walked.
    public func validate(_ instance: JSONValue) -> [SchemaViolation] {
        var validator = SchemaValidator(collectingViolations: true)
        validator.check(instance, against: root, depth: 0)
        return validator.hasFailed ? validator.violations(rootName: "params") : []
    }

    /// The names in `properties`, in declaration order; empty when the schema declares none.
    public var propertyNames: [String] { root.propertyNames }

    /// The schema of the property `name`, or `nil` when `properties` does not declare it.
    public func property(_ name: String) -> JSONSchema? {
        root.propertiesByName[name].map(JSONSchema.init(root:))
    }

    /// The names listed in `required`.
    public var requiredProperties: [String] { root.keywords.required }

    /// The declared type names in declaration order; empty when any type is allowed.
    public var types: [String] { root.keywords.types }

    /// The `description` annotation.
    public var description: String? { root.keywords.description }

    /// The `default` value, already checked against this schema.
    public var defaultValue: JSONValue? { root.keywords.defaultValue }
}
