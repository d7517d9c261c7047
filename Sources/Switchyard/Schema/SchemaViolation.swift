/// One way a param value breaks its action's schema, phrased for the agent that sent it.
///
/// ```swift
/// let violation = schema.validate(["maxResults": "ten"]).first!
/// violation.path      // "maxResults"
/// violation.keyword   // "type"
/// violation.message   // "param 'maxResults' must be an integer, got string \"ten\""
/// violation.expected  // "integer"
/// ```
public struct SchemaViolation: Error, Sendable, Hashable, CustomStringConvertible {
    /// Where in the instance, as a param path: `""` for the root, `jql`, `fields.labels[2]`, `issues[0].key`.
    public let path: String
    /// The schema keyword that failed: `type`, `required`, `additionalProperties`, `enum`, `pattern`, …
    public let keyword: String
    /// A full sentence naming the param, e.g. "missing required param 'jql'".
    public let message: String
    /// What would have been accepted, in a few words (`integer`, `one of current, archived`), when that helps.
    public let expected: String?

    public init(path: String, keyword: String, message: String, expected: String? = nil) {
        self.path = path
        self.keyword = keyword
        self.message = message
        self.expected = expected
    }

    public var description: String { message }
}
